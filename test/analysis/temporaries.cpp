// Temporaries pinned from their construction (docs/analysis.md,
// "Temporaries"): a temporary made by a self-referential constructor, or by
// one that lets `this` escape, is pinned as soon as it exists, and moving it
// into something else (a library sink such as push_back(T&&), a move
// assignment, a function whose body moves its parameter) leaves the new
// object referring into a temporary that dies at the end of the
// full-expression. A temporary returned by a function is "may": its
// constructor is not known. Not reported: a temporary that initialises an
// object directly (the copy is elided), one passed by value or by const
// reference, one given to a function whose body is not visible and is not a
// library's, one whose class re-points in its move, one of a class that is
// only annotated (nothing pinned it), library types.
//
// RUN: %pincc_real -fsyntax-only -std=c++17 -Xclang -verify %s \
// RUN:     -fplugin-arg-pincheck-checks=-*,pin-move
// RUN: %pincc_real -fsyntax-only -std=c++17 -Xclang -verify=off %s \
// RUN:     -fplugin-arg-pincheck-checks=-*,pin-move \
// RUN:     -fplugin-arg-pincheck-infer-self-references=false
// off-no-diagnostics

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pin/pin.h>

struct Header {
  std::string line_;
  std::string_view name_;
  explicit Header(std::string l) : line_(std::move(l)), name_(line_) {} // #header_view
};
// expected-note@#header_view 1+ {{'Header' is address-sensitive because its constructor makes member 'name_' refer into member 'line_'}}

// Registers itself with a loop in its constructor.
struct Loop;
void watch(Loop &, void *self);
struct Watcher {
  explicit Watcher(Loop &l) { watch(l, this); } // #watch
};
// expected-note@#watch 1+ {{'Watcher' is address-sensitive because its constructor lets 'this' escape}}

Header make_header();
void keep(Header &&h) {
  static std::vector<Header> all;
  all.push_back(std::move(h)); // #keep_move
  // expected-warning@-1 {{'h' is moved by 'std::vector::push_back' after it was pinned on some paths}}
  // expected-note@-4 {{'h' may be pinned from its construction: it is a parameter, made by the caller}}
}

void moved(std::vector<Header> &v, std::vector<Watcher> &w, Loop &loop, Header &h) {
  v.push_back(Header("a"));
  // expected-warning@-1 {{the temporary 'Header("a")' is moved by 'std::vector::push_back' after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@-2 {{the temporary is pinned from its construction: constructor 'Header' makes member 'name_' refer into member 'line_'}}
  h = Header("b");
  // expected-warning@-1 {{the temporary 'Header("b")' is moved after it was pinned}}
  // expected-note@-2 {{the temporary is pinned from its construction}}
  v.push_back(make_header());
  // expected-warning@-1 {{the temporary 'make_header()' is moved by 'std::vector::push_back' after it was pinned on some paths}}
  // expected-note@-2 {{the temporary may be pinned from its construction: it is returned by 'make_header', and a constructor of 'Header' makes member 'name_' refer into member 'line_'}}
  std::optional<Header> o(Header("c"));
  // expected-warning@-1 {{the temporary 'Header("c")' is moved by 'std::optional' after it was pinned}}
  // expected-note@-2 {{the temporary is pinned from its construction}}
  auto p = std::make_unique<Header>(Header("d"));
  // expected-warning@-1 {{the temporary 'Header("d")' is moved by 'std::make_unique' after it was pinned}}
  // expected-note@-2 {{the temporary is pinned from its construction}}
  keep(Header("e"));
  // expected-warning@-1 {{the temporary 'Header("e")' is moved by 'keep' after it was pinned}}
  // expected-note@-2 {{the temporary is pinned from its construction}}
  // expected-note@#keep_move {{'keep' moves its parameter 'h' here}}
  w.push_back(Watcher(loop));
  // expected-warning@-1 {{the temporary 'Watcher(loop)' is moved by 'std::vector::push_back' after it was pinned}}
  // expected-note@-2 {{the temporary is pinned from its construction: it is made by constructor 'Watcher', which lets 'this' escape}}
  // expected-note@#watch {{'this' escapes here: it is passed to 'watch'}}
  (void)o, (void)p;
}

// ---- not reported ----

struct Good {
  std::string line_;
  std::string_view name_;
  explicit Good(std::string l) : line_(std::move(l)), name_(line_) {}
  Good(Good &&o) noexcept : line_(std::move(o.line_)), name_(line_) {}
};
struct PIN_ADDRESS_SENSITIVE Annotated {
  int fd = -1;
};
void opaque_sink(Header &&);
void reads(const Header &);
void by_value(Header);

void silent(std::vector<Good> &g, std::vector<Annotated> &a, std::vector<std::string> &s) {
  Header h = Header("a");
  Header r = make_header();
  by_value(Header("b"));
  reads(Header("c"));
  opaque_sink(Header("d"));
  g.push_back(Good("e"));
  a.push_back(Annotated{});
  s.push_back(std::string("f"));
  (void)h, (void)r;
}
