// Config.cpp - the .clang-tidy files of a run, read once per directory, and
// each file's checks and options resolved from them and the command line.
#include "Config.h"
#include "Arguments.h"
#include "FileChecks.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <limits>

using namespace clang::tidy;

namespace pincheck {
namespace lint {

struct ConfigSource::Raw {
  ClangTidyOptions Options;
  std::string Source; // the files it came from, for messages
  std::vector<std::string> Warnings; // files on the way that were ignored
};

std::string checkConfigFile(llvm::StringRef Path) {
  if (Path.empty() || isDevNull(Path))
    return "";
  std::string Why = whyNotRegularFile(Path);
  if (Why.empty() && !llvm::sys::fs::exists(Path))
    return "--config-file '" + Path.str() + "' does not exist";
  if (Why.empty())
    return "";
  return "--config-file '" + Path.str() + "' cannot be read: " + Why;
}

// Unparsed (if not null) says whether a failure is the contents' (read, but
// not a configuration) rather than the file's.
static llvm::Expected<ClangTidyOptions> parseFile(llvm::StringRef Path,
                                                  bool *Unparsed = nullptr) {
  // /dev/null is the empty configuration; any other file that is not a
  // regular one is refused unopened (a FIFO would block the run).
  if (std::string Why = isDevNull(Path) ? "" : whyNotRegularFile(Path); !Why.empty())
    return llvm::createStringError(std::errc::invalid_argument, "cannot read '%s': %s",
                                   Path.str().c_str(), Why.c_str());
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(), "cannot read '%s': %s",
                                   Path.str().c_str(),
                                   Buffer.getError().message().c_str());
  // The parser's own words ("unknown key 'AnalyzeTemporaryDtors'"), kept
  // for the message rather than printed.
  std::string Said;
  auto Parsed = parseConfigurationWithDiags(
      (*Buffer)->getMemBufferRef(), [&](const llvm::SMDiagnostic &D) {
        if (Said.empty())
          Said = "line " + std::to_string(D.getLineNo()) + ": " + D.getMessage().str();
      });
  if (!Parsed && Unparsed)
    *Unparsed = true;
  if (!Parsed)
    return llvm::createStringError(
        Parsed.getError(), "cannot parse '%s': %s; it must be a clang-tidy "
                           "configuration (YAML with Checks, CheckOptions, ...)",
        Path.str().c_str(),
        Said.empty() ? Parsed.getError().message().c_str() : Said.c_str());
  return *Parsed;
}

llvm::Expected<const ConfigSource::Raw *>
ConfigSource::forDirectory(llvm::StringRef Dir) {
  auto It = ByDirectory.find(Dir);
  if (It != ByDirectory.end())
    return It->second.get();

  auto R = std::make_shared<Raw>();
  llvm::SmallString<256> File(Dir);
  llvm::sys::path::append(File, ".clang-tidy");
  llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
  bool HasParent = !Parent.empty() && Parent != Dir;
  // There at all: a symbolic link loop or a FIFO is an error, not skipped.
  llvm::sys::fs::file_status St;
  if (!llvm::sys::fs::status(File, St, /*follow=*/false)) {
    bool Unparsed = false;
    auto Own = parseFile(File, &Unparsed);
    if (!Own && !Unparsed)
      return Own.takeError();
    if (!Own) {
      // As clang-tidy does: said, and the configuration above it applies
      // (a vendored project's file written for another clang-tidy must not
      // stop the run).
      std::string Why = llvm::toString(Own.takeError());
      if (HasParent) {
        auto P = forDirectory(Parent);
        if (!P)
          return P.takeError();
        *R = **P;
      }
      R->Warnings.push_back(Why + "; ignored: the files under it use the configuration "
                                  "above it");
      const Raw *Result = R.get();
      ByDirectory[Dir] = std::move(R);
      return Result;
    }
    // A file stops the search unless it asks to inherit, as in clang-tidy.
    if (Own->InheritParentConfig.value_or(false) && HasParent) {
      auto P = forDirectory(Parent);
      if (!P)
        return P.takeError();
      R->Options = (*P)->Options.merge(*Own, 0);
      R->Warnings = (*P)->Warnings;
      R->Source = (*P)->Source.empty() ? File.str().str()
                                       : (*P)->Source + ", " + File.str().str();
    } else {
      R->Options = *Own;
      R->Source = File.str().str();
    }
  } else if (HasParent) {
    auto P = forDirectory(Parent);
    if (!P)
      return P.takeError();
    *R = **P;
  }
  const Raw *Result = R.get();
  ByDirectory[Dir] = std::move(R);
  return Result;
}

llvm::Expected<FileConfig> ConfigSource::forFile(llvm::StringRef AbsPath) {
  if (!Cli.ConfigFile.empty()) {
    if (!Explicit) {
      auto Parsed = parseFile(Cli.ConfigFile);
      if (!Parsed)
        return Parsed.takeError();
      Explicit = std::make_shared<Raw>();
      Explicit->Options = *Parsed;
      Explicit->Source = Cli.ConfigFile;
    }
    return build(*Explicit);
  }
  auto R = forDirectory(llvm::sys::path::parent_path(AbsPath));
  if (!R)
    return R.takeError();
  return build(**R);
}

llvm::Expected<FileConfig> ConfigSource::build(const Raw &R) {
  FileConfig C;
  C.Warnings = R.Warnings;
  const ClangTidyOptions &O = R.Options;
  // Globs of other tools' checks are fine; a pin- name matching none is not.
  auto Apply = [&](CheckSet &S, const std::optional<std::string> &Globs,
                   llvm::StringRef What) {
    if (!Globs)
      return;
    if (std::string E = S.apply(*Globs); !E.empty())
      C.Warnings.push_back(R.Source + ": " + What.str() + ": " + E +
                           " (ignored; run 'pincheck --list-checks')");
  };
  Apply(C.Analysis.Checks, O.Checks, "Checks");
  Apply(C.AsErrors, O.WarningsAsErrors, "WarningsAsErrors");
  if (!Cli.Checks.empty()) {
    if (std::string E = C.Analysis.Checks.apply(Cli.Checks); !E.empty())
      return llvm::createStringError(std::errc::invalid_argument, "%s", E.c_str());
  }

  // The options as the module reads them (a check's own value over the
  // global one); the tool runs one analysis for every enabled check. The
  // command line's flags come last.
  OptionResolver(
      [&](llvm::StringRef Key) -> std::optional<std::string> {
        auto It = O.CheckOptions.find(Key);
        if (It == O.CheckOptions.end())
          return std::nullopt;
        return It->getValue().Value;
      },
      [&](const std::string &Message) { C.Warnings.push_back(R.Source + ": " + Message); })
      .forChecks(C.Analysis.Checks, C.Analysis);
  for (const auto &[Flag, Value] : Cli.OptionFlags) {
    std::string Problem; // none: checked when the command line was read
    applyOptionFlag(Flag, Flag, /*Quote=*/false, Value, C.Analysis, Problem);
  }
  return C;
}

} // namespace lint
} // namespace pincheck
