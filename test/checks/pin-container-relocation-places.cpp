// Checks pin-container-relocation where containers live in real code: a
// member of *this (in any member function), a member of a local object and
// of a parameter's object (by value, reference or pointer), a member of a
// member, a node-based map's mapped value reached by the same key, a global;
// a relocation inside a callee (a member function that grows a member, two
// calls down); a borrow returned by a member function (a std::span, a
// reference to an element, a reference to the container iterated by a
// range-for). Element types are plain: the borrow dangles all the same.
// Not reported, next to each: another object's container, an index loop, a
// borrow re-taken after the growth, a map value reached by another key or
// by a key written in between, a virtual callee (its body is not known: a
// known miss, docs/checks/pin-container-relocation.md).
//
// RUN: %pincc_real -fsyntax-only -std=c++20 -Xclang -verify %s

#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

void use(int);

class Batch {
  std::vector<int> items_;
  void add(int x) { items_.push_back(x); } // #add_push
  void add_twice(int x) {
    add(x); // #add_twice_call
    add(x);
  }

public:
  // A range-for over a member while the body calls a member function that
  // grows it.
  void expand() {
    for (int &x : items_) // expected-note {{the range-for loop over 'items_' starts here}}
      if (x > 0)
        add(-x); // expected-warning {{'add' may relocate the elements of 'items_' while a range-for loop iterates over it; the loop's iterator dangles [pin-container-relocation]}}
    // expected-note@#add_push 1+ {{it calls 'push_back' on the container here}}
  }
  // Fixed: by index.
  void expand_by_index() {
    for (std::size_t i = 0; i < items_.size(); ++i)
      if (items_[i] > 0)
        add(-items_[i]);
  }
  void direct() {
    int &r = items_[0];  // expected-note {{'r' refers to an element of 'items_' here}}
    items_.push_back(1); // expected-warning {{'push_back' may relocate the elements of 'items_' while 'r' still refers to one of them; the element moves to a new address and 'r' dangles}}
    use(r);              // expected-note {{'r' is used here, after the call}}
  }
  void retaken() {
    int *p = &items_[0];
    items_.push_back(1);
    p = &items_[0];
    use(*p);
  }
  // Two calls down; and another object's container is another container.
  void through_two(Batch &other) {
    int &r = items_.back(); // expected-note {{'r' refers to an element of 'items_' here}}
    add_twice(1);           // expected-warning {{'add_twice' may relocate the elements of 'items_' while 'r' still refers to one of them}}
    // expected-note@#add_twice_call {{it calls 'add' on the container here}}
    use(r);                 // expected-note {{'r' is used here, after the call}}
    int &s = other.items_.back();
    add(2);
    use(s);
  }
  std::span<const int> view() const { return items_; }
  int &first() { return items_.front(); }
  const std::vector<int> &all() const { return items_; }
  virtual void grow_later() { items_.push_back(0); }
  friend void outside(Batch &b, Batch &c);
};

// Borrows that leave a member function, used by its caller.
void outside(Batch &b, Batch &c) {
  std::span<const int> s = b.view(); // expected-note {{'s' refers to an element of 'b.items_' here}}
  b.add(1);                          // expected-warning {{'add' may relocate the elements of 'b.items_' while 's' still refers to one of them; the element moves to a new address and 's' dangles}}
  use(s[0]);                         // expected-note {{'s' is used here, after the call}}
  int &f = b.first();                // expected-note {{'f' refers to an element of 'b.items_' here}}
  b.add(2);                          // expected-warning {{'add' may relocate the elements of 'b.items_' while 'f' still refers to one of them}}
  use(f);                            // expected-note {{'f' is used here, after the call}}
  for (int x : b.all())              // expected-note {{the range-for loop over 'b.items_' starts here}}
    b.add(x);                        // expected-warning {{'add' may relocate the elements of 'b.items_' while a range-for loop iterates over it}}
  // Another object; a virtual function (not followed).
  std::span<const int> t = c.view();
  b.add(3);
  b.grow_later();
  use(t[0]);
}

struct Entry {
  std::vector<int> decls;
};
struct State {
  std::vector<int> pending;
};

struct Owner {
  State state_;
  std::map<std::string, Entry> lookups;
  std::unordered_map<int, Entry> by_id;

  void step(const std::string &name, const std::string &other, int id) {
    int &p = state_.pending[0];  // expected-note {{'p' refers to an element of 'state_.pending' here}}
    state_.pending.push_back(1); // expected-warning {{'push_back' may relocate the elements of 'state_.pending' while 'p' still refers to one of them}}
    use(p);                      // expected-note {{'p' is used here, after the call}}
    int &d = lookups[name].decls[0];  // expected-note {{'d' refers to an element of 'lookups[name].decls' here}}
    lookups[name].decls.push_back(1); // expected-warning {{'push_back' may relocate the elements of 'lookups[name].decls' while 'd' still refers to one of them}}
    use(d);                           // expected-note {{'d' is used here, after the call}}
    int &i = by_id[7].decls.back();     // expected-note {{'i' refers to an element of 'by_id[7].decls' here}}
    by_id.at(7).decls.emplace_back(1);  // expected-warning {{'emplace_back' may relocate the elements of 'by_id[7].decls' while 'i' still refers to one of them}}
    use(i);                             // expected-note {{'i' is used here, after the call}}
    // Another key: another vector.
    int &e = lookups[name].decls[0];
    lookups[other].decls.push_back(1);
    by_id[id + 1].decls.push_back(1);
    use(e);
  }
  // The key changes in between: not the same value.
  void written_key(std::string name) {
    int &d = lookups[name].decls[0];
    name = "x";
    lookups[name].decls.push_back(1);
    use(d);
  }
};

std::vector<int> g_items;

void global_growth() {
  int *p = g_items.data(); // expected-note {{'p' refers to an element of 'g_items' here}}
  g_items.push_back(1);    // expected-warning {{'push_back' may relocate the elements of 'g_items' while 'p' still refers to one of them}}
  use(*p);                 // expected-note {{'p' is used here, after the call}}
}

// A parameter's object, by value and by pointer; a local object.
void parameters(Entry e, Entry *q) {
  int *p = &e.decls[0]; // expected-note {{'p' refers to an element of 'e.decls' here}}
  e.decls.push_back(1); // expected-warning {{'push_back' may relocate the elements of 'e.decls' while 'p' still refers to one of them}}
  use(*p);              // expected-note {{'p' is used here, after the call}}
  int &r = q->decls[0]; // expected-note {{'r' refers to an element of 'q->decls' here}}
  q->decls.push_back(1); // expected-warning {{'push_back' may relocate the elements of 'q->decls' while 'r' still refers to one of them}}
  use(r);               // expected-note {{'r' is used here, after the call}}
  Entry local;
  local.decls.resize(4);
  auto it = local.decls.begin(); // expected-note {{'it' refers to an element of 'local.decls' here}}
  local.decls.resize(8);         // expected-warning {{'resize' may relocate the elements of 'local.decls' while 'it' still refers to one of them}}
  use(*it);                      // expected-note {{'it' is used here, after the call}}
}

// A function that grows a member of its reference parameter.
void append_decl(Entry &e) { e.decls.push_back(0); } // #append_push

void caller(Entry &a, Entry &b) {
  int &r = a.decls[0]; // expected-note {{'r' refers to an element of 'a.decls' here}}
  append_decl(b);
  append_decl(a);      // expected-warning {{'append_decl' may relocate the elements of 'a.decls' while 'r' still refers to one of them}}
  // expected-note@#append_push {{it calls 'push_back' on the container here}}
  use(r);              // expected-note {{'r' is used here, after the call}}
}

// Views made explicitly, parts of views, and a view kept in a variable and
// iterated; C++20's std::erase_if.
class Table {
  std::vector<int> v_;
  std::map<std::string, std::vector<int>> by_;

public:
  std::span<const int> head(std::size_t n) const { return std::span<const int>(v_).first(n); }
  std::span<const int> tail() const { return std::span(v_).subspan(1); }
  std::span<const int> of(const std::string &m) { return by_[m]; }
  void add(int x) { v_.push_back(x); } // #table_add
  void add_to(const std::string &m, int x) { by_[m].push_back(x); } // #table_add_to
};

void views(Table &t, const std::string &m, const std::string &other) {
  std::span<const int> h = t.head(2); // expected-note {{'h' refers to an element of 't.v_' here}}
  t.add(1);                           // expected-warning {{'add' may relocate the elements of 't.v_' while 'h' still refers to one of them}}
  // expected-note@#table_add 1+ {{it calls 'push_back' on the container here}}
  use(h[0]);                          // expected-note {{'h' is used here, after the call}}
  auto s = t.tail();
  for (int x : s) // expected-note {{the range-for loop over 't.v_' starts here}}
    t.add(x);     // expected-warning {{'add' may relocate the elements of 't.v_' while a range-for loop iterates over it}}
  // A mapped value by the caller's key, through both member functions.
  std::span<const int> k = t.of(m); // expected-note {{'k' refers to an element of 't.by_[m]' here}}
  t.add_to(other, 1);
  t.add_to(m, 1);                   // expected-warning {{'add_to' may relocate the elements of 't.by_[m]' while 'k' still refers to one of them}}
  // expected-note@#table_add_to {{it calls 'push_back' on the container here}}
  use(k[0]);                        // expected-note {{'k' is used here, after the call}}
}

void erase_if(std::vector<int> &v) {
  int &r = v[0];                                      // expected-note {{'r' refers to an element of 'v' here}}
  std::erase_if(v, [](int x) { return x < 0; });      // expected-warning {{'std::erase_if' may relocate the elements of 'v' while 'r' still refers to one of them}}
  use(r);                                             // expected-note {{'r' is used here, after the call}}
}

// Since C++17 the right side of an assignment, compound or not, runs before
// its left side: `r` is read before grow() relocates (before C++17, see
// pin-container-relocation-order.cpp).
int &grow(std::vector<int> &v) {
  v.push_back(0);
  return v.back();
}
void right_side_first(std::vector<int> &v) {
  int &r = v[0];
  grow(v) += r;
}
void right_side_first_plain(std::vector<int> &v) {
  int &r = v[0];
  grow(v) = r;
}

// A borrow returned by a member operator: its object is the operator's left
// operand.
class Columns {
  std::vector<int> cells_;

public:
  std::span<const int> operator[](std::size_t) const { return cells_; }
  void widen() { cells_.push_back(0); } // #widen
};

void operator_borrow(Columns &c) {
  std::span<const int> row = c[0]; // expected-note {{'row' refers to an element of 'c.cells_' here}}
  c.widen();                       // expected-warning {{'widen' may relocate the elements of 'c.cells_' while 'row' still refers to one of them}}
  // expected-note@#widen {{it calls 'push_back' on the container here}}
  use(row[0]);                     // expected-note {{'row' is used here, after the call}}
}
