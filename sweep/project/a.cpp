#include "shared.h"

void moves(bool urgent) {
  Node head, a, b;
  a.link_after(head);
  Node moved = std::move(a); // pin-move
  Node copy = a;             // pin-copy
  if (urgent)
    schedule(b);
  Node late = std::move(b);  // pin-move, on some paths
  (void)moved, (void)copy, (void)late;
}
