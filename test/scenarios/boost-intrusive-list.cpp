// Scenario: boost::intrusive containers, with the library's real headers and
// no annotation anywhere. A job linked into an intrusive list (or an entry
// into an intrusive set) is moved or copied while linked: the list keeps the
// address of the original. The defaults of AddressSensitiveClasses (the
// hooks) and PinningFunctions (the members that link) say what an
// annotation would (docs/annotations.md "Types and functions you cannot
// annotate"). The fixed form moves the job where it will live before
// linking it. (Unlinking and then moving is correct too, but no event ends
// a pin: pincheck would still report it; docs/annotations.md says so.)
//
// REQUIRES: boost, libstdcxx
// RUN: %pincc_real -fsyntax-only -std=c++17 -Xclang -verify %s

#include <boost/intrusive/list.hpp>
#include <boost/intrusive/set.hpp>
#include <utility>

namespace bi = boost::intrusive;

struct Job : bi::list_base_hook<> { // #job
  int id = 0;
};
struct Entry : bi::set_base_hook<> { // #entry
  int key = 0;
  bool operator<(const Entry &o) const { return key < o.key; }
};
void consume(Job &&);

// The bug: linked, then moved away; the list still points at 'j'.
void enqueue(bi::list<Job> &queue) {
  Job j;
  queue.push_back(j); // #pushed
  consume(std::move(j)); // expected-warning {{'j' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pushed {{'j' is pinned here: it is passed to 'push_back', which the option PinningFunctions lists as pinning}}
  // expected-note@#job {{'Job' is address-sensitive because it has base class 'boost::intrusive::list_base_hook<>'}}
  // expected-note@*:* {{'boost::intrusive::list_base_hook<>' is address-sensitive because the option AddressSensitiveClasses lists it}}
  queue.clear();
}

// The same for a set: a copy of a linked entry is not in the set.
void index_entry(bi::set<Entry> &index) {
  Entry e;
  index.insert(e); // #inserted
  Entry copy = e; // expected-warning {{'e' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#inserted {{'e' is pinned here: it is passed to 'insert', which the option PinningFunctions lists as pinning}}
  // expected-note@#entry {{'Entry' is address-sensitive because it has base class 'boost::intrusive::set_base_hook<>'}}
  // expected-note@*:* {{'boost::intrusive::set_base_hook<>' is address-sensitive because the option AddressSensitiveClasses lists it}}
  (void)copy;
  index.clear();
}

// Fixed: moved where it will live, then linked.
void enqueue_fixed(bi::list<Job> &queue, Job &&incoming) {
  Job j = std::move(incoming);
  queue.push_back(j);
  queue.clear();
}
