// Checks the mock standard library in test/Inputs/std: every header compiles
// on its own terms (no real libstdc++, no plugin) in C++17 and C++20, the
// pieces the checks rely on are usable, and Clang recognises std::move & co.
// and the C memory functions as library builtins, as it does with the real
// headers.
//
// RUN: %clangxx -fsyntax-only -nostdinc++ -isystem %mock_std -std=c++17 -Wall -Wextra -Werror %s
// RUN: %clangxx -fsyntax-only -nostdinc++ -isystem %mock_std -std=c++20 -Wall -Wextra -Werror %s
// RUN: %clangxx -fsyntax-only -nostdinc++ -isystem %mock_std -std=c++23 -Wall -Wextra -Werror %s
// RUN: %clangxx -fsyntax-only -nostdinc++ -isystem %mock_std -std=gnu++20 -Wall -Wextra -Werror %s
//
// The mocks must not fall back on the real C++ library.
// RUN: not %clangxx -fsyntax-only -nostdinc++ -isystem %mock_std -std=c++17 -x c++ - < /dev/null -include iostream 2>&1 | FileCheck %s --check-prefix=NO-REAL
// NO-REAL: 'iostream' file not found
//
// Builtin recognition, which the checks rely on to know the library
// functions. std::move & co.: the call's callee has '<builtin fn type>'.
// RUN: %clangxx -fsyntax-only -nostdinc++ -isystem %mock_std -std=c++20 %s \
// RUN:     -Xclang -ast-dump -Xclang -ast-dump-filter=pincheck_builtin_probe \
// RUN:   | FileCheck %s --check-prefix=STD
// The C functions: the declaration has a BuiltinAttr. mempcpy, memccpy, bzero
// and bcopy are builtins only in the gnu++ modes (as with the real glibc).
// RUN: %clangxx -fsyntax-only -nostdinc++ -isystem %mock_std -std=c++20 %s \
// RUN:     -Xclang -ast-dump -Xclang -ast-dump-filter=mem | FileCheck %s --check-prefixes=MEM,MEM-ISO
// RUN: %clangxx -fsyntax-only -nostdinc++ -isystem %mock_std -std=gnu++20 %s \
// RUN:     -Xclang -ast-dump -Xclang -ast-dump-filter=mem | FileCheck %s --check-prefixes=MEM,MEM-GNU
// RUN: %clangxx -fsyntax-only -nostdinc++ -isystem %mock_std -std=c++17 %s \
// RUN:     -Xclang -ast-dump -Xclang -ast-dump-filter=realloc | FileCheck %s --check-prefix=REALLOC
// RUN: %clangxx -fsyntax-only -nostdinc++ -isystem %mock_std -std=gnu++17 %s \
// RUN:     -Xclang -ast-dump -Xclang -ast-dump-filter=bzero | FileCheck %s --check-prefix=BZERO
// RUN: %clangxx -fsyntax-only -nostdinc++ -isystem %mock_std -std=gnu++17 %s \
// RUN:     -Xclang -ast-dump -Xclang -ast-dump-filter=bcopy | FileCheck %s --check-prefix=BCOPY
//
// MEM-LABEL: Dumping memcpy:
// MEM: BuiltinAttr
// MEM-LABEL: Dumping memmove:
// MEM: BuiltinAttr
// MEM-LABEL: Dumping memset:
// MEM: BuiltinAttr
// MEM-LABEL: Dumping mempcpy:
// MEM-ISO-NOT: BuiltinAttr
// MEM-GNU: BuiltinAttr
// MEM-LABEL: Dumping memccpy:
// MEM-ISO-NOT: BuiltinAttr
// MEM-GNU: BuiltinAttr
// MEM-LABEL: Dumping std::memchr:
// MEM-LABEL: Dumping wmemcpy:
// MEM: BuiltinAttr
// MEM-LABEL: Dumping wmemmove:
// MEM: BuiltinAttr
// MEM-LABEL: Dumping std::wmemmove:
//
// REALLOC-LABEL: Dumping realloc:
// REALLOC: BuiltinAttr
// REALLOC-LABEL: Dumping std::realloc:
// BZERO-LABEL: Dumping bzero:
// BZERO: BuiltinAttr
// BCOPY-LABEL: Dumping bcopy:
// BCOPY: BuiltinAttr

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <cwchar>
#include <initializer_list>
#include <memory>
#include <new>
#include <optional>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>
#include <wchar.h>

namespace mockcheck {

struct Movable {
  int v = 0;
  Movable() = default;
  explicit Movable(int x) : v(x) {}
};

// An address-sensitive shape: not movable, not copyable.
struct Pinned {
  Pinned *self = nullptr;
  Pinned() = default;
  explicit Pinned(int) {}
  Pinned(const Pinned &) = delete;
  Pinned &operator=(const Pinned &) = delete;
};

struct WithAdlSwap {
  int v = 0;
  friend void swap(WithAdlSwap &a, WithAdlSwap &b) noexcept { std::swap(a.v, b.v); }
};

static_assert(std::is_same_v<decltype(std::move(std::declval<Movable &>())), Movable &&>);
static_assert(std::is_same_v<decltype(std::forward<Movable &>(std::declval<Movable &>())), Movable &>);
static_assert(std::is_same_v<decltype(std::forward_like<const Movable &>(std::declval<int &>())), const int &>);
static_assert(std::is_same_v<decltype(std::forward_like<Movable>(std::declval<int &>())), int &&>);
static_assert(!std::is_move_constructible_v<Pinned>);
static_assert(std::is_nothrow_move_constructible_v<Movable>);
static_assert(std::tuple_size_v<std::array<int, 3>> == 3);
static_assert(sizeof(std::byte) == 1);

void utility() {
  Movable a, b;
  std::swap(a, b);
  Movable arr1[2], arr2[2];
  std::swap(arr1, arr2);
  WithAdlSwap w1, w2;
  using std::swap;
  swap(w1, w2);
  int i = std::exchange(a.v, 3);
  Movable c = std::move(a);
  const Movable &d = std::move_if_noexcept(b);
  (void)std::as_const(c);
  std::pair<int, Movable> p(1, Movable(2));
  auto [first, second] = p;
  auto p2 = std::make_pair(i, d);
  p.swap(p2);
  std::swap(p, p2);
  (void)std::get<0>(p);
  (void)first;
  (void)second;
  std::index_sequence_for<int, long> seq;
  (void)seq;
}

void memory() {
  Pinned n;
  Pinned *p = std::addressof(n);
  auto u = std::make_unique<Pinned>(1);
  std::unique_ptr<Pinned> u2 = std::move(u);
  Pinned &r = *u2;
  (void)u2->self;
  (void)u2.get();
  std::shared_ptr<Movable> s = std::make_shared<Movable>(4);
  std::shared_ptr<Movable> s2 = s;
  (void)s->v;
  (void)(*s2).v;
  (void)s2.use_count();
  alignas(Pinned) unsigned char buf[sizeof(Pinned)];
  Pinned *q = ::new (static_cast<void *>(buf)) Pinned;
  std::destroy_at(std::launder(q));
  (void)p;
  (void)r;
}

void c_memory() {
  Movable a, b;
  std::memcpy(&a, &b, sizeof a);
  ::memcpy(&a, &b, sizeof a);
  std::memmove(&a, &b, sizeof a);
  memset(&a, 0, sizeof a);
  (void)memcmp(&a, &b, sizeof a);
  mempcpy(&a, &b, sizeof a);
  memccpy(&a, &b, 0, sizeof a);
  bzero(&a, sizeof a);
  bcopy(&b, &a, sizeof a);
  void *m = std::malloc(16);
  m = std::realloc(m, 32);
  std::free(m);
  wchar_t w1[4] = {}, w2[4] = {};
  std::wmemcpy(w1, w2, 4);
  wmemmove(w1, w2, 4);
  (void)__builtin_memcpy(&a, &b, sizeof a);
}

void containers() {
  std::optional<Pinned> o;
  o.emplace(1);
  (void)o.has_value();
  (void)(*o).self;
  (void)o.value().self;
  (void)o->self;
  std::optional<Movable> om = Movable(1);
  std::optional<Movable> om2 = om;
  om2 = std::move(om);
  om.swap(om2);
  om.reset();

  std::variant<int, Movable> v;
  v = Movable(2);
  std::variant<int, Movable> v2 = v;
  v2 = 5;
  (void)std::get<int>(v2);
  (void)std::get<1>(v);
  (void)std::holds_alternative<Movable>(v);
  v.swap(v2);
  std::variant<int, Pinned> vp(std::in_place_index<1>, 3);
  vp.emplace<Pinned>();
  (void)std::get_if<0>(&vp);

  std::tuple<int, Movable, long> t(1, Movable(2), 3L);
  auto &[ti, tm, tl] = t;
  (void)std::get<1>(t);
  auto t2 = std::make_tuple(1, Movable(), 3L);
  t.swap(t2);
  std::swap(t, t2);
  int x = 0, y = 0;
  std::tuple<int &, int &> tr = std::tie(x, y);
  (void)tr;
  (void)ti;
  (void)tm;
  (void)tl;

  std::array<Movable, 3> arr{};
  std::array<Movable, 3> arr2 = arr;
  arr.swap(arr2);
  std::swap(arr, arr2);
  (void)arr[0];
  (void)arr.data();
  (void)arr.size();
  std::array<Pinned, 2> parr{};
  (void)std::get<1>(parr).self;

  std::vector<Movable> vec{Movable(1), Movable(2)};
  vec.push_back(Movable(3));
  vec.emplace_back(4);
  (void)vec[0];
  (void)vec.data();
  (void)vec.size();
  for (Movable &m : vec)
    (void)m;
  std::vector<Movable> vec2;
  vec.swap(vec2);
  std::swap(vec, vec2);
  std::vector<Pinned *> ptrs;
  ptrs.push_back(nullptr);
}

void algorithms() {
  Movable a[3], b[3];
  std::iter_swap(a, b);
  std::swap_ranges(a, a + 3, b);
  std::move(a, a + 3, b);
  std::copy(a, a + 3, b);
  std::fill(a, a + 3, Movable(1));
#if __cplusplus >= 202002L
  std::ranges::swap(a[0], b[0]);
  std::ranges::swap(a, b);
  WithAdlSwap w1, w2;
  std::ranges::swap(w1, w2);
  int i = 0, j = 1;
  std::ranges::swap(i, j);
  static_assert(std::is_same_v<decltype(std::ranges::swap), const std::ranges::__swap::_Swap>);
  float f = 1.0f;
  unsigned u = std::bit_cast<unsigned>(f);
  (void)u;
#endif
}

} // namespace mockcheck

using mockcheck::Movable;

// STD-LABEL: Dumping pincheck_builtin_probe:
void pincheck_builtin_probe(Movable &a) {
  // STD: DeclRefExpr {{.*}} '<builtin fn type>' Function {{.*}} 'move'
  (void)std::move(a);
  // STD: DeclRefExpr {{.*}} '<builtin fn type>' Function {{.*}} 'forward'
  (void)std::forward<Movable &>(a);
  // STD: DeclRefExpr {{.*}} '<builtin fn type>' Function {{.*}} 'move_if_noexcept'
  (void)std::move_if_noexcept(a);
  // STD: DeclRefExpr {{.*}} '<builtin fn type>' Function {{.*}} 'forward_like'
  (void)std::forward_like<Movable>(a.v);
  // STD: DeclRefExpr {{.*}} '<builtin fn type>' Function {{.*}} 'as_const'
  (void)std::as_const(a);
  // STD: DeclRefExpr {{.*}} '<builtin fn type>' Function {{.*}} 'addressof'
  (void)std::addressof(a);
  // The algorithm std::move is not the builtin.
  // STD: DeclRefExpr {{.*}} Function {{.*}} 'move' 'int *(int *, int *, int *)'
  int x[1] = {}, y[1] = {};
  std::move(x, x + 1, y);
}
