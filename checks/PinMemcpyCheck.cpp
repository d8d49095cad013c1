// PinMemcpyCheck.cpp - pin-memcpy's caret and wording, one message per
// operand role, and its rule for raw relocations inside template
// instantiations (docs/checks/pin-memcpy.md).
#include "PinMemcpyCheck.h"
#include "catalog/Catalog.h"
#include "explain/Text.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

namespace pincheck {

void PinMemcpyCheck::reportUse(const FunctionResults &R, const PinnedUse &U,
                   std::vector<Finding> &Out) {
  Out.push_back(relocationFinding(R, U, Id, Caret::Call, message(describeUse(R, U))));
}

std::string PinMemcpyCheck::message(const UseDescription &U) {
  std::string Head = U.Name + " is ";
  std::string By = " by '" + U.Callee + "' " + afterPinned(U.Must);
  switch (U.Role) {
  case OperandRole::RawDest:
    return Head + "overwritten as raw bytes" + By +
           "; none of its code runs to keep its address-dependent state valid";
  case OperandRole::Reallocated:
    return Head + "reallocated" + By +
           "; its storage may move without running any of its code";
  case OperandRole::RelocatedFrom:
    return Head + "relocated" + By +
           "; it now lives at a new address and pointers to the old one dangle";
  default:
    return Head + "copied as raw bytes" + By +
           "; the bytes carry its self-pointers unchanged";
  }
}

} // namespace pincheck

// ---- Raw relocation inside generic code ----
//
// Containers relocate their elements with memcpy, memmove or realloc on
// storage typed `T *`, inside class templates the user instantiates. In an
// instantiation (of a template written in the user's code: nothing in a
// system header is walked), a raw-memory call whose pointer operand, casts
// looked through, points to the template's argument is reported when that
// type is address-sensitive: "must" for a self-referential type (every
// object is pinned from its construction), "may" for an annotated one (its
// objects may or may not be pinned). The branch of an `if constexpr` not
// taken is not instantiated, so not seen. A member byte buffer that the
// class constructs its argument type into by placement new counts as
// storage typed `T *` (model/PlacementStorage.h).

namespace pincheck {

namespace {

// The type a pointer operand points to, when it is an argument of the
// template FD belongs to (a SubstTemplateTypeParmType: `T` of the pattern,
// substituted in FD or its class; not another template's, such as the
// `unsigned char` a std::vector<unsigned char>'s data() returns).
clang::QualType argumentPointee(const clang::Expr *E, const clang::FunctionDecl *FD) {
  E = E->IgnoreParenCasts();
  const auto *PT = E->getType()->getAs<clang::PointerType>();
  if (!PT)
    return {};
  clang::QualType Pointee = PT->getPointeeType();
  const auto *ST = Pointee->getAs<clang::SubstTemplateTypeParmType>();
  if (!ST)
    return {};
  const clang::Decl *Assoc = ST->getAssociatedDecl();
  for (const clang::DeclContext *DC = FD; DC; DC = DC->getParent()) {
    const auto *D = llvm::dyn_cast<clang::Decl>(DC);
    if (D == Assoc)
      return Pointee;
    if (const auto *F = llvm::dyn_cast<clang::FunctionDecl>(DC))
      if (const clang::FunctionTemplateDecl *P = F->getPrimaryTemplate();
          P && (P == Assoc || P->getTemplatedDecl() == Assoc))
        return Pointee;
  }
  return {};
}

// The instantiated template a function belongs to, as users name it
// ("Grow<Cell>", "relocate_all<Cell>"), and where it was instantiated.
std::pair<std::string, clang::SourceLocation> instantiation(const clang::FunctionDecl *FD) {
  clang::PrintingPolicy Policy = FD->getASTContext().getPrintingPolicy();
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  clang::SourceLocation Where = FD->getPointOfInstantiation();
  if (const auto *Spec = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(FD->getParent());
      Spec && !FD->getPrimaryTemplate()) {
    Spec->getNameForDiagnostic(OS, Policy, /*Qualified=*/false);
    // A member instantiated by another member's call (push() calling
    // grow()) points into the template: the class's own point of
    // instantiation is the user's code.
    const clang::SourceManager &SM = FD->getASTContext().getSourceManager();
    clang::SourceRange Pattern = Spec->getSpecializedTemplate()->getSourceRange();
    if (Where.isInvalid() ||
        (Pattern.isValid() && SM.isPointWithin(Where, Pattern.getBegin(), Pattern.getEnd())))
      Where = Spec->getPointOfInstantiation();
  } else {
    FD->getNameForDiagnostic(OS, Policy, /*Qualified=*/false);
  }
  return {OS.str(), Where};
}

struct RawCalls : clang::RecursiveASTVisitor<RawCalls> {
  clang::ASTContext &Ctx;
  std::vector<Operation> Found;
  explicit RawCalls(clang::ASTContext &Ctx) : Ctx(Ctx) {}
  bool VisitCallExpr(clang::CallExpr *CE) {
    Operation Op;
    if (classifyRawMemoryCall(CE, Ctx, Op))
      Found.push_back(std::move(Op));
    return true;
  }
  // A lambda's body is a function of its own, walked on its own.
  bool TraverseLambdaExpr(clang::LambdaExpr *) { return true; }
};

} // namespace

void PinMemcpyCheck::checkDeclaration(const clang::Decl *D, DeclarationContext &C,
                                      std::vector<Finding> &Out) {
  const auto *FD = llvm::dyn_cast<clang::FunctionDecl>(D);
  if (!FD || !FD->isTemplateInstantiation() || !FD->doesThisDeclarationHaveABody() ||
      FD->isInvalidDecl() || FD->isDependentContext())
    return;
  RawCalls Calls(C.Ctx);
  Calls.TraverseStmt(FD->getBody());
  for (const Operation &Op : Calls.Found) {
    // Relocations only: a raw copy, move or reallocation (not a memset).
    bool Relocates = llvm::any_of(Op.Operands, [](const Operand &O) {
      return O.Role == OperandRole::RawSource || O.Role == OperandRole::Reallocated ||
             O.Role == OperandRole::RelocatedFrom;
    });
    if (!Relocates)
      continue;
    bool Realloc = llvm::any_of(Op.Operands, [](const Operand &X) {
      return X.Role == OperandRole::Reallocated;
    });
    const auto *Class = llvm::dyn_cast<clang::CXXRecordDecl>(FD->getParent());
    for (const Operand &O : Op.Operands) {
      clang::QualType T = argumentPointee(O.E, FD);
      // A byte buffer the class constructs its argument type into.
      if (T.isNull() && O.IsPointer)
        T = C.Types.placements().objectsIn(O.E, Class);
      if (T.isNull() || !C.Types.isAddressSensitive(T))
        continue;
      const clang::RecordDecl *RD = TypeModel::recordOf(T);
      const auto *CRD = llvm::dyn_cast_or_null<clang::CXXRecordDecl>(RD);
      bool Must = CRD && C.Types.infers() && C.Types.selfReferences().of(CRD);
      std::string Type = quoted(T.getUnqualifiedType().getAsString(C.Ctx.getPrintingPolicy()));
      auto [Name, Where] = instantiation(FD);
      Finding F;
      F.Check = Id;
      F.Loc = Op.Site->getExprLoc();
      F.Range = Op.Site->getSourceRange();
      F.Message = quoted(Op.Callee) + " " +
                  (Realloc ? "may move objects of address-sensitive type " + Type +
                                 " to new storage without running any of their code"
                           : "relocates objects of address-sensitive type " + Type +
                                 " as raw bytes") +
                  " in " + quoted(Name) + "; " +
                  (Must ? "every " + Type +
                              " is pinned from its construction, and its self-references "
                              "still refer to the old address"
                        : "any of them may be pinned, and none of its code runs to keep "
                          "its address-dependent state valid");
      if (Where.isValid())
        F.Notes.push_back({Where, "in instantiation of " + quoted(Name) + " required here"});
      C.Explain.typeNotes(T, F.Notes);
      Out.push_back(std::move(F));
      break; // one finding per call
    }
  }
}

} // namespace pincheck
