// pin-trivially-relocatable (docs/checks/pin-trivially-relocatable.md): an
// address-sensitive class (annotated or inferred) declared trivially
// relocatable, so that the ABI, containers or libraries move it with memcpy;
// and an address-sensitive member of a packed class. Reported at the claim,
// with why the class is address-sensitive. Side by side: the same claims on
// plain classes, traits that say false, traits not in RelocatableTraits,
// PIN_UNPIN. The third RUN line replaces the list of traits; the fourth turns
// the inference off (annotated classes are still reported).
//
// RUN: %pincc -fsyntax-only -std=c++17 -Wno-unknown-attributes -Xclang -verify=expected,default,inferred %s
// RUN: %pincc -fsyntax-only -std=c++20 -Wno-unknown-attributes -Xclang -verify=expected,default,inferred %s
// RUN: %pincc -fsyntax-only -std=c++17 -Wno-unknown-attributes -Xclang -verify=expected,mine,inferred %s \
// RUN:     -fplugin-arg-pincheck-relocatable-traits=mycorp::is_relocatable
// RUN: %pincc -fsyntax-only -std=c++17 -Wno-unknown-attributes -Xclang -verify=expected,default %s \
// RUN:     -fplugin-arg-pincheck-infer-self-references=false
// RUN: not %pincc -fsyntax-only %s -fplugin-arg-pincheck-relocatable-traits='folly::IsRelocatable<T>' 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BAD
// BAD: error: pincheck: {{.*}}relocatable-traits{{.*}}'folly::IsRelocatable<T>' is not a fully qualified class template name

#include <pin/pin.h>

namespace std {
template <class T, T V> struct integral_constant { static constexpr T value = V; };
using true_type = integral_constant<bool, true>;
using false_type = integral_constant<bool, false>;
} // namespace std

// The traits, as their libraries declare them.
namespace folly { template <class T> struct IsRelocatable : std::false_type {}; }
namespace BloombergLP { namespace bslmf {
template <class T> struct IsBitwiseMoveable : std::false_type {};
} } // namespace BloombergLP::bslmf
namespace mycorp { template <class T> struct is_relocatable : std::false_type {}; }
// Qt's QTypeInfo, and the macro that specialises it.
enum { Q_PRIMITIVE_TYPE = 0x1, Q_RELOCATABLE_TYPE = 0x2 };
template <class T> class QTypeInfo { public: enum { isRelocatable = 0 }; };
#define Q_DECLARE_TYPEINFO(TYPE, FLAGS) \
  template <> class QTypeInfo<TYPE> { public: enum { isRelocatable = ((FLAGS) & Q_RELOCATABLE_TYPE) != 0 }; }

// Address-sensitive classes: inferred (a member points into the object) and
// annotated.
struct Node { // #node
  Node *self = this; // #node_self
};
// inferred-note@#node_self 1+ {{'Node' is address-sensitive because its default member initializer makes member 'self' refer to the object itself}}
struct PIN_ADDRESS_SENSITIVE Hook { // #hook
  Hook *prev = nullptr;
};
// expected-note@#hook 1+ {{'Hook' is address-sensitive because it is annotated address-sensitive}}
struct Plain { int x; };

// ---- [[clang::trivial_abi]] ----
struct [[clang::trivial_abi]] AbiNode { Node n; }; // #abi_node
// inferred-warning@#abi_node {{'AbiNode' is declared trivially relocatable by '[[clang::trivial_abi]]' (it is passed in registers: copied bit by bit), but it is address-sensitive: a relocated object's self-references and registrations still refer to the old address; remove the claim [pin-trivially-relocatable]}}
// inferred-note@#abi_node {{'AbiNode' is address-sensitive because member 'n' has type 'Node'}}
struct [[clang::trivial_abi]] AbiHook { Hook h; }; // #abi_hook
// expected-warning@#abi_hook {{'AbiHook' is declared trivially relocatable by '[[clang::trivial_abi]]'}}
// expected-note@#abi_hook {{'AbiHook' is address-sensitive because member 'h' has type 'Hook'}}
struct [[clang::trivial_abi]] AbiPlain { Plain p; };

// A template: once, for the instantiations whose argument makes it
// address-sensitive.
template <class T> struct [[clang::trivial_abi]] Box { T v; }; // #box
// expected-warning@#box {{'Box' is declared trivially relocatable by '[[clang::trivial_abi]]'}}
// expected-note@#box {{'Box<Hook>' is address-sensitive because member 'v' has type 'Hook'}}
Box<Hook> box_hook;
Box<int> box_int;

// ---- attributes Clang ignores ----
struct [[trivially_relocatable]] P1144 { Hook h; }; // #p1144
// expected-warning@#p1144 {{'P1144' is declared trivially relocatable by attribute 'trivially_relocatable' (Clang ignores it; other compilers and libraries move it with memcpy), but it is address-sensitive}}
// expected-note@#p1144 {{'P1144' is address-sensitive because member 'h' has type 'Hook'}}
struct [[clang::trivially_relocatable]] ClangSpelt { Hook h; }; // #clang_spelt
// expected-warning@#clang_spelt {{'ClangSpelt' is declared trivially relocatable by attribute 'trivially_relocatable'}}
// expected-note@#clang_spelt {{'ClangSpelt' is address-sensitive because member 'h' has type 'Hook'}}
struct __attribute__((trivially_relocatable)) GnuSpelt { Hook h; }; // #gnu_spelt
// expected-warning@#gnu_spelt {{'GnuSpelt' is declared trivially relocatable by attribute 'trivially_relocatable'}}
// expected-note@#gnu_spelt {{'GnuSpelt' is address-sensitive because member 'h' has type 'Hook'}}
struct [[trivially_relocatable]] RelocPlain { Plain p; };
struct trivially_relocatable { Hook h; }; // a class of that name claims nothing

// ---- trait specialisations ----
struct FollyNode { Hook h; }; // #folly_class
template <> struct folly::IsRelocatable<FollyNode> : std::true_type {}; // #folly
// default-warning@#folly {{'FollyNode' is declared trivially relocatable by a specialization of 'folly::IsRelocatable' (containers that read it move it with memcpy), but it is address-sensitive}}
// default-note@#folly_class {{'FollyNode' is address-sensitive because member 'h' has type 'Hook'}}
struct BdeHook { Hook h; }; // #bde_class
template <> struct BloombergLP::bslmf::IsBitwiseMoveable<BdeHook> { static constexpr bool value = true; }; // #bde
// default-warning@#bde {{'BdeHook' is declared trivially relocatable by a specialization of 'BloombergLP::bslmf::IsBitwiseMoveable'}}
// default-note@#bde_class {{'BdeHook' is address-sensitive because member 'h' has type 'Hook'}}
struct QtHook { Hook h; }; // #qt_class
Q_DECLARE_TYPEINFO(QtHook, Q_RELOCATABLE_TYPE); // #qt
// default-warning@#qt {{'QtHook' is declared trivially relocatable by a specialization of 'QTypeInfo'}}
// default-note@#qt_class {{'QtHook' is address-sensitive because member 'h' has type 'Hook'}}
struct QtComplex { Hook h; };
Q_DECLARE_TYPEINFO(QtComplex, 0); // says false
template <> struct folly::IsRelocatable<Plain> : std::true_type {}; // not address-sensitive
struct FollyFalse { Hook h; };
template <> struct folly::IsRelocatable<FollyFalse> : std::false_type {}; // says false
struct MineHook { Hook h; }; // #mine_class
template <> struct mycorp::is_relocatable<MineHook> : std::true_type {}; // #mine
// mine-warning@#mine {{'MineHook' is declared trivially relocatable by a specialization of 'mycorp::is_relocatable'}}
// mine-note@#mine_class {{'MineHook' is address-sensitive because member 'h' has type 'Hook'}}

// ---- nested markers ----
struct NestedFolly {
  Hook h; // #nested_folly
  typedef std::true_type IsRelocatable; // #nested_folly_marker
};
// expected-warning@#nested_folly_marker {{'NestedFolly' is declared trivially relocatable by its member 'IsRelocatable' (containers that read it move it with memcpy), but it is address-sensitive}}
// expected-note@#nested_folly {{'NestedFolly' is address-sensitive because member 'h' has type 'Hook'}}
struct NestedSus {
  Hook h; // #nested_sus
  static constexpr bool SusUnsafeTrivialRelocate = true; // #nested_sus_marker
};
// expected-warning@#nested_sus_marker {{'NestedSus' is declared trivially relocatable by its member 'SusUnsafeTrivialRelocate'}}
// expected-note@#nested_sus {{'NestedSus' is address-sensitive because member 'h' has type 'Hook'}}
struct NestedFalse {
  Hook h;
  static constexpr bool SusUnsafeTrivialRelocate = false;
};
struct NestedPlain {
  int x;
  typedef std::true_type IsRelocatable;
};

// ---- packed ----
struct __attribute__((packed)) Wire { char tag; Hook h; }; // #wire
// expected-warning@#wire {{packed class 'Wire' holds address-sensitive member 'h': a packed class is copied as bytes and its members may be misaligned; keep 'h' out of the packed class, or hold it by pointer [pin-trivially-relocatable]}}
// expected-note@#wire {{member 'h' is declared here}}
struct __attribute__((packed)) WirePlain { char tag; int x; };
struct __attribute__((packed)) WirePointer { char tag; Hook *h; };

// ---- PIN_UNPIN ----
struct PIN_UNPIN [[clang::trivial_abi]] Unpinned { Unpinned *self = this; };
// inferred-warning@-1 {{'PIN_UNPIN' on 'Unpinned', which is self-referential: its implicit copy constructor copies member 'self' unchanged, so the copy refers to the original [pin-annotation]}}
// inferred-note@-2 {{member 'self' is made to refer to the object itself here}}

// Known misses (docs/checks/pin-trivially-relocatable.md, "Known limits"):
// an ignored attribute spelt through a macro (Clang keeps no trace of it),
// and a partial specialization of a trait.
#define RELOCATABLE [[trivially_relocatable]]
struct RELOCATABLE MacroSpelt { Hook h; };
template <class T> struct Vec { T *data; T inline_[1]; };
template <class T> struct folly::IsRelocatable<Vec<T>> : std::true_type {};
Vec<Hook> vec_hook;
bool vec_relocatable = folly::IsRelocatable<Vec<Hook>>::value;

// NOLINT silences it, on the line of the claim.
struct [[clang::trivial_abi]] Quiet { Hook h; }; // NOLINT(pin-trivially-relocatable)
