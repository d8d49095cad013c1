#include "flow/PinState.h"
#include "flow/Liveness.h"
#include "model/Owners.h"
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
        Resolved R = Ev.Var        ? placeOf(Ev.Var)
                     : Ev.IsPointer ? resolvePointer(Ev.Target, St)
                                    : resolveGlvalue(Ev.Target, St);
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
        Resolved R = D.IsPointer ? resolvePointer(D.Target, St)
                                 : resolveGlvalue(D.Target, St);
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
      Resolved R = O.Var       ? placeOf(O.Var)
                   : O.IsPointer ? resolvePointer(O.E, St)
                                 : resolveGlvalue(O.E, St);
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

  static bool isPointerAccessor(StringRef Name) {
    return Name == "data" || Name == "begin" || Name == "end" || Name == "cbegin" ||
           Name == "cend";
  }

  static bool isStdMember(const CXXMethodDecl *MD, std::initializer_list<StringRef> Classes) {
    if (!MD || !MD->getParent()->isInStdNamespace() || !MD->getParent()->getIdentifier())
      return false;
    for (StringRef C : Classes)
      if (MD->getParent()->getName() == C)
        return true;
    return false;
  }

  Resolved resolveGlvalue(const Expr *E, const State &St, unsigned Depth = 0) {
    if (!E || Depth > 16)
      return {};
    E = stripMoveCasts(E);
    // The awaiter of `co_await x` (and other shared operands) appears as a
    // placeholder for x.
    if (const auto *OVE = dyn_cast<OpaqueValueExpr>(E))
      return resolveGlvalue(OVE->getSourceExpr(), St, Depth + 1);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      // A structured binding names a part of the hidden variable.
      if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl())) {
        // Tuple-like bindings go through a hidden reference initialised with
        // get<I>(); the others name a member or element directly.
        const Expr *Init = BD->getBinding();
        if (const VarDecl *Holding = BD->getHoldingVar())
          Init = Holding->getInit();
        Resolved R = resolveGlvalue(Init, St, Depth + 1);
        if (R.Alias)
          R.Alias = BD; // a reference binding: name it, not the hidden variable
        return R ? partOf(R, DRE->getType()) : R;
      }
      const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
      if (!V)
        return {};
      if (auto It = F.PlaceIndex.find(V); It != F.PlaceIndex.end()) {
        Resolved R;
        R.Place = It->second;
        R.ObjType = V->getType().getNonReferenceType();
        return R;
      }
      if (F.PointerIndex.count(V)) // a smart pointer itself is not a place
        return {};
      if (F.AliasRefs.count(V)) {
        Resolved R = resolveGlvalue(V->getInit(), St, Depth + 1);
        if (R)
          R.Alias = V; // the name the operation used
        return R;
      }
      return {};
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (!isa<FieldDecl>(ME->getMemberDecl()))
        return {};
      return partOf(ME->isArrow() ? resolvePointer(ME->getBase(), St, Depth + 1)
                                  : resolveGlvalue(ME->getBase(), St, Depth + 1),
                    ME->getType());
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
      return partOf(resolvePointer(AS->getBase(), St, Depth + 1), AS->getType());
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() != UO_Deref)
        return {};
      Resolved R = resolvePointer(UO->getSubExpr(), St, Depth + 1);
      if (R && !R.Whole)
        R.ObjType = UO->getType();
      return R;
    }
    if (const Expr *Owner = smartPointerDeref(E))
      return resolvePointer(Owner, St, Depth + 1);
    // Elements of the standard by-value holders: arr[i], *opt, opt.value().
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      const auto *MD = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
      if ((OC->getOperator() == OO_Subscript || OC->getOperator() == OO_Star) &&
          OC->getNumArgs() >= 1 && isStdMember(MD, {"array", "inplace_vector", "optional"}))
        return partOf(resolveGlvalue(OC->getArg(0), St, Depth + 1), E->getType());
      return {};
    }
    // std::get<I>(t) on a tuple, pair, array or variant.
    if (const auto *CE = dyn_cast<CallExpr>(E); CE && !isa<CXXMemberCallExpr>(CE)) {
      const FunctionDecl *FD = CE->getDirectCallee();
      if (FD && FD->isInStdNamespace() && FD->getIdentifier() &&
          FD->getName() == "get" && CE->getNumArgs() == 1)
        return partOf(resolveGlvalue(CE->getArg(0), St, Depth + 1), E->getType());
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (MD && MD->getIdentifier() &&
          (MD->getName() == "value" || MD->getName() == "front" ||
           MD->getName() == "back" || MD->getName() == "at") &&
          isStdMember(MD, {"array", "inplace_vector", "optional"}) && MC->getImplicitObjectArgument())
        return partOf(resolveGlvalue(MC->getImplicitObjectArgument(), St, Depth + 1),
                      E->getType());
    }
    return {};
  }

  Resolved resolvePointer(const Expr *E, const State &St, unsigned Depth = 0) {
    if (!E || Depth > 16)
      return {};
    E = stripPointerCasts(E);
    if (const auto *IC = dyn_cast<ImplicitCastExpr>(E);
        IC && IC->getCastKind() == CK_ArrayToPointerDecay)
      return resolveGlvalue(IC->getSubExpr(), St, Depth + 1);
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() == UO_AddrOf)
        return resolveGlvalue(UO->getSubExpr(), St, Depth + 1);
      return {};
    }
    if (const Expr *Arg = addressofArgument(E, nullptr))
      return resolveGlvalue(Arg, St, Depth + 1);
    if (isa<CXXThisExpr>(E)) {
      Resolved R;
      if (F.ThisPlace >= 0) {
        R.Place = F.ThisPlace;
        R.ObjType = F.Places[F.ThisPlace].Type;
      }
      return R;
    }
    if (const Expr *Owner = smartPointerAddress(E))
      return resolvePointer(Owner, St, Depth + 1);
    // A smart pointer copied or moved from another keeps its object.
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
        CE && CE->getNumArgs() == 1 && isSmartPointer(CE->getType()))
      return resolvePointer(stripMoveCasts(CE->getArg(0)), St, Depth + 1);
    if (int I = pointerVar(E); I >= 0) {
      const PtrTarget &T = St.Ptr.get(I);
      Resolved R;
      if (T.Place < 0) {
        // Not known to point to a tracked place: its own object, if it has one.
        if (auto It = F.PointeeIndex.find(F.Pointers[I]); It != F.PointeeIndex.end()) {
          R.Place = It->second;
          R.ObjType = F.Places[R.Place].Type;
        }
        return R;
      }
      R.Place = T.Place;
      R.Whole = T.Whole;
      R.ObjType = T.T ? QualType(T.T, 0) : F.Places[T.Place].Type;
      R.Alias = F.Pointers[I];
      return R;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if (BO->isAdditiveOp()) {
        const Expr *P = BO->getLHS()->getType()->isPointerType() ? BO->getLHS()
                                                                 : BO->getRHS();
        return partOf(resolvePointer(P, St, Depth + 1));
      }
      return {};
    }
    // Pointers into a std::array's own storage: data() and its iterators
    // (pointers in libstdc++ and libc++), and std::begin/end/data of an
    // array.
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (MD && MD->getIdentifier() && isPointerAccessor(MD->getName()) &&
          isStdMember(MD, {"array", "inplace_vector"}) && MC->getImplicitObjectArgument())
        return partOf(resolveGlvalue(MC->getImplicitObjectArgument(), St, Depth + 1));
    }
    if (const auto *CE = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *FD = CE->getDirectCallee();
      if (FD && FD->isInStdNamespace() && FD->getIdentifier() &&
          isPointerAccessor(FD->getName()) && CE->getNumArgs() == 1)
        return partOf(resolveGlvalue(CE->getArg(0), St, Depth + 1));
    }
    return {};
  }

  const FunctionFacts &F;
  TypeModel &Types;
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
