#include "ContainerRelocation.h"
#include "llvm/ADT/DenseMap.h"
#include <deque>

using namespace clang;

namespace pincheck {
namespace {

// Whether S names V (a use) or declares it (a new binding: the old one is
// dead).
enum class Touch { None, Use, Redeclare };
Touch touches(const Stmt *S, const VarDecl *V) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    return DRE->getDecl() == V ? Touch::Use : Touch::None;
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (D == V)
        return Touch::Redeclare;
  return Touch::None;
}

// The first use of V from element From of B on, following successors; null
// if a redeclaration comes first on every path searched.
const Expr *nextUse(const CFGBlock *B, unsigned From, const VarDecl *V) {
  std::deque<std::pair<const CFGBlock *, unsigned>> Work{{B, From}};
  llvm::DenseSet<const CFGBlock *> Seen;
  while (!Work.empty()) {
    auto [Blk, Start] = Work.front();
    Work.pop_front();
    bool Killed = false;
    for (unsigned K = Start; K < Blk->size(); ++K) {
      std::optional<CFGStmt> CS = (*Blk)[K].getAs<CFGStmt>();
      if (!CS)
        continue;
      Touch T = touches(CS->getStmt(), V);
      if (T == Touch::Use)
        return cast<Expr>(CS->getStmt());
      if (T == Touch::Redeclare) {
        Killed = true;
        break;
      }
    }
    if (Killed)
      continue;
    for (const CFGBlock::AdjacentBlock &S : Blk->succs())
      if (const CFGBlock *SB = S.getReachableBlock())
        if (Seen.insert(SB).second)
          Work.push_back({SB, 0});
  }
  return nullptr;
}

} // namespace

std::vector<RelocatedBorrow> relocatedBorrows(const CFG &G, const FunctionFacts &F) {
  std::vector<RelocatedBorrow> Out;
  llvm::DenseMap<const Stmt *, llvm::SmallVector<unsigned, 1>> GrowthAt;
  for (unsigned I = 0; I < F.Growths.size(); ++I)
    GrowthAt[F.Growths[I].Site].push_back(I);
  llvm::DenseSet<std::pair<unsigned, unsigned>> Done;
  for (const CFGBlock *B : G) {
    for (unsigned K = 0; K < B->size(); ++K) {
      std::optional<CFGStmt> CS = (*B)[K].getAs<CFGStmt>();
      if (!CS)
        continue;
      auto It = GrowthAt.find(CS->getStmt());
      if (It == GrowthAt.end())
        continue;
      for (unsigned GI : It->second)
        for (unsigned BI = 0; BI < F.Borrows.size(); ++BI) {
          const ElementBorrow &Bw = F.Borrows[BI];
          if (Bw.Container != F.Growths[GI].Container || Done.count({GI, BI}))
            continue;
          // Live after the call: some path from here uses the holder before
          // binding it again. (Its binding then happened before the call.)
          if (const Expr *Use = nextUse(B, K + 1, Bw.Holder)) {
            Done.insert({GI, BI});
            Out.push_back({GI, BI, Use});
          }
        }
    }
  }
  return Out;
}

} // namespace pincheck
