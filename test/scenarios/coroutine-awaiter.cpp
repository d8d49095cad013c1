// Scenario: a coroutine awaiter for a timer. await_suspend hands `this` to the
// scheduler's timer queue (it is PIN_PINS_THIS), and the scheduler later calls
// back into that address to resume the coroutine. Code that drives an awaiter
// by hand (a test harness, an adapter that awaits on behalf of another
// coroutine) and moves the awaiter after await_suspend leaves the scheduler
// holding the address of a moved-from awaiter. The fixed forms move it before
// suspending, or suspend it where it lives and only hand out references.
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s
// RUN: %pincc -fsyntax-only -std=c++20 -Xclang -verify %s
// The last part is a real coroutine, against the real libstdc++'s <coroutine>:
// RUN: %if libstdcxx %{ %pincc_real -fsyntax-only -std=c++20 -Xclang -verify -DPINCHECK_REAL_CORO %s %}

#include <memory>
#include <utility>
#include <vector>

#include <pin/pin.h>

// A stand-in for std::coroutine_handle<>: only its address matters here.
struct Handle {
  void *frame = nullptr;
};

struct SleepAwaiter;

struct Scheduler {
  std::vector<SleepAwaiter *> timers;
  void add_timer(SleepAwaiter *a) { timers.push_back(a); }
};

struct PIN_ADDRESS_SENSITIVE SleepAwaiter { // #sleep_awaiter
  Scheduler *sched = nullptr;
  long deadline = 0;
  Handle continuation;
  bool await_ready() const noexcept { return deadline <= 0; }
  void await_suspend(Handle h) PIN_PINS_THIS {
    continuation = h;
    sched->add_timer(this);
  }
  void await_resume() const noexcept {}
};
// expected-note@#sleep_awaiter 1+ {{'SleepAwaiter' is address-sensitive because it is annotated address-sensitive}}

// ---------------------------------------------------------------------------
// Buggy forms.

// A harness that suspends the awaiter, then stores it by value for later.
void suspend_and_keep(Scheduler &s, Handle h, std::vector<SleepAwaiter> &pending) {
  SleepAwaiter aw{&s, 10, {}};
  aw.await_suspend(h); // expected-note {{'aw' is pinned here: pinning member function 'await_suspend' is called on it}}
  pending.push_back(std::move(aw)); // expected-warning {{'aw' is moved by 'std::vector::push_back' after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

// The usual await sequence, written out: suspend only when not ready. The
// awaiter is then moved into a heap slot "to keep it alive", on every path.
std::unique_ptr<SleepAwaiter> await_by_hand(Scheduler &s, Handle h, long delay) {
  SleepAwaiter aw{&s, delay, {}};
  if (!aw.await_ready())
    aw.await_suspend(h); // expected-note {{'aw' may be pinned here: pinning member function 'await_suspend' is called on it}}
  return std::make_unique<SleepAwaiter>(std::move(aw)); // expected-warning {{'aw' is moved by 'std::make_unique' after it was pinned on some paths; pointers to its old address now see a moved-from object [pin-move]}}
}

// Suspended, then returned to the caller.
SleepAwaiter suspend_and_return(Scheduler &s, Handle h) {
  SleepAwaiter aw{&s, 5, {}};
  aw.await_suspend(h); // expected-note {{'aw' is pinned here: pinning member function 'await_suspend' is called on it}}
  return aw; // expected-warning {{'aw' is moved by the implicit move in 'return' after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

// Suspended through a reference, then swapped with a fresh awaiter to "reset"
// it.
void reset_after_suspend(Scheduler &s, Handle h) {
  SleepAwaiter aw{&s, 5, {}};
  SleepAwaiter &cur = aw; // expected-note {{'cur' refers to 'aw'}}
  cur.await_suspend(h); // expected-note {{'aw' is pinned here: pinning member function 'await_suspend' is called on it}}
  SleepAwaiter fresh{&s, 0, {}};
  std::swap(cur, fresh); // expected-warning {{'aw' is swapped by 'std::swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
}

// ---------------------------------------------------------------------------
// Fixed forms: no diagnostics.

// Move it to where it will live first, then suspend it there.
void suspend_and_keep_fixed(Scheduler &s, Handle h, std::vector<std::unique_ptr<SleepAwaiter>> &pending) {
  SleepAwaiter aw{&s, 10, {}};
  auto slot = std::make_unique<SleepAwaiter>(std::move(aw)); // not suspended yet
  slot->await_suspend(h);          // the heap object is pinned; it never moves
  pending.push_back(std::move(slot)); // moving the owner does not move the awaiter
}

// Suspend it where it lives; let the caller provide the storage.
void await_in_place(SleepAwaiter &aw, Handle h) {
  if (!aw.await_ready())
    aw.await_suspend(h);
}

void await_by_hand_fixed(Scheduler &s, Handle h, long delay) {
  SleepAwaiter aw{&s, delay, {}};
  await_in_place(aw, h);
  aw.await_resume();
}

// Reset by making a new awaiter, not by swapping the suspended one.
void reset_after_suspend_fixed(Scheduler &s, Handle h) {
  SleepAwaiter aw{&s, 5, {}};
  aw.await_suspend(h);
  SleepAwaiter next{&s, aw.deadline + 5, {}};
  (void)next;
}

// ---------------------------------------------------------------------------
// A real coroutine awaiting a local awaiter (real libstdc++ only).
#ifdef PINCHECK_REAL_CORO
#include <coroutine>

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

struct PIN_ADDRESS_SENSITIVE CoSleep { // #cosleep
  Scheduler *sched = nullptr;
  long deadline = 0;
  bool await_ready() const noexcept { return deadline <= 0; }
  void await_suspend(std::coroutine_handle<> h) PIN_PINS_THIS;
  void await_resume() const noexcept {}
};
// expected-note@#cosleep 1+ {{'CoSleep' is address-sensitive because it is annotated address-sensitive}}

// Buggy: the awaiter is suspended by co_await (which calls its await_suspend,
// a PIN_PINS_THIS member: the call is implicit, inside the co_await, where
// the awaiter appears as a placeholder for aw), then moved out after the
// coroutine resumes.
Task sleep_then_keep(Scheduler &s, std::vector<CoSleep> &keep) {
  CoSleep aw{&s, 10};
  co_await aw; // expected-note {{'aw' is pinned here: pinning member function 'await_suspend' is called on it}}
  keep.push_back(std::move(aw)); // expected-warning {{'aw' is moved by 'std::vector::push_back' after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

// Fixed: await a temporary (it lives in the coroutine frame until resumed), or
// await the local in place and keep only its data.
Task sleep_fixed(Scheduler &s, std::vector<long> &deadlines) {
  co_await CoSleep{&s, 10};
  CoSleep aw{&s, 20};
  co_await aw;
  deadlines.push_back(aw.deadline);
}
#endif
