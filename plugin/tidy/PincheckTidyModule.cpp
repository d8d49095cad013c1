// PincheckTidyModule.cpp - the clang-tidy front end: one clang-tidy check per
// entry of checks/Checks.def, all fed by one analysis of the translation unit.
#include "Analyzer.h"
#include "FindingDiagnostic.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include <map>
#include <mutex>

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
  for (const SwitchInfo &S : analysisSwitches())
    if (A.*(S.Field) != B.*(S.Field))
      return false;
  for (const ListOptionInfo &O : listOptions())
    if ((O.Global || O.Check == Id) && A.*(O.Field) != B.*(O.Field))
      return false;
  return A.Index == B.Index;
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

// Every check reads the same index: read once per path, kept for the
// process (clang-tidy runs the checks of many files in one process).
// Error is set the first time only: one message, not one per check.
std::shared_ptr<const SummaryIndex> sharedIndex(const std::string &Path, std::string &Error) {
  static std::mutex Lock;
  static std::map<std::string, std::shared_ptr<const SummaryIndex>> Read;
  std::lock_guard<std::mutex> Guard(Lock);
  auto [It, New] = Read.try_emplace(Path);
  if (New)
    It->second = readSummaryIndex(Path, Error);
  return It->second;
}

class PinTidyCheck : public ClangTidyCheck {
public:
  PinTidyCheck(StringRef Name, ClangTidyContext *Context, CheckId Id)
      : ClangTidyCheck(Name, Context), Id(Id) {
    // This check's own option values over the global ones, as every
    // clang-tidy check reads them; an invalid one is reported and ignored.
    const ClangTidyOptions::OptionMap &Map = Context->getOptions().CheckOptions;
    OptionResolver(
        [&](StringRef Key) -> std::optional<std::string> {
          auto It = Map.find(Key);
          if (It == Map.end())
            return std::nullopt;
          return It->getValue().Value;
        },
        [&](const std::string &Message) { configurationDiag("%0") << Message; })
        .forCheck(Id, Limits);
    // The summaries index (a global option: one index for every check).
    if (auto It = Map.find("SummaryIndex"); It != Map.end() && !It->getValue().Value.empty()) {
      std::string Error;
      Limits.Index = sharedIndex(It->getValue().Value, Error);
      if (!Error.empty())
        configurationDiag("cannot read the summaries index '%0' (option 'SummaryIndex'): %1; "
                          "build it with 'pincheck --build-index -p <build-dir>'")
            << It->getValue().Value << Error;
    }
  }

  bool isLanguageVersionSupported(const LangOptions &LO) const override {
    return true; // C and Objective-C too (docs/analysis.md)
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override {
    for (const LimitInfo &L : analysisLimits())
      Options.store(Opts, L.Option, Limits.*(L.Field));
    for (const SwitchInfo &S : analysisSwitches())
      Options.store(Opts, S.Option, Limits.*(S.Field) ? "true" : "false");
    // A global list is shown once, under the first check (clang-tidy has
    // no place for options of no check).
    for (const ListOptionInfo &O : listOptions())
      if (O.Global ? Id == CheckId(0) : O.Check == Id)
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
      attachRangeAndFixes(
          diag(F.Loc, "%0", F.Remark ? DiagnosticIDs::Remark : DiagnosticIDs::Warning)
              << F.Message,
          F);
      emitNotes(F, [&](SourceLocation Loc, const std::string &Message) {
        diag(Loc, "%0", DiagnosticIDs::Note) << Message;
      });
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
