// Dump.cpp - dump-facts' text. Stable: locations as line:column of the file
// they are spelled in, places and events by index, no addresses.
#include "explain/Dump.h"
#include "explain/Explain.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace pincheck {
namespace {

std::string at(ASTContext &Ctx, SourceLocation Loc) {
  if (Loc.isInvalid())
    return "entry";
  const SourceManager &SM = Ctx.getSourceManager();
  PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(Loc));
  if (P.isInvalid())
    return "?";
  return std::to_string(P.getLine()) + ":" + std::to_string(P.getColumn());
}

const char *causeName(PinCause C) {
  switch (C) {
  case PinCause::AddressOf: return "address-of";
  case PinCause::HandedOut: return "handed-out";
  case PinCause::ThisHandedOut: return "this-handed-out";
  case PinCause::StdAddressof: return "std-addressof";
  case PinCause::BuiltinAddressof: return "builtin-addressof";
  case PinCause::PinsParam: return "pins-param";
  case PinCause::KeptByAttribute: return "kept-by-attribute";
  case PinCause::PinsListed: return "pins-listed";
  case PinCause::PinsThis: return "pins-this";
  case PinCause::MarkPinned: return "mark-pinned";
  case PinCause::ThisEscaped: return "this-escaped";
  case PinCause::SelfReferenced: return "self-referenced";
  case PinCause::CapturedByRef: return "captured-by-ref";
  case PinCause::ByCallee: return "by-callee";
  case PinCause::OnEntry: return "on-entry";
  }
  return "?";
}

const char *stepName(StepKind K) {
  switch (K) {
  case StepKind::Field: return "field";
  case StepKind::Index: return "index";
  case StepKind::ElementAccess: return "element";
  case StepKind::Binding: return "binding";
  case StepKind::Deref: return "deref";
  case StepKind::IteratorDeref: return "iterator-deref";
  case StepKind::SmartDeref: return "smart-deref";
  case StepKind::AddressOf: return "address-of";
  case StepKind::Decay: return "decay";
  case StepKind::MemberIterator: return "member-iterator";
  case StepKind::FreeIterator: return "free-iterator";
  case StepKind::SmartGet: return "smart-get";
  case StepKind::PointerOffset: return "pointer-offset";
  case StepKind::IteratorOffset: return "iterator-offset";
  case StepKind::ValueCopy: return "value-copy";
  case StepKind::AliasRef: return "alias";
  case StepKind::Opaque: return "opaque";
  }
  return "?";
}

const char *verdictName(OperandVerdict V) {
  switch (V) {
  case OperandVerdict::Unreached: return "unreached";
  case OperandVerdict::NoPlace: return "no tracked place";
  case OperandVerdict::NotSensitive: return "not address-sensitive";
  case OperandVerdict::Unpinned: return "not pinned";
  case OperandVerdict::MayBePinned: return "pinned on some paths";
  case OperandVerdict::Pinned: return "pinned";
  }
  return "?";
}

// A path from its root outwards: "n . field(f) . address-of".
std::string pathText(const AccessPath &P) {
  if (!P)
    return "(none)";
  std::string S;
  if (P.Root == AccessPath::RootKind::This)
    S = "this";
  else
    S = (P.RootIsPointer ? "pointer '" : "'") + P.Var->getNameAsString() + "'";
  for (auto It = P.Steps.rbegin(); It != P.Steps.rend(); ++It) {
    S += std::string(" . ") + stepName(It->Kind);
    if (It->Kind == StepKind::Field)
      S += "(" + cast<MemberExpr>(It->E)->getMemberDecl()->getNameAsString() + ")";
    else if (It->D)
      S += "(" + It->D->getNameAsString() + ")";
  }
  return S;
}

std::string name(const NamedDecl *D) {
  return D && D->getDeclName() ? D->getNameAsString() : std::string("(unnamed)");
}

void header(llvm::raw_ostream &OS, ASTContext &Ctx, const FunctionDecl *FD) {
  OS << "pincheck facts: '" << FD->getQualifiedNameAsString() << "' at "
     << at(Ctx, FD->getLocation()) << "\n";
}

} // namespace

void dumpSkipped(llvm::raw_ostream &OS, ASTContext &Ctx, const FunctionDecl *FD,
                 StringRef Why) {
  header(OS, Ctx, FD);
  OS << "  not analysed: " << Why << "\n";
}

void dumpFacts(llvm::raw_ostream &OS, ASTContext &Ctx, const FunctionFacts &F,
               const FlowResult *Pins, const std::vector<RelocatedBorrow> *Relocations,
               StringRef Why) {
  header(OS, Ctx, F.FD);
  OS << "  places:\n";
  for (unsigned I = 0; I < F.Places.size(); ++I) {
    const TrackedPlace &P = F.Places[I];
    const char *Kind = P.Kind == TrackedPlace::Variable ? "variable"
                       : P.Kind == TrackedPlace::Pointee ? "pointee"
                       : P.Kind == TrackedPlace::This    ? "this"
                                                         : "temporary";
    PrintingPolicy Policy(Ctx.getLangOpts());
    Policy.SuppressTagKeyword = true;
    OS << "    #" << I << " " << Kind << " '" << placeName(P) << "' : "
       << P.Type.getAsString(Policy) << "\n";
  }
  for (const VarDecl *V : F.Pointers) {
    OS << "  pointer '" << name(V) << "'";
    if (auto It = F.PointeeIndex.find(V); It != F.PointeeIndex.end())
      OS << ", its own object #" << It->second;
    OS << "\n";
  }
  // Aliases in source order (the set's order is not stable).
  std::vector<const VarDecl *> Aliases(F.AliasRefs.begin(), F.AliasRefs.end());
  llvm::sort(Aliases, [&](const VarDecl *A, const VarDecl *B) {
    return Ctx.getSourceManager().isBeforeInTranslationUnit(A->getLocation(),
                                                            B->getLocation());
  });
  for (const VarDecl *V : Aliases)
    OS << "  alias '" << name(V) << "'\n";

  OS << "  pins:\n";
  for (unsigned I = 0; I < F.Pins.size(); ++I) {
    const PinEvent &E = F.Pins[I];
    OS << "    pin#" << I << " at " << at(Ctx, E.Site ? E.Site->getBeginLoc() : SourceLocation())
       << " " << causeName(E.Cause);
    if (E.Via)
      OS << " via '" << name(E.Via) << "'";
    if (E.Var)
      OS << " of '" << name(E.Var) << "'";
    else if (I < F.PinPaths.size() && E.Target)
      OS << " path " << pathText(F.PinPaths[I]);
    if (Pins && !Pins->Verdicts.PinPlaces.empty()) {
      int P = Pins->Verdicts.PinPlaces[I];
      OS << " -> " << (P >= 0 ? "#" + std::to_string(P) : P == -1 ? "no place" : "unreached");
    }
    OS << "\n";
  }

  OS << "  operations:\n";
  for (unsigned I = 0; I < F.Ops.size(); ++I) {
    const Operation &Op = F.Ops[I];
    OS << "    op#" << I << " at " << at(Ctx, Op.Site->getBeginLoc()) << " "
       << familyName(Op.Family);
    if (!Op.Callee.empty())
      OS << " '" << Op.Callee << "'";
    if (Op.InnerFunction)
      OS << " inside '" << name(Op.InnerFunction) << "'";
    OS << "\n";
    for (unsigned K = 0; K < Op.Operands.size(); ++K) {
      const Operand &O = Op.Operands[K];
      OS << "      operand " << K << " " << roleName(O.Role);
      if (O.Var)
        OS << " '" << name(O.Var) << "'";
      else if (I < F.OperandPaths.size())
        OS << " path " << pathText(F.OperandPaths[I][K]);
      if (O.Element)
        OS << " (an element)";
      if (Pins && !Pins->Verdicts.Operands.empty()) {
        OS << ": " << verdictName(Pins->Verdicts.Operands[I][K]);
        for (const PinnedUse &U : Pins->Uses)
          if (U.Op == I && U.Operand == K)
            OS << " (#" << U.Target.Place << " since pin#" << U.Pin << ")";
      }
      OS << "\n";
    }
  }

  for (unsigned I = 0; I < F.Borrows.size(); ++I) {
    const ElementBorrow &B = F.Borrows[I];
    OS << "  borrow#" << I << " at " << at(Ctx, B.Site->getBeginLoc()) << " of '"
       << B.Container.spelling() << "' by "
       << (B.RangeFor ? std::string("a range-for") : "'" + name(B.Holder) + "'") << "\n";
  }
  for (unsigned I = 0; I < F.Growths.size(); ++I) {
    const ContainerGrowth &G = F.Growths[I];
    OS << "  growth#" << I << " at " << at(Ctx, G.Site->getBeginLoc()) << " '" << G.Method
       << "' on '" << G.Container.spelling() << "'" << (G.Whole ? " (whole)" : "") << "\n";
  }
  if (Relocations)
    for (const RelocatedBorrow &R : *Relocations)
      OS << "  relocation: growth#" << R.Growth << " while borrow#" << R.Borrow
         << " is used at " << at(Ctx, R.LaterUse ? R.LaterUse->getBeginLoc() : SourceLocation())
         << "\n";
  if (!Why.empty())
    OS << "  flow: " << Why << "\n";
  else if (Pins)
    OS << "  flow: solved\n";
}

} // namespace pincheck
