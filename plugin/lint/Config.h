// Config.h - which checks run on a file and with which options, read from the
// same .clang-tidy files clang-tidy reads (nearest file up from the source,
// InheritParentConfig, Checks, WarningsAsErrors, CheckOptions), with the
// command line applied last, as clang-tidy applies its own.
#ifndef PINCHECK_LINT_CONFIG_H
#define PINCHECK_LINT_CONFIG_H

#include "Analyzer.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pincheck {
namespace lint {

struct FileConfig {
  AnalyzerOptions Analysis;
  CheckSet AsErrors = CheckSet::none();
  std::vector<std::string> Warnings; // problems worth a line on stderr
};

struct CommandLineConfig {
  std::string Checks;     // --checks, applied after the files' lists
  std::string ConfigFile; // --config-file: this file instead of searching
  // The option flags given (Options.def's flag, value), checked already;
  // applied over the files' CheckOptions.
  std::vector<std::pair<std::string, std::string>> OptionFlags;
};

// What is wrong with --config-file's Path, as a usage error ("--config-file
// 'x' does not exist", "... cannot be read: it is a FIFO, ..."), found
// without opening it; "" when nothing is (and for no path, and /dev/null:
// the empty configuration).
std::string checkConfigFile(llvm::StringRef Path);

class ConfigSource {
public:
  explicit ConfigSource(CommandLineConfig Cli) : Cli(std::move(Cli)) {}

  // The configuration for the source file at AbsPath. An error for a
  // configuration file that cannot be read or parsed.
  llvm::Expected<FileConfig> forFile(llvm::StringRef AbsPath);

private:
  struct Raw; // the parsed options of one directory, parents merged in
  llvm::Expected<const Raw *> forDirectory(llvm::StringRef Dir);
  llvm::Expected<FileConfig> build(const Raw &R);

  CommandLineConfig Cli;
  llvm::StringMap<std::shared_ptr<Raw>> ByDirectory;
  std::shared_ptr<Raw> Explicit; // from --config-file
};

} // namespace lint
} // namespace pincheck

#endif
