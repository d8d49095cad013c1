// PinLattice.h - the pin analysis's abstract state: per tracked place two
// bits, "pinned on every path" (must) and "pinned on some path" (may), with
// the pin event that set each; per followed pointer the place it points to.
// Stored sparsely (only what differs from "unpinned, target unknown"), so a
// state costs what is pinned, not what the function declares. The join of
// two paths keeps must where both have it, may where either has it, the
// earliest pin event, and a pointer target only where both paths agree.
#ifndef PINCHECK_PINLATTICE_H
#define PINCHECK_PINLATTICE_H

#include "clang/AST/Type.h"
#include <algorithm>
#include <utility>
#include <vector>

namespace pincheck {

struct PlaceBits {
  bool Must = false, May = false;
  int MustSite = -1, MaySite = -1; // pin event indices; lower = earlier
  bool operator==(const PlaceBits &O) const {
    return Must == O.Must && May == O.May && MustSite == O.MustSite &&
           MaySite == O.MaySite;
  }
};

struct PtrTarget {
  int Place = -1; // -1: unknown
  bool Whole = true;
  const clang::Type *T = nullptr;
  bool operator==(const PtrTarget &O) const {
    return Place == O.Place && Whole == O.Whole && T == O.T;
  }
};

/// Facts per place, stored only where they differ from the default (not
/// pinned; pointer target unknown). A state then costs what is pinned, not
/// what the function declares, which keeps the analysis of a long function
/// linear in its length instead of (blocks x declarations).
template <typename T> class SparseFacts {
public:
  const T &get(unsigned I) const {
    auto It = lower(I);
    return It != E.end() && It->first == I ? It->second : Default;
  }
  void set(unsigned I, const T &V) {
    auto It = lower(I);
    bool Found = It != E.end() && It->first == I;
    if (V == Default) {
      if (Found)
        E.erase(It);
    } else if (Found) {
      It->second = V;
    } else {
      E.insert(It, {I, V});
    }
  }
  /// Combine(a, b) for every place either side has a fact for.
  template <typename Fn> void combineWith(const SparseFacts &O, Fn Combine) {
    std::vector<std::pair<unsigned, T>> Out;
    Out.reserve(std::max(E.size(), O.E.size()));
    auto A = E.begin(), B = O.E.begin();
    while (A != E.end() || B != O.E.end()) {
      unsigned I = B == O.E.end() || (A != E.end() && A->first < B->first) ? A->first
                                                                           : B->first;
      const T &X = A != E.end() && A->first == I ? A->second : Default;
      const T &Y = B != O.E.end() && B->first == I ? B->second : Default;
      T V = Combine(X, Y);
      if (!(V == Default))
        Out.push_back({I, V});
      if (A != E.end() && A->first == I)
        ++A;
      if (B != O.E.end() && B->first == I)
        ++B;
    }
    E = std::move(Out);
  }
  template <typename Pred> void retainIf(Pred Keep) {
    E.erase(std::remove_if(E.begin(), E.end(),
                           [&](const std::pair<unsigned, T> &P) { return !Keep(P.first); }),
            E.end());
  }
  template <typename Fn> void forEach(Fn Visit) const {
    for (const auto &P : E)
      Visit(P.first, P.second);
  }
  bool operator==(const SparseFacts &O) const { return E == O.E; }

private:
  typename std::vector<std::pair<unsigned, T>>::iterator lower(unsigned I) {
    return std::lower_bound(E.begin(), E.end(), I,
                            [](const std::pair<unsigned, T> &P, unsigned K) { return P.first < K; });
  }
  typename std::vector<std::pair<unsigned, T>>::const_iterator lower(unsigned I) const {
    return std::lower_bound(E.begin(), E.end(), I,
                            [](const std::pair<unsigned, T> &P, unsigned K) { return P.first < K; });
  }
  std::vector<std::pair<unsigned, T>> E; // sorted by place
  static inline const T Default{};
};

struct State {
  bool Reached = false;
  SparseFacts<PlaceBits> P;
  SparseFacts<PtrTarget> Ptr;
  bool operator==(const State &O) const {
    return Reached == O.Reached && P == O.P && Ptr == O.Ptr;
  }
  bool operator!=(const State &O) const { return !(*this == O); }
};

inline int minSite(int A, int B) {
  if (A < 0)
    return B;
  if (B < 0)
    return A;
  return std::min(A, B);
}

/// Joins the state at the end of a predecessor into Into.
inline void meet(State &Into, const State &From) {
  if (!From.Reached)
    return;
  if (!Into.Reached) {
    Into = From;
    return;
  }
  Into.P.combineWith(From.P, [](const PlaceBits &A, const PlaceBits &B) {
    PlaceBits R;
    R.Must = A.Must && B.Must;
    R.MustSite = R.Must ? minSite(A.MustSite, B.MustSite) : -1;
    R.MaySite = minSite(A.May ? A.MaySite : -1, B.May ? B.MaySite : -1);
    R.May = A.May || B.May;
    return R;
  });
  /// Paths that disagree on a pointer's target leave it unknown.
  Into.Ptr.combineWith(From.Ptr, [](const PtrTarget &A, const PtrTarget &B) {
    return A == B ? A : PtrTarget();
  });
}

} // namespace pincheck

#endif
