// The prefilter skips a translation unit that never lexes the identifier
// 'annotate' or '__annotate__' (docs/analysis.md, "Cost"). Annotations
// written without pin/pin.h, in each attribute spelling, must still be seen:
// this file includes nothing of pincheck's.
//
// RUN: %clangxx -fplugin=%plugin -nostdinc++ -isystem %mock_std -fsyntax-only -std=c++17 -Xclang -verify %s
// RUN: %clangxx -fplugin=%plugin -nostdinc++ -isystem %mock_std -fsyntax-only -std=c++17 -Xclang -verify -DSPELLING=2 %s
// RUN: %clangxx -fplugin=%plugin -nostdinc++ -isystem %mock_std -fsyntax-only -std=c++17 -Xclang -verify -DSPELLING=3 %s

#include <utility>

#if !defined(SPELLING)
struct __attribute__((__annotate__("pin", "address_sensitive"))) Node { // #node
#elif SPELLING == 2
struct __attribute__((annotate("pin", "address_sensitive"))) Node { // #node
#else
struct [[clang::annotate("pin", "address_sensitive")]] Node { // #node
#endif
  Node *self = nullptr;
};

void f() {
  Node n;
  Node *p = &n; // expected-note {{'n' is pinned here: its address is taken}}
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#node {{'Node' is address-sensitive because it is annotated address-sensitive}}
  (void)p;
}
