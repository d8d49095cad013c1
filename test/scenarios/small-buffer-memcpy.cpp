// Scenario: a small-buffer type (inline storage plus a data pointer that
// points into it while the contents are small) relocated with memcpy by a
// hand-written vector-like grow(). Once a buffer has been registered with an
// I/O ring that keeps its address, copying its bytes elsewhere carries the
// self-pointer unchanged (the copy's data points into the old buffer) and the
// ring keeps writing into storage that was given up. The first part grows a
// local inline array into a bigger local array; the second part is the same
// bug in a heap-backed hand-written vector, which pincheck does not see yet.
// SmallBuf's default member initializer points data into inline_: every
// SmallBuf is self-referential, so pinned from its construction on, before
// any registration; the notes say so (docs/model.md, "Pinned from
// construction"). Overwriting one's bytes is reported too.
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s
// RUN: %pincc -fsyntax-only -std=c++20 -Xclang -verify %s

#include <cstddef>
#include <cstdlib>
#include <cstring>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE SmallBuf { // #small_buf
  char inline_[24];
  char *data = inline_; // #small_data: points into the object while small
  std::size_t size = 0;
};
// expected-note@#small_buf 1+ {{'SmallBuf' is address-sensitive because it is annotated address-sensitive}}
// expected-note@#small_data 1+ {{member 'data' is made to refer into member 'inline_' here}}

// The I/O ring keeps the buffer's address until the read completes.
void submit_read(SmallBuf *buf PIN_PINS);

// ---------------------------------------------------------------------------
// Part 1: the pinned buffers are locals, where pincheck sees them.

// A fixed-capacity batch that "grows" by copying its slots into a bigger local
// array, after the first slot was submitted.
void read_batch() {
  SmallBuf slots[2]; // expected-note {{'slots' is pinned from its construction: constructor 'SmallBuf' makes member 'data' refer into member 'inline_'}}
  submit_read(&slots[0]);
  SmallBuf grown[4]; // expected-note {{'grown' is pinned from its construction: constructor 'SmallBuf' makes member 'data' refer into member 'inline_'}}
  std::memcpy(grown, slots, sizeof slots); // expected-warning {{'slots' is copied as raw bytes by 'memcpy' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  // expected-warning@-1 {{'grown' is overwritten as raw bytes by 'memcpy' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
  submit_read(&grown[2]);
}

// A vector-like batch with inline capacity, kept as a local: its grow step is
// written out in the function, after the first element was submitted.
struct InlineBatch {
  SmallBuf elems[2]; // #batch_elems
  std::size_t n = 0;
  // grow() as a member: its summary says it copies its object's bytes. Its
  // object was made by a constructor it does not see, which makes 'elems'
  // self-referential: copying their bytes may be reported in here already.
  void grow_into(SmallBuf *bigger) { std::memcpy(bigger, elems, n * sizeof(SmallBuf)); } // #grow_into
  // expected-warning@-1 {{'elems' is copied as raw bytes by 'memcpy' after it was pinned on some paths; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  // expected-note@-2 {{'*this' may be pinned from its construction: it is the object 'grow_into' runs on, made by its caller, and a constructor of 'InlineBatch' builds member 'elems' with constructor 'SmallBuf', which makes member 'data' refer into member 'inline_'}}
};

void read_inline_batch() {
  InlineBatch batch; // expected-note {{'batch' is pinned from its construction: constructor 'InlineBatch' builds member 'elems' with constructor 'SmallBuf', which makes member 'data' refer into member 'inline_'}}
  submit_read(&batch.elems[0]);
  batch.n = 1;
  SmallBuf bigger[4]; // expected-note {{'bigger' is pinned from its construction: constructor 'SmallBuf' makes member 'data' refer into member 'inline_'}}
  std::memcpy(bigger, batch.elems, batch.n * sizeof(SmallBuf)); // expected-warning {{'batch.elems' is copied as raw bytes by 'memcpy' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  // expected-warning@-1 {{'bigger' is overwritten as raw bytes by 'memcpy' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
}

// grow() written for one element: relocate it into new storage by bytes.
// The destination, a parameter, may be self-referential too (the caller made
// it): its data pointer is overwritten with one into 'cur'.
void grow_one(SmallBuf &into) { // expected-note {{'into' may be pinned from its construction: it is a parameter, made by the caller, and the default member initializer of 'SmallBuf' makes member 'data' refer into member 'inline_'}}
  SmallBuf cur; // expected-note 2 {{'cur' is pinned from its construction: constructor 'SmallBuf' makes member 'data' refer into member 'inline_'}}
  submit_read(&cur);
  std::memcpy(&into, &cur, sizeof cur); // expected-warning {{'cur' is copied as raw bytes by 'memcpy' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  // expected-warning@-1 {{'into' is overwritten as raw bytes by 'memcpy' after it was pinned on some paths; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
  std::memset(&cur, 0, sizeof cur); // expected-warning {{'cur' is overwritten as raw bytes by 'memset' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
}

// A parameter pinned in the function, then relocated through a local pointer.
void relocate_param(SmallBuf &buf, SmallBuf *spare) {
  submit_read(&buf); // expected-note {{'buf' is pinned here: it is passed to pinning parameter 'buf' of 'submit_read'}}
  SmallBuf *src = &buf; // expected-note {{'src' points to 'buf'}}
  std::memmove(spare, src, sizeof *src); // expected-warning {{'buf' is copied as raw bytes by 'memmove' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
}

// ---------------------------------------------------------------------------
// Part 1, fixed forms: no diagnostics.

// Grow by copying what carries no address: each new buffer keeps its own
// data pointer.
void read_batch_fixed() {
  SmallBuf slots[2];
  submit_read(&slots[0]);
  SmallBuf grown[4];
  for (int i = 0; i < 2; ++i) {
    std::memcpy(grown[i].inline_, slots[i].inline_, sizeof slots[i].inline_);
    grown[i].size = slots[i].size;
  }
  submit_read(&grown[0]);
}

// Copy only the bytes that carry no address, and rebuild the pointer.
void grow_one_fixed(SmallBuf &into) {
  SmallBuf cur;
  submit_read(&cur);
  std::memcpy(into.inline_, cur.inline_, sizeof cur.inline_);
  into.size = cur.size;
  into.data = cur.data == cur.inline_ ? into.inline_ : cur.data;
}

// ---------------------------------------------------------------------------
// Part 2: the same bug in a heap-backed, hand-written vector.
// known miss: the elements live on the heap behind a member pointer
// (this->elems), which is not a place (docs/analysis.md, "Known limits").

struct SmallBufVec {
  SmallBuf *elems = nullptr;
  std::size_t size = 0, cap = 0;

  SmallBuf &emplace_back() {
    if (size == cap)
      grow();
    SmallBuf *slot = elems + size++;
    slot->data = slot->inline_;
    slot->size = 0;
    return *slot;
  }
  void grow() {
    std::size_t new_cap = cap ? cap * 2 : 4;
    SmallBuf *bigger = static_cast<SmallBuf *>(std::malloc(new_cap * sizeof(SmallBuf)));
    // known miss: the objects behind this->elems are not places; the pinned
    // elements are relocated here without a diagnostic.
    std::memcpy(bigger, elems, size * sizeof(SmallBuf));
    std::free(elems);
    elems = bigger;
    cap = new_cap;
  }
  void grow_in_place() {
    // known miss: the objects behind this->elems are not places; realloc is
    // reported for a pointer the analysis follows (a local, a parameter).
    elems = static_cast<SmallBuf *>(std::realloc(elems, 2 * cap * sizeof(SmallBuf)));
    cap *= 2;
  }
};

void read_many(SmallBufVec &v) {
  SmallBuf &first = v.emplace_back();
  submit_read(&first); // the heap element is pinned
  // known miss: emplace_back() may call grow(), which memcpys the pinned
  // element away through this->elems; the objects behind a member pointer
  // are not places, so neither the pin nor the copy is seen. No diagnostic.
  v.emplace_back();
  v.grow();
}

// The inline batch again, with grow() as a member function: the call acts as
// its body does (a summary of what it does to its object).
void read_inline_batch_member(SmallBuf *bigger) {
  InlineBatch batch; // expected-note {{'batch' is pinned from its construction: constructor 'InlineBatch' builds member 'elems' with constructor 'SmallBuf', which makes member 'data' refer into member 'inline_'}}
  submit_read(&batch.elems[0]);
  batch.n = 1;
  batch.grow_into(bigger); // expected-warning {{'batch' is copied as raw bytes by 'grow_into' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  // expected-note@#grow_into {{'grow_into' reads or writes as raw bytes its object here}}
  // expected-note@#batch_elems {{'InlineBatch' is address-sensitive because member 'elems' has type 'SmallBuf[2]'}}
}

// Part 2, fixed form: reserve the final capacity before any element is
// submitted, so grow() never runs while a buffer is pinned.
void read_many_fixed(SmallBufVec &v, std::size_t n) {
  while (v.cap < n)
    v.grow();
  for (std::size_t i = 0; i < n; ++i)
    submit_read(&v.emplace_back());
}
