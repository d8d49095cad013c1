// The annotation places added for code whose bodies live in another file:
// PIN_PINS_THIS on a constructor (every object it makes is pinned from its
// construction, and its class is address-sensitive) and PIN_ADDRESS_AWARE on
// a swap function (a member swap or a free swap: pin-swap leaves it alone).
// Each positive has its negatives beside it (docs/annotations.md).
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify -fplugin-arg-pincheck-infer-self-references=false %s
//

#include <pin/pin.h>
#include <utility>

struct Loop;

// -------------------------------------------- PIN_PINS_THIS on a constructor

// Only declarations: the constructor that registers `this` is in another file.
struct Timer {
  explicit Timer(Loop &loop) PIN_PINS_THIS; // #timer_ctor
  Timer(int delay_ms); // an unregistered timer: not pinned by its making
  Timer(Timer &&other);
  Timer &operator=(Timer &&other);
  int delay_ms = 0;
};

void keep(Timer &&);

void moved_after_registering(Loop &l) {
  Timer t(l);
  keep(std::move(t)); // expected-warning {{'t' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@-2 {{'t' is pinned here: it is made by constructor 'Timer', annotated PIN_PINS_THIS}}
  // expected-note@#timer_ctor {{'Timer' is address-sensitive because its constructor 'Timer' is annotated PIN_PINS_THIS}}

}

// The other constructor does not pin: moving that object is fine until
// something pins it.
void moved_unregistered() {
  Timer t(50);
  keep(std::move(t));
}

void moved_after_taking_address() {
  Timer t(50);
  Timer *p = &t;
  (void)p;
  keep(std::move(t)); // expected-warning {{'t' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@-3 {{'t' is pinned here: its address is taken}}
  // expected-note@#timer_ctor {{'Timer' is address-sensitive because its constructor 'Timer' is annotated PIN_PINS_THIS}}

}

// A temporary made by the annotated constructor and moved at once.
void temporary_moved(Loop &l) {
  Timer moved_into(Timer{l}); // C++17: no move at all (guaranteed elision)
  (void)moved_into;
}

// Without the annotation (and with no body to read), nothing is known.
struct PlainTimer {
  explicit PlainTimer(Loop &loop);
  PlainTimer(PlainTimer &&other);
};
void keep_plain(PlainTimer &&);
void plain_moved(Loop &l) {
  PlainTimer t(l);
  keep_plain(std::move(t));
}

// -------------------------------------------- PIN_ADDRESS_AWARE on a swap

struct PIN_ADDRESS_SENSITIVE Slot { // #slot
  Slot *next = nullptr;
  int payload = 0;
  void swap(Slot &other) PIN_ADDRESS_AWARE; // swaps payloads, keeps the links
  friend void swap(Slot &a, Slot &b) PIN_ADDRESS_AWARE;
};

void swapped_aware(Slot &a, Slot &b) {
  pin::mark_pinned(a);
  a.swap(b);
  swap(a, b);
}

// The same class's std::swap moves through its move members: reported.
void swapped_std(Slot &a, Slot &b) {
  pin::mark_pinned(a);
  std::swap(a, b); // expected-warning {{'a' is swapped by 'std::swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  // expected-note@-2 {{'a' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  // expected-note@#slot {{'Slot' is address-sensitive because it is annotated address-sensitive}}

}

// A swap without the annotation is reported.
struct PIN_ADDRESS_SENSITIVE Cell { // #cell
  Cell *next = nullptr;
  void swap(Cell &other);
};
void swap(Cell &a, Cell &b);
void swapped_unaware(Cell &a, Cell &b) {
  pin::mark_pinned(a); // #cell_pin
  a.swap(b); // expected-warning {{'a' is swapped by 'Cell::swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  // expected-note@-2 {{'a' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  // expected-note@#cell {{'Cell' is address-sensitive because it is annotated address-sensitive}}
  swap(a, b); // expected-warning {{'a' is swapped by 'swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#cell_pin {{'a' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  // expected-note@#cell {{'Cell' is address-sensitive because it is annotated address-sensitive}}

}

// An address-aware swap whose body moves its parameters is its author's
// repair: the move inside is not reported at the call.
struct PIN_ADDRESS_SENSITIVE Ring {
  Ring *next = nullptr;
};
void swap(Ring &a, Ring &b) PIN_ADDRESS_AWARE {
  Ring t = static_cast<Ring &&>(a);
  a = static_cast<Ring &&>(b);
  b = static_cast<Ring &&>(t);
}
void swapped_ring(Ring &a, Ring &b) {
  pin::mark_pinned(a);
  swap(a, b);
}
