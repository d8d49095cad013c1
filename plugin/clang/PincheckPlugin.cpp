// PincheckPlugin.cpp - the -fplugin front end: runs pincheck's checks during
// a normal compile. It only reads the AST and adds diagnostics; what is
// compiled does not change.
#include "Analyzer.h"
#include "DiagnosticSink.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/Decl.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace pincheck {
namespace {

struct PluginConfig {
  AnalyzerOptions Analysis;
  CheckSet AsErrors = CheckSet::none();
  bool ReportSkipped = false;
  std::string DumpFacts; // dump-facts=<function>
};

void printUsage() {
  llvm::errs()
      << "pincheck plugin arguments (each as -fplugin-arg-pincheck-<arg>):\n"
         "  checks=<globs>              checks to run, clang-tidy glob syntax\n"
         "                              (default: all; e.g. checks=-*,pin-move)\n"
         "  warnings-as-errors=<globs>  report these checks as errors\n"
         "  werror                      report every check as an error\n";
  for (const LimitInfo &L : analysisLimits())
    llvm::errs() << llvm::formatv("  {0,-27} per-function limit on {1}\n"
                                  "                              (default {2}; 0: none)\n",
                                  std::string(L.Flag) + "=<n>", L.Counts, L.Default);
  llvm::errs() << "                              functions over a limit are skipped\n"
                  "  report-skipped              remark on each function a limit skipped, or\n"
                  "                              analysed only in parts or not at all\n";
  for (const SwitchInfo &S : analysisSwitches()) {
    llvm::SmallVector<StringRef, 4> Lines;
    StringRef(S.Does).split(Lines, '\n');
    llvm::errs() << llvm::formatv("  {0,-27} ", std::string(S.Flag) + "=<true|false>");
    for (size_t I = 0; I < Lines.size(); ++I)
      llvm::errs() << (I ? "                              " : "") << Lines[I] << "\n";
    llvm::errs() << llvm::formatv("                              (default {0})\n",
                                  S.Default ? "true" : "false");
  }
  for (const ListOptionInfo &O : listOptions()) {
    const char *Indent = "                              ";
    llvm::SmallVector<StringRef, 4> Lines;
    StringRef(O.Help).split(Lines, '\n');
    // The help's lines, the last one introducing the default list, which
    // follows a few names per line.
    llvm::errs() << llvm::formatv("  {0,-27} ", std::string(O.Flag) + "=<names>");
    if (!O.Global)
      llvm::errs() << checkName(O.Check) << ": ";
    for (size_t I = 0; I < Lines.size(); ++I)
      llvm::errs() << (I ? Indent : "") << Lines[I] << (I + 1 == Lines.size() && *O.Default ? ":" : "")
                   << "\n";
    StringRef Rest = O.Default;
    while (!Rest.empty()) {
      size_t Cut = Rest.size();
      if (Cut > 46) {
        size_t Semi = Rest.substr(0, 47).rfind(';');
        if (Semi == StringRef::npos) // one name longer than a line
          Semi = Rest.find(';');
        Cut = Semi == StringRef::npos ? Rest.size() : Semi + 1;
      }
      llvm::errs() << Indent << Rest.substr(0, Cut) << "\n";
      Rest = Rest.drop_front(Cut);
    }
  }
  llvm::errs() << "  index=<file>                read what functions defined in other files do\n"
                  "                              from this summaries index (written by\n"
                  "                              'pincheck --build-index')\n"
                  "  dump-facts=<function>       print what the analysis finds and concludes\n"
                  "                              about each function of that name (or\n"
                  "                              qualified name; * for all) on stdout\n"
                  "  list-checks                 print the checks (the compile goes on)\n"
                  "  help                        print this text\n";
}

class Consumer : public ASTConsumer {
public:
  Consumer(CompilerInstance &CI, PluginConfig Cfg) : CI(CI), Cfg(Cfg) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    DiagnosticSink Sink(CI.getDiagnostics(), Cfg.AsErrors);
    Analyzer A(Ctx, Cfg.Analysis, Sink);
    if (Cfg.ReportSkipped)
      A.OnIncomplete = [&](const FunctionDecl *FD, Incomplete Why, StringRef Reason) {
        Sink.remark(FD->getLocation(),
                    (Why == Incomplete::InParts ? "pincheck analysed '" : "pincheck skipped '") +
                        FD->getNameAsString() + (Why == Incomplete::InParts ? "' in parts: " : "': ") +
                        Reason.str());
      };
    if (!Cfg.DumpFacts.empty())
      A.dumpFactsOf(Cfg.DumpFacts, llvm::outs());
    A.analyzeTranslationUnit();
    Sink.reportUnmatchedNolint();
  }

private:
  CompilerInstance &CI;
  PluginConfig Cfg;
};

class Action : public PluginASTAction {
public:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    // The consumer owns everything: the action is destroyed right after this.
    return std::make_unique<Consumer>(CI, Cfg);
  }

  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    DiagnosticsEngine &D = CI.getDiagnostics();
    const std::string ListHint = "; run with 'list-checks' to see them";
    auto Fail = [&](const std::string &Msg) {
      unsigned ID = D.getCustomDiagID(DiagnosticsEngine::Error, "pincheck: %0");
      D.Report(ID) << Msg;
      return false;
    };
    for (const std::string &Arg : Args) {
      StringRef A(Arg), Key = A.split('=').first, Val = A.split('=').second;
      bool HasVal = A.contains('=');
      if (A == "help") {
        printUsage();
      } else if (A == "list-checks") {
        for (unsigned I = 0; I < NumChecks; ++I)
          llvm::errs() << checkName(CheckId(I)) << "  " << checkSummary(CheckId(I))
                       << "\n";
      } else if (Key == "checks" && HasVal) {
        CheckSet S = CheckSet::all();
        if (std::string E = S.apply(Val); !E.empty())
          return Fail("in 'checks=" + Val.str() + "': " + E + ListHint);
        Cfg.Analysis.Checks = S;
      } else if (Key == "warnings-as-errors" && HasVal) {
        CheckSet S = CheckSet::none();
        if (std::string E = S.apply(Val); !E.empty())
          return Fail("in 'warnings-as-errors=" + Val.str() + "': " + E + ListHint);
        Cfg.AsErrors = S;
      } else if (A == "werror") {
        Cfg.AsErrors = CheckSet::all();
      } else if (std::string Problem;
                 HasVal && applyOptionFlag(Key, Key, /*Quote=*/true, Val, Cfg.Analysis, Problem)) {
        if (!Problem.empty())
          return Fail(Problem);
      } else if (Key == "index" && HasVal) {
        // A summaries index an earlier `pincheck` run wrote: read once here.
        std::string E;
        Cfg.Analysis.Index = readSummaryIndex(Val, E);
        if (!Cfg.Analysis.Index)
          return Fail("cannot read the summaries index '" + Val.str() + "': " + E +
                      "; build it with 'pincheck --build-index -p <build-dir>'");
      } else if (Key == "dump-facts") {
        if (Val.empty())
          return Fail("'dump-facts' needs a function's name, its qualified name, or * for "
                      "all: dump-facts=<function>");
        Cfg.DumpFacts = Val.str();
      } else if (A == "report-skipped") {
        Cfg.ReportSkipped = true;
      } else {
        return Fail("unknown plugin argument '" + Arg +
                    "'; pass -fplugin-arg-pincheck-help to list them");
      }
    }
    return true;
  }

  // Run before the main action, so the normal compile happens as without us.
  ActionType getActionType() override { return AddBeforeMainAction; }

private:
  PluginConfig Cfg;
};

} // namespace
} // namespace pincheck

static clang::FrontendPluginRegistry::Add<pincheck::Action>
    X("pincheck", "report moves, copies, swaps and raw copies of pinned values");
