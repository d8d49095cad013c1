// Runner.h - one source file through Clang and pincheck's analysis, with the
// compile commands of the database, into a FileResult. Safe to call from
// several threads at once: each call has its own file system view (working
// directory), diagnostics and analysis.
#ifndef PINCHECK_LINT_RUNNER_H
#define PINCHECK_LINT_RUNNER_H

#include "Config.h"
#include "Report.h"
#include "clang/Tooling/CompilationDatabase.h"

namespace pincheck {
namespace lint {

/// What a run collects of the summaries index (FileResult::Index).
enum class IndexPass {
  None,         ///< nothing: the analysis (with Config's index, if any)
  Only,         ///< the file's entries, no analysis (--build-index)
  WithAnalysis, ///< the analysis without an index, noting what it asked
                ///< of one, and the file's entries
};

struct RunOptions {
  std::vector<std::string> ExtraArgsBefore, ExtraArgs;
  std::string ResourceDir; // added when a command names none
  IndexPass Pass = IndexPass::None;
};

FileResult runFile(const clang::tooling::CompilationDatabase &DB,
                   const std::string &AbsFile, const FileConfig &Config,
                   const RunOptions &Opts);

} // namespace lint
} // namespace pincheck

#endif
