#include "shared.h"

void raw(Node &head) {
  Node a, b;
  a.link_after(head);
  std::swap(a, b);               // pin-swap
  std::memcpy(&b, &a, sizeof a); // pin-memcpy
  Node c;
  c.link_after(head);
  Node d = std::move(c); // NOLINT(pin-move): suppressed
  (void)d;
}
