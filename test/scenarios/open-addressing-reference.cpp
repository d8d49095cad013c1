// Scenario: a cost model for a graph of nodes keeps one Cost per node in an
// llvm::DenseMap, and a pass folds each child's cost into its parent's. The
// tempting code takes a reference to the parent's entry, then looks up (or
// try_emplace's) the child's: but DenseMap is an open-addressing table that
// stores its values inline in one bucket array, and an insertion of a new
// key may grow and rehash that array, moving every value. The reference to
// the parent's entry then points into the freed bucket array, and the write
// through it is lost (or lands in reused memory). It only happens when the
// insertion crosses the load factor, so it survives most tests. pincheck's
// OpenAddressingMaps option lists llvm::DenseMap, and pin-container-relocation
// reports the insertion (operator[] on a missing key, try_emplace,
// insert) with notes at the borrow and at the use after it. The fixed forms
// copy the child's value out before touching the parent's entry, do every
// insertion before taking references, or use std::unordered_map, whose
// nodes never move (not reported, even when it rehashes).
//
// The real LLVM headers: DenseMap's operator[], try_emplace and insert are
// members of its base llvm::DenseMapBase; the call is judged by the class
// the object is written with (llvm::DenseMap, in the default list).
//
// RUN: %pincc_real -fsyntax-only -std=c++20 -I /usr/lib/llvm-22/include \
// RUN:     -Xclang -verify=dense %s

#include <unordered_map>

#include "llvm/ADT/DenseMap.h"

// Today, with the default options (first RUN line):
// today-no-diagnostics

struct Node {
  int self_cost = 0;
  const Node *parent = nullptr;
};

struct Cost {
  long self = 0;
  long total = 0;
  int children = 0;
};

// ---------------------------------------------------------------------------
// Buggy forms.

// A reference to the parent's entry, then operator[] on the child, which
// inserts the child when it is missing.
void fold_child(llvm::DenseMap<const Node *, Cost> &costs, const Node *child) {
  Cost &p = costs[child->parent]; // dense-note {{'p' refers to an element of 'costs' here}}
  Cost &c = costs[child];         // dense-warning {{'operator[]' may relocate the elements of 'costs' while 'p' still refers to one of them; the element moves to a new address and 'p' dangles [pin-container-relocation]}}
  c.self = child->self_cost;
  p.total += c.self; // dense-note {{'p' is used here, after the call}}
  p.children += 1;
}

// The same with try_emplace: it inserts when the key is new.
void register_child(llvm::DenseMap<const Node *, Cost> &costs, const Node *child) {
  Cost &p = costs[child->parent];                // dense-note {{'p' refers to an element of 'costs' here}}
  costs.try_emplace(child, Cost{child->self_cost, 0, 0}); // dense-warning {{'try_emplace' may relocate the elements of 'costs' while 'p' still refers to one of them; the element moves to a new address and 'p' dangles [pin-container-relocation]}}
  p.children += 1; // dense-note {{'p' is used here, after the call}}
}

// An iterator from find(), kept across an insert.
void rebase(llvm::DenseMap<const Node *, Cost> &costs, const Node *from, const Node *to) {
  auto it = costs.find(from); // dense-note {{'it' refers to an element of 'costs' here}}
  if (it == costs.end())
    return;
  costs.insert({to, Cost{}}); // dense-warning {{'insert' may relocate the elements of 'costs' while 'it' still refers to one of them; the element moves to a new address and 'it' dangles [pin-container-relocation]}}
  costs[to].total = it->second.total; // dense-note {{'it' is used here, after the call}}
}

// The map as a member of the pass.
class CostPass {
public:
  void visit(const Node *n) {
    Cost &mine = costs_[n];             // dense-note {{'mine' refers to an element of 'costs_' here}}
    Cost &up = costs_[n->parent];       // dense-warning {{'operator[]' may relocate the elements of 'costs_' while 'mine' still refers to one of them; the element moves to a new address and 'mine' dangles [pin-container-relocation]}}
    up.total += n->self_cost;
    mine.self = n->self_cost; // dense-note {{'mine' is used here, after the call}}
  }

private:
  llvm::DenseMap<const Node *, Cost> costs_;
};

// ---------------------------------------------------------------------------
// Fixed forms: no diagnostics.

// Read the child's value first (a copy), then take the parent's entry: no
// insertion happens while a reference is held.
void fold_child_copied(llvm::DenseMap<const Node *, Cost> &costs, const Node *child) {
  Cost &c = costs[child];
  c.self = child->self_cost;
  long child_self = c.self; // a copy, not a reference
  Cost &p = costs[child->parent];
  p.total += child_self;
  p.children += 1;
}

// Do every insertion first, then take references with find() (it never
// inserts).
void fold_child_inserted_first(llvm::DenseMap<const Node *, Cost> &costs,
                               const Node *child) {
  costs.try_emplace(child);
  costs.try_emplace(child->parent);
  Cost &c = costs.find(child)->second;
  Cost &p = costs.find(child->parent)->second;
  c.self = child->self_cost;
  p.total += c.self;
  p.children += 1;
}

// std::unordered_map is node-based: a rehash relinks the nodes and moves no
// value, so the same code as fold_child is correct with it.
void fold_child_node_map(std::unordered_map<const Node *, Cost> &costs, const Node *child) {
  Cost &p = costs[child->parent];
  Cost &c = costs[child];
  c.self = child->self_cost;
  p.total += c.self;
  p.children += 1;
}
