// DiagnosticSink.h - renders findings as clang diagnostics, with the check
// name in brackets and notes attached.
#ifndef PINCHECK_PLUGIN_DIAGNOSTICSINK_H
#define PINCHECK_PLUGIN_DIAGNOSTICSINK_H

#include "Finding.h"
#include "Suppression.h"
#include "clang/Basic/Diagnostic.h"

namespace pincheck {

class DiagnosticSink : public FindingSink {
public:
  // Checks in AsErrors are reported as errors instead of warnings.
  DiagnosticSink(clang::DiagnosticsEngine &Diags, CheckSet AsErrors)
      : Diags(Diags), AsErrors(AsErrors) {}
  // Drops findings a NOLINT comment suppresses.
  void report(Finding F) override;
  void remark(clang::SourceLocation Loc, llvm::StringRef Message);
  // Warns about NOLINTBEGIN/END comments without their other half (once the
  // translation unit is done, as the blocks are read lazily).
  void reportUnmatchedNolint();

private:
  clang::DiagnosticsEngine &Diags;
  CheckSet AsErrors;
  NolintFilter Nolint;
};

} // namespace pincheck

#endif
