// Scenario: sender/receiver. connect(sender, receiver) returns an operation
// state by value; start() links `this` into the scheduler's run queue, so it
// is PIN_PINS_THIS, and the operation state must stay where it is until it
// completes. Moving it after start() (into a container, out of a function)
// leaves the scheduler completing a moved-from object. The operation state is
// free to move before start(): pincheck reports only the moves after it.
// The fixed forms start it where it lives: connect straight into its final
// storage (guaranteed copy elision, a heap slot), then start.
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s
// RUN: %pincc -fsyntax-only -std=c++20 -Xclang -verify %s

#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include <pin/pin.h>

struct OpBase {
  OpBase *next = nullptr;
  void (*complete)(OpBase *) = nullptr;
};

struct RunLoop {
  OpBase *head = nullptr;
  void push(OpBase *op) {
    op->next = head;
    head = op;
  }
};

struct PrintReceiver {
  void set_value(int v) { last = v; }
  int last = 0;
};

template <class Receiver>
struct PIN_ADDRESS_SENSITIVE ScheduleOp : OpBase { // #schedule_op
  RunLoop *loop;
  Receiver receiver;
  ScheduleOp(RunLoop *l, Receiver r) : loop(l), receiver(std::move(r)) {}
  void start() noexcept PIN_PINS_THIS {
    complete = [](OpBase *self) { static_cast<ScheduleOp *>(self)->receiver.set_value(42); };
    loop->push(this);
  }
};
// expected-note@#schedule_op 1+ {{'ScheduleOp<PrintReceiver>' is address-sensitive because it is annotated address-sensitive}}

struct ScheduleSender {
  RunLoop *loop;
  template <class Receiver> ScheduleOp<Receiver> connect(Receiver r) const {
    return ScheduleOp<Receiver>(loop, std::move(r));
  }
};

using Op = ScheduleOp<PrintReceiver>;

// ---------------------------------------------------------------------------
// Buggy forms.

// Started, then moved into a list of running operations.
void start_and_store(RunLoop &loop, std::vector<Op> &running) {
  ScheduleSender snd{&loop};
  auto op = snd.connect(PrintReceiver{});
  op.start(); // expected-note {{'op' is pinned here: pinning member function 'start' is called on it}}
  running.push_back(std::move(op)); // expected-warning {{'op' is moved by 'std::vector::push_back' after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

// Started inside a helper that then hands the operation back by value.
Op start_and_return(RunLoop &loop) {
  Op op = ScheduleSender{&loop}.connect(PrintReceiver{});
  op.start(); // expected-note {{'op' is pinned here: pinning member function 'start' is called on it}}
  return op; // expected-warning {{'op' is moved by the implicit move in 'return' after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

// Started, then moved into an optional member of a longer-lived holder.
struct Holder {
  std::optional<Op> op; // #holder_op
};
// expected-note@#holder_op 1+ {{'std::optional<ScheduleOp<PrintReceiver>>' is address-sensitive because it holds a 'ScheduleOp<PrintReceiver>' by value}}
void start_then_park(RunLoop &loop, Holder &h) {
  Op op = ScheduleSender{&loop}.connect(PrintReceiver{});
  op.start(); // expected-note {{'op' is pinned here: pinning member function 'start' is called on it}}
  h.op.emplace(std::move(op)); // expected-warning {{'op' is moved by 'std::optional::emplace' after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

// Connected into a local optional and started through operator->, then the
// optional is moved into the holder.
void start_in_optional_then_park(RunLoop &loop, Holder &h) {
  std::optional<Op> op;
  op.emplace(ScheduleSender{&loop}.connect(PrintReceiver{}));
  // known miss: a pinning call through std::optional's operator-> is not seen
  // (docs/analysis.md, known limits); (*op).start() or op.value().start()
  // would pin op and the move below would be reported.
  op->start();
  h.op = std::move(op);
}

// The same with (*op).start(): reported.
void start_deref_then_park(RunLoop &loop, Holder &h) {
  std::optional<Op> op;
  op.emplace(ScheduleSender{&loop}.connect(PrintReceiver{}));
  (*op).start(); // expected-note {{'op' is pinned here: pinning member function 'start' is called on '*op'}}
  h.op = std::move(op); // expected-warning {{'op' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

// ---------------------------------------------------------------------------
// Fixed forms: no diagnostics.

// Moving before start() is fine: nothing has seen the address yet.
void store_then_start(RunLoop &loop, std::vector<std::unique_ptr<Op>> &running) {
  auto op = ScheduleSender{&loop}.connect(PrintReceiver{});
  auto slot = std::make_unique<Op>(std::move(op)); // not started: a plain move
  slot->start();                          // started where it lives
  running.push_back(std::move(slot));     // moving the owner keeps the op in place
}

// Connect straight into the final storage (guaranteed copy elision), start there.
void start_in_place(RunLoop &loop, Holder &h) {
  h.op.emplace(ScheduleSender{&loop}.connect(PrintReceiver{}));
  (*h.op).start();
}

// A caller-provided slot: the helper starts what it is given and returns nothing.
void start_here(Op &op) { op.start(); }

void start_local(RunLoop &loop) {
  Op op = ScheduleSender{&loop}.connect(PrintReceiver{});
  start_here(op);
  // ... run the loop until op completes; op is never moved
}
