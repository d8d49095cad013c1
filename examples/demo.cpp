// pincheck demo: one finding of every check (test/infra/demo.test holds it
// to the registry). Build and run it with
//   bash scripts/demo.sh
// An intrusive list whose nodes point at each other: once a node is linked,
// its address is in its neighbours, so moving, copying, swapping or
// memcpy-ing it leaves them pointing at a dead or wrong object.
#include <cstring>
#include <new>
#include <utility>
#include <vector>

#include "pin/pin.h"

struct PIN_ADDRESS_SENSITIVE ListNode {
  ListNode *prev = this;
  ListNode *next = this;
  // Links this node after `head`: from then on its address must not change.
  void link_after(ListNode &head) PIN_PINS_THIS;
};

// A timer registers `this` with a wheel; it holds a node by value, so it is
// address-sensitive too.
struct Timer {
  ListNode hook;
  int deadline = 0;
};

void schedule(Timer &t PIN_PINS);

PIN_ADDRESS_SENSITIVE void misplaced(); // pin-annotation: means nothing here

// Passed in registers, so copied bit by bit: its node's neighbours would
// still point at the old copy.
struct [[clang::trivial_abi]] Slot { ListNode node; }; // pin-trivially-relocatable

void demo(bool urgent) {
  ListNode head;
  ListNode a, b;
  a.link_after(head);                  // pins a
  ListNode moved = std::move(a);       // pin-move
  ListNode copy = a;                   // pin-copy
  std::swap(a, b);                     // pin-swap
  std::memcpy(&b, &a, sizeof a);       // pin-memcpy

  Timer t;
  Timer early = t;                     // fine: not pinned yet
  if (urgent)
    schedule(t);                       // pins t on this path only
  Timer late = std::move(t);           // pin-move, "on some paths"
  (void)moved, (void)copy, (void)early, (void)late;

  new (&a) ListNode();                 // pin-storage-reuse: a is still linked

  std::vector<ListNode> pool(2);
  ListNode &slot = pool[0];
  pool.push_back(ListNode());          // pin-container-relocation: may move slot
  slot.link_after(head);
}
