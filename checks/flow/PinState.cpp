#include "flow/PinState.h"
#include "flow/Liveness.h"
#include "model/Owners.h"
#include "model/StdLibrary.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"
#include <algorithm>

using namespace clang;

namespace pincheck {

namespace {

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
  const Type *T = nullptr;
  bool operator==(const PtrTarget &O) const {
    return Place == O.Place && Whole == O.Whole && T == O.T;
  }
};

// Facts per place, stored only where they differ from the default (not
// pinned; pointer target unknown). A state then costs what is pinned, not
// what the function declares, which keeps the analysis of a long function
// linear in its length instead of (blocks x declarations).
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
  // Combine(a, b) for every place either side has a fact for.
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

int minSite(int A, int B) {
  if (A < 0)
    return B;
  if (B < 0)
    return A;
  return std::min(A, B);
}

class Solver {
public:
  Solver(const FunctionFacts &F, TypeModel &Types) : F(F), Types(Types) {}

  State initial() const {
    State S;
    S.Reached = true;
    for (auto [Pin, Place] : F.EntryPins) {
      PlaceBits B;
      B.Must = B.May = true;
      B.MustSite = B.MaySite = int(Pin);
      S.P.set(Place, B);
    }
    return S;
  }

  static void meet(State &Into, const State &From) {
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
    // Paths that disagree on a pointer's target leave it unknown.
    Into.Ptr.combineWith(From.Ptr, [](const PtrTarget &A, const PtrTarget &B) {
      return A == B ? A : PtrTarget();
    });
  }

  void transfer(const Stmt *S, State &St, std::vector<PinnedUse> *Uses) {
    if (Uses)
      if (auto It = F.OpsAt.find(S); It != F.OpsAt.end())
        for (unsigned OpI : It->second)
          checkOperation(OpI, St, *Uses);

    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls()) {
        const auto *V = dyn_cast<VarDecl>(D);
        if (!V)
          continue;
        // A declaration makes a new object: it starts unpinned (this is also
        // what ends the pinned state of a loop body's variable).
        if (auto It = F.PlaceIndex.find(V);
            It != F.PlaceIndex.end() && !V->isStaticLocal())
          St.P.set(It->second, PlaceBits());
        if (auto It = F.PointerIndex.find(V);
            It != F.PointerIndex.end() && !isa<ParmVarDecl>(V))
          retarget(It->second, V->getInit() ? targetOf(resolvePointer(V->getInit(), St))
                                            : PtrTarget(),
                   St);
      }
    }
    if (auto It = F.PinsAt.find(S); It != F.PinsAt.end())
      for (unsigned PinI : It->second) {
        const PinEvent &Ev = F.Pins[PinI];
        Resolved R = Ev.Var ? placeOf(Ev.Var) : resolve(F.PinPaths[PinI], St);
        if (!R)
          continue;
        PlaceBits B = St.P.get(R.Place);
        if (!B.Must)
          B.MustSite = PinI;
        if (!B.May)
          B.MaySite = PinI;
        B.Must = B.May = true;
        St.P.set(R.Place, B);
      }

    // A destroyed object is gone: the storage's next object starts unpinned.
    // Destroying a part of a pinned object leaves the object pinned.
    if (auto It = F.DestroysAt.find(S); It != F.DestroysAt.end())
      for (unsigned DI : It->second) {
        const DestroyEvent &D = F.Destroys[DI];
        Resolved R = resolve(F.DestroyPaths[DI], St);
        if (R && R.Whole)
          St.P.set(R.Place, PlaceBits());
      }

    if (isa<DeclStmt>(S))
      return;
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (int I = pointerVar(BO->getLHS()); I >= 0 && BO->isAssignmentOp())
        retarget(I, BO->getOpcode() == BO_Assign ? targetOf(resolvePointer(BO->getRHS(), St))
                                                 : PtrTarget(),
                 St);
      return;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
      if (UO->isIncrementDecrementOp())
        if (int I = pointerVar(UO->getSubExpr()); I >= 0)
          retarget(I, PtrTarget(), St);
      return;
    }
    // A smart pointer given a new object (or none).
    if (const auto *E = dyn_cast<Expr>(S)) {
      llvm::SmallVector<const Expr *, 2> Owners;
      retargetedOwners(E, Owners);
      const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
      for (const Expr *O : Owners)
        if (int I = pointerVar(O); I >= 0)
          retarget(I, OC ? targetOf(resolvePointer(stripMoveCasts(OC->getArg(1)), St))
                         : PtrTarget(),
                   St);
    }
  }

private:
  // Pointer I now points to T (unknown: an object only it is known to
  // reach, its Pointee place, which starts unpinned).
  void retarget(unsigned I, PtrTarget T, State &St) {
    St.Ptr.set(I, T);
    if (auto It = F.PointeeIndex.find(F.Pointers[I]); It != F.PointeeIndex.end())
      St.P.set(It->second, PlaceBits());
  }

  Resolved placeOf(const VarDecl *V) const {
    Resolved R;
    if (auto It = F.PlaceIndex.find(V); It != F.PlaceIndex.end()) {
      R.Place = It->second;
      R.ObjType = V->getType();
    }
    return R;
  }

  int pointerVar(const Expr *E) const {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    if (!DRE)
      return -1;
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    auto It = V ? F.PointerIndex.find(V) : F.PointerIndex.end();
    return It == F.PointerIndex.end() ? -1 : int(It->second);
  }

  static PtrTarget targetOf(const Resolved &R) {
    PtrTarget T;
    if (!R)
      return T;
    T.Place = R.Place;
    T.Whole = R.Whole;
    T.T = R.ObjType.isNull() ? nullptr : R.ObjType.getCanonicalType().getTypePtr();
    return T;
  }

  void checkOperation(unsigned OpI, const State &St, std::vector<PinnedUse> &Uses) {
    const Operation &Op = F.Ops[OpI];
    for (unsigned K = 0; K < Op.Operands.size(); ++K) {
      const Operand &O = Op.Operands[K];
      Resolved R = O.Var ? placeOf(O.Var) : resolve(F.OperandPaths[OpI][K], St);
      if (R && O.Element)
        R = partOf(R, O.ElementType);
      if (!R || !Types.isAddressSensitive(R.ObjType))
        continue;
      const PlaceBits &B = St.P.get(R.Place);
      if (B.Must)
        Uses.push_back({OpI, K, R, true, unsigned(B.MustSite)});
      else if (B.May)
        Uses.push_back({OpI, K, R, false, unsigned(B.MaySite)});
    }
  }

  // R with "a part of it, of type T" (T null: the type is unchanged).
  static Resolved partOf(Resolved R, QualType T = QualType()) {
    R.Whole = false;
    if (!T.isNull())
      R.ObjType = T.getNonReferenceType();
    return R;
  }

  // What a pointer expression outside the catalog's events points to (a
  // pointer's initialiser, the value assigned to it), its path found once.
  Resolved resolvePointer(const Expr *E, const State &St) {
    auto [It, New] = PointerPaths.try_emplace(E);
    if (New)
      It->second = accessPath(E, /*IsPointer=*/true,
                              [&](const VarDecl *V) { return F.AliasRefs.count(V) != 0; });
    return resolve(It->second, St);
  }

  // The tracked place a path reaches in state St: its root's (a place, the
  // target of a pointer, *this), then each step from the root outwards. A
  // step the pin analysis does not follow (an element of a container that
  // keeps it on the heap, an iterator) reaches nothing.
  Resolved resolve(const AccessPath &P, const State &St) const {
    Resolved R;
    switch (P.Root) {
    case AccessPath::RootKind::None:
      return {};
    case AccessPath::RootKind::This:
      if (F.ThisPlace < 0)
        return {};
      R.Place = F.ThisPlace;
      R.ObjType = F.Places[F.ThisPlace].Type;
      break;
    case AccessPath::RootKind::Variable:
      if (!P.RootIsPointer) {
        auto It = F.PlaceIndex.find(P.Var);
        if (It == F.PlaceIndex.end())
          return {};
        R.Place = It->second;
        R.ObjType = P.Var->getType().getNonReferenceType();
        break;
      }
      auto It = F.PointerIndex.find(P.Var);
      if (It == F.PointerIndex.end())
        return {};
      const PtrTarget &T = St.Ptr.get(It->second);
      if (T.Place < 0) {
        // Not known to point to a tracked place: its own object, if it has one.
        auto Own = F.PointeeIndex.find(P.Var);
        if (Own == F.PointeeIndex.end())
          return {};
        R.Place = Own->second;
        R.ObjType = F.Places[R.Place].Type;
        break;
      }
      R.Place = T.Place;
      R.Whole = T.Whole;
      R.ObjType = T.T ? QualType(T.T, 0) : F.Places[T.Place].Type;
      R.Alias = P.Var;
      break;
    }
    for (auto S = P.Steps.rbegin(); S != P.Steps.rend(); ++S) {
      switch (S->Kind) {
      case StepKind::Field:
      case StepKind::Index:
        R = partOf(R, S->E->getType());
        break;
      case StepKind::ElementAccess:
        if (!holderElement(S->E))
          return {};
        R = partOf(R, S->E->getType());
        break;
      case StepKind::Binding:
        if (R.Alias)
          R.Alias = S->D; // a reference binding: name it, not the hidden variable
        R = partOf(R, S->E->getType());
        break;
      case StepKind::AliasRef:
        R.Alias = S->D; // the name the operation used
        break;
      case StepKind::Deref:
        if (!R.Whole)
          R.ObjType = S->E->getType();
        break;
      case StepKind::PointerOffset:
        R = partOf(R);
        break;
      case StepKind::MemberIterator:
      case StepKind::FreeIterator:
        if (!inlineStorage(S->E))
          return {};
        R = partOf(R);
        break;
      case StepKind::ValueCopy: {
        // A smart pointer copied or moved from another keeps its object.
        const auto *CE = cast<CXXConstructExpr>(S->E);
        if (CE->getNumArgs() != 1 || !isSmartPointer(CE->getType()))
          return {};
        break;
      }
      case StepKind::SmartDeref:
      case StepKind::SmartGet:
      case StepKind::AddressOf:
      case StepKind::Decay:
      case StepKind::Opaque:
        break;
      case StepKind::IteratorDeref:
      case StepKind::IteratorOffset:
        return {};
      }
    }
    return R;
  }

  // An element a standard holder keeps inside itself: arr[i], *opt,
  // opt.value(), front(), back(), at(), std::get<I>(t).
  static bool holderElement(const Expr *E) {
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
      return hasElementAccessors(MC->getMethodDecl()->getParent());
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      const auto *MD = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
      return MD && hasElementAccessors(MD->getParent());
    }
    return true; // std::get
  }

  // A pointer into a std::array's own storage: data() and its iterators
  // (pointers in libstdc++ and libc++), and std::begin/end/data of one.
  static bool inlineStorage(const Expr *E) {
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      return isStorageAccessor(nameOf(MD)) && hasInlineStorage(MD->getParent());
    }
    const auto *CE = cast<CallExpr>(E);
    return isStorageAccessor(nameOf(CE->getDirectCallee()));
  }

  const FunctionFacts &F;
  TypeModel &Types;
  llvm::DenseMap<const Expr *, AccessPath> PointerPaths;
};

// Blocks reachable from the entry, in reverse post-order. Edges that can
// never be taken (`if (true)`'s else) are null successors: skipped.
std::vector<const CFGBlock *> reversePostOrder(const CFG &G) {
  std::vector<const CFGBlock *> Order;
  std::vector<char> Seen(G.getNumBlockIDs(), 0);
  // Iterative DFS: deep CFGs must not exhaust the stack.
  std::vector<std::pair<const CFGBlock *, CFGBlock::const_succ_iterator>> Stack;
  const CFGBlock *Entry = &G.getEntry();
  Seen[Entry->getBlockID()] = 1;
  Stack.push_back({Entry, Entry->succ_begin()});
  while (!Stack.empty()) {
    auto &[B, It] = Stack.back();
    if (It == B->succ_end()) {
      Order.push_back(B);
      Stack.pop_back();
      continue;
    }
    const CFGBlock *Next = It->getReachableBlock();
    ++It;
    if (Next && !Seen[Next->getBlockID()]) {
      Seen[Next->getBlockID()] = 1;
      Stack.push_back({Next, Next->succ_begin()});
    }
  }
  std::reverse(Order.begin(), Order.end());
  return Order;
}

} // namespace

std::unique_ptr<CFG> buildFunctionCFG(const FunctionFacts &F, ASTContext &Ctx) {
  CFG::BuildOptions BO;
  BO.setAllAlwaysAdd(); // every subexpression is an element, in evaluation order
  BO.AddImplicitDtors = false;
  BO.AddTemporaryDtors = false;
  BO.AddInitializers = true;
  BO.AddCXXDefaultInitExprInCtors = false;
  return CFG::buildCFG(F.FD, const_cast<Stmt *>(F.Body), &Ctx, BO);
}

FlowResult solvePinState(const CFG &Graph, const FunctionFacts &F, TypeModel &Types,
                         const FlowLimits &Limits) {
  FlowResult Result;
  const CFG *G = &Graph;
  if (F.pinFlowTrivial())
    return Result;

  Solver S(F, Types);
  std::vector<State> Out(G->getNumBlockIDs());
  std::vector<std::vector<unsigned>> LivePlaces =
      liveOut(*G, F, F.PlaceIndex, F.Places.size());
  std::vector<std::vector<unsigned>> LivePointers =
      liveOut(*G, F, F.PointerIndex, F.Pointers.size());
  // What nothing can name after a block is forgotten at its end: a pointer
  // no later statement names, then a place neither named nor targeted by a
  // pointer still known (it may be named through the pointer).
  auto Forget = [&](const CFGBlock *B, State &St) {
    const std::vector<unsigned> &LivePtr = LivePointers[B->getBlockID()];
    St.Ptr.retainIf([&](unsigned P) {
      return std::binary_search(LivePtr.begin(), LivePtr.end(), P);
    });
    const std::vector<unsigned> &Live = LivePlaces[B->getBlockID()];
    llvm::SmallVector<unsigned, 4> Targeted;
    St.Ptr.forEach([&](unsigned, const PtrTarget &T) {
      if (T.Place >= 0)
        Targeted.push_back(T.Place);
    });
    llvm::sort(Targeted);
    St.P.retainIf([&](unsigned P) {
      // Only variables are named; *this and pointees are kept.
      return F.Places[P].Kind != TrackedPlace::Variable ||
             std::binary_search(Live.begin(), Live.end(), P) ||
             std::binary_search(Targeted.begin(), Targeted.end(), P);
    });
  };
  std::vector<const CFGBlock *> RPOT = reversePostOrder(*G);
  const CFGBlock *Entry = &G->getEntry();

  auto InState = [&](const CFGBlock *B) {
    if (B == Entry)
      return S.initial();
    State In;
    for (const CFGBlock::AdjacentBlock &P : B->preds())
      if (const CFGBlock *PB = P.getReachableBlock())
        Solver::meet(In, Out[PB->getBlockID()]);
    return In;
  };
  auto Run = [&](const CFGBlock *B, State &St, std::vector<PinnedUse> *Uses) {
    for (const CFGElement &El : *B)
      if (std::optional<CFGStmt> CS = El.getAs<CFGStmt>())
        S.transfer(CS->getStmt(), St, Uses);
  };

  bool Changed = true;
  while (Changed) {
    Changed = false;
    for (const CFGBlock *B : RPOT) {
      if (Limits.MaxBlockVisits && ++Result.BlockVisits > Limits.MaxBlockVisits) {
        Result.Skipped = true;
        Result.SkipReason = "the block-visit limit (max-block-visits) was reached";
        return Result;
      }
      State St = InState(B);
      if (!St.Reached)
        continue;
      Run(B, St, nullptr);
      Forget(B, St);
      if (St != Out[B->getBlockID()]) {
        Out[B->getBlockID()] = std::move(St);
        Changed = true;
      }
    }
  }

  // Replay once more on the fixed point, now recording the pinned operands.
  std::vector<PinnedUse> Uses;
  for (const CFGBlock *B : RPOT) {
    State St = InState(B);
    if (St.Reached)
      Run(B, St, &Uses);
  }
  // The CFG may list one expression twice: keep one answer per operand, the
  // stronger verdict first.
  std::stable_sort(Uses.begin(), Uses.end(), [](const PinnedUse &A, const PinnedUse &B) {
    if (A.Op != B.Op)
      return A.Op < B.Op;
    if (A.Operand != B.Operand)
      return A.Operand < B.Operand;
    return A.Must > B.Must;
  });
  for (const PinnedUse &U : Uses)
    if (Result.Uses.empty() || Result.Uses.back().Op != U.Op ||
        Result.Uses.back().Operand != U.Operand)
      Result.Uses.push_back(U);
  return Result;
}

} // namespace pincheck
