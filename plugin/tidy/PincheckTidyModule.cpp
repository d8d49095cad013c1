// PincheckTidyModule.cpp - the clang-tidy front end: one clang-tidy check per
// entry of checks/Checks.def, all fed by one analysis of the translation unit.
#include "Analyzer.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy;

namespace pincheck {
namespace {

// The findings of the current translation unit. Every enabled pincheck check
// asks for them; the first one to ask runs the analysis, the rest reuse it.
struct SharedFindings {
  bool Valid = false;
  AnalyzerOptions Opts; // the limits they were computed with
  std::vector<Finding> Findings;
};

// Whether findings computed with A serve check Id run with B: the same
// limits, and the same values of Id's own list options (the others change
// only other checks' findings).
bool reusable(const AnalyzerOptions &A, const AnalyzerOptions &B, CheckId Id) {
  for (const LimitInfo &L : analysisLimits())
    if (A.*(L.Field) != B.*(L.Field))
      return false;
  for (const ListOptionInfo &O : listOptions())
    if (O.Check == Id && A.*(O.Field) != B.*(O.Field))
      return false;
  return true;
}
SharedFindings &shared() {
  static SharedFindings S;
  return S;
}

class CollectingSink : public FindingSink {
public:
  explicit CollectingSink(std::vector<Finding> &Out) : Out(Out) {}
  void report(Finding F) override { Out.push_back(std::move(F)); }

private:
  std::vector<Finding> &Out;
};

class PinTidyCheck : public ClangTidyCheck {
public:
  PinTidyCheck(StringRef Name, ClangTidyContext *Context, CheckId Id)
      : ClangTidyCheck(Name, Context), Id(Id) {
    for (const LimitInfo &L : analysisLimits())
      Limits.*(L.Field) = Options.getLocalOrGlobal(L.Option, L.Default);
    // This check's list options: its own value over the global one, as for
    // the limits.
    for (const ListOptionInfo &O : listOptions()) {
      if (O.Check != Id)
        continue;
      bool Local = Options.get(O.Option).has_value();
      std::string V = Options.getLocalOrGlobal(O.Option, O.Default).str();
      if (std::string E = O.Validate(V); !E.empty())
        configurationDiag("invalid configuration value '%0' for option '%1': %2 (using "
                          "the default)")
            << V << (Local ? (Name + "." + O.Option).str() : std::string(O.Option)) << E;
      else
        Limits.*(O.Field) = V;
    }
  }

  bool isLanguageVersionSupported(const LangOptions &LO) const override {
    return LO.CPlusPlus;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override {
    for (const LimitInfo &L : analysisLimits())
      Options.store(Opts, L.Option, Limits.*(L.Field));
    for (const ListOptionInfo &O : listOptions())
      if (O.Check == Id)
        Options.store(Opts, O.Option, Limits.*(O.Field));
  }
  void onStartOfTranslationUnit() override { shared().Valid = false; }
  void registerMatchers(MatchFinder *Finder) override {
    Finder->addMatcher(translationUnitDecl().bind("tu"), this);
  }

  void check(const MatchFinder::MatchResult &Result) override {
    SharedFindings &S = shared();
    if (!S.Valid || !reusable(S.Opts, Limits, Id)) {
      S.Findings.clear();
      CollectingSink Sink(S.Findings);
      Analyzer A(*Result.Context, Limits, Sink);
      A.analyzeTranslationUnit();
      S.Valid = true;
      S.Opts = Limits;
    }
    for (const Finding &F : S.Findings) {
      if (F.Check != Id)
        continue;
      {
        auto D = diag(F.Loc, "%0") << F.Message;
        if (F.Range.isValid())
          D << CharSourceRange::getTokenRange(F.Range);
        for (const FixIt &Fix : F.Fixes)
          D << FixItHint::CreateReplacement(Fix.Range, Fix.Replacement);
      }
      for (const Note &N : F.Notes)
        diag(N.Loc, "%0", DiagnosticIDs::Note) << N.Message;
    }
  }

private:
  CheckId Id;
  AnalyzerOptions Limits; // its checks are unused: each check filters its own
};

class PincheckModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    for (unsigned I = 0; I < NumChecks; ++I) {
      CheckId Id = CheckId(I);
      Factories.registerCheckFactory(
          checkName(Id), [Id](StringRef Name, ClangTidyContext *Context) {
            return std::make_unique<PinTidyCheck>(Name, Context, Id);
          });
    }
  }
};

} // namespace
} // namespace pincheck

static clang::tidy::ClangTidyModuleRegistry::Add<pincheck::PincheckModule>
    X("pincheck-module", "pincheck: moves, copies, swaps and raw copies of pinned values");
