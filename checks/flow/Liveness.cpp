// Liveness.cpp - which places (and pointers) a path from the end of each
// block may still name, found by one backward walk per variable over its
// live range only (a standard dataflow over sets would cost blocks x
// variables on long functions, which the benchmark's size series rules out).
#include "flow/Liveness.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"
#include <algorithm>

using namespace clang;

namespace pincheck {
namespace {

// The places a name stands for: a place itself, or what a local reference
// was bound to (and what that names, for references to references).
class Names {
public:
  Names(const FunctionFacts &F, const llvm::DenseMap<const VarDecl *, unsigned> &Index)
      : F(F), Index(Index) {}

  const llvm::SmallVector<unsigned, 2> &of(const ValueDecl *D) {
    if (const auto *B = dyn_cast<BindingDecl>(D))
      if (ValueDecl *Holder = B->getDecomposedDecl())
        D = Holder;
    auto [It, New] = Cache.try_emplace(D);
    if (!New)
      return It->second;
    llvm::SmallVector<unsigned, 2> Out;
    if (const auto *V = dyn_cast<VarDecl>(D)) {
      if (auto P = Index.find(V); P != Index.end())
        Out.push_back(P->second);
      if (F.AliasRefs.contains(V) && V->getInit())
        collect(V->getInit(), Out);
    }
    llvm::sort(Out);
    Out.erase(std::unique(Out.begin(), Out.end()), Out.end());
    // The cache may have grown (and moved) while collecting.
    return Cache[D] = std::move(Out);
  }

private:
  void collect(const Stmt *S, llvm::SmallVector<unsigned, 2> &Out) {
    if (!S)
      return;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (DRE->getDecl() != Current) {
        const ValueDecl *Saved = Current;
        Current = DRE->getDecl();
        for (unsigned P : of(DRE->getDecl()))
          Out.push_back(P);
        Current = Saved;
      }
    for (const Stmt *C : S->children())
      collect(C, Out);
  }

  const FunctionFacts &F;
  const llvm::DenseMap<const VarDecl *, unsigned> &Index;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<unsigned, 2>> Cache;
  const ValueDecl *Current = nullptr;
};

} // namespace

std::vector<std::vector<unsigned>>
liveOut(const CFG &G, const FunctionFacts &F,
        const llvm::DenseMap<const VarDecl *, unsigned> &Index, unsigned Count) {
  unsigned NumBlocks = G.getNumBlockIDs();
  Names N(F, Index);

  // Per block: places named before any redeclaration in it (upward
  // exposed), and places it declares.
  std::vector<std::vector<unsigned>> UsedBlocks(Count); // place -> blocks
  std::vector<std::vector<unsigned>> Kills(NumBlocks);      // block -> places
  for (const CFGBlock *B : G) {
    unsigned ID = B->getBlockID();
    std::vector<unsigned> &K = Kills[ID];
    for (const CFGElement &El : *B) {
      std::optional<CFGStmt> CS = El.getAs<CFGStmt>();
      if (!CS)
        continue;
      const Stmt *S = CS->getStmt();
      auto Use = [&](unsigned P) {
        if (std::find(K.begin(), K.end(), P) == K.end() &&
            (UsedBlocks[P].empty() || UsedBlocks[P].back() != ID))
          UsedBlocks[P].push_back(ID);
      };
      if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
        for (unsigned P : N.of(DRE->getDecl()))
          Use(P);
      } else if (F.AbandonSites.count(S)) {
        // A longjmp abandons every automatic object still in the frame.
        for (const auto &[V, P] : Index)
          Use(P);
      } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
        for (const Decl *D : DS->decls())
          if (const auto *V = dyn_cast<VarDecl>(D))
            if (auto P = Index.find(V); P != Index.end())
              K.push_back(P->second);
      }
    }
    llvm::sort(K);
  }

  std::vector<const CFGBlock *> ByID(NumBlocks);
  for (const CFGBlock *B : G)
    ByID[B->getBlockID()] = B;

  // One backward walk per place over its live range only; stamps instead of
  // per-place sets keep the memory at O(blocks) for the walks.
  std::vector<std::vector<unsigned>> LiveOut(NumBlocks);
  std::vector<unsigned> InStamp(NumBlocks, 0), OutStamp(NumBlocks, 0);
  std::vector<unsigned> Work;
  for (unsigned P = 0; P < Count; ++P) {
    unsigned Stamp = P + 1;
    Work.clear();
    for (unsigned ID : UsedBlocks[P]) {
      InStamp[ID] = Stamp;
      Work.push_back(ID);
    }
    while (!Work.empty()) {
      const CFGBlock *B = ByID[Work.back()];
      Work.pop_back();
      if (!B)
        continue;
      for (const CFGBlock::AdjacentBlock &Pred : B->preds()) {
        const CFGBlock *PB = Pred.getReachableBlock();
        if (!PB)
          continue;
        unsigned ID = PB->getBlockID();
        if (OutStamp[ID] != Stamp) {
          OutStamp[ID] = Stamp;
          LiveOut[ID].push_back(P); // places ascend: stays sorted
        }
        if (InStamp[ID] != Stamp &&
            !std::binary_search(Kills[ID].begin(), Kills[ID].end(), P)) {
          InStamp[ID] = Stamp;
          Work.push_back(ID);
        }
      }
    }
  }
  return LiveOut;
}

} // namespace pincheck
