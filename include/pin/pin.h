/* pin/pin.h - annotations that tell pincheck which types are address-sensitive
 * and which operations pin a value. See docs/annotations.md.
 *
 * Under Clang every macro becomes an `annotate` attribute scoped to the tool
 * ("pin", <kind>). It does not change what the code does, but Clang records
 * annotations in the object file (docs/annotations.md says how). Under any
 * other compiler the macros expand to nothing, so annotated code stays
 * portable. */
#ifndef PIN_PIN_H
#define PIN_PIN_H

#if defined(__clang__)
#define PIN_ANNOTATE_(kind) __attribute__((annotate("pin", kind)))
#else
#define PIN_ANNOTATE_(kind)
#endif

/* On a class: instances are address-sensitive (Rust's !Unpin). */
#define PIN_ADDRESS_SENSITIVE PIN_ANNOTATE_("address_sensitive")
/* On a class: never address-sensitive, whatever it contains (the opt-out). */
#define PIN_UNPIN PIN_ANNOTATE_("unpin")
/* On a non-static member function: calling it pins the object it is called on.
 * On a constructor: every object it makes is pinned from its construction. */
#define PIN_PINS_THIS PIN_ANNOTATE_("pins_this")
/* On a pointer or reference parameter: the argument bound to it becomes pinned. */
#define PIN_PINS PIN_ANNOTATE_("pins")
/* On a copy/move constructor or assignment operator, or a swap function: it
 * fixes addresses up, so copies, moves and swaps through it are cooperative
 * (raw memory is still reported). */
#define PIN_ADDRESS_AWARE PIN_ANNOTATE_("address_aware")

#ifdef __cplusplus
namespace pin {

/* A class with a member of this type is address-sensitive (Rust's
 * PhantomPinned). Empty: with [[no_unique_address]] it costs no space. */
struct PIN_ANNOTATE_("marker") phantom_pinned {};

/* Marks `value` pinned from this point on (Rust's pin!). Generates no code. */
template <class T>
#if __cplusplus >= 201402L
constexpr
#else
inline
#endif
void mark_pinned(T &value PIN_ANNOTATE_("mark_pinned")) noexcept {
  (void)value;
}

} /* namespace pin */
#else
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L
#define PIN_INLINE_ inline
#else
#define PIN_INLINE_ __inline__
#endif
/* C: marks the object `value` points to pinned from this point on. */
static PIN_INLINE_ void pin_mark_pinned(const volatile void *value PIN_ANNOTATE_("mark_pinned")) {
  (void)value;
}
#endif

#endif /* PIN_PIN_H */
