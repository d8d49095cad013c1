// pin-annotation checks annotations against the bodies they describe
// (docs/checks/pin-annotation.md "Annotations their bodies contradict"):
// PIN_PINS on a parameter the body never keeps, PIN_PINS_THIS on a member
// function that never hands `this` out, PIN_ADDRESS_AWARE on a copy or move
// member that repairs nothing, PIN_UNPIN on a self-referential class whose
// copies do not re-point. Each is silent where the body may do it (a call
// it cannot see into, `this` or the parameter passed anywhere), where the
// body is not visible, on a virtual function, and in code with errors.
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify=expected,inferred %s
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s \
// RUN:     -fplugin-arg-pincheck-infer-self-references=false

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node {
  Node *next = nullptr;
  int value = 0;
  void start() PIN_PINS_THIS;
};

void keep(Node *n);
Node *registry[4];

// ---------------------------------------------------------------- PIN_PINS

void reads_only(Node &n PIN_PINS) { n.value = 1; } // #reads_only
// expected-warning@-1 {{'PIN_PINS' on parameter 'n' of 'reads_only', but its body does not keep the address of 'n': every use of it reads or writes a member, or compares it [pin-annotation]}}
// expected-note@#reads_only {{the body of 'reads_only' is here; a caller's argument is pinned at each call all the same}}
void stores(Node &n PIN_PINS) { registry[0] = &n; }
void passes_on(Node &n PIN_PINS) { keep(&n); }
void calls_member(Node &n PIN_PINS) { n.start(); }   // a member may keep it
void declared_only(Node &n PIN_PINS);                  // no body here
struct Base {
  virtual void attach(Node &n PIN_PINS) { n.value = 0; } // an override may keep it
  virtual ~Base();
};

// ----------------------------------------------------------- PIN_PINS_THIS

struct Loop;
void add_to_loop(Loop *l, void *task);
struct PIN_ADDRESS_SENSITIVE Task {
  Loop *loop = nullptr;
  bool started = false;
  void start() PIN_PINS_THIS { started = true; } // #flag_only
  // expected-warning@-1 {{'PIN_PINS_THIS' on a member function 'start', but its body does not hand 'this' out: it only reads or writes members, and calls nothing that could [pin-annotation]}}
  // expected-note@#flag_only {{the body of 'start' is here; the object is pinned at each call all the same}}
  void run() PIN_PINS_THIS { add_to_loop(loop, this); }
  void link() PIN_PINS_THIS { add_to_loop(loop, &started); } // a member's address
  void resume() PIN_PINS_THIS { run(); }      // calls a member that hands it out
  void wait() PIN_PINS_THIS;                   // defined elsewhere
  virtual void poll() PIN_PINS_THIS { started = false; }
  virtual ~Task();
};

// -------------------------------------------------------- PIN_ADDRESS_AWARE

struct PIN_ADDRESS_SENSITIVE Plain {
  int id = 0;
  Plain() = default;
  Plain(const Plain &o) PIN_ADDRESS_AWARE : id(o.id) {} // #plain_copy
  // expected-warning@-1 {{'PIN_ADDRESS_AWARE' on a constructor of 'Plain', but its body repairs no address: it re-points no pointer member, hands 'this' to nothing and calls nothing that could; copies and moves through it are still treated as cooperative [pin-annotation]}}
  // expected-note@#plain_copy {{the body of 'Plain' is here}}
};
struct PIN_ADDRESS_SENSITIVE Linked {
  Linked *prev = this, *next = this;
  Linked() = default;
  Linked(Linked &&o) PIN_ADDRESS_AWARE { relink(o); } // calls what repairs
  Linked &operator=(Linked &&o) PIN_ADDRESS_AWARE {
    prev = o.prev;                                       // re-points
    return *this;
  }
  void relink(Linked &o);
};
struct PIN_ADDRESS_SENSITIVE Registered {
  Registered() = default;
  Registered(const Registered &) PIN_ADDRESS_AWARE;  // defined elsewhere
};

// ---------------------------------------------------------------- PIN_UNPIN

struct PIN_UNPIN Cursor { // #cursor
  char buf[8];
  char *cur = buf; // #cursor_self
};
// inferred-warning@#cursor {{'PIN_UNPIN' on 'Cursor', which is self-referential: its implicit copy constructor copies member 'cur' unchanged, so the copy refers to the original [pin-annotation]}}
// inferred-note@#cursor_self {{member 'cur' is made to refer into member 'buf' here}}
struct PIN_UNPIN Rebased {
  char buf[8];
  char *cur = buf;
  Rebased() = default;
  Rebased(const Rebased &o) : cur(buf + (o.cur - o.buf)) {} // re-points
  Rebased &operator=(const Rebased &) = delete;
};
struct PIN_UNPIN NotSelf { // nothing to hide
  int *p = nullptr;
};
