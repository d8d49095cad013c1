// Renderers.h - the report formats, one file each. Each writes the whole
// report to OS; none decides what is in it.
#ifndef PINCHECK_LINT_RENDERERS_H
#define PINCHECK_LINT_RENDERERS_H

#include "Arguments.h"
#include "Report.h"
#include "llvm/Support/raw_ostream.h"

namespace pincheck {
namespace lint {

// The report in the chosen format (one of the four below).
void renderReport(llvm::raw_ostream &OS, const Report &R, Format F);

// clang's diagnostic style, with source lines and carets.
void writeText(llvm::raw_ostream &OS, const Report &R);
// pincheck's own JSON: findings with notes, and the summary.
void writeJson(llvm::raw_ostream &OS, const Report &R);
// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
void writeSarif(llvm::raw_ostream &OS, const Report &R);
// GitLab's code quality report (a subset of Code Climate's format).
void writeGitLab(llvm::raw_ostream &OS, const Report &R);

} // namespace lint
} // namespace pincheck

#endif
