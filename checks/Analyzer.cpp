#include "Analyzer.h"
#include "clang/Basic/IdentifierTable.h"
#include "explain/Explain.h"
#include "facts/FunctionFacts.h"
#include "explain/Text.h"
#include "PinAnnotationCheck.h"
#include "PinContainerRelocationCheck.h"
#include "PinCopyCheck.h"
#include "PinMemcpyCheck.h"
#include "PinMoveCheck.h"
#include "flow/PinState.h"
#include "PinStorageReuseCheck.h"
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

static std::string validateVectorLikeClasses(llvm::StringRef Value) {
  return parseVectorLikeClasses(Value, nullptr);
}

llvm::ArrayRef<ListOptionInfo> listOptions() {
  static const ListOptionInfo Table[] = {
      {VectorLikeClassesOption, VectorLikeClassesFlag, PinContainerRelocationCheck::Id,
       DefaultVectorLikeClasses,
       "class templates\ntreated as std::vector, fully qualified,\n';'-separated; replaces "
       "the default list",
       &AnalyzerOptions::VectorLikeClasses, validateVectorLikeClasses},
  };
  return Table;
}

Analyzer::Analyzer(ASTContext &Ctx, AnalyzerOptions Opts, FindingSink &Sink)
    : Ctx(Ctx), Opts(Opts), Sink(Sink), Types(Ctx), Summaries(Types, Escapes) {
  Types.containers().setVectorLike(this->Opts.VectorLikeClasses);
}
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
  case OpFamily::StorageReuse:
    return {PinStorageReuseCheck::Id, PinStorageReuseCheck::message};
  }
  llvm_unreachable("every operation family has a check");
}
static constexpr OpFamily AllFamilies[] = {OpFamily::Move, OpFamily::Copy,
                                           OpFamily::Swap, OpFamily::RawMemory,
                                           OpFamily::StorageReuse};

void Analyzer::analyzeFunction(const FunctionDecl *FD) {
  if (!FD || !FD->doesThisDeclarationHaveABody() || FD->isInvalidDecl() ||
      FD->isDependentContext() || FD->isImplicit() || FD->isDefaulted())
    return;
  if (llvm::none_of(AllFamilies,
                    [&](OpFamily Fam) {
                      return Opts.Checks.enabled(relocationCheck(Fam).Id);
                    }) &&
      !Opts.Checks.enabled(PinContainerRelocationCheck::Id))
    return;
  const Stmt *Body = FD->getBody();
  if (!Body)
    return;
  SourceManager &SM = Ctx.getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(FD->getLocation())))
    return;
  if (!Done.insert(FD).second)
    return;
  ++Stats.FunctionsSeen;

  if (!mayHavePlaces(FD, Types, SensitiveGlobals))
    return;
  FunctionFacts F = collectFacts(FD, Body, Types, Escapes, &Summaries);
  if (!F.trivial())
    reportFlow(F);
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
    // A move or copy is shown at its operand; a call (an algorithm's
    // iterators included) at the call.
    const Expr *Where = (Op.Family == OpFamily::Move || Op.Family == OpFamily::Copy) &&
                                !(O.Element && O.IsPointer)
                            ? O.E
                            : Op.Site;
    Fd.Loc = Where->getBeginLoc();
    Fd.Range = Where->getSourceRange();
    Fd.Message = Check.Message(D);
    Fd.Notes.push_back(X.pinNote(F, U));
    if (std::optional<Note> E = X.escapeNote(F, U))
      Fd.Notes.push_back(*E);
    X.calleeNotes(F, U, Fd.Notes);
    if (std::optional<Note> A = X.aliasNote(F, U))
      Fd.Notes.push_back(*A);
    X.typeNotes(U.Target.ObjType, Fd.Notes);
    emit(std::move(Fd));
  }
  if (Opts.Checks.enabled(PinContainerRelocationCheck::Id))
    for (const RelocatedBorrow &RB : R.Relocations)
      reportContainer(F, RB, X);
}

void Analyzer::reportContainer(const FunctionFacts &F, const RelocatedBorrow &RB,
                               Explainer &X) {
  const ContainerGrowth &G = F.Growths[RB.Growth];
  const ElementBorrow &B = F.Borrows[RB.Borrow];
  BorrowDescription D{quoted(B.Container->getName()), quoted(G.Method),
                      B.RangeFor ? std::string() : quoted(B.Holder->getName())};
  Finding Fd;
  Fd.Check = PinContainerRelocationCheck::Id;
  Fd.Loc = G.Site->getBeginLoc();
  Fd.Range = G.Site->getSourceRange();
  Fd.Message = PinContainerRelocationCheck::message(D);
  X.borrowNotes(F, RB, Fd.Notes);
  emit(std::move(Fd));
}

void Analyzer::noteGlobal(const VarDecl *V) {
  if (!SensitiveGlobals && V && !V->isInvalidDecl() && isSensitiveGlobal(V, Types))
    SensitiveGlobals = true;
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

  // Statements are not walked: a function's local declarations (variables,
  // classes, lambdas' closure classes) are in its DeclContext, and the
  // analysis walks the bodies it needs. Statements outside bodies (default
  // arguments, member and variable initialisers) are walked for their
  // lambdas.
  bool TraverseStmt(Stmt *S, DataRecursionQueue *Queue = nullptr) {
    if (S && !Bodies.empty() && Bodies.erase(S))
      return true;
    return RecursiveASTVisitor::TraverseStmt(S, Queue);
  }
  bool TraverseLambdaExpr(LambdaExpr *LE, DataRecursionQueue * = nullptr) {
    for (Expr *Init : LE->capture_inits())
      if (Init)
        TraverseStmt(Init);
    lambda(LE->getLambdaClass());
    return true;
  }

  bool VisitDecl(Decl *D) {
    A.checkAnnotations(D);
    return true;
  }
  bool VisitVarDecl(VarDecl *V) {
    A.noteGlobal(V);
    return true;
  }
  // A member function's body may name a static data member declared after
  // it in the class.
  bool VisitCXXRecordDecl(CXXRecordDecl *RD) {
    for (Decl *D : RD->decls())
      if (auto *V = dyn_cast<VarDecl>(D))
        A.noteGlobal(V);
    return true;
  }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    A.analyzeFunction(FD);
    for (ParmVarDecl *P : FD->parameters())
      TraverseDecl(P);
    if (FD->doesThisDeclarationHaveABody() && !FD->isDefaulted()) {
      Bodies.insert(FD->getBody());
      locals(FD);
    }
    return true;
  }

private:
  // The declarations in a function (or a block in it), walked as the
  // statements holding them would have been.
  void locals(DeclContext *DC) {
    for (Decl *D : DC->decls()) {
      if (auto *RD = dyn_cast<CXXRecordDecl>(D); RD && RD->isLambda()) {
        lambda(RD); // closure classes are implicit: test before skipping those
        continue;
      }
      if (isa<ParmVarDecl>(D) || D->isImplicit())
        continue;
      if (isa<TagDecl, FunctionDecl>(D)) {
        TraverseDecl(D);
        continue;
      }
      A.checkAnnotations(D);
      if (auto *Inner = dyn_cast<DeclContext>(D))
        locals(Inner);
    }
  }

  void lambda(CXXRecordDecl *Closure) {
    CXXMethodDecl *Call = Closure ? Closure->getLambdaCallOperator() : nullptr;
    if (!Call)
      return;
    TraverseDecl(Call);
    // A generic lambda's body is a template: look at what it was used with.
    if (FunctionTemplateDecl *T = Call->getDescribedFunctionTemplate())
      for (FunctionDecl *Spec : T->specializations())
        TraverseDecl(Spec);
  }

  Analyzer &A;
  const SourceManager &SM;
  llvm::SmallPtrSet<const Stmt *, 8> Bodies;
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
