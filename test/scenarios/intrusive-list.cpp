// Scenario: an intrusive doubly linked list. Each node carries the prev/next
// pointers itself, so once a node is linked its neighbours (and the list head)
// hold its address: moving or copying the node afterwards leaves them pointing
// at a moved-from object, and the copy claims neighbours that do not know it.
// Linking is either passing the node to a PIN_PINS parameter (List::push_back)
// or taking its address into the list by hand (&node stored in head.next).
// The fixed forms move the node before it is linked, link it where it lives,
// or give it a relinking (PIN_ADDRESS_AWARE) move constructor. Unlinking
// first and then moving is correct but still reported (a pin lasts until the
// object is destroyed): the last function records that.
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s
// RUN: %pincc -fsyntax-only -std=c++20 -Xclang -verify %s
// The std::sort part needs the real standard library:
// RUN: %if libstdcxx %{ %pincc_real -fsyntax-only -std=c++17 -Xclang -verify -DPINCHECK_REAL_STD %s %}

#include <new>
#include <utility>
#include <vector>
#ifdef PINCHECK_REAL_STD
#include <algorithm>
#include <iterator>
#endif

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE ListNode { // #list_node
  ListNode *prev = nullptr;
  ListNode *next = nullptr;
  bool linked() const { return prev != nullptr; }
  void unlink() {
    if (!linked())
      return;
    prev->next = next;
    next->prev = prev;
    prev = next = nullptr;
  }
};
// expected-note@#list_node 1+ {{'ListNode' is address-sensitive because it is annotated address-sensitive}}

// The list does not own its nodes: it only links them.
struct List {
  ListNode head;
  List() { head.prev = head.next = &head; }
  void push_back(ListNode &node PIN_PINS) {
    node.prev = head.prev;
    node.next = &head;
    head.prev->next = &node;
    head.prev = &node;
  }
};

// A timer that can sit in a list through its hook member.
struct Timer {
  long deadline = 0;
  ListNode hook; // #timer_hook
};
// expected-note@#timer_hook 1+ {{'Timer' is address-sensitive because member 'hook' has type 'ListNode'}}

// ---------------------------------------------------------------------------
// Buggy forms.

// Linked through a pinning parameter, then moved into the caller's storage.
void requeue(List &ready, ListNode &slot) {
  ListNode node;
  ready.push_back(node); // expected-note {{'node' is pinned here: it is passed to pinning parameter 'node' of 'push_back'}}
  slot = std::move(node); // expected-warning {{'node' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

// A factory that links the node before returning it: the implicit move in
// 'return' (or the copy elision the caller hopes for) leaves the list pointing
// at the factory's local.
ListNode make_linked(List &ready) {
  ListNode node;
  ready.push_back(node); // expected-note {{'node' is pinned here: it is passed to pinning parameter 'node' of 'push_back'}}
  return node; // expected-warning {{'node' is moved by the implicit move in 'return' after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

// Linked by hand: the address goes straight into the list head.
void link_by_hand(List &l, std::vector<ListNode> &archive) {
  ListNode node;
  node.prev = &l.head;
  node.next = l.head.next;
  l.head.next = &node; // expected-note {{'node' is pinned here: its address is taken}}
  archive.push_back(node); // expected-warning {{'node' is copied by 'std::vector::push_back' after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
}

// A timer linked through its hook, then copied to reschedule it.
void reschedule(List &timers, std::vector<Timer> &later) {
  Timer t;
  t.deadline = 100;
  timers.push_back(t.hook); // expected-note {{'t.hook' is passed to pinning parameter 'node' of 'push_back'}}
  Timer again = t; // expected-warning {{'t' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  again.deadline = 200;
  later.push_back(std::move(again));
}

// Linked by a helper that takes a plain reference: pincheck follows the call
// through the helper's summary.
void enqueue(List &l, ListNode &n) { l.push_back(n); } // #enqueue_pins
void requeue_via_helper(List &ready, ListNode &slot) {
  ListNode node;
  enqueue(ready, node); // expected-note {{'node' is pinned here: it is passed to 'enqueue', which pins it}}
  // expected-note@#enqueue_pins {{'enqueue' pins its parameter 'n' here: it is passed to pinning parameter 'node' of 'push_back'}}
  slot = std::move(node); // expected-warning {{'node' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

// Linked, then moved out by a helper.
void stash(ListNode &from, ListNode &to) { to = std::move(from); } // #stash_moves
void requeue_via_stash(List &ready, ListNode &slot) {
  ListNode node;
  ready.push_back(node); // expected-note {{'node' is pinned here: it is passed to pinning parameter 'node' of 'push_back'}}
  stash(node, slot); // expected-warning {{'node' is moved by 'stash' after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#stash_moves {{'stash' moves its parameter 'from' here}}
}

// Linked on one path only.
void maybe_linked(List &l, bool urgent, ListNode &out) {
  ListNode node;
  if (urgent)
    l.push_back(node); // expected-note {{'node' may be pinned here: it is passed to pinning parameter 'node' of 'push_back'}}
  out = std::move(node); // expected-warning {{'node' is moved after it was pinned on some paths; pointers to its old address now see a moved-from object [pin-move]}}
}

#ifdef PINCHECK_REAL_STD
// Every timer of a local batch is linked, then the batch is sorted by
// deadline: std::sort swaps linked nodes, so the list now runs through the
// wrong objects. The loop may run zero times as far as the analysis knows,
// hence "on some paths".
bool by_deadline(const Timer &a, const Timer &b) { return a.deadline < b.deadline; }
void link_then_sort(List &timers) {
  Timer batch[4];
  for (Timer &t : batch)
    timers.push_back(t.hook); // expected-note {{'batch' may be pinned here: 't.hook' is passed to pinning parameter 'node' of 'push_back'}}
  std::sort(std::begin(batch), std::end(batch), by_deadline); // expected-warning {{an element of 'batch' is swapped by 'std::sort' after it was pinned on some paths; pointers to its address now see a different value [pin-swap]}}
}

// Fixed: sort first, link last.
void sort_then_link(List &timers) {
  Timer batch[4];
  std::sort(std::begin(batch), std::end(batch), by_deadline);
  for (Timer &t : batch)
    timers.push_back(t.hook);
}
#endif

// ---------------------------------------------------------------------------
// Fixed forms: no diagnostics.

// Move first, link last: the node is linked where it will stay.
void requeue_fixed(List &ready, ListNode &slot) {
  ListNode node;
  slot = std::move(node); // not linked yet: a plain move
  ready.push_back(slot);
}

// Construct in place: the caller owns the storage and the factory only links.
void link_in_place(List &ready, ListNode &node) { ready.push_back(node); }

void make_linked_fixed(List &ready) {
  ListNode node;
  link_in_place(ready, node);
  node.unlink(); // unlinked before it goes out of scope; never moved
}

// Copy the payload, not the linked object.
void reschedule_fixed(List &timers, std::vector<Timer> &later) {
  Timer t;
  t.deadline = 100;
  timers.push_back(t.hook);
  Timer again;                 // a fresh, unlinked timer
  again.deadline = t.deadline + 100;
  later.push_back(std::move(again));
}

// A node whose move constructor takes the old node's place in the list: moves
// through it are cooperative and allowed after linking.
struct PIN_ADDRESS_SENSITIVE RelinkingNode {
  RelinkingNode *prev = nullptr;
  RelinkingNode *next = nullptr;
  RelinkingNode() = default;
  RelinkingNode(RelinkingNode &&other) noexcept PIN_ADDRESS_AWARE
      : prev(other.prev), next(other.next) {
    if (prev) {
      prev->next = this;
      next->prev = this;
    }
    other.prev = other.next = nullptr;
  }
  void link_after(RelinkingNode &head) PIN_PINS_THIS {
    prev = &head;
    next = head.next;
    head.next->prev = this;
    head.next = this;
  }
};

RelinkingNode relinking_factory(RelinkingNode &head) {
  RelinkingNode node;
  node.link_after(head);
  RelinkingNode moved = std::move(node); // cooperative: the move relinks
  return moved;
}

// Unlink first, then move: correct code, since nobody holds the node's address
// any more. pincheck still reports it: a pin lasts until the object is
// destroyed (as in Rust), and there is no annotation that tells it that
// unlink() gives the address back (docs/model.md "When an instance is pinned": a place is unpinned again
// only by destruction). This expectation records that rule. Destroying the node and
// constructing a fresh one in its place (the next function) does end the pin.
void unlink_then_move(List &ready, ListNode &slot) {
  ListNode node;
  ready.push_back(node); // expected-note {{'node' is pinned here: it is passed to pinning parameter 'node' of 'push_back'}}
  node.unlink();
  slot = std::move(node); // expected-warning {{'node' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

// Unlink, destroy, construct a fresh node in the same storage: the new node is
// not pinned, so moving it is not reported.
void unlink_destroy_then_move(List &ready, ListNode &slot) {
  ListNode node;
  ready.push_back(node);
  node.unlink();
  node.~ListNode();
  ::new (&node) ListNode();
  slot = std::move(node);
}
