// Analyzer.cpp - the driver: the walk over a translation unit, the
// prefilter, and per function the facts, the analyses the enabled checks
// need, and the checks' rules, called through the registry (Checks.def).
// It names no check: what a check reports, and how, is its own file's.
#include "Analyzer.h"
#include "AllChecks.h"
#include "explain/Dump.h"
#include "explain/Explain.h"
#include "explain/IndexEntries.h"
#include "facts/Collector.h"
#include "facts/Places.h"
#include "facts/Summaries.h"
#include "flow/BorrowLiveness.h"
#include "flow/Dataflow.h"
#include "flow/PinState.h"
#include "model/ThisEscape.h"
#include "model/TypeModel.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/IdentifierTable.h"
#include "clang/Basic/SourceManager.h"
#include <set>

using namespace clang;

namespace pincheck {

namespace {
// A check's rule, as the registry lists it.
struct CheckEntry {
  CheckId Id;
  OpFamily Family;
  unsigned Needs;
  void (*ReportUse)(const FunctionResults &, const PinnedUse &, std::vector<Finding> &);
  void (*CheckFunction)(const FunctionResults &, std::vector<Finding> &);
  void (*CheckDeclaration)(const Decl *, DeclarationContext &, std::vector<Finding> &);
};
const CheckEntry Entries[] = {
#define CHECK(Class, Name, Family, Summary)                                            \
  {Class::Id, OpFamily::Family, Class::Needs, &Class::reportUse, &Class::checkFunction,   \
   &Class::checkDeclaration},
#include "Checks.def"
};
#define CHECK(Class, Name, Family, Summary)                                            \
  static_assert(Class::Id == CheckId::Class, #Class "::Id is its registry row");
#include "Checks.def"
} // namespace

class Analyzer::Impl {
public:
  Impl(Analyzer &Owner, ASTContext &Ctx, AnalyzerOptions Opts, FindingSink &Sink)
      : Owner(Owner), Ctx(Ctx), Opts(std::move(Opts)), Sink(Sink),
        Types(Ctx, this->Opts.InferSelfReferences), Summaries(Types, this->Opts.Index.get()),
        Claims(this->Opts.RelocatableTraits), DeclExplain(Ctx, Types), Calls(Ctx),
        DeclContext{Ctx, Types, DeclExplain, Claims, Calls, Summaries,
                    this->Opts.SuggestAnnotations} {
    Types.setIndex(this->Opts.Index.get());
    Types.listed().setSensitiveClasses(this->Opts.AddressSensitiveClasses);
    Types.listed().setPinningFunctions(this->Opts.PinningFunctions);
    Types.listed().setRelocatingFunctions(this->Opts.RelocatingFunctions);
    Types.containers().setVectorLike(this->Opts.VectorLikeClasses);
    Types.containers().setOpenAddressing(this->Opts.OpenAddressingMaps);
    for (const CheckEntry &E : Entries)
      if (this->Opts.Checks.enabled(E.Id))
        Needs |= E.Needs;
  }

  void analyzeFunction(const FunctionDecl *FD);
  void checkDeclaration(const Decl *D);
  void noteGlobal(const VarDecl *V);
  void analyzeTranslationUnit();

  Analyzer &Owner;
  ASTContext &Ctx;
  AnalyzerOptions Opts;
  FindingSink &Sink;
  TypeModel Types;
  SummaryModel Summaries;
  RelocationClaimModel Claims;
  Explainer DeclExplain;
  CallSiteIndex Calls;
  DeclarationContext DeclContext;
  AnalyzerStats Stats;
  unsigned Needs = 0; // what the enabled checks read
  bool SensitiveGlobals = false;
  llvm::DenseSet<const FunctionDecl *> Done;
  // A template's findings come once, however often it is instantiated.
  std::set<std::tuple<unsigned, unsigned, std::string>> Emitted;
  // dump-facts: the functions to dump, and where.
  std::string DumpName;
  llvm::raw_ostream *DumpOS = nullptr;

private:
  bool dumps(const FunctionDecl *FD) const {
    return DumpOS && (DumpName == "*" || DumpName == FD->getNameAsString() ||
                      DumpName == FD->getQualifiedNameAsString());
  }
  void emit(Finding F);
  void reportFunction(const FunctionFacts &F);
  void skipped(const FunctionFacts &F, Incomplete Why, const std::string &Reason);
};

Analyzer::Analyzer(ASTContext &Ctx, AnalyzerOptions Opts, FindingSink &Sink)
    : P(std::make_unique<Impl>(*this, Ctx, std::move(Opts), Sink)) {}
Analyzer::~Analyzer() = default;
const AnalyzerStats &Analyzer::stats() const { return P->Stats; }
void Analyzer::dumpFactsOf(StringRef Function, llvm::raw_ostream &OS) {
  P->DumpName = Function.str();
  P->DumpOS = &OS;
}
void Analyzer::analyzeTranslationUnit() { P->analyzeTranslationUnit(); }

namespace {
// The definitions of the main file, for the index.
class DefinitionWalker : public RecursiveASTVisitor<DefinitionWalker> {
public:
  explicit DefinitionWalker(const SourceManager &SM) : SM(SM) {}
  bool TraverseDecl(Decl *D) {
    // Only the main file's declarations hold its definitions.
    if (D && !isa<TranslationUnitDecl, NamespaceDecl, LinkageSpecDecl, ExportDecl>(D) &&
        D->getLexicalDeclContext() && D->getLexicalDeclContext()->isFileContext() &&
        D->getLocation().isValid() && !SM.isInMainFile(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool TraverseStmt(Stmt *, DataRecursionQueue * = nullptr) { return true; }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody())
      Found.push_back(FD);
    return true;
  }
  std::vector<const FunctionDecl *> Found;

private:
  const SourceManager &SM;
};
} // namespace

void Analyzer::indexTranslationUnit(SummaryIndex &Out) {
  SourceManager &SM = P->Ctx.getSourceManager();
  DefinitionWalker W(SM);
  W.TraverseDecl(P->Ctx.getTranslationUnitDecl());
  std::string Digest = SummaryIndex::digestOfText(SM.getBufferData(SM.getMainFileID()));
  for (const FunctionDecl *FD : W.Found)
    if (std::optional<IndexedFunction> E = indexEntry(FD, P->Types, P->Summaries))
      Out.add(std::move(*E), Digest);
}

std::shared_ptr<SummaryIndex> readSummaryIndex(StringRef Path, std::string &Error) {
  return SummaryIndex::read(Path, Error);
}
std::shared_ptr<SummaryIndex> newSummaryIndex() { return std::make_shared<SummaryIndex>(); }
std::shared_ptr<SummaryIndex> newRecordingSummaryIndex() {
  auto I = std::make_shared<SummaryIndex>();
  I->recordLookups();
  return I;
}
bool needsSummaryIndex(const SummaryIndex &Recorded, const SummaryIndex &Complete) {
  return Recorded.lookedUpAnyOf(Complete);
}
void mergeSummaryIndex(SummaryIndex &Into, const SummaryIndex &From) { Into.merge(From); }
size_t summaryIndexSize(const SummaryIndex &I) { return I.size(); }
size_t summaryIndexFiles(const SummaryIndex &I) { return I.fileCount(); }
void printSummaryIndex(const SummaryIndex &I, llvm::raw_ostream &OS) { I.write(OS); }

void Analyzer::Impl::emit(Finding F) {
  SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Key = SM.getFileLoc(F.Loc);
  if (!Emitted.insert({unsigned(F.Check), Key.getRawEncoding(), F.Message}).second)
    return;
  Sink.report(std::move(F));
}

void Analyzer::Impl::analyzeFunction(const FunctionDecl *FD) {
  if (!FD || !FD->doesThisDeclarationHaveABody() || FD->isInvalidDecl() ||
      FD->isDependentContext() || FD->isImplicit() || FD->isDefaulted())
    return;
  if (!(Needs & (NeedsPinFlow | NeedsBorrowFlow)))
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

  if (!mayHavePlaces(FD, Types, SensitiveGlobals)) {
    if (dumps(FD))
      dumpSkipped(*DumpOS, Ctx, FD,
                  "nothing to track (no variable, parameter, pointer, container or *this "
                  "of an address-sensitive type)");
    return;
  }
  FunctionFacts F = collectFacts(FD, Body, Types, &Summaries);
  if (!F.trivial())
    return reportFunction(F);
  if (dumps(FD))
    dumpFacts(*DumpOS, Ctx, F, nullptr, nullptr,
              "not run: no pin event, operation or place meets another");
}

void Analyzer::Impl::skipped(const FunctionFacts &F, Incomplete Why,
                             const std::string &Reason) {
  ++(Why == Incomplete::Limit ? Stats.FunctionsSkipped : Stats.FunctionsNoCFG);
  if (dumps(F.FD))
    dumpFacts(*DumpOS, Ctx, F, nullptr, nullptr, "skipped: " + Reason);
  if (Owner.OnIncomplete)
    Owner.OnIncomplete(F.FD, Why, Reason);
}

void Analyzer::Impl::reportFunction(const FunctionFacts &F) {
  ++Stats.FunctionsAnalyzed;
  if (Opts.MaxPlaces && F.Places.size() > Opts.MaxPlaces)
    return skipped(F, Incomplete::Limit, "the tracked-variables limit (max-places) was reached; raise the limit "
                      "to analyse it");
  FunctionCFG G = buildFunctionCFG(F, Ctx);
  if (G.Parts.empty())
    return skipped(F, Incomplete::NoCFG, "Clang builds no control-flow graph for it (it has " + G.Unsupported +
                          "), nor for any part of it");

  FlowResult Pins;
  if (Needs & NeedsPinFlow) {
    FlowLimits Limits;
    Limits.MaxBlockVisits = Opts.MaxBlockVisits;
    Limits.RecordVerdicts = dumps(F.FD);
    Pins = solvePinState(G, F, Types, Limits);
    if (Pins.Skipped)
      return skipped(F, Incomplete::Limit, Pins.SkipReason ? Pins.SkipReason : "a limit was reached");
  }
  std::vector<RelocatedBorrow> Relocations;
  if ((Needs & NeedsBorrowFlow) && !F.containersTrivial())
    for (const FunctionCFG::Part &P : G.Parts)
      llvm::append_range(Relocations, relocatedBorrows(*P.G, F));
  if (!G.whole()) {
    ++Stats.FunctionsInParts;
    if (Owner.OnIncomplete)
      Owner.OnIncomplete(F.FD, Incomplete::InParts,
                         "Clang builds no control-flow graph for the whole of it (it has " +
                             G.Unsupported + "); its " + std::to_string(G.Parts.size()) +
                             " parts were analysed in source order, and what crosses them (a "
                             "return or an exception inside one) is approximated");
  }

  if (dumps(F.FD))
    dumpFacts(*DumpOS, Ctx, F, &Pins, &Relocations, "");
  Explainer X(Ctx, Types);
  FunctionResults R{F, Pins.Uses, Relocations, X};
  std::vector<Finding> Out;
  // Each finding is handed on as soon as it is made, in this order, so a
  // function with thousands of them never holds them all.
  auto Flush = [&] {
    for (Finding &Fd : Out)
      emit(std::move(Fd));
    Out.clear();
  };
  // Pinned operands in the order of their operations, each reported by the
  // check of its family; then what the other checks find.
  for (const PinnedUse &U : Pins.Uses) {
    const CheckEntry &E = Entries[unsigned(checkForFamily(F.Ops[U.Op].Family))];
    if (Opts.Checks.enabled(E.Id))
      E.ReportUse(R, U, Out);
    Flush();
  }
  for (const CheckEntry &E : Entries)
    if (Opts.Checks.enabled(E.Id)) {
      E.CheckFunction(R, Out);
      Flush();
    }
}

// A global any function may name: an address-sensitive object, or one that
// is or holds a container.
void Analyzer::Impl::noteGlobal(const VarDecl *V) {
  if (!SensitiveGlobals && V && !V->isInvalidDecl() &&
      (isSensitiveGlobal(V, Types) ||
       (isGlobalObject(V) && Types.containers().reachesContainers(V->getType()))))
    SensitiveGlobals = true;
}

void Analyzer::Impl::checkDeclaration(const Decl *D) {
  if (!D)
    return;
  SourceManager &SM = Ctx.getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
    return;
  std::vector<Finding> Out;
  for (const CheckEntry &E : Entries)
    if (Opts.Checks.enabled(E.Id))
      E.CheckDeclaration(D, DeclContext, Out);
  for (Finding &F : Out)
    emit(std::move(F));
}

namespace {
class TUWalker : public RecursiveASTVisitor<TUWalker> {
public:
  TUWalker(Analyzer::Impl &A, const SourceManager &SM) : A(A), SM(SM) {}
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
    A.checkDeclaration(D);
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
      A.checkDeclaration(D);
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

  Analyzer::Impl &A;
  const SourceManager &SM;
  llvm::SmallPtrSet<const Stmt *, 8> Bodies;
};
} // namespace

void Analyzer::Impl::analyzeTranslationUnit() {
  // The prefilter for code without annotations: every pin annotation is an
  // annotate attribute, spelt with the identifier 'annotate' (or
  // '__annotate__'). A translation unit that never lexed either has no
  // address-sensitive type and nothing misplaced, so it costs two hash
  // lookups. (With a PCH or modules, identifiers load lazily and the table
  // cannot tell: walk as usual.) A class inferred address-sensitive from its
  // constructors needs no annotation: with the inference on, every
  // translation unit is walked.
  IdentifierTable &Idents = Ctx.Idents;
  if (!Opts.InferSelfReferences && !Idents.getExternalIdentifierLookup() &&
      Idents.find("annotate") == Idents.end() &&
      Idents.find("__annotate__") == Idents.end())
    return;
  TUWalker W(*this, Ctx.getSourceManager());
  W.TraverseDecl(Ctx.getTranslationUnitDecl());
}

} // namespace pincheck
