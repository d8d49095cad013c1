// Checks pin-container-relocation on containers whose elements are all pinned
// from their construction (docs/model.md, "Pinned from construction"): the
// element class is self-referential, so every element is pinned, and a call
// that relocates elements with a member that does not re-point them is
// reported with no borrow in sight. Growth moves elements into new storage
// with their move constructor (their copy constructor when the move may
// throw and a copy exists); a middle insertion or erasure shifts them with
// their move assignment. Not reported: elements whose relocating member
// re-points (a user-provided move that cooperates), a middle erasure when
// only the assignment matters and it cooperates, std::deque end insertion,
// std::list, insertions within room a reserve made (and that reserve, on a
// vector declared empty), element types that are only annotated (they are pinned one by
// one: a borrow is needed), library types, and a call of a function that
// grows its parameter (reported once, in that function). With the inference
// off, nothing here is reported.
//
// RUN: %pincc_real -fsyntax-only -std=c++17 -Xclang -verify %s \
// RUN:     -fplugin-arg-pincheck-checks=-*,pin-container-relocation
// RUN: %pincc_real -fsyntax-only -std=c++17 -Xclang -verify=off %s \
// RUN:     -fplugin-arg-pincheck-checks=-*,pin-container-relocation \
// RUN:     -fplugin-arg-pincheck-infer-self-references=false
// off-no-diagnostics

#include <deque>
#include <list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pin/pin.h>

// A view into its own string: implicit copy and move copy the view.
struct Header { // #header
  std::string line_;
  std::string_view name_;
  explicit Header(std::string l) : line_(std::move(l)), name_(line_) {} // #header_view
};
// expected-note@#header_view 7 {{'Header' is self-referential: its constructor makes member 'name_' refer into member 'line_'}}
// expected-note@#header 5 {{the elements are moved by the implicit move constructor of 'Header', which does not re-point member 'name_' into its new object}}
// expected-note@#header 2 {{the elements are moved by the implicit move assignment operator of 'Header', which does not re-point member 'name_' into its new object}}

// A pointer to itself, with a defaulted move constructor.
struct Node {
  Node *self = this; // #node_self
  Node() = default;
  Node(Node &&) = default; // #node_move
};
// expected-note@#node_self {{'Node' is self-referential: its default member initializer makes member 'self' refer to the object itself}}
// expected-note@#node_move {{the elements are moved by the defaulted move constructor of 'Node', which does not re-point member 'self' into its new object}}

// A move that may throw, and a copy: growth copies (std::move_if_noexcept).
struct Throwing {
  char buf[8];
  char *cur = buf; // #throwing_self
  Throwing() = default;
  Throwing(const Throwing &) = default; // #throwing_copy
  Throwing(Throwing &&o) : cur(buf) {}
};
// expected-note@#throwing_self {{'Throwing' is self-referential: its default member initializer makes member 'cur' refer into member 'buf'}}
// expected-note@#throwing_copy {{the elements are copied by the defaulted copy constructor of 'Throwing', which does not re-point member 'cur' into its new object}}

void grow(std::vector<Header> &v, std::vector<Node> &n, std::vector<Throwing> &t) {
  v.push_back(Header("a")); // expected-warning {{'push_back' may relocate the elements of 'v', which are pinned from their construction; each one moves to a new address and still refers to its old one [pin-container-relocation]}}
  v.emplace_back("b");      // expected-warning {{'emplace_back' may relocate the elements of 'v', which are pinned}}
  v.reserve(10);            // expected-warning {{'reserve' may relocate the elements of 'v', which are pinned}}
  n.emplace_back();         // expected-warning {{'emplace_back' may relocate the elements of 'n', which are pinned}}
  t.emplace_back();         // expected-warning {{'emplace_back' may relocate the elements of 't', which are pinned}}
}

void shift(std::vector<Header> &v, std::deque<Header> &d) {
  v.erase(v.begin());                // expected-warning {{'erase' may relocate the elements of 'v', which are pinned}}
  v.insert(v.begin(), Header("c"));  // expected-warning {{'insert' may relocate the elements of 'v', which are pinned}}
  d.erase(d.begin() + 1);            // expected-warning {{'erase' may relocate the elements of 'd', which are pinned}}
}

// ---- not reported ----

// Re-points its view in its move constructor and assignment.
struct Good {
  std::string line_;
  std::string_view name_;
  explicit Good(std::string l) : line_(std::move(l)), name_(line_) {}
  Good(Good &&o) noexcept : line_(std::move(o.line_)), name_(line_) {}
  Good &operator=(Good &&o) noexcept {
    line_ = std::move(o.line_);
    name_ = line_;
    return *this;
  }
};

// Its move constructor re-points; erasing would assign, but it has no
// assignment (a user-declared move constructor deletes it), so erase does
// not compile for it and growth is all there is.
struct CtorOnly {
  char buf[8];
  char *cur = buf;
  CtorOnly() = default;
  CtorOnly(CtorOnly &&) noexcept : cur(buf) {}
};

struct PIN_ADDRESS_SENSITIVE Annotated {
  int fd = -1;
};

// Grows its parameter: reported here, once, not at its callers.
void append(std::vector<Header> &v) {
  v.emplace_back("d"); // expected-warning {{'emplace_back' may relocate the elements of 'v', which are pinned}}
}

// Room reserved: a vector declared empty, reserved, then filled within it
// relocates nothing.
void reserved() {
  std::vector<Header> w;
  w.reserve(2);
  w.emplace_back("a");
  w.emplace_back("b");
}

void silent(std::vector<Good> &g, std::vector<CtorOnly> &c, std::deque<Header> &d,
            std::list<Header> &l, std::vector<Annotated> &a, std::vector<std::string> &s,
            std::vector<Header> &v) {
  g.push_back(Good("a"));
  g.erase(g.begin());
  c.emplace_back();
  d.push_back(Header("b"));
  d.emplace_front("c");
  l.emplace_back("d");
  l.erase(l.begin());
  a.emplace_back();
  s.push_back("e");
  append(v);
  std::vector<Header> copy = v;
  copy.swap(v);
}
