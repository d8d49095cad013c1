// Collector.cpp - the walk over one body that finds its facts. It decides
// what is evaluated (lambda bodies, local classes and unevaluated operands
// are not; captures, member initialisers and the semantic form of
// initialiser lists are) and in which order things are seen (parents before
// children), and hands each node to the FactsBuilder concern that records it.
#include "facts/Collector.h"
#include "facts/FactsBuilder.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace pincheck {
namespace {

class Collector : public RecursiveASTVisitor<Collector> {
public:
  explicit Collector(FactsBuilder &B) : B(B) {}

  // A lambda's body is a function of its own, analysed separately; only its
  // captures are evaluated here.
  bool TraverseLambdaExpr(LambdaExpr *LE) {
    WalkUpFromLambdaExpr(LE);
    for (Expr *Init : LE->capture_inits())
      if (Init)
        TraverseStmt(Init);
    return true;
  }
  // The semantic form of initializer lists (where the element copies are),
  // and the hidden variables of range-for loops.
  bool shouldVisitImplicitCode() const { return true; }

  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) {
    B.addRangeForBorrow(S);
    B.noteRangeForElement(S);
    return true;
  }

  // Unevaluated operands pin nothing and move nothing.
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) { return true; }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *) { return true; }
  bool TraverseRequiresExpr(RequiresExpr *) { return true; }
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *E) {
    return E->isPotentiallyEvaluated() ? RecursiveASTVisitor::TraverseCXXTypeidExpr(E)
                                       : true;
  }

  // Local classes have their own member functions.
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool TraverseBlockExpr(BlockExpr *) { return true; }

  bool VisitDeclStmt(DeclStmt *DS) {
    B.addConstructionPins(DS);
    return true;
  }

  bool VisitVarDecl(VarDecl *V) {
    if (isa<ParmVarDecl>(V) || !V->isLocalVarDecl())
      return true;
    B.addVariable(V);
    B.InScope.push_back(V);
    return true;
  }

  // A block's (or a statement's own) variables leave scope at its end.
  // Children are walked before returning (no data-recursion queue), so the
  // scope is restored after them.
  template <typename Base> bool scoped(Base Traverse) {
    size_t Saved = B.InScope.size();
    bool R = Traverse();
    B.InScope.resize(Saved);
    return R;
  }
  bool TraverseCompoundStmt(CompoundStmt *S, DataRecursionQueue * = nullptr) {
    return scoped([&] { return RecursiveASTVisitor::TraverseCompoundStmt(S, nullptr); });
  }
  bool TraverseForStmt(ForStmt *S, DataRecursionQueue * = nullptr) {
    return scoped([&] { return RecursiveASTVisitor::TraverseForStmt(S, nullptr); });
  }
  bool TraverseIfStmt(IfStmt *S, DataRecursionQueue * = nullptr) {
    return scoped([&] { return RecursiveASTVisitor::TraverseIfStmt(S, nullptr); });
  }
  bool TraverseWhileStmt(WhileStmt *S, DataRecursionQueue * = nullptr) {
    return scoped([&] { return RecursiveASTVisitor::TraverseWhileStmt(S, nullptr); });
  }
  bool TraverseSwitchStmt(SwitchStmt *S, DataRecursionQueue * = nullptr) {
    return scoped([&] { return RecursiveASTVisitor::TraverseSwitchStmt(S, nullptr); });
  }
  bool TraverseCXXForRangeStmt(CXXForRangeStmt *S, DataRecursionQueue * = nullptr) {
    return scoped([&] { return RecursiveASTVisitor::TraverseCXXForRangeStmt(S, nullptr); });
  }

  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    B.addGlobalUse(DRE);
    return true;
  }

  bool VisitCXXThisExpr(CXXThisExpr *TE) {
    if (B.addThisPlace(TE))
      B.addThisHandedOut(TE);
    return true;
  }
  // Reaching through `this` does not hand it out.
  bool VisitMemberExpr(MemberExpr *ME) {
    B.notHandedOut(ME->getBase());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_Deref)
      B.notHandedOut(UO->getSubExpr());
    return true;
  }

  bool VisitCXXDeleteExpr(CXXDeleteExpr *DE) {
    B.addDelete(DE);
    return true;
  }

  // Comparing `this` or the pointer a smart pointer holds, or testing it,
  // does not hand the address out.
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isComparisonOp()) {
      B.notHandedOut(BO->getLHS());
      B.notHandedOut(BO->getRHS());
    }
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *IC) {
    if (IC->getCastKind() == CK_PointerToBoolean)
      B.notHandedOut(IC->getSubExpr());
    return true;
  }

  bool VisitReturnStmt(ReturnStmt *RS) {
    B.noteReturn(RS);
    B.addReturnedLambdaPins(RS);
    return true;
  }
  bool VisitCoreturnStmt(CoreturnStmt *S) {
    B.noteCoreturn(S);
    return true;
  }
  bool VisitCXXThrowExpr(CXXThrowExpr *TE) {
    B.noteThrow(TE);
    return true;
  }

  // Both forms of an initializer list share their leaves: walk the
  // semantic one, which has the element copies (and every leaf).
  bool TraverseInitListExpr(InitListExpr *S, DataRecursionQueue *Queue = nullptr) {
    InitListExpr *Sem = S->isSemanticForm() ? S : S->getSemanticForm();
    return TraverseSynOrSemInitListExpr(Sem ? Sem : S, Queue);
  }

  // Every expression, in this order: what it relocates, what it destroys,
  // which container it may grow and which element it borrows, what it pins,
  // what its callee does, and whether it leaves the frame (longjmp).
  bool VisitExpr(Expr *E) {
    if (E->containsErrors())
      return true;
    B.addOperations(E);
    B.addDestroys(E);
    B.addGrowth(E);
    B.addOrderHazard(E);
    B.addSelfInsertion(E);
    B.addAssignedBorrow(E);
    B.addPins(E);
    B.applySummary(E);
    B.noteLongJump(E);
    return true;
  }

private:
  FactsBuilder &B;
};

} // namespace

FunctionFacts collectFacts(const FunctionDecl *FD, const Stmt *Body, TypeModel &Types,
                           SummarySource *Summaries) {
  FunctionFacts F;
  F.FD = FD;
  F.Body = Body;
  FactsBuilder B(F, Types, Summaries);
  for (const ParmVarDecl *P : FD->parameters())
    B.addVariable(P);
  Collector C(B);
  // Member initialisers run before the body and can move from parameters.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten() && Init->getInit())
        C.TraverseStmt(Init->getInit());
  C.TraverseStmt(const_cast<Stmt *>(Body));
  B.addEntryPins();
  B.addLongJumps();
  B.dropConsumedAddresses();
  B.addTemporaryPins();
  B.dropWrittenKeys();
  B.addReservedCapacity();
  B.addAccessPaths();
  return F;
}

} // namespace pincheck
