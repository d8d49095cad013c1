// Fails to parse: the compiler's errors go to stderr, in file order, and the
// other files' findings are still reported.
#include "shared.h"

void broken(Node &head) {
  Node a;
  a.link_after(head);
  Node b = std::move(a); // pin-move, next to the error
  int x = ;
}
