// Scenario: timers on the heap, registered with a timer wheel by address.
// A connection owns its timer through a std::unique_ptr; arming it hands the
// timer's address to the wheel. The bug: "resetting" the timer by moving a
// fresh one into `*timer_` (or swapping it with a spare) moves a registered
// object, and a member function that copies its registered timer out for a
// log does the same. The fixed forms move the owner (the timer object stays
// where the wheel expects it), make a new timer and re-arm it, or copy the
// plain data only.
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s
// RUN: %pincc_real -fsyntax-only -std=c++17 -Xclang -verify %s

#include <memory>
#include <utility>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Timer { // #timer
  long deadline = 0;
  Timer *next = nullptr;
  void arm(long when) PIN_PINS_THIS; // links this into the wheel
  void disarm();
};
// expected-note@#timer 1+ {{'Timer' is address-sensitive because it is annotated address-sensitive}}

struct TimerWheel {
  void add(PIN_PINS Timer *t);
};

struct Connection {
  std::unique_ptr<Timer> timer_ = std::make_unique<Timer>();
  Timer keepalive_;
  TimerWheel *wheel_ = nullptr;

  void start(long now) {
    timer_->arm(now + 30);
  }

  // The bug, through a local owner: reset by moving a fresh timer in.
  static void restart(std::unique_ptr<Timer> &timer, long now) {
    timer->arm(now); // expected-note {{'*timer' is pinned here: pinning member function 'arm' is called on it}}
    *timer = Timer{}; // assignment into a pinned object: not reported (docs/analysis.md)
    Timer spare;
    std::swap(*timer, spare); // expected-warning {{'*timer' is swapped by 'std::swap' after it was pinned}}
  }

  // The bug, on a member: the keepalive timer is registered, then copied.
  long log_keepalive() {
    wheel_->add(&keepalive_); // expected-note {{'*this' is pinned here: 'keepalive_' is passed to pinning parameter 't' of 'add'}}
    Timer snapshot = keepalive_; // expected-warning {{'keepalive_' is copied after it was pinned}}
    return snapshot.deadline;
  }

  // Fixed: move the owner; the timer stays where the wheel has it.
  static std::unique_ptr<Timer> hand_over(std::unique_ptr<Timer> &timer, long now) {
    timer->arm(now);
    return std::move(timer);
  }

  // Fixed: a new timer, armed afresh.
  static void restart_fixed(std::unique_ptr<Timer> &timer, long now) {
    timer->arm(now);
    timer->disarm();
    timer = std::make_unique<Timer>();
    timer->arm(now + 1);
  }

  // Fixed: copy the plain data only.
  long log_keepalive_fixed() {
    wheel_->add(&keepalive_);
    return keepalive_.deadline;
  }
};
