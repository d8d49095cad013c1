// Checks pin-container-relocation on self-insertion into a hand-written
// container: `v.push_back(v.back())` passes a reference to one of v's
// elements to a member function of v's own class that may reallocate v's
// storage (a new-expression, malloc, realloc, operator new, an allocator's
// allocate, or a member function of the class that does, two calls down)
// before it reads that reference. Not reported: a member function that
// copies its argument before it reallocates, an element of another object,
// a value copied out first, std::vector (and the other containers
// pincheck knows), which handle this aliasing themselves.
//
// RUN: %pincc_real -fsyntax-only -std=c++17 -Xclang -verify %s

#include <cstdlib>
#include <cstring>
#include <vector>

template <class T> class Vec {
  T *data_ = nullptr;
  unsigned size_ = 0, cap_ = 0;
  void grow() {
    T *n = static_cast<T *>(std::malloc(sizeof(T) * (cap_ * 2 + 1)));
    std::memcpy(n, data_, sizeof(T) * size_);
    std::free(data_);
    data_ = n;
    cap_ = cap_ * 2 + 1;
  }

public:
  T &back() { return data_[size_ - 1]; }
  T &operator[](unsigned i) { return data_[i]; }
  void push_back(const T &x) {
    if (size_ == cap_)
      grow(); // #grow_call
    data_[size_++] = x;
  }
  // Copies first: safe.
  void push_back_safe(const T &x) {
    T copy = x;
    if (size_ == cap_)
      grow();
    data_[size_++] = copy;
  }
};
// expected-note@#grow_call 2 {{it calls 'grow', which allocates, here, before it reads 'x'}}

struct Buffer {
  int *data = nullptr;
  unsigned n = 0;
  int &front() { return data[0]; }
  void append(const int &x) {
    int *more = new int[n + 1]; // #new
    std::memcpy(more, data, n * sizeof(int));
    delete[] data;
    data = more;
    data[n++] = x;
  }
};

void self_insertion(Vec<int> &v, Buffer &b) {
  v.push_back(v.back()); // expected-warning {{'push_back' may reallocate the storage of 'v' before it reads its argument 'v.back()', which refers to one of its elements; the element moves to a new address and 'push_back' reads 'x' from the old one [pin-container-relocation]}}
  v.push_back(v[0]);     // expected-warning {{'push_back' may reallocate the storage of 'v' before it reads its argument 'v[0]'}}
  b.append(b.front());   // expected-warning {{'append' may reallocate the storage of 'b' before it reads its argument 'b.front()'}}
  // expected-note@#new {{it allocates here, before it reads 'x'}}
}

void fixed(Vec<int> &v, Vec<int> &w, std::vector<int> &s) {
  v.push_back_safe(v.back());
  v.push_back(w.back());
  int copy = v.back();
  v.push_back(copy);
  s.push_back(s.back());
}
