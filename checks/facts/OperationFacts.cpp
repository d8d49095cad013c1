// OperationFacts.cpp - the relocating operations of a body, as the catalog
// classifies them, kept only where they can reach an address-sensitive
// object; the implicit moves of return, throw and co_return; longjmp over the
// frame's objects; and the explicit ends of lifetimes.
#include "facts/FactsBuilder.h"
#include "facts/Places.h"

using namespace clang;

namespace pincheck {

// The move constructor call of `return x` / `throw x` when x is a local
// (the implicit move), or null.
static const Expr *implicitMoveConstruct(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
    if (CE->getNumArgs() >= 1) {
      const Expr *Arg = CE->getArg(0)->IgnoreParenImpCasts();
      if (isa<DeclRefExpr>(Arg))
        return CE;
    }
  return nullptr;
}

// longjmp and its variants leave every frame up to the setjmp without
// running a destructor.
static bool isLongJump(const Expr *E) {
  const auto *CE = dyn_cast<CallExpr>(E);
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  if (!FD || !FD->getIdentifier())
    return false;
  const DeclContext *DC = FD->getDeclContext()->getRedeclContext();
  if (!DC->isTranslationUnit() && !FD->isInStdNamespace())
    return false;
  StringRef N = FD->getName();
  return N == "longjmp" || N == "siglongjmp" || N == "_longjmp" ||
         N == "__builtin_longjmp";
}

// The copy or move constructor or assignment E runs, or null.
static const CXXMethodDecl *copyOrMoveMemberOf(const Expr *E) {
  const CXXMethodDecl *MD = nullptr;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
    MD = CE->getConstructor();
  else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
           OC && OC->getOperator() == OO_Equal)
    MD = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
  return MD && isCopyOrMoveMember(MD) ? MD : nullptr;
}

// A copy or move through a constructor or assignment that re-registers the
// new address (as the class's constructor registers `this`) is cooperative,
// like one annotated PIN_ADDRESS_AWARE; so is an implicit or defaulted one
// whose class's address-sensitive parts are all copied or moved by
// cooperative members of theirs (docs/model.md, "Cooperative members").
static bool cooperative(const Expr *E, TypeModel &Types, EscapeModel &Escapes) {
  const CXXMethodDecl *MD = copyOrMoveMemberOf(E);
  return MD && (Escapes.reregisters(MD) || Types.memberwiseCooperates(MD));
}

void FactsBuilder::addOperations(const Expr *E) {
  CatalogContext C{Types.context(), ReturnMoves, ThrowMoves, CoReturnMoves,
                   RangeForElements, Types.infers() ? &Types.selfReferences() : nullptr,
                   &Types.listed()};
  Operation Op;
  if (!classifyOperation(E, C, Op))
    return;
  // A temporary reaches no place unless it was pinned as it was made.
  llvm::erase_if(Op.Operands, [&](const Operand &O) { return !keepOperand(O); });
  if (!Op.Operands.empty() && mayTouchSensitive(Op) && !cooperative(E, Types, Escapes)) {
    // Constructing over an object ends it (after the check at this site).
    for (const Operand &O : Op.Operands)
      if (O.Role == OperandRole::ConstructedOver)
        addDestroy({E, O.E, O.IsPointer});
    addWholeGrowths(E, Op);
    addOperation(E, std::move(Op));
  }
}

void FactsBuilder::addDestroys(const Expr *E) {
  DestroyEvent D;
  if (classifyDestroy(E, D))
    addDestroy(D);
}

// `delete p` runs the destructor: the object is gone (not a reuse).
void FactsBuilder::addDelete(const CXXDeleteExpr *DE) {
  if (const Expr *Arg = DE->getArgument())
    addDestroy({DE, Arg, /*IsPointer=*/true});
}

void FactsBuilder::noteReturn(const ReturnStmt *RS) {
  if (const Expr *E = implicitMoveConstruct(RS->getRetValue()))
    ReturnMoves.insert(E);
  QualType T = F.FD->getReturnType();
  if (RS->getRetValue() && (T->isReferenceType() || T->isPointerType() || T->isRecordType()))
    F.Returned.push_back(RS->getRetValue());
}

void FactsBuilder::noteThrow(const CXXThrowExpr *TE) {
  if (const Expr *E = implicitMoveConstruct(TE->getSubExpr()))
    ThrowMoves.insert(E);
}

// `co_return x` moves a local x into the promise's return_value: a move
// construction of its by-value parameter, or an xvalue bound to its T&&.
void FactsBuilder::noteCoreturn(const CoreturnStmt *S) {
  const auto *PC = dyn_cast_or_null<CallExpr>(S->getPromiseCall());
  if (!PC || PC->getNumArgs() != 1 || !S->getOperand())
    return;
  CoReturnCalls.insert(PC); // described here, not by return_value's summary
  const Expr *Arg = PC->getArg(0)->IgnoreImplicit();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Arg)) {
    if (CE->getNumArgs() >= 1 && isa<DeclRefExpr>(CE->getArg(0)->IgnoreParenImpCasts()))
      CoReturnMoves.insert(CE);
    return;
  }
  const FunctionDecl *FD = PC->getDirectCallee();
  if (FD && FD->getNumParams() == 1 &&
      FD->getParamDecl(0)->getType()->isRValueReferenceType() &&
      S->getOperand()->isXValue() &&
      isa<DeclRefExpr>(S->getOperand()->IgnoreParenImpCasts())) {
    Operation Op;
    Op.Family = OpFamily::Move;
    Op.Site = PC;
    Op.Operands.push_back({S->getOperand(), false, OperandRole::MovedByCoReturn});
    if (mayTouchSensitive(Op))
      addOperation(PC, std::move(Op));
  }
}

// A range-for by value copies (or moves) each element into its variable.
void FactsBuilder::noteRangeForElement(const CXXForRangeStmt *S) {
  const VarDecl *LV = S->getLoopVariable();
  if (LV && !LV->getType()->isReferenceType() && LV->getInit() && S->getRangeInit())
    if (const auto *CE = dyn_cast<CXXConstructExpr>(LV->getInit()->IgnoreImplicit()))
      RangeForElements[CE] = S->getRangeInit();
}

void FactsBuilder::noteLongJump(const Expr *E) {
  if (isLongJump(E))
    LongJumps.push_back({cast<CallExpr>(E), InScope});
}

// Each automatic place in scope at a longjmp (a local, a by-value
// parameter) is an operand of it.
void FactsBuilder::addLongJumps() {
  for (auto &[CE, Locals] : LongJumps) {
    Operation Op;
    Op.Family = OpFamily::StorageReuse;
    Op.Site = CE;
    Op.Callee = CE->getDirectCallee()->getName().str();
    llvm::SmallVector<const VarDecl *, 8> Abandoned(F.FD->parameters());
    Abandoned.append(Locals.begin(), Locals.end());
    for (const VarDecl *V : Abandoned)
      if (F.PlaceIndex.count(V) && !V->getType()->isReferenceType() &&
          !V->isStaticLocal()) {
        Operand O{CE, false, OperandRole::Abandoned};
        O.Var = V;
        Op.Operands.push_back(O);
      }
    if (Op.Operands.empty())
      continue;
    F.AbandonSites.insert(CE);
    addOperation(CE, std::move(Op));
  }
}

// Drops operations that cannot reach an address-sensitive object, so that
// functions full of ordinary copies stay trivial.
bool FactsBuilder::mayTouchSensitive(const Operation &Op) {
  for (const Operand &O : Op.Operands) {
    if (!O.IsPointer) {
      if (Types.isAddressSensitive(stripMoveCasts(O.E)->getType()))
        return true;
      continue;
    }
    const Expr *P = stripPointerCasts(O.E);
    if (const auto *UO = dyn_cast<UnaryOperator>(P);
        UO && UO->getOpcode() == UO_AddrOf) {
      if (Types.isAddressSensitive(UO->getSubExpr()->getType()))
        return true;
      continue;
    }
    QualType T = P->getType();
    if (T->isArrayType() && Types.isAddressSensitive(T))
      return true;
    // A pointer to void or char may point anywhere: keep it.
    if (T->isPointerType() &&
        (T->getPointeeType()->isVoidType() || T->getPointeeType()->isCharType() ||
         T->getPointeeType()->isStdByteType() ||
         Types.isAddressSensitive(T->getPointeeType())))
      return true;
    if (!T->isPointerType())
      return true; // unusual operand: let the flow analysis decide
  }
  return false;
}

void FactsBuilder::addOperation(const Expr *At, Operation Op) {
  F.OpsAt[At].push_back(F.Ops.size());
  F.Ops.push_back(std::move(Op));
}

void FactsBuilder::addDestroy(const DestroyEvent &D) {
  F.DestroysAt[D.Site].push_back(F.Destroys.size());
  F.Destroys.push_back(D);
}

} // namespace pincheck
