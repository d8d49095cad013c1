// Third-party types and functions by configuration (docs/annotations.md
// "Types and functions you cannot annotate"): the default lists make
// boost::intrusive hooks and llvm::ilist_node_base address-sensitive, and boost::intrusive's and llvm::simple_ilist's linking
// members pin what they link, as the annotations would had the headers been
// the user's. RelocatingFunctions (empty by default) names functions that
// move their arguments. Each positive has its negatives beside it; with the
// lists emptied nothing is reported (the second RUN line), and a list of the
// user's own replaces the default (the third).
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify=expected,default %s
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify=off %s \
// RUN:     -fplugin-arg-pincheck-address-sensitive-classes= \
// RUN:     -fplugin-arg-pincheck-pinning-functions=
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify=expected,own %s \
// RUN:     "-fplugin-arg-pincheck-address-sensitive-classes=boost::intrusive::list_base_hook;llvm::ilist_node_base;uv_timer_s;vendor::Widget" \
// RUN:     "-fplugin-arg-pincheck-pinning-functions=boost::intrusive::list_impl::push_back;llvm::simple_ilist::push_back;vendor::Registry::add" \
// RUN:     -fplugin-arg-pincheck-relocating-functions=vendor::relocate
// off-no-diagnostics

#include <utility>

// Reduced from the libraries' headers: the names are theirs.
namespace boost {
namespace intrusive {
template <class... Options> struct list_base_hook { // #hook
  list_base_hook *next_ = nullptr, *prev_ = nullptr;
};
template <class T, class... Options> struct list_impl {
  void push_back(T &value);
  void push_front(T &value);
};
template <class T, class... Options> struct list : list_impl<T, Options...> {};
} // namespace intrusive
} // namespace boost

namespace llvm {
template <bool Tracking, class Parent> class ilist_node_base { // #ilist_base
  ilist_node_base *Prev = nullptr, *Next = nullptr;
};
template <class NodeTy> class ilist_node : public ilist_node_base<false, void> {}; // #ilist_node
template <class T> struct simple_ilist {
  void push_back(T &node);
};
} // namespace llvm

extern "C" {
struct uv_loop_s;
struct uv_timer_s { // #uv_timer
  void *data;
  struct uv_loop_s *loop;
};
typedef struct uv_loop_s uv_loop_t;
typedef struct uv_timer_s uv_timer_t;
int uv_timer_init(uv_loop_t *loop, uv_timer_t *handle);
}

namespace vendor {
struct Widget { int id = 0; }; // #widget
struct Registry { void add(Widget &w); };
template <class T> void relocate(T &to, T &from);
} // namespace vendor

template <class T> void consume(T &&);

// ------------------------------------------------- boost::intrusive hooks

struct Job : boost::intrusive::list_base_hook<> { // #job
  int id = 0;
};

void job_linked(boost::intrusive::list<Job> &queue) {
  Job j;
  queue.push_back(j); // #job_pushed
  consume(std::move(j)); // default-warning {{'j' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // default-note@#job_pushed {{'j' is pinned here: it is passed to 'push_back', which the option PinningFunctions lists as pinning}}
  // default-note@#job {{'Job' is address-sensitive because it has base class 'boost::intrusive::list_base_hook<>'}}
  // default-note@#hook {{'boost::intrusive::list_base_hook<>' is address-sensitive because the option AddressSensitiveClasses lists it}}
  // own-warning@-4 {{'j' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // own-note@#job_pushed {{'j' is pinned here: it is passed to 'push_back', which the option PinningFunctions lists as pinning}}
  // own-note@#job {{'Job' is address-sensitive because it has base class 'boost::intrusive::list_base_hook<>'}}
  // own-note@#hook {{'boost::intrusive::list_base_hook<>' is address-sensitive because the option AddressSensitiveClasses lists it}}
}

// Moved before it is linked: fine.
void job_moved_first(boost::intrusive::list<Job> &queue) {
  Job j;
  Job k = std::move(j);
  queue.push_back(k);
}

// push_front is in the default list, not in the user's own.
void job_front(boost::intrusive::list<Job> &queue) {
  Job j;
  queue.push_front(j); // #job_front
  consume(std::move(j)); // default-warning {{'j' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // default-note@#job_front {{'j' is pinned here: it is passed to 'push_front', which the option PinningFunctions lists as pinning}}
  // default-note@#job {{'Job' is address-sensitive because it has base class 'boost::intrusive::list_base_hook<>'}}
  // default-note@#hook {{'boost::intrusive::list_base_hook<>' is address-sensitive because the option AddressSensitiveClasses lists it}}
}

// PIN_UNPIN on a class wins over the list (a wrapper that re-links).
#include <pin/pin.h>
struct PIN_UNPIN Relinking : boost::intrusive::list_base_hook<> {
  int id = 0;
};
void relinking(boost::intrusive::list<Relinking> &queue) {
  Relinking r;
  queue.push_back(r);
  consume(std::move(r));
}

// ------------------------------------------------- llvm::ilist_node_base

struct Inst : llvm::ilist_node<Inst> { // #inst
  int opcode = 0;
};
void inst_linked(llvm::simple_ilist<Inst> &block) {
  Inst i;
  block.push_back(i); // #inst_pushed
  Inst copy = i; // expected-warning {{'i' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#inst_pushed {{'i' is pinned here: it is passed to 'push_back', which the option PinningFunctions lists as pinning}}
  // expected-note@#inst {{'Inst' is address-sensitive because it has base class 'llvm::ilist_node<Inst>'}}
  // expected-note@#ilist_node {{'llvm::ilist_node<Inst>' is address-sensitive because it has base class 'llvm::ilist_node_base<false, void>'}}
  // expected-note@#ilist_base {{'llvm::ilist_node_base<false, void>' is address-sensitive because the option AddressSensitiveClasses lists it}}
  (void)copy;
}

// ------------------------------------------------- libuv handles
// Not in the default list (a handle freed in its close callback is fine,
// and pincheck has no event for uv_close); listed by the user, they are.

void timer_copied(uv_loop_t *loop) {
  uv_timer_t t;
  uv_timer_init(loop, &t); // #timer_init
  uv_timer_t copy = t; // own-warning {{'t' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // own-note@#timer_init {{'t' is pinned here: its address is taken}}
  // own-note@#uv_timer {{'uv_timer_s' is address-sensitive because the option AddressSensitiveClasses lists it}}
  (void)copy;
}
// Copied before init: fine.
void timer_copied_first(uv_loop_t *loop) {
  uv_timer_t t{};
  uv_timer_t copy = t;
  uv_timer_init(loop, &copy);
}

// ------------------------------------------------- the user's own lists

void widget_registered(vendor::Registry &r) {
  vendor::Widget w;
  r.add(w); // #widget_added
  vendor::Widget other;
  vendor::relocate(other, w); // own-warning {{'w' is moved by 'vendor::relocate' after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // own-note@#widget_added {{'w' is pinned here: it is passed to 'add', which the option PinningFunctions lists as pinning}}
  // own-note@#widget {{'vendor::Widget' is address-sensitive because the option AddressSensitiveClasses lists it}}
}
void widget_relocated_first(vendor::Registry &r) {
  vendor::Widget w, other;
  vendor::relocate(other, w);
  r.add(other);
}
