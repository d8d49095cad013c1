// BorrowLiveness.cpp - for each call that may relocate a container's
// elements, the holders that borrowed one before it (the binding that
// reaches the call) and use it after (a forward search to the next use
// before a new binding).
#include "flow/BorrowLiveness.h"
#include "catalog/ContainerCalls.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include <deque>

using namespace clang;

namespace pincheck {
namespace {

// What a statement does to a holder: names it (a use), or binds it anew
// (its declaration, an assignment to it: the old borrow is gone there).
enum class Touch { None, Use, Bind };

// The holders' bindings and the names that are only their assignments'
// targets (not uses), found once per function.
struct Holders {
  llvm::DenseMap<const Stmt *, const VarDecl *> Assignments;
  llvm::DenseSet<const Expr *> AssignedNames;

  Touch touches(const Stmt *S, const VarDecl *V) const {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      return DRE->getDecl() == V && !AssignedNames.count(DRE) ? Touch::Use : Touch::None;
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (D == V)
          return Touch::Bind;
      return Touch::None;
    }
    auto It = Assignments.find(S);
    return It != Assignments.end() && It->second == V ? Touch::Bind : Touch::None;
  }
};

const Stmt *stmtAt(const CFGBlock *B, unsigned K) {
  std::optional<CFGStmt> CS = (*B)[K].getAs<CFGStmt>();
  return CS ? CS->getStmt() : nullptr;
}

// The first use of V from element From of B on, following successors; null
// if a new binding comes first on every path searched.
const Expr *nextUse(const CFGBlock *B, unsigned From, const VarDecl *V, const Holders &H,
                    llvm::function_ref<bool(const Expr *)> RanBefore) {
  std::deque<std::pair<const CFGBlock *, unsigned>> Work{{B, From}};
  llvm::DenseSet<const CFGBlock *> Seen;
  while (!Work.empty()) {
    auto [Blk, Start] = Work.front();
    Work.pop_front();
    bool Bound = false;
    for (unsigned K = Start; K < Blk->size() && !Bound; ++K) {
      const Stmt *S = stmtAt(Blk, K);
      Touch T = S ? H.touches(S, V) : Touch::None;
      if (T == Touch::Use && !RanBefore(cast<Expr>(S)))
        return cast<Expr>(S);
      Bound = T == Touch::Bind;
    }
    if (Bound)
      continue;
    for (const CFGBlock::AdjacentBlock &S : Blk->succs())
      if (const CFGBlock *SB = S.getReachableBlock())
        if (Seen.insert(SB).second)
          Work.push_back({SB, 0});
  }
  return nullptr;
}

// The bindings of V that reach element At of B (searching back from it to
// the nearest binding on each path): the statements that bound it.
llvm::SmallVector<const Stmt *, 2> reachingBindings(const CFGBlock *B, unsigned At,
                                                    const VarDecl *V, const Holders &H) {
  llvm::SmallVector<const Stmt *, 2> Out;
  std::deque<std::pair<const CFGBlock *, unsigned>> Work{{B, At}};
  llvm::DenseSet<const CFGBlock *> Seen;
  while (!Work.empty()) {
    auto [Blk, End] = Work.front();
    Work.pop_front();
    bool Bound = false;
    for (unsigned K = End; K > 0 && !Bound; --K) {
      const Stmt *S = stmtAt(Blk, K - 1);
      if (S && H.touches(S, V) == Touch::Bind) {
        Bound = true;
        if (!llvm::is_contained(Out, S))
          Out.push_back(S);
      }
    }
    if (Bound)
      continue;
    for (const CFGBlock::AdjacentBlock &P : Blk->preds())
      if (const CFGBlock *PB = P.getReachableBlock())
        if (Seen.insert(PB).second)
          Work.push_back({PB, PB->size()});
  }
  return Out;
}

} // namespace

std::vector<RelocatedBorrow> relocatedBorrows(const CFG &G, const FunctionFacts &F) {
  std::vector<RelocatedBorrow> Out;
  if (F.Borrows.empty() || F.Growths.empty())
    return Out;
  llvm::DenseMap<const Stmt *, llvm::SmallVector<unsigned, 1>> GrowthAt;
  for (unsigned I = 0; I < F.Growths.size(); ++I)
    GrowthAt[F.Growths[I].Site].push_back(I);
  // The holders, each with its borrows, and the assignments to them.
  llvm::SmallVector<const VarDecl *, 4> HolderList;
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<unsigned, 1>> BorrowsOf;
  for (unsigned I = 0; I < F.Borrows.size(); ++I) {
    auto &List = BorrowsOf[F.Borrows[I].Holder];
    if (List.empty())
      HolderList.push_back(F.Borrows[I].Holder);
    List.push_back(I);
  }
  Holders H;
  for (const CFGBlock *B : G)
    for (unsigned K = 0; K < B->size(); ++K)
      if (const auto *E = dyn_cast_or_null<Expr>(stmtAt(B, K)))
        if (const DeclRefExpr *Name = assignedVariable(E, nullptr))
          if (BorrowsOf.count(cast<VarDecl>(Name->getDecl()))) {
            H.Assignments[E] = cast<VarDecl>(Name->getDecl());
            H.AssignedNames.insert(Name);
          }

  // The borrow a binding statement makes of container C, if any.
  auto BorrowAt = [&](const Stmt *Binding, const VarDecl *Holder,
                      const ContainerRef &C) -> std::optional<unsigned> {
    bool IsDecl = isa<DeclStmt>(Binding);
    for (unsigned BI : BorrowsOf[Holder]) {
      const ElementBorrow &Bw = F.Borrows[BI];
      if (Bw.Container.sameAs(C) && (IsDecl ? !Bw.Assignment : Bw.Site == Binding))
        return BI;
    }
    return std::nullopt;
  };

  const SourceManager &SM = F.FD->getASTContext().getSourceManager();
  llvm::DenseSet<std::pair<unsigned, const VarDecl *>> Done;
  for (const CFGBlock *B : G) {
    for (unsigned K = 0; K < B->size(); ++K) {
      const Stmt *S = stmtAt(B, K);
      auto It = S ? GrowthAt.find(S) : GrowthAt.end();
      if (It == GrowthAt.end())
        continue;
      for (unsigned GI : It->second) {
        const ContainerGrowth &Gr = F.Growths[GI];
        for (const VarDecl *Holder : HolderList) {
          if (Done.count({GI, Holder}) ||
              llvm::none_of(BorrowsOf[Holder], [&](unsigned BI) {
                return F.Borrows[BI].Container.sameAs(Gr.Container);
              }))
            continue;
          // Live after the call: some path from here uses the holder before
          // binding it again, and the binding that reaches the call is a
          // borrow of this container.
          const Expr *Use = nextUse(B, K + 1, Holder, H, [&](const Expr *U) {
            return llvm::any_of(F.RightFirst, [&](const auto &LR) {
              return SM.isPointWithin(Gr.Site->getBeginLoc(), LR.first.getBegin(),
                                      LR.first.getEnd()) &&
                     SM.isPointWithin(U->getBeginLoc(), LR.second.getBegin(),
                                      LR.second.getEnd());
            });
          });
          if (!Use)
            continue;
          std::optional<unsigned> Borrow;
          for (const Stmt *Binding : reachingBindings(B, K, Holder, H))
            if ((Borrow = BorrowAt(Binding, Holder, Gr.Container)))
              break;
          if (!Borrow)
            continue;
          // Room was reserved for this insertion after the element was
          // borrowed: it cannot reallocate.
          if (Gr.ReservedAt && SM.isBeforeInTranslationUnit(
                                   Gr.ReservedAt->getBeginLoc(),
                                   F.Borrows[*Borrow].Site->getBeginLoc()))
            continue;
          Done.insert({GI, Holder});
          Out.push_back({GI, *Borrow, Use});
        }
      }
    }
  }
  return Out;
}

} // namespace pincheck
