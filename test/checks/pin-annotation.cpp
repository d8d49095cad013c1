// Checks pin-annotation: a pin/pin.h annotation where it means nothing is
// reported, with the wording of docs/diagnostics.md ("'<MACRO>' has no effect
// on <what>; put it on <where>"), as are PIN_ADDRESS_SENSITIVE and PIN_UNPIN
// on one class (PIN_UNPIN wins) and an unknown ("pin", <kind>) annotation.
// The diagnostic lands where the macro is used (the "expanded from macro"
// lines are part of the warning, not diagnostics of their own).
// Negatives: every annotation in its right place, redeclarations that inherit
// an annotation (no second report), instantiations of templates (reported
// once, at the template), and other tools' annotate attributes.
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s
// RUN: %pincc -fsyntax-only -std=c++20 -Xclang -verify %s
//
// The warning points at the macro use and says where it came from; no
// other note.
// RUN: %pincc -fsyntax-only -std=c++20 -fno-caret-diagnostics %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SHAPE
//
// A misplaced annotation written with pin.h's macro comes with a fix-it that
// removes the macro and the blank after it (clang-tidy --fix applies it:
// test/tidy/run-clang-tidy.test); "both on one class", an unknown kind and
// an annotation not spelled with the macro get none.
// RUN: %pincc -fsyntax-only -std=c++20 -fdiagnostics-parseable-fixits %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=FIXIT --implicit-check-not=fix-it:
// FIXIT: fix-it:"{{.*}}pin-annotation.cpp":{[[# @LINE + 13]]:1-[[# @LINE + 13]]:23}:""
// FIXIT: fix-it:"{{.*}}pin-annotation.cpp":{[[# @LINE + 13]]:1-[[# @LINE + 13]]:11}:""
// FIXIT-COUNT-25: fix-it:"{{.*}}pin-annotation.cpp":{{[{][0-9]+:[0-9]+-[0-9]+:[0-9]+[}]}}:""

#include <pin/pin.h>

// ----------------------------------- PIN_ADDRESS_SENSITIVE / PIN_UNPIN misplaced

// SHAPE:      pin-annotation.cpp:[[# @LINE + 5]]:1: warning: 'PIN_ADDRESS_SENSITIVE' has no effect on a function 'sensitive_function'; put it on a class, struct or union [pin-annotation]
// SHAPE-NEXT: pin.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro 'PIN_ADDRESS_SENSITIVE'
// SHAPE-NEXT: pin.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro 'PIN_ANNOTATE_'
// SHAPE-NEXT: pin-annotation.cpp:[[# @LINE + 3]]:1: warning: 'PIN_UNPIN' has no effect on a function 'unpin_function'; put it on a class, struct or union [pin-annotation]
// SHAPE-NEXT: pin.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro 'PIN_UNPIN'
PIN_ADDRESS_SENSITIVE void sensitive_function(); // expected-warning {{'PIN_ADDRESS_SENSITIVE' has no effect on a function 'sensitive_function'; put it on a class, struct or union [pin-annotation]}}
PIN_UNPIN void unpin_function();                 // expected-warning {{'PIN_UNPIN' has no effect on a function 'unpin_function'; put it on a class, struct or union [pin-annotation]}}
PIN_ADDRESS_SENSITIVE int sensitive_variable;    // expected-warning {{'PIN_ADDRESS_SENSITIVE' has no effect on a variable 'sensitive_variable'; put it on a class, struct or union [pin-annotation]}}
PIN_UNPIN int unpin_variable = 0;                // expected-warning {{'PIN_UNPIN' has no effect on a variable 'unpin_variable'; put it on a class, struct or union [pin-annotation]}}
enum PIN_ADDRESS_SENSITIVE SensitiveEnum { e0 }; // expected-warning {{'PIN_ADDRESS_SENSITIVE' has no effect on a declaration; put it on a class, struct or union [pin-annotation]}}
using UnpinAlias PIN_UNPIN = int;                // expected-warning {{'PIN_UNPIN' has no effect on a declaration; put it on a class, struct or union [pin-annotation]}}

struct MisplacedMembers {
  PIN_ADDRESS_SENSITIVE void member();  // expected-warning {{'PIN_ADDRESS_SENSITIVE' has no effect on a member function 'member'; put it on a class, struct or union [pin-annotation]}}
  PIN_UNPIN int field;                  // expected-warning {{'PIN_UNPIN' has no effect on a field 'field'; put it on a class, struct or union [pin-annotation]}}
  void param(int &p PIN_ADDRESS_SENSITIVE); // expected-warning {{'PIN_ADDRESS_SENSITIVE' has no effect on a parameter 'p'; put it on a class, struct or union [pin-annotation]}}
};

// A later declaration without the annotation inherits it: not reported again.
void sensitive_function() {}

// ------------------------------------------------------- PIN_PINS_THIS misplaced

void pins_this_free() PIN_PINS_THIS; // expected-warning {{'PIN_PINS_THIS' has no effect on a function 'pins_this_free'; put it on a non-static member function or a constructor [pin-annotation]}}

struct PIN_PINS_THIS PinsThisClass {}; // expected-warning {{'PIN_PINS_THIS' has no effect on a class 'PinsThisClass'; put it on a non-static member function or a constructor [pin-annotation]}}

struct PinsThisMembers {
  static void make() PIN_PINS_THIS; // expected-warning {{'PIN_PINS_THIS' has no effect on a static member function 'make'; put it on a non-static member function or a constructor [pin-annotation]}}
  PinsThisMembers() PIN_PINS_THIS;  // right place: objects it makes are pinned
  ~PinsThisMembers() PIN_PINS_THIS; // expected-warning {{'PIN_PINS_THIS' has no effect on a destructor of 'PinsThisMembers'; put it on a non-static member function or a constructor [pin-annotation]}}
  int count PIN_PINS_THIS;          // expected-warning {{'PIN_PINS_THIS' has no effect on a field 'count'; put it on a non-static member function or a constructor [pin-annotation]}}
};

// Instantiated twice, reported once: at the template.
template <class T> struct PinsThisTemplate {
  static void make() PIN_PINS_THIS; // expected-warning {{'PIN_PINS_THIS' has no effect on a static member function 'make'; put it on a non-static member function or a constructor [pin-annotation]}}
  void start() PIN_PINS_THIS;       // right place
  T value;
};
PinsThisTemplate<int> pins_this_int;
PinsThisTemplate<long> pins_this_long;

// ------------------------------------------------------------ PIN_PINS misplaced

void pins_by_value(int x PIN_PINS); // expected-warning {{'PIN_PINS' has no effect on a by-value parameter 'x'; put it on a pointer or reference parameter [pin-annotation]}}

struct PinsTarget {
  int v;
};
void pins_by_value_class(PinsTarget t PIN_PINS, // expected-warning {{'PIN_PINS' has no effect on a by-value parameter 't'; put it on a pointer or reference parameter [pin-annotation]}}
                         PinsTarget &ok PIN_PINS);

struct PinsMembers {
  PIN_PINS void member(); // expected-warning {{'PIN_PINS' has no effect on a member function 'member'; put it on a pointer or reference parameter [pin-annotation]}}
  void by_value(PinsTarget t PIN_PINS); // expected-warning {{'PIN_PINS' has no effect on a by-value parameter 't'; put it on a pointer or reference parameter [pin-annotation]}}
};

PIN_PINS PinsTarget pins_variable; // expected-warning {{'PIN_PINS' has no effect on a variable 'pins_variable'; put it on a pointer or reference parameter [pin-annotation]}}

auto pins_lambda = [](PinsTarget t PIN_PINS) { (void)t; }; // expected-warning {{'PIN_PINS' has no effect on a by-value parameter 't'; put it on a pointer or reference parameter [pin-annotation]}}

// --------------------------------------------------- PIN_ADDRESS_AWARE misplaced

struct AwareMisplaced {
  AwareMisplaced() = default;
  void ordinary() PIN_ADDRESS_AWARE;                 // expected-warning {{'PIN_ADDRESS_AWARE' has no effect on a member function 'ordinary'; put it on a copy or move constructor or assignment operator, or a swap function [pin-annotation]}}
  explicit AwareMisplaced(int) PIN_ADDRESS_AWARE;    // expected-warning {{'PIN_ADDRESS_AWARE' has no effect on a constructor of 'AwareMisplaced'; put it on a copy or move constructor or assignment operator, or a swap function [pin-annotation]}}
  ~AwareMisplaced() PIN_ADDRESS_AWARE;               // expected-warning {{'PIN_ADDRESS_AWARE' has no effect on a destructor of 'AwareMisplaced'; put it on a copy or move constructor or assignment operator, or a swap function [pin-annotation]}}
  AwareMisplaced &operator=(int) PIN_ADDRESS_AWARE;  // expected-warning {{'PIN_ADDRESS_AWARE' has no effect on a member function 'operator='; put it on a copy or move constructor or assignment operator, or a swap function [pin-annotation]}}
};
void aware_free() PIN_ADDRESS_AWARE; // expected-warning {{'PIN_ADDRESS_AWARE' has no effect on a function 'aware_free'; put it on a copy or move constructor or assignment operator, or a swap function [pin-annotation]}}
struct PIN_ADDRESS_AWARE AwareClass {}; // expected-warning {{'PIN_ADDRESS_AWARE' has no effect on a class 'AwareClass'; put it on a copy or move constructor or assignment operator, or a swap function [pin-annotation]}}

// ------------------------------------------------------------ contradictory pair

struct PIN_ADDRESS_SENSITIVE PIN_UNPIN Both {}; // expected-warning {{'PIN_ADDRESS_SENSITIVE' and 'PIN_UNPIN' both on 'Both'; PIN_UNPIN wins and 'Both' is not address-sensitive [pin-annotation]}}
class PIN_UNPIN PIN_ADDRESS_SENSITIVE BothClass {}; // expected-warning {{'PIN_ADDRESS_SENSITIVE' and 'PIN_UNPIN' both on 'BothClass'; PIN_UNPIN wins and 'BothClass' is not address-sensitive [pin-annotation]}}

// The same contradiction spread over two declarations of one class.
struct PIN_ADDRESS_SENSITIVE BothRedeclared;
struct PIN_UNPIN BothRedeclared {}; // expected-warning {{'PIN_ADDRESS_SENSITIVE' and 'PIN_UNPIN' both on 'BothRedeclared'; PIN_UNPIN wins and 'BothRedeclared' is not address-sensitive [pin-annotation]}}

// ------------------------------------------------------------ unknown kinds

struct __attribute__((annotate("pin", "adress_sensitive"))) Typo {}; // expected-warning {{unknown pincheck annotation 'adress_sensitive'; known annotations are address_sensitive, unpin, pins_this, pins, address_aware [pin-annotation]}}
struct __attribute__((annotate("pin", "Address_Sensitive"))) WrongCase {}; // expected-warning {{unknown pincheck annotation 'Address_Sensitive'; known annotations are address_sensitive, unpin, pins_this, pins, address_aware [pin-annotation]}}
struct [[clang::annotate("pin", "unpinned")]] Cxx11Spelling {}; // expected-warning {{unknown pincheck annotation 'unpinned'; known annotations are address_sensitive, unpin, pins_this, pins, address_aware [pin-annotation]}}
void unknown_on_parameter(int *p __attribute__((annotate("pin", "pinned")))); // expected-warning {{unknown pincheck annotation 'pinned'; known annotations are address_sensitive, unpin, pins_this, pins, address_aware [pin-annotation]}}

// ------------------------------------------- kinds written other than as a literal

// A kind pincheck cannot read says what is wrong and how to write it; the
// annotation then has no effect (the class is not address-sensitive: the
// moves in written_kinds() below are silent).
struct __attribute__((annotate("pin"))) NoKind { NoKind *self = nullptr; }; // expected-warning {{pincheck annotation without a kind has no effect; write annotate("pin", "<kind>") with one of address_sensitive, unpin, pins_this, pins, address_aware, or use the macros of pin/pin.h [pin-annotation]}}
struct __attribute__((annotate("pin", 42))) IntKind { IntKind *self = nullptr; }; // expected-warning {{the kind of a pincheck annotation must be a string; this annotation has no effect; write annotate("pin", "<kind>") with one of address_sensitive, unpin, pins_this, pins, address_aware, or use the macros of pin/pin.h [pin-annotation]}}
struct __attribute__((annotate("pin", L"address_sensitive"))) WideKind { WideKind *self = nullptr; }; // expected-warning {{the kind of a pincheck annotation must be an ordinary string literal, not a wide or UTF-16/UTF-32 one; this annotation has no effect; write annotate("pin", "<kind>") with one of address_sensitive, unpin, pins_this, pins, address_aware, or use the macros of pin/pin.h [pin-annotation]}}
struct __attribute__((annotate("pin", U"address_sensitive"))) Utf32Kind {}; // expected-warning {{the kind of a pincheck annotation must be an ordinary string literal, not a wide or UTF-16/UTF-32 one; this annotation has no effect; write annotate("pin", "<kind>") with one of address_sensitive, unpin, pins_this, pins, address_aware, or use the macros of pin/pin.h [pin-annotation]}}
struct __attribute__((annotate("pin", "address_sensitive", "extra"))) ExtraArg { ExtraArg *self = nullptr; }; // expected-warning {{pincheck annotation 'address_sensitive' takes nothing after its kind (it has 1 more) and has no effect; write annotate("pin", "address_sensitive") [pin-annotation]}}
struct __attribute__((annotate("pin", "unpin", 1, 2))) ExtraArgs {}; // expected-warning {{pincheck annotation 'unpin' takes nothing after its kind (it has 2 more) and has no effect; write annotate("pin", "unpin") [pin-annotation]}}
// Adjacent literals are one string: the kind is what they spell.
struct __attribute__((annotate("pin", "address_" "sensitiv"))) Concatenated {}; // expected-warning {{unknown pincheck annotation 'address_sensitiv'; known annotations are address_sensitive, unpin, pins_this, pins, address_aware [pin-annotation]}}

// A constant that names a string is its string: these work as written.
constexpr const char SensitiveKind[] = "address_sensitive";
constexpr const char *PinsThisKind = "pins_this";
constexpr char BracedKind[] = {'u', 'n', 'p', 'i', 'n', 0};
constexpr const char TypoKind[] = "adress_sensitive";
struct __attribute__((annotate("pin", SensitiveKind))) ByConstexprArray { // #kinds_note
  ByConstexprArray *self = nullptr;
  void start() __attribute__((annotate("pin", PinsThisKind))) { self = this; }
};
struct __attribute__((annotate("pin", "address_sensitive"))) __attribute__((annotate("pin", BracedKind))) UnpinnedByBraces {}; // expected-warning {{'PIN_ADDRESS_SENSITIVE' and 'PIN_UNPIN' both on 'UnpinnedByBraces'; PIN_UNPIN wins and 'UnpinnedByBraces' is not address-sensitive [pin-annotation]}}
struct __attribute__((annotate("pin", TypoKind))) ByConstexprTypo {}; // expected-warning {{unknown pincheck annotation 'adress_sensitive'; known annotations are address_sensitive, unpin, pins_this, pins, address_aware [pin-annotation]}}

// A kind that depends on a template parameter is read in each
// instantiation: reported once, where it is written, for the instantiation
// whose kind is unknown; an instantiation with a known kind is annotated.
template <const char *Kind> struct __attribute__((annotate("pin", Kind))) KindParam { // #kind_param_note
// expected-warning@-1 {{unknown pincheck annotation 'adress_sensitive'; known annotations are address_sensitive, unpin, pins_this, pins, address_aware [pin-annotation]}}
  KindParam *self = nullptr;
  void start() PIN_PINS_THIS {}
};

void written_kinds() {
  NoKind a;
  NoKind a2 = static_cast<NoKind &&>(a);
  (void)&a2;
  NoKind a3 = static_cast<NoKind &&>(a2); // not annotated: silent
  IntKind b;
  (void)&b;
  IntKind b2 = static_cast<IntKind &&>(b); // silent
  WideKind c;
  (void)&c;
  WideKind c2 = static_cast<WideKind &&>(c); // silent
  ExtraArg d;
  (void)&d;
  ExtraArg d2 = static_cast<ExtraArg &&>(d); // silent
  ByConstexprArray e;
  e.start();
  ByConstexprArray e2 = static_cast<ByConstexprArray &&>(e); // expected-warning {{'e' is moved after it was pinned}} expected-note@-1 {{'e' is pinned here: pinning member function 'start' is called on it}} expected-note@#kinds_note {{'ByConstexprArray' is address-sensitive because it is annotated address-sensitive}}
  KindParam<SensitiveKind> f;
  f.start();
  KindParam<SensitiveKind> f2 = static_cast<KindParam<SensitiveKind> &&>(f); // expected-warning {{'f' is moved after it was pinned}} expected-note@-1 {{'f' is pinned here: pinning member function 'start' is called on it}} expected-note@#kind_param_note {{'KindParam<SensitiveKind>' is address-sensitive because it is annotated address-sensitive}}
  KindParam<TypoKind> g;
  g.start();
  KindParam<TypoKind> g2 = static_cast<KindParam<TypoKind> &&>(g); // not annotated: silent
  (void)a3; (void)b2; (void)c2; (void)d2; (void)e2; (void)f2; (void)g2;
}

// =============================== negatives: every annotation in its right place

struct PIN_ADDRESS_SENSITIVE SensitiveStruct {
  SensitiveStruct *self = nullptr;
};
class PIN_ADDRESS_SENSITIVE SensitiveClass {
public:
  int v = 0;
};
union PIN_ADDRESS_SENSITIVE SensitiveUnion {
  int i;
  float f;
};
struct PIN_UNPIN UnpinStruct {
  SensitiveStruct s;
};
class PIN_UNPIN UnpinClass {
  SensitiveStruct s;
};
union PIN_UNPIN UnpinUnion {
  int i;
};
template <class T> struct PIN_ADDRESS_SENSITIVE SensitiveTemplate {
  T value;
};
SensitiveTemplate<int> sensitive_int;
SensitiveTemplate<long> sensitive_long;
template <class T> struct PIN_UNPIN UnpinTemplate {
  T value;
};
UnpinTemplate<SensitiveStruct> unpin_sensitive;

// A forward declaration annotated, the definition inheriting it.
struct PIN_ADDRESS_SENSITIVE Forward;
struct Forward {
  int v = 0;
};

// The marker member (the PhantomPinned analogue).
struct WithMarker {
  [[no_unique_address]] pin::phantom_pinned pin_;
  int v = 0;
};

struct PinningMembers {
  void start() PIN_PINS_THIS;
  void observe() const & PIN_PINS_THIS;
  virtual void poll() PIN_PINS_THIS;
  PinningMembers &operator+=(int) PIN_PINS_THIS;
  template <class T> void await_suspend(T handle) PIN_PINS_THIS;
  void link(PinningMembers &head PIN_PINS);
  PinningMembers(PinningMembers *parent PIN_PINS);
  virtual ~PinningMembers();
};
// Out-of-line definitions inherit the annotation: not reported.
void hand_out(PinningMembers *);
void PinningMembers::start() { hand_out(this); }

void pins_reference(SensitiveStruct &s PIN_PINS);
void pins_const_reference(const SensitiveStruct &s PIN_PINS);
void pins_rvalue_reference(SensitiveStruct &&s PIN_PINS);
void pins_pointer(SensitiveStruct *s PIN_PINS);
void pins_const_pointer(SensitiveStruct *const s PIN_PINS);
void pins_unnamed(SensitiveStruct &PIN_PINS);
template <class T> void pins_template(T &t PIN_PINS, T *p PIN_PINS) {
  (void)t, (void)p;
}
auto pins_lambda_ok = [](SensitiveStruct &s PIN_PINS) { (void)s; };

void use_templates() {
  int i = 0;
  long l = 0;
  pins_template(i, &i);
  pins_template(l, &l);
  SensitiveStruct s;
  pin::mark_pinned(s);
}

struct PIN_ADDRESS_SENSITIVE AwareAll {
  AwareAll *self = nullptr;
  AwareAll() = default;
  AwareAll(const AwareAll &other) PIN_ADDRESS_AWARE;
  AwareAll(AwareAll &&other) PIN_ADDRESS_AWARE;
  AwareAll &operator=(const AwareAll &other) PIN_ADDRESS_AWARE;
  AwareAll &operator=(AwareAll &&other) PIN_ADDRESS_AWARE;
};
AwareAll::AwareAll(const AwareAll &) : self(this) {}

struct AwareDefaulted {
  AwareDefaulted() = default;
  AwareDefaulted(const AwareDefaulted &) PIN_ADDRESS_AWARE = default;
  AwareDefaulted &operator=(AwareDefaulted &&) PIN_ADDRESS_AWARE = default;
};

// Other tools' annotate attributes, and ones scoped to another tool name.
struct __attribute__((annotate("other"))) OtherTool {};
struct __attribute__((annotate("other", "address_sensitive"))) OtherToolKind {};
struct __attribute__((annotate("pins", "adress_sensitive"))) PrefixTool {};
struct [[clang::annotate("PIN", "unknown")]] UpperTool {};
void other_tool_function() __attribute__((annotate("other")));
void other_tool_parameter(int x __attribute__((annotate("other", "pins"))));
__attribute__((annotate("other"))) int other_tool_variable;
struct OtherToolMembers {
  static void make() __attribute__((annotate("other", "pins_this")));
  int field __attribute__((annotate("other")));
};
