// Included by several files: its finding must be reported once, by the first.
#pragma once
#include <cstring>
#include <utility>
#include <vector>
#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node {
  Node *prev = this;
  Node *next = this;
  void link_after(Node &head) PIN_PINS_THIS;
};

void schedule(Node &n PIN_PINS);

inline Node relink(Node &head) {
  Node n;
  n.link_after(head);
  return std::move(n); // pin-move, in a header
}
