// Checks pin-container-relocation: an element of a std::vector or std::deque
// of an address-sensitive type is borrowed (a local reference or pointer to
// it is used after the call, or a range-for iterates over the container) and
// a member call may relocate the elements: vector growth (push_back,
// emplace_back, insert, emplace, resize, reserve, shrink_to_fit, assign),
// erase, deque middle insertion and erase. Also through a function that
// grows its reference parameter (its summary). Not reported: a reference
// that is dead before the call, a reference bound after the call, deque end
// insertion, node-based containers (std::list keeps element addresses),
// elements of a type that is not address-sensitive.
//
// RUN: %pincc_real -fsyntax-only -std=c++17 -Xclang -verify %s
//
// The whole shape of one diagnostic.
// RUN: %pincc_real -fsyntax-only -std=c++17 -fno-caret-diagnostics %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SHAPE

#include <deque>
#include <list>
#include <vector>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node
  Node *self = this;
  int v = 0;
};
// expected-note@#node 1+ {{'Node' is address-sensitive because it is annotated address-sensitive}}

struct Plain {
  int v = 0;
};

void use(const Node &);

// SHAPE: pin-container-relocation.cpp:[[@LINE+6]]:3: warning: 'push_back' may relocate the elements of 'v' while 'first' still refers to one of them; the pinned element moves to a new address [pin-container-relocation]
// SHAPE-NEXT: pin-container-relocation.cpp:[[@LINE+4]]:17: note: 'first' refers to an element of 'v' here
// SHAPE-NEXT: pin-container-relocation.cpp:[[@LINE+5]]:7: note: 'first' is used here, after the call
// SHAPE-NEXT: pin-container-relocation.cpp:{{[0-9]+}}:30: note: 'Node' is address-sensitive because it is annotated address-sensitive
void reference_then_growth(std::vector<Node> &v) {
  Node &first = v[0];   // expected-note {{'first' refers to an element of 'v' here}}
  v.push_back(Node{});  // expected-warning {{'push_back' may relocate the elements of 'v' while 'first' still refers to one of them; the pinned element moves to a new address [pin-container-relocation]}}
  use(first);           // expected-note {{'first' is used here, after the call}}
}

void pointer_then_growth() {
  std::vector<Node> v(2);
  Node *p = &v.back();  // expected-note {{'p' refers to an element of 'v' here}}
  v.reserve(100);       // expected-warning {{'reserve' may relocate the elements of 'v' while 'p' still refers to one of them}}
  use(*p);              // expected-note {{'p' is used here, after the call}}
}

void erase_in_the_middle(std::vector<Node> &v) {
  Node &last = v.back(); // expected-note {{'last' refers to an element of 'v' here}}
  v.erase(v.begin());    // expected-warning {{'erase' may relocate the elements of 'v' while 'last' still refers to one of them}}
  use(last);             // expected-note {{'last' is used here, after the call}}
}

void range_for_grows(std::vector<Node> &v) {
  for (Node &n : v) {    // expected-note {{the range-for loop over 'v' starts here}}
    if (n.v == 0)
      v.emplace_back();  // expected-warning {{'emplace_back' may relocate the elements of 'v' while a range-for loop iterates over it; the pinned element moves to a new address and the loop's iterator dangles}}
  }
}

// The classic: the body calls a function that grows the same vector.
void add_child(std::vector<Node> &all) { all.push_back(Node{}); } // #grows
void range_for_calls_a_grower(std::vector<Node> &v) {
  for (const Node &n : v) { // expected-note {{the range-for loop over 'v' starts here}}
    use(n);
    add_child(v);           // expected-warning {{'add_child' may relocate the elements of 'v' while a range-for loop iterates over it}}
    // expected-note@#grows {{it calls 'push_back' on the container here}}
  }
}

void deque_middle_insert(std::deque<Node> &d) {
  Node &front = d.front();           // expected-note {{'front' refers to an element of 'd' here}}
  d.insert(d.begin() + 1, Node{});   // expected-warning {{'insert' may relocate the elements of 'd' while 'front' still refers to one of them}}
  use(front);                        // expected-note {{'front' is used here, after the call}}
}

// ---- negatives ----

void dead_before_growth(std::vector<Node> &v) {
  Node &first = v[0];
  use(first);
  v.push_back(Node{});
}

void bound_after_growth(std::vector<Node> &v) {
  v.push_back(Node{});
  Node &first = v[0];
  use(first);
}

void rebound_in_a_loop(std::vector<Node> &v) {
  for (int i = 0; i < 3; ++i) {
    v.push_back(Node{});
    Node &last = v.back();
    use(last);
  }
}

void deque_end_insertion(std::deque<Node> &d) {
  Node &front = d.front();
  d.push_back(Node{});
  d.emplace_front();
  use(front);
}

void node_based(std::list<Node> &l) {
  Node &front = l.front();
  l.push_back(Node{});
  use(front);
}

void unannotated(std::vector<Plain> &v) {
  Plain &first = v[0];
  v.push_back(Plain{});
  (void)first.v;
}

void index_loop(std::vector<Node> &v) {
  for (std::size_t i = 0; i < v.size(); ++i)
    if (v[i].v == 0)
      v.emplace_back();
}

void growth_before_the_loop(std::vector<Node> &v) {
  v.push_back(Node{});
  for (Node &n : v)
    use(n);
}
