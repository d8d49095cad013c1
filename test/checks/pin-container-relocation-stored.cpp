// Checks pin-container-relocation on member containers whose elements'
// addresses a member function of the class keeps in a longer-lived place:
// a member std::priority_queue or std::set of pointers, a member pointer, a
// global registry, an element's own self() stored in a global set. From
// then on the elements are pinned for the object's lifetime, and every relocating call on that member, in any member
// function (before or after the store in source order: an earlier call
// stored addresses already), is reported. Not reported: growth in the
// class's own constructor (nothing is stored yet), a std::deque grown at its
// ends (its elements stay where they are; a middle insertion is reported),
// a std::list, indices stored instead of addresses, addresses stored in a
// local container, a member whose addresses are never stored, an element
// address handed to a member object's member function that only reads it
// (a stream's write).
//
// RUN: %pincc_real -fsyntax-only -std=c++17 -Xclang -verify %s

#include <deque>
#include <list>
#include <queue>
#include <set>
#include <vector>

struct Job {
  int rank = 0;
};
struct ByRank {
  bool operator()(const Job *a, const Job *b) const { return a->rank < b->rank; }
};

class Scheduler {
  std::vector<Job> jobs_;
  std::priority_queue<Job *, std::vector<Job *>, ByRank> by_rank_;

public:
  Scheduler() { jobs_.reserve(16); }
  void add(Job j) {
    jobs_.push_back(j); // expected-warning {{'push_back' may relocate the elements of 'jobs_', which are pinned: their addresses are stored in member 'by_rank_', and each stored address dangles once they move [pin-container-relocation]}}
    by_rank_.push(&jobs_.back()); // expected-note 2 {{the address of an element of 'jobs_' is stored in member 'by_rank_' here}}
  }
  void drop_first() {
    jobs_.erase(jobs_.begin()); // expected-warning {{'erase' may relocate the elements of 'jobs_', which are pinned: their addresses are stored in member 'by_rank_'}}
  }
};

// The fixed form: indices, not addresses.
struct ByIndex {
  const std::vector<Job> *jobs;
  bool operator()(std::size_t a, std::size_t b) const { return (*jobs)[a].rank < (*jobs)[b].rank; }
};
class IndexScheduler {
  std::vector<Job> jobs_;
  std::priority_queue<std::size_t, std::vector<std::size_t>, ByIndex> by_rank_{ByIndex{&jobs_}};

public:
  void add(Job j) {
    jobs_.push_back(j);
    by_rank_.push(jobs_.size() - 1);
  }
};

// A deque keeps its elements where they are when it grows at its ends; a
// list always does.
class Stable {
  std::deque<Job> queue_;
  std::set<Job *> index_;
  std::list<Job> list_;
  std::set<Job *> list_index_;

public:
  void add(Job j) {
    queue_.push_back(j);
    index_.insert(&queue_.back()); // expected-note {{the address of an element of 'queue_' is stored in member 'index_' here}}
    list_.push_front(j);
    list_index_.insert(&list_.front());
  }
  void add_first(Job j) {
    queue_.insert(queue_.begin() + 1, j); // expected-warning {{'insert' may relocate the elements of 'queue_', which are pinned: their addresses are stored in member 'index_'}}
  }
};

// A member pointer; a global registry.
std::vector<const Job *> registry;

class Current {
  std::vector<Job> jobs_;
  Job *current_ = nullptr;
  std::vector<Job> other_;

public:
  void select(std::size_t i) { current_ = &jobs_[i]; } // expected-note {{the address of an element of 'jobs_' is stored in member 'current_' here}}
  void publish() { registry.push_back(&other_.front()); } // expected-note {{the address of an element of 'other_' is stored in global 'registry' here}}
  void grow() {
    jobs_.resize(8);   // expected-warning {{'resize' may relocate the elements of 'jobs_', which are pinned: their addresses are stored in member 'current_'}}
    other_.emplace_back(); // expected-warning {{'emplace_back' may relocate the elements of 'other_', which are pinned: their addresses are stored in global 'registry'}}
  }
};

// Addresses kept in a local container only while the function runs.
class Local {
  std::vector<Job> jobs_;

public:
  int sum() {
    std::vector<Job *> ptrs;
    for (Job &j : jobs_)
      ptrs.push_back(&j);
    int s = 0;
    for (Job *p : ptrs)
      s += p->rank;
    return s;
  }
  void add(Job j) { jobs_.push_back(j); }
};

// An element's own member function that returns its address.
struct Node {
  Node *self() { return this; }
  int v = 0;
};
std::set<Node *> live_nodes;
class Graph {
  std::vector<Node> nodes_;

public:
  void publish() { live_nodes.insert(nodes_.back().self()); } // expected-note {{the address of an element of 'nodes_' is stored in global 'live_nodes' here}}
  void add() { nodes_.emplace_back(); } // expected-warning {{'emplace_back' may relocate the elements of 'nodes_', which are pinned: their addresses are stored in global 'live_nodes'}}
};

// A member stream's write reads the buffer; it keeps no address.
struct Stream {
  void write(const char *p, unsigned n);
};
class Writer {
  std::vector<char> buffer_;
  Stream *out_ = nullptr;

public:
  void flush() { out_->write(buffer_.data(), unsigned(buffer_.size())); }
  void put(char c) { buffer_.push_back(c); }
};
