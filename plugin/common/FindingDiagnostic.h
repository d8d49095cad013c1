// FindingDiagnostic.h - a finding as a clang diagnostic: what the plugin
// and the clang-tidy module (each with its own way of starting a
// diagnostic) both attach to the primary message, and the notes after it.
// Header-only: the module links nothing of the front ends' library.
#ifndef PINCHECK_FINDINGDIAGNOSTIC_H
#define PINCHECK_FINDINGDIAGNOSTIC_H

#include "Finding.h"
#include "clang/Basic/Diagnostic.h"

namespace pincheck {

/// The finding's range (the relocating expression) and its fix-its, on the
/// diagnostic of its primary message.
inline void attachRangeAndFixes(const clang::DiagnosticBuilder &B, const Finding &F) {
  if (F.Range.isValid())
    B << clang::CharSourceRange::getTokenRange(F.Range);
  for (const FixIt &Fix : F.Fixes)
    B << clang::FixItHint::CreateReplacement(Fix.Range, Fix.Replacement);
}

/// Each of the finding's notes, in order, through Emit(Loc, Message).
template <typename EmitNote> void emitNotes(const Finding &F, EmitNote Emit) {
  for (const Note &N : F.Notes)
    Emit(N.Loc, N.Message);
}

} // namespace pincheck

#endif
