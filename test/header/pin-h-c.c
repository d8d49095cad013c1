/* pin/pin.h compiles warning-free (-Wall -Wextra -pedantic -Werror) as C89,
 * C99, C11, C17 and C23 (GCC 12 names it c2x, and newer GCCs still accept
 * that name), with the clang of LLVM 22 (the clang++ driver with -x c, as
 * the other C tests run it) and with gcc, in a realistic use of what applies
 * to C: PIN_ADDRESS_SENSITIVE and PIN_UNPIN on structs and a union, PIN_PINS
 * on pointer parameters (a declaration and a definition), pin_mark_pinned.
 * The file itself is C89: block comments, declarations before statements.
 * The C++ side is pin-h-cxx.cpp beside this file.
 *
 * RUN: %clangxx -x c -std=c89 -Wall -Wextra -pedantic -Werror -I %pin_include -c %s -o %t.o
 * RUN: %clangxx -x c -std=c99 -Wall -Wextra -pedantic -Werror -I %pin_include -c %s -o %t.o
 * RUN: %clangxx -x c -std=c11 -Wall -Wextra -pedantic -Werror -I %pin_include -c %s -o %t.o
 * RUN: %clangxx -x c -std=c17 -Wall -Wextra -pedantic -Werror -I %pin_include -c %s -o %t.o
 * RUN: %clangxx -x c -std=c23 -Wall -Wextra -pedantic -Werror -I %pin_include -c %s -o %t.o
 * RUN: gcc -std=c89 -Wall -Wextra -pedantic -Werror -I %pin_include -c %s -o %t.o
 * RUN: gcc -std=c99 -Wall -Wextra -pedantic -Werror -I %pin_include -c %s -o %t.o
 * RUN: gcc -std=c11 -Wall -Wextra -pedantic -Werror -I %pin_include -c %s -o %t.o
 * RUN: gcc -std=c17 -Wall -Wextra -pedantic -Werror -I %pin_include -c %s -o %t.o
 * RUN: gcc -std=c2x -Wall -Wextra -pedantic -Werror -I %pin_include -c %s -o %t.o
 *
 * What the macros become: under Clang the annotate("pin", <kind>) attribute
 * pincheck reads, under GCC nothing at all. pin_mark_pinned is `__inline__`
 * in C89, which has no `inline`, and `inline` from C99 on.
 * RUN: %clangxx -x c -std=c89 -E -P -I %pin_include %s | FileCheck %s --check-prefixes=CLANG,C89-INLINE
 * RUN: %clangxx -x c -std=c11 -E -P -I %pin_include %s | FileCheck %s --check-prefixes=CLANG,C99-INLINE
 * RUN: gcc -std=c89 -E -P -I %pin_include %s | FileCheck %s --check-prefixes=GCC,C89-INLINE --implicit-check-not=annotate --implicit-check-not=__attribute__
 * RUN: gcc -std=c11 -E -P -I %pin_include %s | FileCheck %s --check-prefixes=GCC,C99-INLINE --implicit-check-not=annotate --implicit-check-not=__attribute__
 *
 * C89-INLINE: static __inline__ void pin_mark_pinned(
 * C99-INLINE: static inline void pin_mark_pinned(
 * CLANG-SAME: const volatile void *value __attribute__((annotate("pin", "mark_pinned")))) {
 * GCC-SAME: const volatile void *value ) {
 * CLANG: struct __attribute__((annotate("pin", "address_sensitive"))) node {
 * CLANG: union __attribute__((annotate("pin", "address_sensitive"))) slot {
 * CLANG: struct __attribute__((annotate("pin", "unpin"))) handle {
 * CLANG: void link_after(struct node *n __attribute__((annotate("pin", "pins"))), struct node *head);
 * CLANG: void watch(struct node *n __attribute__((annotate("pin", "pins"))));
 * CLANG: void link_after(struct node *n __attribute__((annotate("pin", "pins"))), struct node *head) {
 * GCC: struct node {
 * GCC: union slot {
 * GCC: struct handle {
 * GCC: void link_after(struct node *n , struct node *head);
 * GCC: void watch(struct node *n );
 * GCC: void link_after(struct node *n , struct node *head) {
 */
#include <pin/pin.h>

/* A node of an intrusive list: the list holds its address. */
struct PIN_ADDRESS_SENSITIVE node {
  struct node *prev, *next;
};

/* Address-sensitive by containment: no annotation needed. */
struct timer {
  unsigned deadline;
  struct node hook;
};

union PIN_ADDRESS_SENSITIVE slot {
  struct node *self;
  unsigned index;
};

/* Copied only by code that re-links its node: never address-sensitive. */
struct PIN_UNPIN handle {
  struct node n;
};

/* Link n after head: the list keeps n's address. */
void link_after(struct node *n PIN_PINS, struct node *head);
/* Keeps the address it is given (defined elsewhere). */
void watch(struct node *n PIN_PINS);
unsigned run_timers(void);

void link_after(struct node *n PIN_PINS, struct node *head) {
  n->prev = head;
  n->next = head->next;
  head->next->prev = n;
  head->next = n;
}

unsigned run_timers(void) {
  struct node list;
  struct timer t;
  union slot s;
  struct handle h;
  list.prev = list.next = &list;
  t.deadline = 10;
  link_after(&t.hook, &list); /* t is pinned from here on */
  s.self = &list;
  pin_mark_pinned(&s);        /* s stays where it is */
  h.n.prev = h.n.next = &h.n;
  watch(&h.n);
  pin_mark_pinned(&list);
  return t.deadline + (s.self == &list);
}
