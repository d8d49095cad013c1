// RelocationCheck.cpp - the finding every relocation check builds.
#include "RelocationCheck.h"

namespace pincheck {

UseDescription describeUse(const FunctionResults &R, const PinnedUse &U) {
  const Operation &Op = R.Facts.Ops[U.Op];
  return {R.Explain.operandName(R.Facts, U), Op.Callee, Op.Operands[U.Operand].Role, U.Must};
}

Finding relocationFinding(const FunctionResults &R, const PinnedUse &U, CheckId Id,
                          Caret Where, std::string Message) {
  const FunctionFacts &F = R.Facts;
  const Operation &Op = F.Ops[U.Op];
  const Operand &O = Op.Operands[U.Operand];
  Finding Fd;
  Fd.Check = Id;
  const clang::Expr *At = Where == Caret::Operand && !(O.Element && O.IsPointer) ? O.E : Op.Site;
  Fd.Loc = At->getBeginLoc();
  Fd.Range = At->getSourceRange();
  Fd.Message = std::move(Message);
  Explainer &X = R.Explain;
  Fd.Notes.push_back(X.pinNote(F, U));
  if (std::optional<Note> E = X.originNote(F, U))
    Fd.Notes.push_back(*E);
  X.calleeNotes(F, U, Fd.Notes);
  if (std::optional<Note> A = X.aliasNote(F, U))
    Fd.Notes.push_back(*A);
  X.typeNotes(U.Target.ObjType, Fd.Notes);
  return Fd;
}

} // namespace pincheck
