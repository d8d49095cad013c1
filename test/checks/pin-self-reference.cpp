// pin-self-reference (docs/checks/pin-self-reference.md): a self-referential
// class (one whose constructor or default member initializer points a member
// into the object) whose copy or move constructor or assignment is implicit
// or defaulted, and used: the copy refers into the original. Reported once,
// at the class, with where the self-reference is made and one use of each
// such member. Side by side: the same classes never copied, with a member
// that re-points, with deleted members, pointing at other objects, and
// PIN_UNPIN. Only this check runs here; the second RUN line turns the
// inference off (InferSelfReferences), which turns this check off too.
//
// REQUIRES: libstdcxx
// RUN: %pincc_real -fsyntax-only -std=c++20 -Xclang -verify %s \
// RUN:     -fplugin-arg-pincheck-checks=-*,pin-self-reference
// RUN: %pincc_real -fsyntax-only -std=c++20 -Xclang -verify=off %s \
// RUN:     -fplugin-arg-pincheck-checks=-*,pin-self-reference \
// RUN:     -fplugin-arg-pincheck-infer-self-references=false
// off-no-diagnostics

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pin/pin.h>

// ---- reported ----

struct Self { // expected-warning {{'Self' is self-referential, but its implicit copy constructor copies member 'self' unchanged, so the new object refers to the original; define it to re-point 'self' into the new object, or delete it (= delete) [pin-self-reference]}}
  Self *self = this; // expected-note {{'Self' is self-referential: its default member initializer makes member 'self' refer to the object itself}}
};

class Header { // expected-warning {{'Header' is self-referential, but its implicit move constructor copies member 'name_' unchanged, so the new object refers into the original; define it to re-point 'name_' into the new object, or delete it (= delete) [pin-self-reference]}}
public:
  explicit Header(std::string l) : line_(std::move(l)), name_(line_) {} // expected-note {{'Header' is self-referential: its constructor makes member 'name_' refer into member 'line_'}}
private:
  std::string line_;
  std::string_view name_;
};

// Defaulted, on its first declaration or after it: both copy the members.
struct Cursor { // expected-warning {{'Cursor' is self-referential, but its defaulted copy constructor and defaulted copy assignment operator copy member 'cur' unchanged, so the new object refers into the original; define them to re-point 'cur' into the new object, or delete them (= delete) [pin-self-reference]}}
  Cursor() = default;
  Cursor(const Cursor &);
  Cursor &operator=(const Cursor &) = default;
  char buf[16];
  char *cur = buf; // expected-note {{'Cursor' is self-referential: its default member initializer makes member 'cur' refer into member 'buf'}}
};
Cursor::Cursor(const Cursor &) = default;

// A class that holds a self-referential one: the member's class is
// reported (its copy runs inside the holder's), not the holder.
struct Inner { // expected-warning {{'Inner' is self-referential, but its implicit copy constructor copies member 'p' unchanged, so the new object refers into the original; define it to re-point 'p' into the new object, or delete it (= delete) [pin-self-reference]}}
  int v[2];
  int *p = v; // expected-note {{'Inner' is self-referential: its default member initializer makes member 'p' refer into member 'v'}}
};
struct Holder {
  int id = 0;
  Inner in;
};

// A class template: reported once, at the template.
template <class T> struct Ring { // expected-warning {{'Ring' is self-referential, but its implicit copy constructor copies member 'head' unchanged, so the new object refers into the original; define it to re-point 'head' into the new object, or delete it (= delete) [pin-self-reference]}}
  T slots[4];
  T *head = slots; // expected-note {{'Ring' is self-referential: its default member initializer makes member 'head' refer into member 'slots'}}
};

// Made on some paths of the constructor only: the copy may refer into the
// original.
struct Lazy { // expected-warning {{'Lazy' is self-referential, but its implicit copy constructor copies member 'cur' unchanged, so the new object may refer into the original; define it to re-point 'cur' into the new object, or delete it (= delete) [pin-self-reference]}}
  explicit Lazy(bool inline_storage) {
    if (inline_storage)
      cur = buf; // expected-note {{'Lazy' is self-referential: its constructor makes member 'cur' refer into member 'buf' on some paths}}
  }
  char buf[8];
  char *cur = nullptr;
};

// Copied only inside the library (a vector growing): no place in this file.
struct Pooled { // expected-warning {{'Pooled' is self-referential, but its implicit move constructor copies member 'self' unchanged, so the new object refers to the original; define it to re-point 'self' into the new object, or delete it (= delete) [pin-self-reference]}}
  Pooled *self = this; // expected-note {{'Pooled' is self-referential: its default member initializer makes member 'self' refer to the object itself}}
};
// expected-note@#pool_grow {{the implicit move constructor of 'Pooled' is used by code in a library header, in 'std::vector<Pooled>::emplace_back', called here}}

void uses() {
  Self s;
  Self s2 = s; // expected-note {{'Self' is copied here by its implicit copy constructor}}
  Header h("Host: x");
  Header h2 = std::move(h); // expected-note {{'Header' is moved here by its implicit move constructor}}
  Cursor c;
  Cursor c2 = c; // expected-note {{'Cursor' is copied here by its defaulted copy constructor}}
  c2 = c; // expected-note {{'Cursor' is copied here by its defaulted copy assignment operator}}
  Holder a;
  Holder b = a; // expected-note {{'Inner' is copied here by its implicit copy constructor, as part of 'Holder'}}
  Ring<int> r;
  Ring<int> r2 = r; // expected-note {{'Ring' is copied here by its implicit copy constructor}}
  Ring<long> r3;
  Ring<long> r4 = r3; // (the same finding: reported once)
  Lazy l(true);
  Lazy l2 = l; // expected-note {{'Lazy' is copied here by its implicit copy constructor}}
  std::vector<Pooled> pool;
  pool.emplace_back(); // #pool_grow
  (void)s2, (void)h2, (void)b, (void)r2, (void)r4, (void)l2;
}

// ---- not reported ----

// Self-referential, never copied or moved.
struct Unused {
  Unused *self = this;
};

// Copy and move that re-point the member into the new object.
struct Repoints {
  Repoints() = default;
  Repoints(const Repoints &o) : buf{o.buf[0]}, cur(buf) {}
  Repoints &operator=(const Repoints &o) {
    buf[0] = o.buf[0];
    return *this;
  }
  char buf[8];
  char *cur = buf;
};

// Deleted: the compiler rejects every copy.
struct Pinned {
  Pinned() = default;
  Pinned(const Pinned &) = delete;
  Pinned &operator=(const Pinned &) = delete;
  Pinned *self = this;
};

// A user-provided copy that does not re-point is judged where it runs (the
// instance-level checks), not here.
struct Uncooperative {
  Uncooperative() = default;
  Uncooperative(const Uncooperative &o) : self(o.self) {}
  Uncooperative *self = this;
};

// Members that point at other objects.
struct View {
  explicit View(const std::string &s) : v(s) {}
  std::string_view v;
};
int global_slot;
struct Global {
  int *p = &global_slot;
};

// PIN_UNPIN: not address-sensitive, whatever its constructor does.
struct PIN_UNPIN Unpinned {
  Unpinned *self = this;
};

// NOLINT silences it, on the line of the class name.
struct Quiet { // NOLINT(pin-self-reference)
  Quiet *self = this;
};

void negatives(const std::string &text) {
  Unused u;
  Repoints p, p2 = p;
  p2 = p;
  Pinned pin;
  Uncooperative x, y = x;
  View v(text), v2 = v;
  Global g, g2 = g;
  Unpinned n, n2 = n;
  Quiet q, q2 = q;
  (void)u, (void)pin, (void)y, (void)v2, (void)g2, (void)n2, (void)q2;
}
