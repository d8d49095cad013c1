#include "Explain.h"
#include "Text.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace pincheck {

std::string Explainer::spelling(const Expr *E) {
  if (!E)
    return "";
  SourceRange R = E->getSourceRange();
  if (R.isInvalid() || R.getBegin().isMacroID() || R.getEnd().isMacroID())
    return "";
  StringRef Text = Lexer::getSourceText(CharSourceRange::getTokenRange(R),
                                        Ctx.getSourceManager(), Ctx.getLangOpts());
  if (Text.empty() || Text.size() > 60 || Text.contains('\n'))
    return "";
  return Text.str();
}

std::string Explainer::typeName(QualType T) {
  PrintingPolicy P(Ctx.getLangOpts());
  P.SuppressTagKeyword = true;
  P.SuppressScope = false;
  P.FullyQualifiedName = true;
  return T.getAsString(P);
}

// How a variable is named to users; a structured binding's hidden variable
// by its bindings: "[x, y]".
static std::string placeName(const VarDecl *V) {
  if (const auto *DD = dyn_cast<DecompositionDecl>(V)) {
    std::string S = "[";
    for (const BindingDecl *B : DD->bindings()) {
      if (S.size() > 1)
        S += ", ";
      S += B->getNameAsString();
    }
    return S + "]";
  }
  return V->getNameAsString();
}

std::string Explainer::partSpelling(const FunctionFacts &F, const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 16; ++Depth) {
    E = stripMoveCasts(E);
    if (const auto *OVE = dyn_cast<OpaqueValueExpr>(E)) {
      E = OVE->getSourceExpr();
      continue;
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    if (!DRE)
      return spelling(E);
    if (isa<BindingDecl>(DRE->getDecl()))
      return DRE->getDecl()->getNameAsString();
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    if (!V || !F.AliasRefs.count(V))
      return "";
    // A range-for's reference is bound to `*__begin`, spelt ':': name it.
    if (V->isCXXForRangeDecl())
      return V->getNameAsString();
    E = V->getInit();
  }
  return "";
}


std::string Explainer::operandName(const FunctionFacts &F, const PinnedUse &U) {
  std::string Root = quoted(placeName(F.Places[U.Target.Place]));
  const Operand &O = F.Ops[U.Op].Operands[U.Operand];
  if (O.Element) {
    // An iterator names its range's element, not itself.
    if (O.IsPointer)
      return "an element of " + Root;
    std::string Range = spelling(stripMoveCasts(O.E));
    return "an element of " + (Range.empty() ? Root : quoted(Range));
  }
  if (U.Target.Whole)
    return Root;
  // A reference to a part or a binding names the part; a pointer variable to
  // a part names what is pinned.
  std::string S = partSpelling(F, namedObject(O.E, O.IsPointer));
  return S.empty() ? Root : quoted(S);
}

Note Explainer::pinNote(const FunctionFacts &F, const PinnedUse &U) {
  const PinEvent &Ev = F.Pins[U.Pin];
  std::string Root = placeName(F.Places[U.Target.Place]);
  // The part that was pinned, when it is not the whole variable.
  std::string Part = partSpelling(F, namedObject(Ev.Target, Ev.IsPointer));
  auto Subject = [&](StringRef Whole) {
    return Part.empty() ? Whole.str() : quoted(Part);
  };
  std::string Cause;
  auto Named = [](const NamedDecl *D) {
    return D && D->getDeclName() ? D->getNameAsString() : std::string();
  };
  std::string AddressTaken =
      Part.empty() ? "its address is taken" : "the address of " + quoted(Part) + " is taken";
  switch (Ev.Cause) {
  case PinCause::AddressOf:
    Cause = AddressTaken;
    break;
  case PinCause::StdAddressof:
    Cause = AddressTaken + " by 'std::addressof'";
    break;
  case PinCause::BuiltinAddressof:
    Cause = AddressTaken + " by '__builtin_addressof'";
    break;
  case PinCause::PinsParam: {
    std::string P = Named(Ev.Via);
    std::string Fn = Named(Ev.Callee);
    if (const auto *Ctor = dyn_cast_or_null<CXXConstructorDecl>(Ev.Callee))
      Fn = Ctor->getParent()->getNameAsString();
    Cause = Subject("it") + " is passed to " +
            (P.empty() ? std::string("a pinning parameter") : "pinning parameter " + quoted(P)) +
            " of " + quoted(Fn);
    break;
  }
  case PinCause::PinsThis:
    Cause = "pinning member function " + quoted(Named(Ev.Via)) + " is called on " +
            Subject("it");
    break;
  case PinCause::MarkPinned:
    Cause = Subject("it") + " is marked pinned by 'pin::mark_pinned'";
    break;
  case PinCause::CapturedByRef: {
    auto ClassName = [](const CXXRecordDecl *RD) {
      return quoted((RD->isInStdNamespace() ? "std::" : "") + RD->getNameAsString());
    };
    std::string Where = "is passed to " + quoted(Named(Ev.Callee));
    if (const auto *Ctor = dyn_cast_or_null<CXXConstructorDecl>(Ev.Callee))
      Where = "is stored in " + ClassName(Ctor->getParent());
    else if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Ev.Callee);
             MD && MD->getOverloadedOperator() == OO_Equal)
      Where = "is stored in " + ClassName(MD->getParent());
    Cause = "it is captured by reference by a lambda that " + Where;
    break;
  }
  case PinCause::ByCallee:
    Cause = Subject("it") + " is passed to " + quoted(Named(Ev.Callee)) + ", which pins it";
    break;
  case PinCause::ThisEscaped: {
    const auto *Ctor = dyn_cast_or_null<CXXConstructorDecl>(Ev.Via);
    Cause = "it is made by constructor " +
            quoted(Ctor ? Ctor->getParent()->getNameAsString() : std::string("?")) +
            ", which lets 'this' escape";
    break;
  }
  }
  Note N;
  N.Loc = Ev.Site->getBeginLoc();
  N.Message = quoted(Root) + (U.Must ? " is pinned here: " : " may be pinned here: ") + Cause;
  return N;
}

// How a pin inside a callee happened, said of its parameter.
static std::string innerCause(const PinEvent &Ev) {
  auto Named = [](const NamedDecl *D) {
    return D && D->getDeclName() ? D->getNameAsString() : std::string();
  };
  switch (Ev.Cause) {
  case PinCause::AddressOf:
  case PinCause::StdAddressof:
  case PinCause::BuiltinAddressof:
    return "its address is taken";
  case PinCause::PinsParam:
    return "it is passed to pinning parameter " + quoted(Named(Ev.Via)) + " of " +
           quoted(Named(Ev.Callee));
  case PinCause::PinsThis:
    return "pinning member function " + quoted(Named(Ev.Via)) + " is called on it";
  case PinCause::MarkPinned:
    return "it is marked pinned by 'pin::mark_pinned'";
  case PinCause::CapturedByRef:
    return "it is captured by reference by a lambda that escapes";
  case PinCause::ByCallee:
    return "it is passed to " + quoted(Named(Ev.Callee)) + ", which pins it";
  case PinCause::ThisEscaped:
    return "its constructor lets 'this' escape";
  }
  return "";
}

void Explainer::calleeNotes(const FunctionFacts &F, const PinnedUse &U,
                            std::vector<Note> &Out) {
  // The pin, down the chain of callees.
  for (const PinEvent *Ev = &F.Pins[U.Pin]; Ev->Cause == PinCause::ByCallee && Ev->Inner;
       Ev = Ev->Inner) {
    const auto *Param = dyn_cast_or_null<ParmVarDecl>(Ev->Via);
    Note N;
    N.Loc = Ev->Inner->Site->getBeginLoc();
    N.Message = quoted(Ev->Callee ? Ev->Callee->getNameAsString() : std::string()) +
                " pins its parameter " +
                quoted(Param && Param->getDeclName() ? Param->getNameAsString()
                                                     : std::string("#") +
                                                           std::to_string(Param ? Param->getFunctionScopeIndex() + 1 : 0)) +
                " here: " + innerCause(*Ev->Inner);
    Out.push_back(N);
  }
  // The relocation inside the callee.
  const Operation &Op = F.Ops[U.Op];
  if (Op.Inner && Op.InnerFunction) {
    static const char *Verb[] = {"moves", "copies", "swaps", "reads or writes as raw bytes",
                                 "constructs over"};
    Note N;
    const Operand &O = Op.Inner->Operands[0];
    N.Loc = (Op.Family == OpFamily::Move || Op.Family == OpFamily::Copy ? O.E
                                                                        : Op.Inner->Site)
                ->getBeginLoc();
    std::string Param;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(stripMoveCasts(O.E)->IgnoreParenImpCasts()))
      Param = " " + quoted(DRE->getDecl()->getNameAsString());
    N.Message = quoted(Op.InnerFunction->getNameAsString()) + " " +
                Verb[unsigned(Op.Family)] + " its parameter" + Param + " here";
    Out.push_back(N);
  }
}

std::optional<Note> Explainer::escapeNote(const FunctionFacts &F, const PinnedUse &U) {
  const PinEvent &Ev = F.Pins[U.Pin];
  if (Ev.Cause != PinCause::ThisEscaped || !Ev.Escape)
    return std::nullopt;
  Note N;
  N.Loc = Ev.Escape->getBeginLoc();
  std::string Callee;
  if (const auto *Ctor = dyn_cast_or_null<CXXConstructorDecl>(Ev.Callee))
    Callee = Ctor->getParent()->getNameAsString();
  else if (Ev.Callee && Ev.Callee->getDeclName())
    Callee = Ev.Callee->getNameAsString();
  N.Message = Ev.Callee ? "'this' escapes here: it is passed to " + quoted(Callee)
                        : std::string("'this' escapes here: it is stored outside the object");
  return N;
}

std::optional<Note> Explainer::aliasNote(const FunctionFacts &F, const PinnedUse &U) {
  const ValueDecl *A = U.Target.Alias;
  if (!A)
    return std::nullopt;
  Note N;
  N.Loc = A->getLocation();
  std::string Target = quoted(placeName(F.Places[U.Target.Place]));
  if (isa<BindingDecl>(A)) {
    N.Message = quoted(A->getName()) + " refers to a part of " + Target;
    return N;
  }
  const auto *V = cast<VarDecl>(A);
  bool IsRef = V->getType()->isReferenceType();
  if (IsRef && !U.Target.Whole)
    if (std::string S = partSpelling(F, V->getInit()); !S.empty())
      Target = quoted(S);
  N.Message = quoted(A->getName()) + (IsRef ? " refers to " : " points to ") + Target;
  return N;
}

// "member 'n'", or for an anonymous struct or union member, "an unnamed member".
static std::string memberPhrase(const NamedDecl *M) {
  return M->getDeclName() ? "member " + quoted(M->getNameAsString())
                          : std::string("an unnamed member");
}

void Explainer::typeNotes(QualType T, std::vector<Note> &Out) {
  for (const SensitivityReason &R : Types.explain(T)) {
    std::string Name = quoted(typeName(Ctx.getCanonicalTagType(R.Record)));
    std::string Why;
    switch (R.Kind) {
    case SensitivityReason::Annotated:
      Why = "it is annotated address-sensitive";
      break;
    case SensitivityReason::MarkerMember:
      Why = memberPhrase(R.Member) + " has marker type 'pin::phantom_pinned'";
      break;
    case SensitivityReason::MemberOf:
      Why = memberPhrase(R.Member) + " has type " + quoted(typeName(R.Via));
      break;
    case SensitivityReason::Base:
      Why = "it has base class " + quoted(typeName(R.Via));
      if (!R.Next)
        Why += ", the marker type";
      break;
    case SensitivityReason::HeldByValue:
      Why = "it holds a " + quoted(typeName(R.Via)) + " by value";
      break;
    }
    Out.push_back({R.Loc, Name + " is address-sensitive because " + Why});
  }
}

} // namespace pincheck
