// DiagnosticSink.cpp - findings as clang diagnostics (NOLINT comments
// honoured), the plugin's remarks, and unmatched NOLINT blocks.
#include "DiagnosticSink.h"
#include "FindingDiagnostic.h"

using namespace clang;

namespace pincheck {

void DiagnosticSink::report(Finding F) {
  if (Diags.hasSourceManager() &&
      Nolint.suppressed(Diags.getSourceManager(), F.Loc, checkName(F.Check)))
    return;
  unsigned ID = Diags.getCustomDiagID(F.Remark                    ? DiagnosticsEngine::Remark
                                      : AsErrors.enabled(F.Check) ? DiagnosticsEngine::Error
                                                                  : DiagnosticsEngine::Warning,
                                      "%0 [%1]");
  {
    DiagnosticBuilder B = Diags.Report(F.Loc, ID);
    B << F.Message << checkName(F.Check);
    attachRangeAndFixes(B, F);
  }
  unsigned NoteID = Diags.getCustomDiagID(DiagnosticsEngine::Note, "%0");
  emitNotes(F, [&](SourceLocation Loc, const std::string &Message) {
    Diags.Report(Loc, NoteID) << Message;
  });
}

void DiagnosticSink::reportUnmatchedNolint() {
  // A warning even under werror: a comment is not worth failing a build over.
  unsigned ID = Diags.getCustomDiagID(DiagnosticsEngine::Warning, "%0 [pincheck-nolint]");
  for (const NolintFilter::Unmatched &U : Nolint.takeUnmatched())
    Diags.Report(U.Loc, ID) << NolintFilter::describe(U);
}

void DiagnosticSink::remark(SourceLocation Loc, StringRef Message) {
  unsigned ID = Diags.getCustomDiagID(DiagnosticsEngine::Remark, "%0");
  Diags.Report(Loc, ID) << Message;
}

} // namespace pincheck
