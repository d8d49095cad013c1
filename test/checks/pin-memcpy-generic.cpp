// pin-memcpy inside generic code (docs/checks/pin-memcpy.md, "Raw relocation
// inside generic code"): a container written as a class or function template
// relocates its elements with memcpy, memmove or realloc on storage typed
// `T *`. In each instantiation whose `T` is address-sensitive, the call is
// reported at the call, with a note at the user's code that instantiated it:
// "every 'T' is pinned from its construction" for a self-referential `T`,
// "may be pinned" for an annotated one. Side by side: the same templates with
// a plain `T`; a memset (not a relocation); the branch of an `if constexpr`
// not taken; a template in a system header. A member byte buffer that the
// class constructs its `T` into by placement new is storage typed `T *`;
// one reached through a local pointer is a known miss.
//
// RUN: %pincc -fsyntax-only -std=c++20 -Xclang -verify %s -fplugin-arg-pincheck-checks=-*,pin-memcpy

#include <pin/pin.h>
#include <vector>

using size_t = decltype(sizeof 0);
extern "C" void *malloc(size_t);
extern "C" void *realloc(void *, size_t);
extern "C" void free(void *);
extern "C" void *memcpy(void *, const void *, size_t);
extern "C" void *memmove(void *, const void *, size_t);
extern "C" void *memset(void *, int, size_t);

struct Cell { // self-referential
  Cell *self = this; // #cell_self
};
// expected-note@#cell_self 1+ {{'Cell' is address-sensitive because its default member initializer makes member 'self' refer to the object itself}}
struct PIN_ADDRESS_SENSITIVE Hook { // #hook
  Hook *next = nullptr;
};
// expected-note@#hook 1+ {{'Hook' is address-sensitive because it is annotated address-sensitive}}
struct Plain { int x; };

template <class T> struct Grow {
  T *data_ = nullptr;
  size_t size_ = 0, cap_ = 0;
  void grow() {
    T *n = static_cast<T *>(malloc(2 * cap_ * sizeof(T)));
    if constexpr (sizeof(T) < 1000)
      memcpy(n, data_, size_ * sizeof(T)); // #grow_memcpy
    else
      memmove((void *)n, (void *)data_, size_ * sizeof(T)); // not instantiated
    free(data_);
    data_ = n;
  }
  void shrink() { data_ = static_cast<T *>(realloc(data_, size_ * sizeof(T))); } // #shrink
  void clear() { memset(data_, 0, size_ * sizeof(T)); } // writes, does not relocate
};
// expected-warning@#grow_memcpy {{'memcpy' relocates objects of address-sensitive type 'Cell' as raw bytes in 'Grow<Cell>'; every 'Cell' is pinned from its construction, and its self-references still refer to the old address [pin-memcpy]}}
// expected-warning@#shrink {{'realloc' may move objects of address-sensitive type 'Cell' to new storage without running any of their code in 'Grow<Cell>'; every 'Cell' is pinned from its construction, and its self-references still refer to the old address [pin-memcpy]}}
// expected-warning@#grow_memcpy {{'memcpy' relocates objects of address-sensitive type 'Hook' as raw bytes in 'Grow<Hook>'; any of them may be pinned, and none of its code runs to keep its address-dependent state valid [pin-memcpy]}}

template <class T> void move_all(T *to, T *from, size_t n) {
  memmove(to, from, n * sizeof(T)); // #move_all
}
// expected-warning@#move_all {{'memmove' relocates objects of address-sensitive type 'Hook' as raw bytes in 'move_all<Hook>'; any of them may be pinned}}

// A member byte buffer that the class constructs its argument type into by
// placement new holds objects of that type: a raw copy of it relocates them,
// as one on storage typed `T *` does, whichever member function does it.
template <class T> struct Bytes {
  unsigned char buf[4 * sizeof(T)];
  unsigned char other[4 * sizeof(T)];
  T *emplace(size_t i) { return new (buf + i * sizeof(T)) T(); }
  void relocate() { memcpy(other, buf, sizeof buf); } // #bytes_relocate
};
// expected-warning@#bytes_relocate {{'memcpy' relocates objects of address-sensitive type 'Cell' as raw bytes in 'Bytes<Cell>'; every 'Cell' is pinned from its construction}}
// A growable one: the buffer reached through data() and an offset.
template <class T> struct ByteVec {
  std::vector<unsigned char> buf_;
  size_t n_ = 0;
  T &push() {
    grow();
    T *p = ::new (static_cast<void *>(buf_.data() + n_ * sizeof(T))) T();
    ++n_;
    return *p;
  }
  void grow() {
    std::vector<unsigned char> bigger((n_ + 1) * sizeof(T));
    memcpy(bigger.data(), buf_.data(), n_ * sizeof(T)); // #bytevec_grow
    buf_.swap(bigger);
  }
};
// expected-warning@#bytevec_grow {{'memcpy' relocates objects of address-sensitive type 'Hook' as raw bytes in 'ByteVec<Hook>'; any of them may be pinned}}
// A byte buffer the class never constructs anything into: plain bytes.
template <class T> struct Scratch {
  unsigned char buf[64];
  unsigned char out[64];
  void copy() { memcpy(out, buf, sizeof buf); }
};
// Not followed (known miss): the buffer reached through a local pointer.
template <class T> struct ViaLocal {
  unsigned char buf[4 * sizeof(T)];
  unsigned char other[4 * sizeof(T)];
  T *emplace() { return new (buf) T(); }
  void relocate() {
    unsigned char *from = buf;
    memcpy(other, from, sizeof buf);
  }
};

# 1 "vendor/fixed_vector.h" 1 3
// A system header's template: not the user's code, not reported.
template <class T> struct SysVec {
  T *data_ = nullptr;
  void grow(T *n, size_t k) { memcpy(n, data_, k * sizeof(T)); }
};
# 80 "pin-memcpy-generic.cpp" 2

void use(Hook *hooks, Hook *spare) {
  Grow<Cell> a;
  a.grow(); // expected-note {{in instantiation of 'Grow<Cell>' required here}}
  a.shrink(); // expected-note {{in instantiation of 'Grow<Cell>' required here}}
  a.clear();
  Grow<Hook> b;
  b.grow(); // expected-note {{in instantiation of 'Grow<Hook>' required here}}
  Grow<Plain> c;
  c.grow();
  c.shrink();
  move_all(spare, hooks, 2); // expected-note {{in instantiation of 'move_all<Hook>' required here}}
  Plain p[2], q[2];
  move_all(p, q, 2);
  Bytes<Cell> bytes;
  bytes.emplace(0);
  bytes.relocate(); // expected-note {{in instantiation of 'Bytes<Cell>' required here}}
  Bytes<Plain> plain_bytes;
  plain_bytes.emplace(0);
  plain_bytes.relocate();
  ByteVec<Hook> hook_bytes; // expected-note {{in instantiation of 'ByteVec<Hook>' required here}}
  hook_bytes.push();
  ByteVec<Plain> plain_vec;
  plain_vec.push();
  Scratch<Cell> scratch;
  scratch.copy();
  ViaLocal<Cell> via;
  via.emplace();
  via.relocate();
  SysVec<Cell> sys;
  Cell cells[2];
  sys.grow(cells, 1);
}
