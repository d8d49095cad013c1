// Checks the type model's explanations: why a type is address-sensitive, as the
// chain of "because" notes that ends every finding (docs/diagnostics.md, notes
// item 3; docs/model.md "Address-sensitive types"). One pinned-then-moved value per type, each chain
// matched exactly, note by note, at the declaration each note names:
//   - a class annotated PIN_ADDRESS_SENSITIVE;
//   - a member of the marker type pin::phantom_pinned (the chain ends there);
//   - containment by value two levels deep, a base class, an array member
//     (Node[4], looked through to 'Node'), a 2-D array;
//   - std::optional / std::pair / std::tuple / std::array / std::variant
//     holding a Node (the note sits where the template was instantiated), and
//     a standard holder nested in another one or in a class;
//   - a class template holding T by value, instantiated with Node (and with
//     itself), while the same template with int is not address-sensitive.
// Side by side, what must not be reported because the type is not
// address-sensitive: a Node*, a Node&, a std::unique_ptr<Node>, a
// std::shared_ptr<Node>, a std::vector<Node> (held directly or as a member),
// and classes annotated PIN_UNPIN that contain or derive from a Node (also
// when such a class is itself a member of another class).
// -verify matches every diagnostic but not their order; the second RUN checks
// the order of the multi-link chains: primary, pin note, then the chain from
// the outermost type inwards, each note on the line right after the previous.
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s
// RUN: %pincc -fsyntax-only -std=c++17 -fno-caret-diagnostics %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ORDER

#include <array>
#include <memory>
#include <optional>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node
  Node *self = nullptr;
};

// The marker member: the chain ends at the marker, with no further note.
struct Marked {
  int v = 0;
  [[no_unique_address]] pin::phantom_pinned p; // #marked_p
};

struct Inner {
  int k = 0;
  Node n; // #inner_n
};
struct Outer {
  Inner in; // #outer_in
};

struct Derived : Node { // #derived_base
  int d = 0;
};

struct Arr {
  Node a[4]; // #arr_a
};

struct Grid {
  Node g[2][3]; // #grid_g
};

struct HoldsMarked {
  Marked m; // #holds_marked_m
};

struct HasOpt {
  int i = 0;
  std::optional<Derived> o; // #has_opt_o
};

template <class T> struct Box {
  T value; // #box_value
};

// Not address-sensitive: these hold the Node elsewhere (pointee, heap), or opt out.
struct ByPtr { Node *p = nullptr; };
struct ByRef { Node &r; };
struct ByUnique { std::unique_ptr<Node> u; };
struct ByShared { std::shared_ptr<Node> s; };
struct ByVector { std::vector<Node> v; };
struct PIN_UNPIN Managed { Node n; };
struct PIN_UNPIN ManagedDerived : Node {};
struct PIN_UNPIN ManagedArr { Node a[4]; };
struct HoldsManaged { Managed m; };
template <class T> struct PIN_UNPIN UnpinBox { T t; };

void annotated() {
  Node n;
  pin::mark_pinned(n); // expected-note {{'n' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#node {{'Node' is address-sensitive because it is annotated address-sensitive}}
}

void marker_member() {
  Marked x;
  pin::mark_pinned(x); // expected-note {{'x' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  Marked m = std::move(x); // expected-warning {{'x' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#marked_p {{'Marked' is address-sensitive because member 'p' has marker type 'pin::phantom_pinned'}}
}

void marker_two_levels() {
  HoldsMarked h;
  pin::mark_pinned(h); // expected-note {{'h' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  HoldsMarked m = std::move(h); // expected-warning {{'h' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // ORDER: type-model.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: 'h' is moved after it was pinned
  // ORDER-NEXT: note: 'h' is pinned here
  // ORDER-NEXT: note: 'HoldsMarked' is address-sensitive because member 'm' has type 'Marked'
  // ORDER-NEXT: note: 'Marked' is address-sensitive because member 'p' has marker type 'pin::phantom_pinned'
  // expected-note@#holds_marked_m {{'HoldsMarked' is address-sensitive because member 'm' has type 'Marked'}}
  // expected-note@#marked_p {{'Marked' is address-sensitive because member 'p' has marker type 'pin::phantom_pinned'}}
}

void member_chain() {
  Outer o;
  pin::mark_pinned(o); // expected-note {{'o' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  Outer m = std::move(o); // expected-warning {{'o' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // ORDER: type-model.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: 'o' is moved after it was pinned
  // ORDER-NEXT: note: 'o' is pinned here
  // ORDER-NEXT: note: 'Outer' is address-sensitive because member 'in' has type 'Inner'
  // ORDER-NEXT: note: 'Inner' is address-sensitive because member 'n' has type 'Node'
  // ORDER-NEXT: note: 'Node' is address-sensitive because it is annotated address-sensitive
  // expected-note@#outer_in {{'Outer' is address-sensitive because member 'in' has type 'Inner'}}
  // expected-note@#inner_n {{'Inner' is address-sensitive because member 'n' has type 'Node'}}
  // expected-note@#node {{'Node' is address-sensitive because it is annotated address-sensitive}}
}

void base_class() {
  Derived d;
  pin::mark_pinned(d); // expected-note {{'d' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  Derived m = std::move(d); // expected-warning {{'d' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // ORDER: type-model.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: 'd' is moved after it was pinned
  // ORDER-NEXT: note: 'd' is pinned here
  // ORDER-NEXT: note: 'Derived' is address-sensitive because it has base class 'Node'
  // ORDER-NEXT: note: 'Node' is address-sensitive because it is annotated address-sensitive
  // expected-note@#derived_base {{'Derived' is address-sensitive because it has base class 'Node'}}
  // expected-note@#node {{'Node' is address-sensitive because it is annotated address-sensitive}}
}

void array_member() {
  Arr a;
  pin::mark_pinned(a); // expected-note {{'a' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  Arr m = std::move(a); // expected-warning {{'a' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // ORDER: type-model.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: 'a' is moved after it was pinned
  // ORDER-NEXT: note: 'a' is pinned here
  // ORDER-NEXT: note: 'Arr' is address-sensitive because member 'a' has type 'Node[4]'
  // ORDER-NEXT: note: 'Node' is address-sensitive because it is annotated address-sensitive
  // expected-note@#arr_a {{'Arr' is address-sensitive because member 'a' has type 'Node[4]'}}
  // expected-note@#node {{'Node' is address-sensitive because it is annotated address-sensitive}}
}

void array_2d_member() {
  Grid g;
  pin::mark_pinned(g); // expected-note {{'g' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  Grid m = std::move(g); // expected-warning {{'g' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#grid_g {{'Grid' is address-sensitive because member 'g' has type 'Node[2][3]'}}
  // expected-note@#node {{'Node' is address-sensitive because it is annotated address-sensitive}}
}

void std_optional() {
  std::optional<Node> o; // expected-note {{'std::optional<Node>' is address-sensitive because it holds a 'Node' by value}}
  pin::mark_pinned(o); // expected-note {{'o' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  std::optional<Node> m = std::move(o); // expected-warning {{'o' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#node {{'Node' is address-sensitive because it is annotated address-sensitive}}
}

void std_pair() {
  std::pair<int, Node> p; // expected-note {{'std::pair<int, Node>' is address-sensitive because it holds a 'Node' by value}}
  pin::mark_pinned(p); // expected-note {{'p' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  std::pair<int, Node> m = std::move(p); // expected-warning {{'p' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#node {{'Node' is address-sensitive because it is annotated address-sensitive}}
}

void std_tuple() {
  std::tuple<int, Node> t; // expected-note {{'std::tuple<int, Node>' is address-sensitive because it holds a 'Node' by value}}
  pin::mark_pinned(t); // expected-note {{'t' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  std::tuple<int, Node> m = std::move(t); // expected-warning {{'t' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#node {{'Node' is address-sensitive because it is annotated address-sensitive}}
}

void std_array() {
  std::array<Node, 3> a; // expected-note {{'std::array<Node, 3>' is address-sensitive because it holds a 'Node' by value}}
  pin::mark_pinned(a); // expected-note {{'a' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  std::array<Node, 3> m = std::move(a); // expected-warning {{'a' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#node {{'Node' is address-sensitive because it is annotated address-sensitive}}
}

void std_variant() {
  std::variant<int, Node> v; // expected-note {{'std::variant<int, Node>' is address-sensitive because it holds a 'Node' by value}}
  pin::mark_pinned(v); // expected-note {{'v' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  std::variant<int, Node> m = std::move(v); // expected-warning {{'v' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#node {{'Node' is address-sensitive because it is annotated address-sensitive}}
}

// A holder nested in a holder: the inner pair is first instantiated by
// optional's definition (its member of type T), so its note is in <optional>.
void std_nested() {
  std::optional<std::pair<long, Node>> o; // expected-note {{'std::optional<std::pair<long, Node>>' is address-sensitive because it holds a 'std::pair<long, Node>' by value}}
  pin::mark_pinned(o); // expected-note {{'o' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  auto m = std::move(o); // expected-warning {{'o' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // ORDER: type-model.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: 'o' is moved after it was pinned
  // ORDER-NEXT: note: 'o' is pinned here
  // ORDER-NEXT: note: 'std::optional<std::pair<long, Node>>' is address-sensitive because it holds a 'std::pair<long, Node>' by value
  // ORDER-NEXT: note: 'std::pair<long, Node>' is address-sensitive because it holds a 'Node' by value
  // ORDER-NEXT: note: 'Node' is address-sensitive because it is annotated address-sensitive
  // expected-note@optional:* {{'std::pair<long, Node>' is address-sensitive because it holds a 'Node' by value}}
  // expected-note@#node {{'Node' is address-sensitive because it is annotated address-sensitive}}
}

// A standard holder as a member: instantiated at the member declaration
// (its first use in this file).
void std_holder_member() {
  HasOpt h;
  pin::mark_pinned(h); // expected-note {{'h' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  HasOpt m = std::move(h); // expected-warning {{'h' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // ORDER: type-model.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: 'h' is moved after it was pinned
  // ORDER-NEXT: note: 'h' is pinned here
  // ORDER-NEXT: note: 'HasOpt' is address-sensitive because member 'o' has type 'std::optional<Derived>'
  // ORDER-NEXT: note: 'std::optional<Derived>' is address-sensitive because it holds a 'Derived' by value
  // ORDER-NEXT: note: 'Derived' is address-sensitive because it has base class 'Node'
  // ORDER-NEXT: note: 'Node' is address-sensitive because it is annotated address-sensitive
  // expected-note@#has_opt_o {{'HasOpt' is address-sensitive because member 'o' has type 'std::optional<Derived>'}}
  // expected-note@#has_opt_o {{'std::optional<Derived>' is address-sensitive because it holds a 'Derived' by value}}
  // expected-note@#derived_base {{'Derived' is address-sensitive because it has base class 'Node'}}
  // expected-note@#node {{'Node' is address-sensitive because it is annotated address-sensitive}}
}

void class_template() {
  Box<Node> b;
  pin::mark_pinned(b); // expected-note {{'b' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  Box<Node> m = std::move(b); // expected-warning {{'b' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#box_value {{'Box<Node>' is address-sensitive because member 'value' has type 'Node'}}
  // expected-note@#node {{'Node' is address-sensitive because it is annotated address-sensitive}}

  Box<Box<Node>> bb;
  pin::mark_pinned(bb); // expected-note {{'bb' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  Box<Box<Node>> mm = std::move(bb); // expected-warning {{'bb' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // ORDER: type-model.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: 'bb' is moved after it was pinned
  // ORDER-NEXT: note: 'bb' is pinned here
  // ORDER-NEXT: note: 'Box<Box<Node>>' is address-sensitive because member 'value' has type 'Box<Node>'
  // ORDER-NEXT: note: 'Box<Node>' is address-sensitive because member 'value' has type 'Node'
  // ORDER-NEXT: note: 'Node' is address-sensitive because it is annotated address-sensitive
  // expected-note@#box_value {{'Box<Box<Node>>' is address-sensitive because member 'value' has type 'Box<Node>'}}
  // expected-note@#box_value {{'Box<Node>' is address-sensitive because member 'value' has type 'Node'}}
  // expected-note@#node {{'Node' is address-sensitive because it is annotated address-sensitive}}

  // The same template with int holds nothing address-sensitive.
  Box<int> bi;
  pin::mark_pinned(bi);
  Box<int> mi = std::move(bi);
}

// Nothing below is address-sensitive: no diagnostics at all.
void not_through_indirection(Node &elsewhere) {
  Node *p = &elsewhere;
  pin::mark_pinned(p);
  Node *p2 = std::move(p);

  ByPtr a{&elsewhere};
  pin::mark_pinned(a);
  ByPtr a2 = std::move(a);
  ByPtr a3 = a;

  ByRef r{elsewhere};
  pin::mark_pinned(r);
  ByRef r2 = std::move(r);

  ByUnique u;
  pin::mark_pinned(u);
  ByUnique u2 = std::move(u);

  ByShared s;
  pin::mark_pinned(s);
  ByShared s2 = std::move(s);
  ByShared s3 = s2;

  ByVector v;
  pin::mark_pinned(v);
  ByVector v2 = std::move(v);
  ByVector v3 = v2;

  std::unique_ptr<Node> up;
  pin::mark_pinned(up);
  std::unique_ptr<Node> up2 = std::move(up);

  std::shared_ptr<Node> sp;
  pin::mark_pinned(sp);
  std::shared_ptr<Node> sp2 = std::move(sp);

  std::vector<Node> vec;
  pin::mark_pinned(vec);
  std::vector<Node> vec2 = std::move(vec);
  std::vector<Node> vec3 = vec2;

  std::optional<Node *> op;
  pin::mark_pinned(op);
  std::optional<Node *> op2 = std::move(op);

  std::pair<Node *, Node &> pr{&elsewhere, elsewhere};
  pin::mark_pinned(pr);
  std::pair<Node *, Node &> pr2 = std::move(pr);

  (void)p2, (void)a3, (void)s3, (void)v3, (void)vec3, (void)pr2;
}

void unpin_stops_it() {
  Managed g;
  pin::mark_pinned(g);
  Managed g2 = std::move(g);
  Managed g3 = g2;

  ManagedDerived d;
  pin::mark_pinned(d);
  ManagedDerived d2 = std::move(d);

  ManagedArr a;
  pin::mark_pinned(a);
  ManagedArr a2 = std::move(a);

  HoldsManaged h;
  pin::mark_pinned(h);
  HoldsManaged h2 = std::move(h);

  UnpinBox<Node> u;
  pin::mark_pinned(u);
  UnpinBox<Node> u2 = std::move(u);

  std::optional<Managed> o;
  pin::mark_pinned(o);
  std::optional<Managed> o2 = std::move(o);
}
