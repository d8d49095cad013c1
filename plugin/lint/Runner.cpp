// Runner.cpp - one source file through Clang with the analysis as its
// consumer, each compile command on its own, findings converted to plain
// data in the worker's thread.
#include "Runner.h"
#include "StringPool.h"
#include "Suppression.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/DiagnosticDriver.h"
#include "clang/Basic/DiagnosticFrontend.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang;
using namespace clang::tooling;

namespace pincheck {
namespace lint {
namespace {

// Compiler errors are kept as text (a failed file shows them); warnings are
// the build's business, not the lint step's.
class ErrorCollector : public DiagnosticConsumer {
public:
  explicit ErrorCollector(std::string &Out) : OS(Out), Printer(OS, Opts) {}
  void BeginSourceFile(const LangOptions &LO, const Preprocessor *PP) override {
    Printer.BeginSourceFile(LO, PP);
  }
  void EndSourceFile() override { Printer.EndSourceFile(); }
  void HandleDiagnostic(DiagnosticsEngine::Level L, const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(L, Info);
    // The driver's follow-ups of an earlier error ("no input files" after
    // a missing file, then "expected exactly one compiler job in ''") say
    // nothing more, and the second misleads.
    unsigned ID = Info.getID();
    if (ID == diag::err_fe_expected_compiler_job ||
        (ID == diag::err_drv_no_input_files && getNumErrors() > 1))
      return;
    if (L >= DiagnosticsEngine::Error)
      InError = true;
    else if (L != DiagnosticsEngine::Note)
      InError = false;
    if (InError)
      Printer.HandleDiagnostic(L, Info);
    if (ID == diag::err_drv_no_input_files)
      OS << "note: the compile command does not name the source file; its database "
            "entry's \"command\" or \"arguments\" must include it\n";
  }

private:
  llvm::raw_string_ostream OS;
  DiagnosticOptions Opts;
  TextDiagnosticPrinter Printer;
  bool InError = false;
};

class Converter : public FindingSink {
public:
  Converter(SourceManager &SM, const LangOptions &LO, const FileConfig &Cfg,
            FileResult &Out)
      : SM(SM), LO(LO), Cfg(Cfg), Out(Out) {}

  void report(Finding F) override {
    if (Nolint.suppressed(SM, F.Loc, checkName(F.Check)))
      return;
    LintFinding L;
    L.Check = F.Check;
    L.Remark = F.Remark;
    L.AsError = !F.Remark && Cfg.AsErrors.enabled(F.Check);
    L.At = place(F.Loc);
    L.Message = intern(F.Message);
    if (F.Range.isValid()) {
      SourceLocation End = SM.getFileLoc(F.Range.getEnd());
      if (End.isValid() && SM.getFileID(End) == SM.getFileID(SM.getFileLoc(F.Loc))) {
        unsigned Len = Lexer::MeasureTokenLength(End, SM, LO);
        L.EndLine = SM.getSpellingLineNumber(End);
        L.EndColumn = SM.getSpellingColumnNumber(End) + Len;
      }
    }
    L.Notes.reserve(F.Notes.size());
    for (Note &N : F.Notes)
      L.Notes.push_back({place(N.Loc), intern(N.Message)});
    for (FixIt &Fix : F.Fixes) {
      CharSourceRange R = Lexer::makeFileCharRange(Fix.Range, SM, LO);
      if (R.isInvalid())
        continue;
      LintFix LF{place(R.getBegin()), SM.getSpellingLineNumber(R.getEnd()),
                 SM.getSpellingColumnNumber(R.getEnd()), std::move(Fix.Replacement)};
      L.Fixes.push_back(std::move(LF));
    }
    Out.Findings.push_back(std::move(L));
  }

  void finish() {
    for (const NolintFilter::Unmatched &U : Nolint.takeUnmatched())
      Out.Warnings.push_back({place(U.Loc), NolintFilter::describe(U)});
  }

  // Where clang would show it: the macro argument as written, or the macro
  // use; the physical file and line (not #line's).
  Place place(SourceLocation Loc) {
    Place P;
    if (Loc.isInvalid())
      return P;
    Loc = SM.getFileLoc(Loc);
    FileID FID = SM.getFileID(Loc);
    P.File = fileName(FID);
    if (P.File.empty())
      return P;
    P.Line = SM.getSpellingLineNumber(Loc);
    P.Column = SM.getSpellingColumnNumber(Loc);
    StringRef Buffer = SM.getBufferData(FID);
    unsigned Offset = SM.getFileOffset(Loc);
    size_t Begin = Offset, End = Offset;
    while (Begin > 0 && Buffer[Begin - 1] != '\n')
      --Begin;
    while (End < Buffer.size() && Buffer[End] != '\n' && Buffer[End] != '\r')
      ++End;
    P.LineText = intern(Buffer.slice(Begin, End));
    return P;
  }

private:
  // A file's path as reports name it, once per file: its real path (a file
  // reached through a symbolic link is one file, wherever it was included
  // from), or the absolute path when it has none.
  StringRef fileName(FileID FID) {
    auto [It, New] = Names.try_emplace(FID);
    if (!New)
      return It->second;
    OptionalFileEntryRef FE = SM.getFileEntryRefForID(FID);
    if (!FE)
      return It->second;
    llvm::SmallString<256> Path(FE->getName()), Real;
    SM.getFileManager().makeAbsolutePath(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    if (!llvm::sys::fs::real_path(Path, Real))
      Path = Real;
    It->second = intern(Path);
    return It->second;
  }

  SourceManager &SM;
  const LangOptions &LO;
  const FileConfig &Cfg;
  FileResult &Out;
  NolintFilter Nolint;
  llvm::DenseMap<FileID, StringRef> Names;
};

class Consumer : public ASTConsumer {
public:
  Consumer(CompilerInstance &CI, const FileConfig &Cfg, FileResult &Out, IndexPass Pass)
      : CI(CI), Cfg(Cfg), Out(Out), Pass(Pass) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    Converter Sink(Ctx.getSourceManager(), Ctx.getLangOpts(), Cfg, Out);
    AnalyzerOptions Opts = Cfg.Analysis;
    if (Pass != IndexPass::None && !Out.Index)
      Out.Index = Pass == IndexPass::WithAnalysis ? newRecordingSummaryIndex() : newSummaryIndex();
    // With the analysis: an empty index that notes what it was asked.
    if (Pass == IndexPass::WithAnalysis)
      Opts.Index = Out.Index;
    Analyzer A(Ctx, Opts, Sink);
    if (Pass == IndexPass::Only) {
      A.indexTranslationUnit(*Out.Index);
      return;
    }
    A.OnIncomplete = [&](const FunctionDecl *FD, Incomplete Why, StringRef Reason) {
      std::vector<Remark> &List = Why == Incomplete::Limit   ? Out.Skipped
                                  : Why == Incomplete::NoCFG ? Out.NoCFG
                                                             : Out.InParts;
      List.push_back({Sink.place(FD->getLocation()),
                      "'" + FD->getNameAsString() + "': " + Reason.str()});
    };
    A.analyzeTranslationUnit();
    Sink.finish();
    Out.FunctionsSeen += A.stats().FunctionsSeen;
    Out.FunctionsAnalyzed += A.stats().FunctionsAnalyzed;
    Out.FunctionsSkipped += A.stats().FunctionsSkipped;
    if (Pass == IndexPass::WithAnalysis)
      A.indexTranslationUnit(*Out.Index);
  }

private:
  CompilerInstance &CI;
  const FileConfig &Cfg;
  FileResult &Out;
  IndexPass Pass;
};

class Action : public ASTFrontendAction {
public:
  Action(const FileConfig &Cfg, FileResult &Out, IndexPass Pass)
      : Cfg(Cfg), Out(Out), Pass(Pass) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    return std::make_unique<Consumer>(CI, Cfg, Out, Pass);
  }

private:
  const FileConfig &Cfg;
  FileResult &Out;
  IndexPass Pass;
};

class Factory : public FrontendActionFactory {
public:
  Factory(const FileConfig &Cfg, FileResult &Out, IndexPass Pass)
      : Cfg(Cfg), Out(Out), Pass(Pass) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<Action>(Cfg, Out, Pass);
  }

  // As FrontendActionFactory's, but clang's "N errors generated." goes
  // nowhere: worker threads must not write to stderr (the failed file's
  // errors are printed, in file order, by the caller).
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation, FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    CompilerInstance Compiler(std::move(Invocation), std::move(PCHContainerOps));
    Compiler.setFileManager(Files);
    Compiler.setVerboseOutputStream(std::make_unique<llvm::raw_null_ostream>());
    Compiler.createDiagnostics(DiagConsumer, /*ShouldOwnClient=*/false);
    if (!Compiler.hasDiagnostics())
      return false;
    Compiler.createSourceManager();
    std::unique_ptr<FrontendAction> A = create();
    bool Success = Compiler.ExecuteAction(*A);
    Files->clearStatCache();
    return Success;
  }

private:
  const FileConfig &Cfg;
  FileResult &Out;
  IndexPass Pass;
};

// A project that builds with the plugin has it in its compile commands; the
// tool runs the analysis itself, so the plugin must not run a second time.
CommandLineArguments dropPluginArgs(const CommandLineArguments &Args, StringRef) {
  CommandLineArguments Out;
  for (const std::string &A : Args) {
    StringRef S(A);
    if (S.starts_with("-fplugin=") || S.starts_with("-fplugin-arg-") ||
        S.starts_with("-fpass-plugin="))
      continue;
    Out.push_back(A);
  }
  return Out;
}

// One compile command as a database of its own: ClangTool then runs just
// it, and prints no "[1/1] (1/4) Processing file" line from the worker
// thread, as it does for a file with several commands.
class OneCommand : public CompilationDatabase {
public:
  explicit OneCommand(CompileCommand C) : C(std::move(C)) {}
  std::vector<CompileCommand> getCompileCommands(StringRef) const override { return {C}; }

private:
  CompileCommand C;
};

void addAdjusters(ClangTool &Tool, const RunOptions &Opts) {
  Tool.appendArgumentsAdjuster(dropPluginArgs);
  // Warnings are not the lint step's; -Werror in a build must not fail it.
  Tool.appendArgumentsAdjuster(getInsertArgumentAdjuster("-w", ArgumentInsertPosition::END));
  if (!Opts.ExtraArgsBefore.empty())
    Tool.appendArgumentsAdjuster(
        getInsertArgumentAdjuster(Opts.ExtraArgsBefore, ArgumentInsertPosition::BEGIN));
  if (!Opts.ExtraArgs.empty())
    Tool.appendArgumentsAdjuster(
        getInsertArgumentAdjuster(Opts.ExtraArgs, ArgumentInsertPosition::END));
  if (!Opts.ResourceDir.empty()) {
    std::string Dir = Opts.ResourceDir;
    Tool.appendArgumentsAdjuster([Dir](const CommandLineArguments &Args, StringRef) {
      for (const std::string &A : Args)
        if (StringRef(A).starts_with("-resource-dir"))
          return Args;
      // Before a "--": what follows it is input files.
      CommandLineArguments Out = Args;
      Out.insert(llvm::find(Out, "--"), "-resource-dir=" + Dir);
      return Out;
    });
  }
}

} // namespace

FileResult runFile(const CompilationDatabase &DB, const std::string &AbsFile,
                   const FileConfig &Config, const RunOptions &Opts) {
  FileResult R;
  R.File = AbsFile;
  if (!Config.Analysis.Checks.any())
    return R; // every check disabled for this file by its configuration

  std::vector<CompileCommand> Commands = DB.getCompileCommands(AbsFile);
  if (Commands.empty()) {
    R.Failed = true;
    R.Errors = "error: the compilation database has no compile command for this file, "
               "nor one to borrow; add it to the database, or give its flags after '--'\n";
    return R;
  }
  for (CompileCommand &Command : Commands) {
    // ClangTool stops the process when it cannot enter the directory.
    if (!llvm::sys::fs::is_directory(Command.Directory)) {
      R.Failed = true;
      R.Errors += "error: the compile command's directory '" + Command.Directory +
                  "' does not exist; configure or build the project first, or "
                  "regenerate the compilation database\n";
      continue;
    }
    OneCommand One(std::move(Command));
    // Each call gets its own working directory (ClangTool moves it to the
    // command's directory); the process-wide one would race between threads.
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS =
        llvm::vfs::createPhysicalFileSystem();
    ClangTool Tool(One, {AbsFile}, std::make_shared<PCHContainerOperations>(), FS);
    addAdjusters(Tool, Opts);
    std::string Errors;
    ErrorCollector Diags(Errors);
    Tool.setDiagnosticConsumer(&Diags);
    Tool.setPrintErrorMessage(false);
    Factory F(Config, R, Opts.Pass);
    int RC = Tool.run(&F);
    R.Errors += Errors;
    if (RC != 0 || Diags.getNumErrors() != 0) {
      R.Failed = true;
      if (Errors.empty())
        R.Errors += "error: the compile command for this file could not be run\n";
    }
  }
  return R;
}

} // namespace lint
} // namespace pincheck
