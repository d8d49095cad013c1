#include <new>
#include "shared.h"

void grow(std::vector<Node> &v, Node &head) {
  Node &first = v.front();
  first.link_after(head);
  v.push_back(Node{}); // pin-container-relocation
  first.next = nullptr;
}

void reuse(Node &head) {
  Node n;
  n.link_after(head);
  new (&n) Node; // pin-storage-reuse
}

PIN_ADDRESS_SENSITIVE void misplaced(); // pin-annotation
