// pin/pin.h compiles warning-free (-Wall -Wextra -pedantic -Werror) as
// C++11, C++14, C++17, C++20 and C++23, with the clang++ of LLVM 22 and with
// g++, in a realistic use of every annotation it provides: PIN_ADDRESS_SENSITIVE
// and PIN_UNPIN on classes, PIN_PINS_THIS on a member function, PIN_PINS on a
// reference and a pointer parameter, PIN_ADDRESS_AWARE on copy and move
// members, pin::phantom_pinned as a member ([[no_unique_address]] only from
// C++20 on, where the standard has it) and pin::mark_pinned, also in a
// constant expression from C++14 on (C++11's is an inline function, since a
// constexpr function cannot return void there). Only the header is included:
// it has no dependencies. The C side is pin-h-c.c beside this file;
// test/plugin/header-compiles.test runs annotated code through the plugin.
//
// RUN: %clangxx -std=c++11 -Wall -Wextra -pedantic -Werror -I %pin_include -c %s -o %t.o
// RUN: %clangxx -std=c++14 -Wall -Wextra -pedantic -Werror -I %pin_include -c %s -o %t.o
// RUN: %clangxx -std=c++17 -Wall -Wextra -pedantic -Werror -I %pin_include -c %s -o %t.o
// RUN: %clangxx -std=c++20 -Wall -Wextra -pedantic -Werror -I %pin_include -c %s -o %t.o
// RUN: %clangxx -std=c++23 -Wall -Wextra -pedantic -Werror -I %pin_include -c %s -o %t.o
// RUN: g++ -std=c++11 -Wall -Wextra -pedantic -Werror -I %pin_include -c %s -o %t.o
// RUN: g++ -std=c++14 -Wall -Wextra -pedantic -Werror -I %pin_include -c %s -o %t.o
// RUN: g++ -std=c++17 -Wall -Wextra -pedantic -Werror -I %pin_include -c %s -o %t.o
// RUN: g++ -std=c++20 -Wall -Wextra -pedantic -Werror -I %pin_include -c %s -o %t.o
// RUN: g++ -std=c++23 -Wall -Wextra -pedantic -Werror -I %pin_include -c %s -o %t.o
//
// What the macros become, in the oldest and a newer mode: under Clang the
// annotate("pin", <kind>) attribute pincheck reads, under GCC nothing at all.
// (No RUN line here is continued with a backslash: g++ -Wall warns about a
// backslash that ends a // comment.)
// RUN: %clangxx -std=c++11 -E -P -I %pin_include %s | FileCheck %s --check-prefixes=CLANG,CLANG-CXX11
// RUN: %clangxx -std=c++20 -E -P -I %pin_include %s | FileCheck %s --check-prefixes=CLANG,CLANG-CXX14
// RUN: g++ -std=c++11 -E -P -I %pin_include %s | FileCheck %s --check-prefixes=GCC,GCC-CXX11 --implicit-check-not=annotate --implicit-check-not=__attribute__
// RUN: g++ -std=c++20 -E -P -I %pin_include %s | FileCheck %s --check-prefixes=GCC,GCC-CXX14 --implicit-check-not=annotate --implicit-check-not=__attribute__
//
// CLANG: struct __attribute__((annotate("pin", "marker"))) phantom_pinned {};
// CLANG-CXX11: {{^}}inline{{$}}
// CLANG-CXX14: {{^}}constexpr{{$}}
// CLANG-NEXT: void mark_pinned(T &value __attribute__((annotate("pin", "mark_pinned")))) noexcept {
// CLANG: struct __attribute__((annotate("pin", "address_sensitive"))) TimerNode {
// CLANG: TimerNode(const TimerNode &other) __attribute__((annotate("pin", "address_aware")));
// CLANG: TimerNode(TimerNode &&other) __attribute__((annotate("pin", "address_aware")));
// CLANG: TimerNode &operator=(TimerNode &&other) __attribute__((annotate("pin", "address_aware")));
// CLANG: void link_after(TimerNode &head) __attribute__((annotate("pin", "pins_this")));
// CLANG: struct __attribute__((annotate("pin", "unpin"))) TimerHandle {
// CLANG: void schedule(TimerNode &t __attribute__((annotate("pin", "pins"))), unsigned tick);
// CLANG: void watch(TimerNode *t __attribute__((annotate("pin", "pins"))));
//
// GCC: struct phantom_pinned {};
// GCC-CXX11: {{^}}inline{{$}}
// GCC-CXX14: {{^}}constexpr{{$}}
// GCC-NEXT: void mark_pinned(T &value ) noexcept {
// GCC: struct TimerNode {
// GCC: TimerNode(const TimerNode &other) ;
// GCC: TimerNode(TimerNode &&other) ;
// GCC: TimerNode &operator=(TimerNode &&other) ;
// GCC: void link_after(TimerNode &head) ;
// GCC: struct TimerHandle {
// GCC: void schedule(TimerNode &t , unsigned tick);
// GCC: void watch(TimerNode *t );

#include <pin/pin.h>

#if defined(__has_cpp_attribute)
#if __cplusplus >= 202002L && __has_cpp_attribute(no_unique_address)
#define TEST_NO_UNIQUE_ADDRESS [[no_unique_address]]
#endif
#endif
#ifndef TEST_NO_UNIQUE_ADDRESS
#define TEST_NO_UNIQUE_ADDRESS
#endif

// A node of an intrusive list: the list holds its address.
struct PIN_ADDRESS_SENSITIVE TimerNode {
  TimerNode *prev;
  TimerNode *next;
  unsigned deadline;

  TimerNode() : prev(this), next(this), deadline(0) {}
  // A copy starts unlinked; a move takes the other's place in its list.
  TimerNode(const TimerNode &other) PIN_ADDRESS_AWARE;
  TimerNode(TimerNode &&other) PIN_ADDRESS_AWARE;
  TimerNode &operator=(TimerNode &&other) PIN_ADDRESS_AWARE;
  ~TimerNode() { unlink(); }

  // Links this node after head: the list now points to it.
  void link_after(TimerNode &head) PIN_PINS_THIS;
  void unlink() {
    prev->next = next;
    next->prev = prev;
    prev = next = this;
  }
  // Takes other's place in its list, if it is in one.
  void take_place(TimerNode &other) {
    if (other.next == &other)
      return;
    prev = other.prev;
    next = other.next;
    prev->next = this;
    next->prev = this;
    other.prev = other.next = &other;
  }
};

TimerNode::TimerNode(const TimerNode &other)
    : prev(this), next(this), deadline(other.deadline) {}

TimerNode::TimerNode(TimerNode &&other)
    : prev(this), next(this), deadline(other.deadline) {
  take_place(other);
}

TimerNode &TimerNode::operator=(TimerNode &&other) {
  if (this != &other) {
    unlink();
    deadline = other.deadline;
    take_place(other);
  }
  return *this;
}

void TimerNode::link_after(TimerNode &head) {
  unlink();
  prev = &head;
  next = head.next;
  head.next->prev = this;
  head.next = this;
}

// Owns a node and keeps it consistent in its own moves: never address-sensitive.
struct PIN_UNPIN TimerHandle {
  TimerNode node;
  TimerHandle() {}
  TimerHandle(TimerHandle &&other) : node(static_cast<TimerNode &&>(other.node)) {}
};

// Address-sensitive through its marker member, which takes no space where
// [[no_unique_address]] is available.
struct Waiter {
  TEST_NO_UNIQUE_ADDRESS pin::phantom_pinned pin_;
  int id;
};
#if __cplusplus >= 202002L
static_assert(sizeof(Waiter) == sizeof(int), "phantom_pinned takes no space");
#endif

struct TimerWheel {
  TimerNode slots[8];
  // Keeps t's address until it expires.
  void schedule(TimerNode &t PIN_PINS, unsigned tick);
};

void TimerWheel::schedule(TimerNode &t, unsigned tick) {
  t.deadline = tick;
  t.link_after(slots[tick % 8]);
}

// Keeps the address it is given (defined elsewhere).
void watch(TimerNode *t PIN_PINS);

#if __cplusplus >= 201402L
// pin::mark_pinned is constexpr from C++14 on.
constexpr int marked_constant() {
  int value = 42;
  pin::mark_pinned(value);
  return value;
}
static_assert(marked_constant() == 42, "mark_pinned is usable in constant expressions");
#endif

int run_timers(TimerWheel &wheel) {
  TimerNode a;
  TimerNode b(static_cast<TimerNode &&>(a)); // before any pin: an ordinary move
  wheel.schedule(b, 3);                      // b is pinned from here on
  TimerHandle h;
  h.node.link_after(wheel.slots[0]);         // pins h, whose class opts out
  TimerHandle moved(static_cast<TimerHandle &&>(h));
  watch(&a);
  Waiter w;
  w.id = 1;
  pin::mark_pinned(w);                       // w stays where it is
  return w.id + static_cast<int>(moved.node.deadline);
}
