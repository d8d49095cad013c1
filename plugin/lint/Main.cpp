// Main.cpp - `pincheck`, the CI lint step: pincheck's checks over a
// compilation database (or one command line), in parallel, reported as text,
// JSON, SARIF or a GitLab code quality report, with a baseline for adopting
// it on an existing codebase. Flags follow clang-tidy's where both have one.
#include "Arguments.h"
#include "Baseline.h"
#include "BuildConfig.h"
#include "Config.h"
#include "Database.h"
#include "FileChecks.h"
#include "Fingerprint.h"
#include "OutputFile.h"
#include "Renderers.h"
#include "Runner.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <mutex>
#include <set>

using namespace llvm;
using namespace pincheck;
using namespace pincheck::lint;

namespace {

cl::OptionCategory Category("pincheck options");

cl::opt<std::string> BuildPath("p", cl::desc("Build directory holding compile_commands.json"),
                               cl::value_desc("build-dir"), cl::cat(Category));
cl::list<std::string> Sources(cl::Positional, cl::desc("[<file> ...] [-- <compiler flags>]"),
                              cl::cat(Category));
// -j and --format are parsed here, not by cl: its messages ("'abc' value
// invalid for uint argument!") say neither what the option means nor what
// would be right.
cl::opt<std::string> JobsText("j", cl::desc("Files analysed in parallel (default 0: one per core)"),
                              cl::value_desc("n"), cl::Prefix, cl::cat(Category));
cl::alias JobsLong("jobs", cl::desc("Alias for -j"), cl::aliasopt(JobsText));
cl::opt<std::string> FormatName(
    "format",
    cl::desc("Report format: text (clang-style diagnostics, the\n"
             "default), json (pincheck's JSON), sarif (SARIF 2.1.0,\n"
             "for code scanning) or gitlab (code quality report)"),
    cl::init("text"), cl::value_desc("format"), cl::cat(Category));
Format OutputFormat = Format::Text;
unsigned Jobs = 0;
cl::opt<std::string> OutputFile("o", cl::desc("Write the report to <file> instead of stdout"),
                                cl::value_desc("file"), cl::cat(Category));
cl::alias OutputFileLong("output", cl::desc("Alias for -o"), cl::aliasopt(OutputFile));
cl::opt<std::string> Checks("checks",
                            cl::desc("Checks to run, clang-tidy glob syntax, applied after\n"
                                     "the .clang-tidy files' Checks (e.g. -*,pin-move)"),
                            cl::value_desc("globs"), cl::cat(Category));
cl::opt<std::string> ConfigFile("config-file",
                                cl::desc("Use this clang-tidy configuration file instead of\n"
                                         "the nearest .clang-tidy of each source file"),
                                cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> BaselineFile("baseline",
                                  cl::desc("Report only findings that are not in this baseline"),
                                  cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> WriteBaselineFile(
    "write-baseline", cl::desc("Record the current findings as the baseline in <file>"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> BaseDir("base-dir",
                             cl::desc("Show paths relative to this directory (default: the\n"
                                      "current directory); baselines and SARIF use it too"),
                             cl::value_desc("dir"), cl::cat(Category));
// One flag per analysis limit (checks/Limits.def), made before parsing.
struct LimitFlag {
  std::string Desc;
  std::unique_ptr<cl::opt<std::string>> Opt;
};
std::vector<LimitFlag> makeLimitFlags() {
  std::vector<LimitFlag> Flags;
  for (const LimitInfo &L : analysisLimits()) {
    LimitFlag F;
    // cl::desc keeps a StringRef: the text lives in the LimitFlag.
    F.Desc = std::string("Per-function limit on ") + L.Counts + " (default " +
             std::to_string(L.Default) + ", or CheckOptions " + L.Option + "; 0: none)";
    Flags.push_back(std::move(F));
  }
  for (size_t I = 0; I < Flags.size(); ++I)
    Flags[I].Opt = std::make_unique<cl::opt<std::string>>(
        StringRef(analysisLimits()[I].Flag), cl::desc(Flags[I].Desc), cl::value_desc("n"),
        cl::cat(Category));
  return Flags;
}
// One flag per switch (analysisSwitches()), made before parsing.
std::vector<LimitFlag> makeSwitchFlags() {
  std::vector<LimitFlag> Flags;
  for (const SwitchInfo &S : analysisSwitches())
    Flags.push_back({(Twine("Whether to ") + S.Does + " (default " +
                      (S.Default ? "true" : "false") + ", or CheckOptions " + S.Option + ")")
                         .str(),
                     nullptr});
  for (size_t I = 0; I < Flags.size(); ++I)
    Flags[I].Opt = std::make_unique<cl::opt<std::string>>(
        StringRef(analysisSwitches()[I].Flag), cl::desc(Flags[I].Desc),
        cl::value_desc("true|false"), cl::cat(Category));
  return Flags;
}
// One flag per list option (listOptions()), made before parsing.
std::vector<LimitFlag> makeListFlags() {
  std::vector<LimitFlag> Flags;
  for (const ListOptionInfo &O : listOptions())
    Flags.push_back({((O.Global ? "" : checkName(O.Check) + ": ") + O.Help +
                      (*O.Default ? " of\nwell-known ones" : "") + " (or CheckOptions " +
                      O.Option + ")")
                         .str(),
                     nullptr});
  for (size_t I = 0; I < Flags.size(); ++I)
    Flags[I].Opt = std::make_unique<cl::opt<std::string>>(
        StringRef(listOptions()[I].Flag), cl::desc(Flags[I].Desc), cl::value_desc("names"),
        cl::cat(Category));
  return Flags;
}
// The summaries index (docs/lint.md "Across files: the summaries index").
cl::opt<std::string> IndexFile(
    "index",
    cl::desc("The summaries index: what functions defined in one file do\n"
             "to their arguments, for the analysis of the others\n"
             "(default: pincheck-index.json in the -p build directory)"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<bool> BuildIndexOnly("build-index",
                             cl::desc("Only build the summaries index (--index) and exit;\n"
                                      "the plugin and clang-tidy module can then read it"),
                             cl::cat(Category));
cl::opt<bool> ReuseIndex("reuse-index",
                         cl::desc("Read the summaries index (--index) an earlier run\n"
                                  "wrote instead of building it first"),
                         cl::cat(Category));
cl::opt<bool> NoIndex("no-index",
                      cl::desc("Analyse each file on its own: no summaries index\n"
                               "(one pass over the files instead of two)"),
                      cl::cat(Category));
cl::opt<bool> Suggest("suggest",
                      cl::desc("Suggest annotations: the same as --suggest-annotations=true"),
                      cl::cat(Category));
cl::opt<bool> ReportSkipped("report-skipped",
                            cl::desc("List each function an analysis limit skipped"),
                            cl::cat(Category));
cl::list<std::string> ExtraArgs("extra-arg", cl::desc("Append this compiler argument"),
                                cl::value_desc("arg"), cl::cat(Category));
cl::list<std::string> ExtraArgsBefore("extra-arg-before",
                                      cl::desc("Prepend this compiler argument"),
                                      cl::value_desc("arg"), cl::cat(Category));
cl::opt<bool> ListChecks("list-checks", cl::desc("Print the checks and exit"),
                         cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("No progress and no summary on stderr"),
                    cl::cat(Category));
cl::opt<std::string> DocsUrl("docs-url",
                             cl::desc("Base URL of the checks' pages, for SARIF help links\n"
                                      "(an absolute URI: https://..., file:///...)"),
                             cl::value_desc("url"),
                             cl::cat(Category));

const char *Overview =
    "pincheck: moves, copies, swaps and raw copies of pinned values of\n"
    "address-sensitive types, over a compilation database.\n"
    "\n"
    "  pincheck -p build                     every file of build/compile_commands.json\n"
    "  pincheck -p build src/a.cpp src/b.cpp these files, with the database's flags\n"
    "  pincheck a.cpp -- -std=c++20 -Iinclude  no database: these flags\n"
    "\n"
    "Checks and CheckOptions come from the same .clang-tidy files clang-tidy\n"
    "reads; NOLINT comments suppress findings as they do for clang-tidy.\n"
    "Exit status: 0 no findings, 1 findings, 2 a usage or configuration error,\n"
    "an output that cannot be written, or a file that failed to parse.\n";

constexpr int ExitFindings = 1, ExitError = 2;

// An installed tool links to the installed pages (<prefix>/share/doc/
// pincheck/checks); one in a build tree to the build's PINCHECK_DOCS_URL.
std::string defaultDocsUrl(const char *Argv0) {
  static int Anchor;
  std::string Exe = sys::fs::getMainExecutable(Argv0, &Anchor);
  SmallString<256> Installed(sys::path::parent_path(sys::path::parent_path(Exe)));
  sys::path::append(Installed, "share", "doc", "pincheck", "checks");
  if (sys::fs::is_directory(Installed))
    return fileUri(Installed);
  // A build tree with a blank in its path: PINCHECK_DOCS_URL is a path.
  StringRef Configured = PINCHECK_DOCS_URL;
  if (Configured.starts_with("file://") && !whyNotAbsoluteUri(Configured).empty())
    return fileUri(Configured.drop_front(7));
  return Configured.str();
}

int usageError(const Twine &Msg) {
  errs() << "pincheck: error: " << Msg << "\n";
  return ExitError;
}

std::string absolute(StringRef Path) {
  SmallString<256> P(Path);
  sys::fs::make_absolute(P);
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return P.str().str();
}

Error writeReport(const Report &R) {
  auto Render = [&](raw_ostream &OS) { renderReport(OS, R, OutputFormat); };
  return OutputFile.empty() ? writeStdout("report", Render)
                            : writeFile(OutputFile, "report", Render);
}

void printSummary(const Report &R, const std::vector<FileResult> &Results) {
  raw_ostream &OS = errs();
  OS << "pincheck: " << R.Files.size() << (R.Files.size() == 1 ? " file, " : " files, ")
     << R.Findings.size() << (R.Findings.size() == 1 ? " finding" : " findings");
  auto ByCheck = R.findingsByCheck();
  if (!ByCheck.empty()) {
    OS << " (";
    ListSeparator LS;
    for (const auto &[Name, N] : ByCheck)
      OS << LS << Name << ": " << N;
    OS << ")";
  }
  OS << "\n";
  if (!BaselineFile.empty())
    OS << "pincheck: " << R.Baselined << " more in the baseline, not shown\n";
  if (unsigned Failed = R.failedFiles()) {
    OS << "pincheck: " << Failed << (Failed == 1 ? " file" : " files")
       << " failed to parse (errors above); their findings may be incomplete:";
    for (const FileResult &F : Results)
      if (F.Failed)
        OS << " " << displayPath(F.File, R.BaseDir);
    OS << "\n";
  }
  if (unsigned Skipped = R.functionsSkipped())
    OS << "pincheck: " << Skipped << (Skipped == 1 ? " function" : " functions")
       << " skipped by analysis limits (list them with --report-skipped; raise "
          "the limit each names to analyse it)\n";
  if (unsigned N = R.functionsNotAnalysed())
    OS << "pincheck: " << N << (N == 1 ? " function" : " functions")
       << " not analysed: Clang builds no control-flow graph for them (list them with "
          "--report-skipped)\n";
  if (unsigned N = R.functionsInParts())
    OS << "pincheck: " << N << (N == 1 ? " function" : " functions")
       << " analysed in parts: Clang builds no control-flow graph for the whole of them "
          "(list them with --report-skipped)\n";
}

// A usage or configuration problem: stops the run with exit status 2.
Error problem(const Twine &Msg) {
  return createStringError(Msg.str(), std::make_error_code(std::errc::invalid_argument));
}

// The command line, after clang's parser: what the run is asked to do. Every
// problem is found here, before any file is opened for analysis.
struct Request {
  CommandLineConfig Cli;
  std::optional<Baseline> Base;
  Report R; // its BaseDir, DocsUrl and ToolVersion
  std::string IndexPath; // "" : no summaries index
  std::shared_ptr<SummaryIndex> Index; // --reuse-index: read
};

// Which summaries index the run builds or reads: --index, or the default
// next to the database given with -p.
Error chooseIndex(Request &Q) {
  if (NoIndex && (BuildIndexOnly || ReuseIndex || !IndexFile.empty()))
    return problem("--no-index cannot be combined with --index, --build-index or "
                   "--reuse-index");
  if (BuildIndexOnly && ReuseIndex)
    return problem("give either --build-index (write the index) or --reuse-index (read "
                   "it), not both");
  if (NoIndex)
    return Error::success();
  if (!IndexFile.empty()) {
    Q.IndexPath = absolute(IndexFile);
  } else if (!BuildPath.empty()) {
    SmallString<256> P(BuildPath);
    sys::path::append(P, "pincheck-index.json");
    Q.IndexPath = absolute(P);
  } else if (BuildIndexOnly || ReuseIndex) {
    return problem(std::string(BuildIndexOnly ? "--build-index" : "--reuse-index") +
                   " needs --index=<file> (or -p <build-dir>, whose pincheck-index.json "
                   "it then is)");
  }
  if (ReuseIndex) {
    std::string E;
    Q.Index = readSummaryIndex(Q.IndexPath, E);
    if (!Q.Index)
      return problem("cannot read the summaries index '" + Q.IndexPath + "': " + E +
                     (sys::fs::exists(Q.IndexPath)
                          ? "; build it again with 'pincheck --build-index'"
                          : "; build it first with 'pincheck --build-index'"));
  } else if (!Q.IndexPath.empty()) {
    // Written after the index pass: known now, before the work, if it
    // cannot be. Asked for (--index, --build-index): an error. The default
    // place (a read-only build directory, say): the run goes on without.
    if (Error E = checkWritable(Q.IndexPath, "summaries index")) {
      if (!IndexFile.empty() || BuildIndexOnly)
        return E;
      errs() << "pincheck: warning: " << toString(std::move(E))
             << "; analysing each file on its own (give --index=<file> to put the index "
                "elsewhere, or --no-index)\n";
      Q.IndexPath.clear();
    }
  }
  return Error::success();
}

Expected<Request> readRequest(const char *Argv0, bool HaveFixedDatabase,
                              const std::string &FixedError,
                              std::initializer_list<std::vector<LimitFlag> *> OptionFlags) {
  if (std::optional<Format> F = parseFormat(FormatName))
    OutputFormat = *F;
  else
    return problem("unknown --format '" + FormatName + "'; use " + formatNames());
  if (JobsText.getNumOccurrences() && parseCount(JobsText, Jobs) != CountProblem::None)
    return problem("-j " + describeCount(JobsText) +
                   " (the number of files analysed at once; 0: one per core)");
  if (!FixedError.empty())
    return problem("in the compiler flags after '--': " +
                   StringRef(FixedError).trim().drop_front(
                       StringRef(FixedError).starts_with("error: ") ? 7 : 0));
  if (HaveFixedDatabase && !BuildPath.empty())
    return problem("give either -p <build-dir> or compiler flags after '--', not both");
  if (HaveFixedDatabase && Sources.empty())
    return problem("no files named: with flags after '--', name the files before it "
                   "(pincheck a.cpp b.cpp -- -std=c++20)");

  Request Q;
  Q.Cli.Checks = Checks;
  Q.Cli.ConfigFile = ConfigFile;
  // The option flags, each checked now and applied over the configuration
  // files' values later.
  for (std::vector<LimitFlag> *Flags : OptionFlags)
    for (LimitFlag &F : *Flags) {
      if (!F.Opt->getNumOccurrences()) // "--max-places=" occurs: checked
        continue;
      AnalyzerOptions Scratch;
      std::string Problem;
      applyOptionFlag(F.Opt->ArgStr, ("--" + F.Opt->ArgStr).str(), /*Quote=*/false, *F.Opt,
                      Scratch, Problem);
      if (!Problem.empty())
        return problem(Problem);
      Q.Cli.OptionFlags.push_back({F.Opt->ArgStr.str(), *F.Opt});
    }
  if (Suggest)
    Q.Cli.OptionFlags.push_back({"suggest-annotations", "true"});
  if (!Checks.empty()) {
    CheckSet Probe = CheckSet::all();
    if (std::string E = Probe.apply(Checks); !E.empty())
      return problem("in --checks=" + Checks + ": " + E +
                     "; run 'pincheck --list-checks' to see them");
  }
  if (std::string E = checkConfigFile(ConfigFile); !E.empty())
    return problem(E);
  if (Error E = checkOutputs(OutputFile, WriteBaselineFile))
    return std::move(E);

  if (!BaselineFile.empty()) {
    auto B = Baseline::read(BaselineFile);
    if (!B)
      return B.takeError();
    Q.Base = std::move(*B);
  }

  // Real, as the files' paths are: a base reached through a symbolic link
  // still contains them.
  Q.R.BaseDir = realOrAbsolute(BaseDir.empty() ? "." : StringRef(BaseDir));
  if (std::string E = whyNotDirectory(Q.R.BaseDir); !E.empty())
    return problem("--base-dir '" + BaseDir + "' is not a directory" +
                   (E == describeFileError(std::errc::no_such_file_or_directory)
                        ? std::string()
                        : ": " + E));
  Q.R.DocsUrl = DocsUrl.empty() ? defaultDocsUrl(Argv0) : DocsUrl;
  if (std::string E = checkDocsUrl(Q.R.DocsUrl); !E.empty())
    return problem(E);
  Q.R.ToolVersion = PINCHECK_VERSION;
  return std::move(Q);
}

// The database: the flags after "--", the one in -p, or the nearest one up
// from the first named file, as clang-tidy finds it. Files it does not list
// (headers, new files) borrow the flags of the nearest file it does, as
// clang-tidy and clangd do.
Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
openDatabase(std::unique_ptr<clang::tooling::CompilationDatabase> Fixed) {
  std::unique_ptr<clang::tooling::CompilationDatabase> DB = std::move(Fixed);
  if (!DB) {
    auto Loaded = loadDatabase(BuildPath, Sources.empty() ? "" : StringRef(Sources[0]));
    if (!Loaded)
      return Loaded.takeError();
    DB = std::move(*Loaded);
  }
  DB = clang::tooling::inferMissingCompileCommands(std::move(DB));
  return clang::tooling::inferTargetAndDriverMode(std::move(DB));
}

// The files to analyse: the ones named, or every file of the database.
Expected<std::vector<SourceFile>> selectFiles(const clang::tooling::CompilationDatabase &DB,
                                              const Report &R) {
  std::vector<std::string> Names;
  if (Sources.empty()) {
    for (const std::string &F : DB.getAllFiles())
      Names.push_back(absolute(F));
    if (Names.empty())
      return problem("the compilation database in '" + BuildPath +
                     "' lists no files; is the project configured?");
  } else {
    for (const std::string &S : Sources)
      Names.push_back(absolute(S));
  }
  std::vector<SourceFile> Files = resolveSources(Names);
  if (Error E = checkSources(Files, R.BaseDir))
    return std::move(E);
  return std::move(Files);
}

// Each file's configuration, read up front in this thread: errors stop the
// run before any work, and the workers share nothing mutable.
Expected<std::vector<FileConfig>> readConfigs(const std::vector<SourceFile> &Files,
                                              const CommandLineConfig &Cli) {
  ConfigSource Configs(Cli);
  std::vector<FileConfig> PerFile;
  std::set<std::string> Warned;
  for (const SourceFile &F : Files) {
    auto C = Configs.forFile(F.Named);
    if (!C)
      return C.takeError();
    for (const std::string &W : C->Warnings)
      if (Warned.insert(W).second)
        errs() << "pincheck: warning: " << W << "\n";
    PerFile.push_back(std::move(*C));
  }
  return std::move(PerFile);
}

// Every file analysed, -j at a time, with a progress line on a terminal.
std::vector<FileResult> analyseFiles(const clang::tooling::CompilationDatabase &DB,
                                     const std::vector<SourceFile> &Files,
                                     const std::vector<FileConfig> &PerFile,
                                     const Report &R, IndexPass Pass = IndexPass::None,
                                     const char *Stage = "") {
  RunOptions Run;
  Run.Pass = Pass;
  Run.ExtraArgs = ExtraArgs;
  Run.ExtraArgsBefore = ExtraArgsBefore;
  if (sys::fs::is_directory(PINCHECK_CLANG_RESOURCE_DIR))
    Run.ResourceDir = PINCHECK_CLANG_RESOURCE_DIR;

  std::vector<FileResult> Results(Files.size());
  bool ShowProgress = !Quiet && sys::Process::StandardErrIsDisplayed();
  std::atomic<unsigned> Done{0};
  std::mutex ProgressLock;
  {
    StdThreadPool Pool(hardware_concurrency(Jobs));
    for (size_t I = 0; I < Files.size(); ++I)
      Pool.async([&, I] {
        Results[I] = runFile(DB, Files[I].Named, PerFile[I], Run);
        Results[I].File = Files[I].Real;
        unsigned N = ++Done;
        if (ShowProgress) {
          std::lock_guard<std::mutex> L(ProgressLock);
          errs() << "\r\033[K[" << Stage << N << "/" << Files.size() << "] "
                 << displayPath(Files[I].Real, R.BaseDir);
        }
      });
    Pool.wait();
  }
  if (ShowProgress)
    errs() << "\r\033[K";
  return Results;
}

// Per-file messages, in file order whatever the scheduling was; a header's
// remarks once, like its findings.
void printFileMessages(const std::vector<FileResult> &Results, Report &R) {
  auto Where = [&](const Place &P) {
    return displayPath(P.File, R.BaseDir) + ":" + std::to_string(P.Line) + ":" +
           std::to_string(P.Column) + ": ";
  };
  std::set<Remark> SeenWarnings, SeenSkips, SeenParts;
  for (const FileResult &F : Results) {
    R.Files.push_back(&F);
    for (const Remark &W : F.Warnings)
      if (SeenWarnings.insert(W).second)
        errs() << Where(W.At) << "warning: " << W.Text << " [pincheck-nolint]\n";
    if (F.Failed)
      errs() << "pincheck: error: failed to parse " << displayPath(F.File, R.BaseDir)
             << ":\n"
             << F.Errors;
    for (const std::vector<Remark> *List : {&F.Skipped, &F.NoCFG})
      for (const Remark &S : *List)
        if (SeenSkips.insert(S).second && ReportSkipped)
          errs() << "pincheck: skipped " << Where(S.At) << S.Text << "\n";
    for (const Remark &S : F.InParts)
      if (SeenParts.insert(S).second && ReportSkipped)
        errs() << "pincheck: analysed in parts " << Where(S.At) << S.Text << "\n";
  }
}

// The findings of every file, once each, fingerprinted; the baseline
// written if asked, then the report of those the baseline does not hold.
Error writeOutputs(std::vector<FileResult> &Results, std::optional<Baseline> &Base,
                   Report &R) {
  std::vector<LintFinding> All = mergeFindings(Results);
  assignFingerprints(All, R.BaseDir);
  if (!WriteBaselineFile.empty())
    if (Error E = writeFile(WriteBaselineFile, "baseline",
                            [&](raw_ostream &OS) { Baseline::render(OS, All, R.BaseDir); }))
      return E;
  for (LintFinding &F : All) {
    if (Base && Base->take(F))
      ++R.Baselined;
    else
      R.Findings.push_back(std::move(F));
  }
  return writeReport(R);
}

} // namespace

int main(int argc, const char **argv) {
  sys::PrintStackTraceOnErrorSignal(argv[0]);
  guardStandardStreams();
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "pincheck " << PINCHECK_VERSION << " (LLVM " << LLVM_VERSION_STRING << ")\n";
  });
  auto Fail = [](Error E) { return usageError(toString(std::move(E))); };

  // Everything after "--" is a compile command for the named files.
  std::string FixedError;
  std::unique_ptr<clang::tooling::CompilationDatabase> Fixed =
      clang::tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv, FixedError);
  std::vector<LimitFlag> LimitFlags = makeLimitFlags();
  std::vector<LimitFlag> SwitchFlags = makeSwitchFlags();
  std::vector<LimitFlag> ListFlags = makeListFlags();
  cl::HideUnrelatedOptions(Category);
  if (!cl::ParseCommandLineOptions(argc, argv, Overview, &errs()))
    return ExitError;
  if (ListChecks) {
    Error E = writeStdout("list of checks", [](raw_ostream &OS) {
      for (unsigned I = 0; I < NumChecks; ++I)
        OS << checkName(CheckId(I)) << "  " << checkSummary(CheckId(I)) << "\n";
    });
    return E ? Fail(std::move(E)) : 0;
  }

  Expected<Request> Q = readRequest(argv[0], Fixed != nullptr, FixedError,
                                    {&LimitFlags, &SwitchFlags, &ListFlags});
  if (!Q)
    return Fail(Q.takeError());
  Report &R = Q->R;
  auto DB = openDatabase(std::move(Fixed));
  if (!DB)
    return Fail(DB.takeError());
  auto Files = selectFiles(**DB, R);
  if (!Files)
    return Fail(Files.takeError());
  auto PerFile = readConfigs(*Files, Q->Cli);
  if (!PerFile)
    return Fail(PerFile.takeError());
  if (Error E = chooseIndex(*Q))
    return Fail(std::move(E));

  // The summaries index, built from every file (its entries merged in file
  // order: the same bytes whatever -j did), or read. Built with the
  // analysis: each file is analysed once without the index, noting what it
  // asked of it, and again with it only if one of those questions has an
  // answer in it (docs/lint.md "Across files: the summaries index").
  std::vector<FileResult> Results;
  if (!Q->IndexPath.empty() && !Q->Index) {
    IndexPass Pass = BuildIndexOnly ? IndexPass::Only : IndexPass::WithAnalysis;
    Results = analyseFiles(**DB, *Files, *PerFile, R, Pass);
    Q->Index = newSummaryIndex();
    for (const FileResult &F : Results)
      if (F.Index)
        mergeSummaryIndex(*Q->Index, *F.Index);
    if (Error E = writeFile(Q->IndexPath, "summaries index",
                            [&](raw_ostream &OS) { printSummaryIndex(*Q->Index, OS); }))
      return Fail(std::move(E));
    if (BuildIndexOnly) {
      // Said when it is what was asked for: otherwise the index is the
      // run's working file, like a build's.
      size_t Functions = summaryIndexSize(*Q->Index);
      if (!Quiet)
        errs() << "pincheck: summaries index: " << Functions
               << (Functions == 1 ? " function" : " functions") << " from "
               << summaryIndexFiles(*Q->Index) << " of " << Files->size()
               << (Files->size() == 1 ? " file" : " files") << ", written to "
               << displayPath(Q->IndexPath, R.BaseDir) << "\n";
      unsigned Failed = 0;
      for (const FileResult &F : Results)
        if (F.Failed) {
          ++Failed;
          errs() << "pincheck: error: failed to parse " << displayPath(F.File, R.BaseDir)
                 << ":\n"
                 << F.Errors;
        }
      return Failed ? ExitError : 0;
    }
    // Again with the index: the files whose questions it answers.
    std::vector<SourceFile> Again;
    std::vector<FileConfig> AgainConfigs;
    std::vector<size_t> Where;
    for (size_t I = 0; I < Results.size(); ++I) {
      bool Needs = Results[I].Index && needsSummaryIndex(*Results[I].Index, *Q->Index);
      Results[I].Index.reset();
      if (!Needs)
        continue;
      Again.push_back((*Files)[I]);
      AgainConfigs.push_back((*PerFile)[I]);
      AgainConfigs.back().Analysis.Index = Q->Index;
      Where.push_back(I);
    }
    std::vector<FileResult> Redone =
        analyseFiles(**DB, Again, AgainConfigs, R, IndexPass::None, "with the index ");
    for (size_t K = 0; K < Where.size(); ++K)
      Results[Where[K]] = std::move(Redone[K]);
  } else {
    if (Q->Index)
      for (FileConfig &C : *PerFile)
        C.Analysis.Index = Q->Index;
    Results = analyseFiles(**DB, *Files, *PerFile, R);
  }
  printFileMessages(Results, R);
  if (Error E = writeOutputs(Results, Q->Base, R))
    return Fail(std::move(E));

  if (!Quiet)
    printSummary(R, Results);
  if (R.failedFiles())
    return ExitError;
  // Recording a baseline is how a team adopts the tool: not a failure.
  if (!WriteBaselineFile.empty())
    return 0;
  // Suggestions (remarks) do not fail the run.
  bool Problems = llvm::any_of(R.Findings, [](const LintFinding &F) { return !F.Remark; });
  return Problems ? ExitFindings : 0;
}
