// No findings: every move happens before the pin.
#include "shared.h"

void early(Node &head) {
  Node a;
  Node b = std::move(a);
  b.link_after(head);
}
