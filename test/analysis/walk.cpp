// The walk over the translation unit reaches every function body once: the
// analysis walks an analysed body and hands back what it holds (lambdas,
// local classes, declarations with attributes); bodies the analysis does not
// take (templates, or every relocation check disabled) are walked by the
// translation-unit walk itself. Each place a function or a misplaced
// annotation can hide is here, with the relocation checks on and off.
//
// RUN: %pincc -fsyntax-only -std=c++20 -fblocks -Xclang -verify=expected,reloc %s
// RUN: %pincc -fsyntax-only -std=c++20 -fblocks -Xclang -verify=expected -fplugin-arg-pincheck-checks=-*,pin-annotation %s

#include <pin/pin.h>
#include <utility>

struct PIN_ADDRESS_SENSITIVE Node { // #node
  Node *self = nullptr;
};
// reloc-note@#node 1+ {{'Node' is address-sensitive because it is annotated address-sensitive}}

#define MOVE_AFTER_PIN                                                          \
  Node n;                                                                       \
  Node *p = &n;                                                                 \
  Node m = std::move(n);                                                        \
  (void)p;

// A misplaced annotation on a local, in an analysed body.
void local_annotation() {
  PIN_PINS_THIS int x = 0; // expected-warning {{'PIN_PINS_THIS' has no effect on a variable 'x'; put it on a non-static member function or a constructor [pin-annotation]}}
  (void)x;
  MOVE_AFTER_PIN // reloc-warning {{'n' is moved after it was pinned}} reloc-note {{'n' is pinned here}}
}

// The same in a template pattern (walked by the translation-unit walk) and
// its instantiation (analysed).
template <class T> void in_template() {
  PIN_PINS_THIS T y = 0; // expected-warning {{'PIN_PINS_THIS' has no effect on a variable 'y'; put it on a non-static member function or a constructor [pin-annotation]}}
  (void)y;
  MOVE_AFTER_PIN // reloc-warning {{'n' is moved after it was pinned}} reloc-note {{'n' is pinned here}}
}
template void in_template<int>();

// A parameter's annotation (parameters hang off the function's type).
void param(int v PIN_PINS); // expected-warning {{'PIN_PINS' has no effect on a by-value parameter 'v'; put it on a pointer or reference parameter [pin-annotation]}}

void nested() {
  // A lambda in a lambda.
  auto outer = [] {
    auto inner = [] {
      PIN_PINS_THIS int z = 0; // expected-warning {{'PIN_PINS_THIS' has no effect on a variable 'z'}}
      (void)z;
      MOVE_AFTER_PIN // reloc-warning {{'n' is moved after it was pinned}} reloc-note {{'n' is pinned here}}
    };
    inner();
  };
  outer();

  // A local class with a member function holding a lambda.
  struct Local {
    void run() {
      auto l = [] { MOVE_AFTER_PIN }; // reloc-warning {{'n' is moved after it was pinned}} reloc-note {{'n' is pinned here}}
      l();
    }
    PIN_ADDRESS_SENSITIVE void member(); // expected-warning {{'PIN_ADDRESS_SENSITIVE' has no effect on a member function 'member'}}
  };
  Local().run();

  // A generic lambda: its body is analysed where it is used.
  auto generic = [](auto tag) {
    (void)tag;
    MOVE_AFTER_PIN // reloc-warning {{'n' is moved after it was pinned}} reloc-note {{'n' is pinned here}}
  };
  generic(1);

  // A block (-fblocks): its declarations are in a context of their own.
  void (^block)() = ^{
    PIN_PINS_THIS int w = 0; // expected-warning {{'PIN_PINS_THIS' has no effect on a variable 'w'}}
    (void)w;
  };
  block();
}

// A lambda in a default argument and in a member initialiser.
void with_default(void (*f)() = [] { MOVE_AFTER_PIN }); // reloc-warning {{'n' is moved after it was pinned}} reloc-note {{'n' is pinned here}}

struct Holder {
  void (*f)();
  Holder() : f([] { MOVE_AFTER_PIN }) {} // reloc-warning {{'n' is moved after it was pinned}} reloc-note {{'n' is pinned here}}
};

// A lambda at namespace scope.
auto global_lambda = [] { MOVE_AFTER_PIN }; // reloc-warning {{'n' is moved after it was pinned}} reloc-note {{'n' is pinned here}}
