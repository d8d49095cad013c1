// DiagnosticSink.h - renders findings as clang diagnostics, with the check
// name in brackets and notes attached.
#ifndef PINCHECK_PLUGIN_DIAGNOSTICSINK_H
#define PINCHECK_PLUGIN_DIAGNOSTICSINK_H

#include "Finding.h"
#include "clang/Basic/Diagnostic.h"

namespace pincheck {

class DiagnosticSink : public FindingSink {
public:
  // Checks in AsErrors are reported as errors instead of warnings.
  DiagnosticSink(clang::DiagnosticsEngine &Diags, CheckSet AsErrors)
      : Diags(Diags), AsErrors(AsErrors) {}
  void report(Finding F) override;
  void remark(clang::SourceLocation Loc, llvm::StringRef Message);

private:
  clang::DiagnosticsEngine &Diags;
  CheckSet AsErrors;
};

} // namespace pincheck

#endif
