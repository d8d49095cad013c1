// Checks pin-container-relocation on `m[a] = m[b]` for a map whose
// insertion may move its values (llvm::DenseMap, in miniature), by the
// evaluation order of '=':
//   - C++17 and later evaluate the right operand first. For a class type,
//     operator= receives a reference to m[b], then m[a] inserts and may
//     move it: reported. For a scalar, the right side's value is read
//     before the left side runs: not reported.
//   - Before C++17 the two sides are unsequenced: either may insert while
//     the other's reference is held, whatever the type: reported.
// Not reported in either: the value copied out first, a node-based map
// (std::unordered_map keeps its values where they are), two different maps.
//
// RUN: %pincc_real -fsyntax-only -std=c++17 -Xclang -verify=expected,cxx17 %s
// RUN: %pincc_real -fsyntax-only -std=c++20 -Xclang -verify=expected,cxx17 %s
// RUN: %pincc_real -fsyntax-only -std=c++14 -Xclang -verify=expected,cxx14 %s

#include <string>
#include <unordered_map>

namespace llvm {
template <class K, class V> struct DenseMap {
  V &operator[](const K &);
  V &at(const K &);
};
} // namespace llvm

void strings(llvm::DenseMap<int, std::string> &m, int a, int b) {
  m[a] = m[b];
  // cxx17-warning@-1 {{'operator[]' may relocate the elements of 'm' while 'm[b]', the right side of '=' and evaluated first, still refers to one of them; the element moves to a new address before '=' reads it [pin-container-relocation]}}
  // cxx17-note@-2 {{'m[b]' refers to an element of 'm' here}}
  // cxx14-warning@-3 {{'operator[]' may relocate the elements of 'm' while 'm[b]' may still refer to one of them: the two sides of '=' are unsequenced before C++17, and either may insert while the other's reference is held [pin-container-relocation]}}
  // cxx14-note@-4 {{'m[b]' refers to an element of 'm' here}}
}

void ints(llvm::DenseMap<int, int> &m, int a, int b) {
  m[a] = m.at(b);
  // cxx14-warning@-1 {{'operator[]' may relocate the elements of 'm' while 'm.at(b)' may still refer to one of them}}
  // cxx14-note@-2 {{'m.at(b)' refers to an element of 'm' here}}
}

void fixed(llvm::DenseMap<int, std::string> &m, llvm::DenseMap<int, std::string> &other,
           std::unordered_map<int, std::string> &u, int a, int b) {
  std::string copy = m[b];
  m[a] = copy;
  m[a] = other[b];
  u[a] = u[b];
}

// A compound assignment whose left side grows the vector the right side
// reads: C++17 reads `r` first; before C++17 the order is unspecified.
#include <vector>
int &grow(std::vector<int> &v) {
  v.push_back(0); // cxx14-note {{it calls 'push_back' on the container here}}
  return v.back();
}
void compound(std::vector<int> &v) {
  int &r = v[0]; // cxx14-note {{'r' refers to an element of 'v' here}}
  grow(v) += r;  // cxx14-warning {{'grow' may relocate the elements of 'v' while 'r' still refers to one of them}} cxx14-note {{'r' is used here, after the call}}
}
