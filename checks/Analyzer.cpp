#include "Analyzer.h"
#include "clang/Basic/IdentifierTable.h"
#include "Explain.h"
#include "FunctionFacts.h"
#include "PinAnnotationCheck.h"
#include "PinCopyCheck.h"
#include "PinMemcpyCheck.h"
#include "PinMoveCheck.h"
#include "PinState.h"
#include "PinSwapCheck.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace pincheck {

llvm::ArrayRef<LimitInfo> analysisLimits() {
  static const LimitInfo Table[] = {
#define LIMIT(Field, Option, Flag, Value, Counts)                                   \
  {Option, Flag, Value, Counts, &AnalyzerOptions::Field},
#include "Limits.def"
  };
  return Table;
}

Analyzer::Analyzer(ASTContext &Ctx, AnalyzerOptions Opts, FindingSink &Sink)
    : Ctx(Ctx), Opts(Opts), Sink(Sink), Types(Ctx) {}
Analyzer::~Analyzer() = default;

void Analyzer::emit(Finding F) {
  SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Key = SM.getFileLoc(F.Loc);
  if (!Emitted.insert({unsigned(F.Check), Key.getRawEncoding(), F.Message}).second)
    return;
  Sink.report(std::move(F));
}

// Which check reports each family of operations, and in whose words.
struct RelocationCheck {
  CheckId Id;
  std::string (*Message)(const UseDescription &);
};
static RelocationCheck relocationCheck(OpFamily Fam) {
  switch (Fam) {
  case OpFamily::Move:
    return {PinMoveCheck::Id, PinMoveCheck::message};
  case OpFamily::Copy:
    return {PinCopyCheck::Id, PinCopyCheck::message};
  case OpFamily::Swap:
    return {PinSwapCheck::Id, PinSwapCheck::message};
  case OpFamily::RawMemory:
    return {PinMemcpyCheck::Id, PinMemcpyCheck::message};
  }
  llvm_unreachable("every operation family has a check");
}
static constexpr OpFamily AllFamilies[] = {OpFamily::Move, OpFamily::Copy,
                                           OpFamily::Swap, OpFamily::RawMemory};

bool Analyzer::analyzeFunction(const FunctionDecl *FD, BodyContents &Contents) {
  if (!FD || !FD->doesThisDeclarationHaveABody() || FD->isInvalidDecl() ||
      FD->isDependentContext() || FD->isImplicit() || FD->isDefaulted())
    return false;
  if (llvm::none_of(AllFamilies, [&](OpFamily Fam) {
        return Opts.Checks.enabled(relocationCheck(Fam).Id);
      }))
    return false;
  const Stmt *Body = FD->getBody();
  if (!Body)
    return false;
  SourceManager &SM = Ctx.getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(FD->getLocation())))
    return false;
  if (!Done.insert(FD).second)
    return false;
  ++Stats.FunctionsSeen;

  FunctionFacts F = collectFacts(FD, Body, Types);
  if (!F.trivial())
    reportFlow(F);
  Contents = std::move(F.Contents);
  for (const Decl *D : Contents.Attributed)
    checkAnnotations(D);
  return true;
}

void Analyzer::reportFlow(const FunctionFacts &F) {
  const FunctionDecl *FD = F.FD;
  ++Stats.FunctionsAnalyzed;
  FlowResult R;
  if (Opts.MaxPlaces && F.Places.size() > Opts.MaxPlaces) {
    R.Skipped = true;
    R.SkipReason = "the tracked-variables limit (max-places) was reached";
  } else {
    FlowLimits Limits;
    Limits.MaxBlockVisits = Opts.MaxBlockVisits;
    R = solvePinState(F, Types, Limits);
  }
  if (R.Skipped) {
    ++Stats.FunctionsSkipped;
    if (OnSkipped)
      OnSkipped(FD, R.SkipReason ? R.SkipReason : "a limit was reached");
    return;
  }

  Explainer X(Ctx, Types);
  for (const PinnedUse &U : R.Uses) {
    const Operation &Op = F.Ops[U.Op];
    RelocationCheck Check = relocationCheck(Op.Family);
    if (!Opts.Checks.enabled(Check.Id))
      continue;
    const Operand &O = Op.Operands[U.Operand];
    UseDescription D{X.operandName(F, U), Op.Callee, O.Role, U.Must};
    Finding Fd;
    Fd.Check = Check.Id;
    const Expr *Where = Op.Family == OpFamily::Move || Op.Family == OpFamily::Copy
                            ? O.E
                            : Op.Site;
    Fd.Loc = Where->getBeginLoc();
    Fd.Range = Where->getSourceRange();
    Fd.Message = Check.Message(D);
    Fd.Notes.push_back(X.pinNote(F, U));
    if (std::optional<Note> A = X.aliasNote(F, U))
      Fd.Notes.push_back(*A);
    X.typeNotes(U.Target.ObjType, Fd.Notes);
    emit(std::move(Fd));
  }
}

void Analyzer::checkAnnotations(const Decl *D) {
  if (!Opts.Checks.enabled(PinAnnotationCheck::Id) || !D || !D->hasAttrs())
    return;
  SourceManager &SM = Ctx.getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
    return;
  std::vector<Finding> Out;
  PinAnnotationCheck::check(D, Ctx, Out);
  for (Finding &F : Out)
    emit(std::move(F));
}

namespace {
class TUWalker : public RecursiveASTVisitor<TUWalker> {
public:
  TUWalker(Analyzer &A, const SourceManager &SM) : A(A), SM(SM) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }

  // Nothing in a system header is analysed or reported: do not walk it. A
  // namespace is walked (std's may hold users' specialisations); any other
  // declaration spelled in a system header is skipped with all it contains.
  // Only declarations at namespace scope are tested: what a class or a
  // function holds is spelled where it is. On code that only includes
  // libraries, this walk is most of pincheck's cost.
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl, NamespaceDecl, LinkageSpecDecl, ExportDecl>(D) &&
        D->getLexicalDeclContext() && D->getLexicalDeclContext()->isFileContext() &&
        D->getLocation().isValid() &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  // Types name no declaration to check and no function to analyse (a lambda
  // in an unevaluated operand never runs); parameters, which the walk would
  // reach through the function's type, are walked from VisitFunctionDecl.
  bool TraverseTypeLoc(TypeLoc, bool = true) { return true; }
  bool TraverseNestedNameSpecifierLoc(NestedNameSpecifierLoc) { return true; }
  bool TraverseTemplateArgumentLoc(const TemplateArgumentLoc &) { return true; }

  // A body the analysis walked is not walked again.
  bool TraverseStmt(Stmt *S, DataRecursionQueue *Queue = nullptr) {
    if (S && !Walked.empty() && Walked.erase(S))
      return true;
    return RecursiveASTVisitor::TraverseStmt(S, Queue);
  }

  bool VisitDecl(Decl *D) {
    A.checkAnnotations(D);
    return true;
  }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    analyze(FD, /*WalkedNext=*/true);
    for (ParmVarDecl *P : FD->parameters())
      TraverseDecl(P);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *LE) {
    CXXMethodDecl *Call = LE->getCallOperator();
    analyze(Call, /*WalkedNext=*/true);
    // A generic lambda's body is a template: look at what it was used with.
    if (FunctionTemplateDecl *T = Call->getDescribedFunctionTemplate())
      for (FunctionDecl *Spec : T->specializations())
        analyze(Spec, /*WalkedNext=*/false);
    return true;
  }

private:
  // WalkedNext: this walk is about to reach FD's body (and can skip it).
  void analyze(FunctionDecl *FD, bool WalkedNext) {
    BodyContents C;
    if (!A.analyzeFunction(FD, C))
      return;
    if (WalkedNext)
      Walked.insert(FD->getBody());
    for (const Decl *D : C.NestedDecls)
      TraverseDecl(const_cast<Decl *>(D));
    for (const LambdaExpr *LE : C.Lambdas)
      TraverseLambdaExpr(const_cast<LambdaExpr *>(LE));
  }

  Analyzer &A;
  const SourceManager &SM;
  llvm::SmallPtrSet<const Stmt *, 8> Walked;
};
} // namespace

void Analyzer::analyzeTranslationUnit() {
  // The prefilter for code without annotations: every pin annotation is an
  // annotate attribute, spelt with the identifier 'annotate' (or
  // '__annotate__'). A translation unit that never lexed either has no
  // address-sensitive type and nothing misplaced, so it costs two hash
  // lookups. (With a PCH or modules, identifiers load lazily and the table
  // cannot tell: walk as usual.)
  IdentifierTable &Idents = Ctx.Idents;
  if (!Idents.getExternalIdentifierLookup() && Idents.find("annotate") == Idents.end() &&
      Idents.find("__annotate__") == Idents.end())
    return;
  TUWalker W(*this, Ctx.getSourceManager());
  W.TraverseDecl(Ctx.getTranslationUnitDecl());
}

} // namespace pincheck
