// Explain.cpp - the notes of a finding, rendered from what the analysis
// computed: the pin event and its cause, the access path of the operand and
// of the pin (how a part was written), the callees' events from their
// summaries, the alias that reached the object, and the type model's chain.
#include "explain/Explain.h"
#include "model/Containers.h"
#include "model/Owners.h"
#include "model/SpecialMembers.h"
#include "model/Annotations.h"
#include "explain/Text.h"
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
  // C names a struct with its keyword: 'struct node'.
  P.SuppressTagKeyword = Ctx.getLangOpts().CPlusPlus;
  P.SuppressScope = false;
  P.FullyQualifiedName = true;
  return T.getAsString(P);
}

// How a variable is named to users; a structured binding's hidden variable
// by its bindings: "[x, y]".
static std::string variableName(const VarDecl *V) {
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

// A place as users would write it: "n", "*p", "*this".
std::string placeName(const TrackedPlace &P) {
  switch (P.Kind) {
  case TrackedPlace::Variable:
    return variableName(P.Var);
  case TrackedPlace::Pointee:
    return "*" + P.Var->getNameAsString();
  case TrackedPlace::This:
    return "*this";
  case TrackedPlace::Temporary:
    return "temporary";
  }
  llvm_unreachable("every place has a name");
}

std::string Explainer::partSpelling(const AccessPath &P, size_t I) {
  for (; I < P.Steps.size(); ++I) {
    const AccessStep &S = P.Steps[I];
    switch (S.Kind) {
    case StepKind::Opaque:
    case StepKind::Decay:
      continue;
    case StepKind::AliasRef:
      // A range-for's reference is bound to `*__begin`, spelt ':': name it.
      if (cast<VarDecl>(S.D)->isCXXForRangeDecl())
        return S.D->getNameAsString();
      continue;
    case StepKind::Binding:
      return S.D->getNameAsString();
    default:
      // A smart pointer's p.get() or p->, and `this`, name a whole object.
      return smartPointerAddress(S.E) || isa<CXXThisExpr>(S.E->IgnoreParenImpCasts())
                 ? ""
                 : spelling(S.E);
    }
  }
  return ""; // the variable, or *this, itself
}

// Where the object a pointer or glvalue path names starts: after `&`.
static size_t objectStart(const AccessPath &P, bool IsPointer) {
  return IsPointer && !P.Steps.empty() && P.Steps[0].Kind == StepKind::AddressOf &&
                 isa<UnaryOperator>(P.Steps[0].E)
             ? 1
             : 0;
}

std::string Explainer::operandName(const FunctionFacts &F, const PinnedUse &U) {
  if (const TrackedPlace &P = F.Places[U.Target.Place]; P.Kind == TrackedPlace::Temporary) {
    std::string S = spelling(P.Temp);
    return "the temporary " + (S.empty() ? "of type " + quoted(typeName(P.Type)) : quoted(S));
  }
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
  const AccessPath &P = F.OperandPaths[U.Op][U.Operand];
  std::string S = partSpelling(P, objectStart(P, O.IsPointer));
  return S.empty() ? Root : quoted(S);
}

// A declaration's name, or "".
static std::string named(const NamedDecl *D) {
  return D && D->getDeclName() ? D->getNameAsString() : std::string();
}

// A function as users call it: a constructor by its class.
static std::string calleeName(const FunctionDecl *FD) {
  if (const auto *Ctor = dyn_cast_or_null<CXXConstructorDecl>(FD))
    return Ctor->getParent()->getNameAsString();
  return named(FD);
}

// What a constructor does that makes its object self-referential, after
// "constructor 'C' ": "makes member 'name_' refer into member 'line_'",
// "calls 'init', which makes ...", "builds member 'h' with constructor
// 'Header', which makes ...".
static std::string refersPhrase(const SelfReference &S) {
  return "makes member " + quoted(S.MemberText) + " refer " +
         (S.Into ? "into member " + quoted(S.IntoText) : std::string("to the object itself")) +
         (S.Conditional ? " on some paths" : "");
}
static std::string makesPhrase(const SelfReference &S) {
  if (S.Inner && S.InnerCtor)
    return "builds member " + quoted(S.MemberText) + " with constructor " +
           quoted(calleeName(S.InnerCtor)) + ", which " + makesPhrase(*S.Inner);
  if (S.Inner && !S.Inner->Inner && !S.Inner->In)
    return "initialises member " + quoted(S.MemberText) +
           ", whose default member initializer " + refersPhrase(*S.Inner);
  if (S.Inner)
    return "initialises member " + quoted(S.MemberText) + ", and " + makesPhrase(*S.Inner);
  if (S.In && !isa<CXXConstructorDecl>(S.In))
    return "calls " + quoted(named(S.In)) + ", which " + refersPhrase(S);
  if (!S.In)
    return "runs the default member initializer that " + refersPhrase(S);
  return refersPhrase(S);
}

// "its constructor makes ...", "its default member initializer makes ...".
static std::string selfReferencePhrase(const SelfReference &S) {
  return S.In || S.Inner ? "its constructor " + makesPhrase(S)
                         : "its default member initializer " + refersPhrase(S);
}

Note Explainer::selfReferenceNote(const CXXRecordDecl *RD, const SelfReference &S) {
  SourceLocation Loc = S.Where ? S.Where->getExprLoc()
                       : S.Member ? S.Member->getLocation()
                                  : RD->getLocation();
  return {Loc, quoted(RD->getNameAsString()) + " is self-referential: " +
                   selfReferencePhrase(S)};
}

Note Explainer::relocatingMemberNote(const CXXMethodDecl *M, const SelfReference &S) {
  std::string Kind = M->isImplicit() ? "implicit " : M->isUserProvided() ? "" : "defaulted ";
  bool Move = isMoveMember(M);
  Kind += Move ? "move " : "copy ";
  Kind += isa<CXXConstructorDecl>(M) ? "constructor" : "assignment operator";
  const CXXRecordDecl *RD = M->getParent();
  SourceLocation Loc = M->isImplicit() ? RD->getLocation() : M->getLocation();
  return {Loc, std::string("the elements are ") + (Move ? "moved" : "copied") + " by the " +
                   Kind + " of " + quoted(RD->getNameAsString()) +
                   ", which does not re-point member " + quoted(S.MemberText) +
                   " into its new object"};
}

// "its [[clang::lifetime_capture_by(this)]] says so", as written.
static std::string attributePhrase(const Attr *A) {
  if (const auto *C = dyn_cast_or_null<LifetimeCaptureByAttr>(A)) {
    std::string Args;
    auto Idents = C->getArgIdents();
    unsigned K = 0;
    for (int P : C->params()) {
      if (!Args.empty())
        Args += ", ";
      if (K < Idents.size() && Idents[K])
        Args += Idents[K]->getName().str();
      else
        Args += P == LifetimeCaptureByAttr::This     ? "this"
                : P == LifetimeCaptureByAttr::Global ? "global"
                                                     : "unknown";
      ++K;
    }
    return "it is marked [[clang::lifetime_capture_by(" + Args + ")]]";
  }
  return "the constructor's parameter is marked [[clang::lifetimebound]]";
}

// What a constructor of another file does with `this`, as the index says.
static std::string escapePhrase(const IndexedFunction &X) {
  if (!X.Escape->Callee.empty())
    return "it is passed to " + quoted(X.Escape->Callee);
  if (!X.Escape->Field.empty())
    return "it is stored in member " + quoted(X.Escape->Field) + " of another object";
  return "it is stored outside the object";
}

// Where an event in another file is, when its file cannot be shown (the
// note then has no place): " (in /src/a.cpp:12, per the summaries index)".
static std::string elsewhere(SourceLocation Loc, const IndexedFunction &X,
                             const IndexedSite &Site) {
  return Loc.isValid() ? std::string(" (per the summaries index)")
                       : " (in " + X.File + ":" + std::to_string(Site.Line) +
                             ", per the summaries index)";
}

// How Ev pinned its target. Subject names the target ("it", or the part
// that was pinned, quoted).
static std::string pinCause(const PinEvent &Ev, const std::string &Subject) {
  std::string AddressTaken = Subject == "it" ? std::string("its address is taken")
                                             : "the address of " + Subject + " is taken";
  switch (Ev.Cause) {
  case PinCause::AddressOf:
    return AddressTaken;
  case PinCause::OnEntry:
    if (isa_and_nonnull<FunctionDecl>(Ev.Via))
      return "pinning member function " + quoted(named(Ev.Via)) + " runs on it";
    return "the caller passed it to pinning parameter " + quoted(named(Ev.Via));
  case PinCause::ThisHandedOut:
    return "'this' is handed out";
  case PinCause::HandedOut:
    return "its address is handed out by 'get'";
  case PinCause::StdAddressof:
    return AddressTaken + " by 'std::addressof'";
  case PinCause::BuiltinAddressof:
    return AddressTaken + " by '__builtin_addressof'";
  case PinCause::PinsParam: {
    std::string P = named(Ev.Via);
    return Subject + " is passed to " +
           (P.empty() ? std::string("a pinning parameter") : "pinning parameter " + quoted(P)) +
           " of " + quoted(calleeName(Ev.Callee));
  }
  case PinCause::PinsListed:
    return Subject + " is passed to " + quoted(calleeName(Ev.Callee)) +
           ", which the option PinningFunctions lists as pinning";
  case PinCause::KeptByAttribute: {
    const auto *P = dyn_cast_or_null<ParmVarDecl>(Ev.Via);
    std::string Param = P && P->getIdentifier() ? "parameter " + quoted(named(P)) + " of "
                                                : std::string("a parameter of ");
    return Subject + " is passed to " + Param + quoted(calleeName(Ev.Callee)) + ", which keeps it: " +
           attributePhrase(keepsArgument(Ev.Callee, P ? P->getFunctionScopeIndex() : 0));
  }
  case PinCause::PinsThis:
    return "pinning member function " + quoted(named(Ev.Via)) + " is called on " + Subject;
  case PinCause::MarkPinned:
    return Subject + " is marked pinned by " +
           quoted(Ev.Callee ? Ev.Callee->getQualifiedNameAsString() : "pin::mark_pinned");
  case PinCause::CapturedByRef: {
    if (!Ev.Callee)
      return "it is captured by reference by a lambda that is returned";
    // Stored in the class whose constructor or assignment received it.
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Ev.Callee);
    if (MD && (isa<CXXConstructorDecl>(MD) || MD->getOverloadedOperator() == OO_Equal)) {
      const CXXRecordDecl *RD = MD->getParent();
      return "it is captured by reference by a lambda that is stored in " +
             quoted((RD->isInStdNamespace() ? "std::" : "") + RD->getNameAsString());
    }
    return "it is captured by reference by a lambda that is passed to " +
           quoted(calleeName(Ev.Callee));
  }
  case PinCause::ByCallee:
    if (isa_and_nonnull<FunctionDecl>(Ev.Via)) // the object of a member function
      return "member function " + quoted(calleeName(Ev.Callee)) + " is called on " + Subject +
             ", which pins it";
    return Subject + " is passed to " + quoted(calleeName(Ev.Callee)) + ", which pins it";
  case PinCause::ThisEscaped:
    return "it is made by constructor " +
           quoted(calleeName(dyn_cast_or_null<FunctionDecl>(Ev.Via))) +
           (Ev.Escape && Ev.Escape->Annotated ? ", annotated PIN_PINS_THIS"
                                               : ", which lets 'this' escape");
  case PinCause::SelfReferenced: {
    const SelfReference &S = *Ev.SelfRef;
    if (const auto *Ctor = dyn_cast_or_null<CXXConstructorDecl>(Ev.Via))
      return "constructor " + quoted(calleeName(Ctor)) + " " + makesPhrase(S);
    // What any object of the class gets from its construction.
    std::string Class = quoted(S.Member->getParent()->getNameAsString());
    std::string OfClass = S.In || S.Inner
                              ? "a constructor of " + Class + " " + makesPhrase(S)
                              : "the default member initializer of " + Class + " " +
                                    refersPhrase(S);
    if (isa_and_nonnull<ParmVarDecl>(Ev.Via))
      return "it is a parameter, made by the caller, and " + OfClass;
    if (isa_and_nonnull<CXXMethodDecl>(Ev.Via))
      return "it is the object " + quoted(named(Ev.Via)) +
             " runs on, made by its caller, and " + OfClass;
    if (Ev.Callee)
      return "it is returned by " + quoted(calleeName(Ev.Callee)) + ", and " + OfClass;
    if (!Ev.Via)
      return S.Inner ? "its initializer " + makesPhrase(S) : OfClass;
    return "it is self-referential";
  }
  }
  llvm_unreachable("every pin cause has its words");
}

std::string Explainer::howPinned(const PinEvent &Ev) { return pinCause(Ev, "it"); }

Note Explainer::pinNote(const FunctionFacts &F, const PinnedUse &U) {
  const PinEvent &Ev = F.Pins[U.Pin];
  std::string Root = placeName(F.Places[U.Target.Place]);
  // The part that was pinned, when it is not the whole variable.
  const AccessPath &P = F.PinPaths[U.Pin];
  std::string Part = partSpelling(P, objectStart(P, Ev.IsPointer));
  if (Part == Root) // `&*p` when *p is the place
    Part.clear();
  Note N;
  N.Loc = Ev.Site ? Ev.Site->getBeginLoc() : Ev.Via->getLocation();
  if (F.Places[U.Target.Place].Kind == TrackedPlace::Temporary) {
    N.Message = std::string("the temporary ") +
                (U.Must ? "is pinned from its construction: "
                        : "may be pinned from its construction: ") +
                pinCause(Ev, "it");
    return N;
  }
  if (Ev.Cause == PinCause::SelfReferenced) {
    // Pinned where it is made, for what its constructor does.
    N.Loc = Ev.Var ? Ev.Var->getLocation() : Ev.Via->getLocation();
    N.Message = quoted(Root) +
                (U.Must ? " is pinned from its construction: " : " may be pinned from its construction: ") +
                pinCause(Ev, "it");
    return N;
  }
  N.Message = quoted(Root) + (U.Must ? " is pinned here: " : " may be pinned here: ") +
              pinCause(Ev, Part.empty() ? std::string("it") : quoted(Part));
  return N;
}

void Explainer::calleeNotes(const FunctionFacts &F, const PinnedUse &U,
                            std::vector<Note> &Out) {
  // The pin, down the chain of callees.
  for (const PinEvent *Ev = &F.Pins[U.Pin]; Ev->Cause == PinCause::ByCallee && Ev->Inner;
       Ev = Ev->Inner) {
    Note N;
    // Via is the parameter, or the member function itself for its object;
    // an event in another file is the end of the chain.
    if (const IndexedEvent &X = Ev->Inner->External) {
      N.Loc = indexedLocation(Ctx, X.Function->File, X.Site);
      N.Message = quoted(calleeName(Ev->Callee)) + " pins " +
                  (isa<FunctionDecl>(Ev->Via) ? std::string("its object")
                                              : "its parameter " + quoted(named(Ev->Via))) +
                  " here: " + X.How.str() + elsewhere(N.Loc, *X.Function, X.Site);
      Out.push_back(N);
      break;
    }
    N.Loc = Ev->Inner->Site->getBeginLoc();
    std::string What = isa<FunctionDecl>(Ev->Via) ? std::string("its object")
                                                  : "its parameter " + quoted(named(Ev->Via));
    // A member of it pinned inside is named as written there.
    std::string Part;
    if (const AccessPath *P = Ev->InnerPath) {
      size_t I = objectStart(*P, Ev->Inner->IsPointer);
      if (I < P->Steps.size() && P->Steps[I].Kind == StepKind::Field)
        Part = spelling(P->Steps[I].E);
    }
    N.Message = quoted(calleeName(Ev->Callee)) + " pins " + What + " here: " +
                pinCause(*Ev->Inner, Part.empty() ? std::string("it") : quoted(Part));
    Out.push_back(N);
  }
  // The relocation inside the callee.
  const Operation &Op = F.Ops[U.Op];
  if (!Op.Inner || !Op.InnerFunction)
    return;
  const char *Verb = "";
  switch (Op.Family) {
  case OpFamily::Move:
    Verb = "moves";
    break;
  case OpFamily::Copy:
    Verb = "copies";
    break;
  case OpFamily::Swap:
    Verb = "swaps";
    break;
  case OpFamily::RawMemory:
    Verb = "reads or writes as raw bytes";
    break;
  case OpFamily::StorageReuse:
    Verb = "constructs over";
    break;
  case OpFamily::None:
    break;
  }
  const Operand &O = Op.Inner->Operands[0];
  Note N;
  if (const IndexedEvent &X = Op.Inner->External)
    N.Loc = indexedLocation(Ctx, X.Function->File, X.Site);
  else
    N.Loc = (Op.Family == OpFamily::Move || Op.Family == OpFamily::Copy ? O.E : Op.Inner->Site)
                ->getBeginLoc();
  // The parameter it reaches (`p`, `*p`, `p->m`), or its object (`this->m`).
  std::string Param = " its parameter";
  if (const AccessPath *P = Op.InnerPath) {
    if (P->Root == AccessPath::RootKind::This)
      Param = " its object";
    else if (P->Root == AccessPath::RootKind::Variable)
      Param += " " + quoted(named(P->Var));
  }
  N.Message = quoted(calleeName(Op.InnerFunction)) + " " + Verb + Param +
              " here";
  if (const IndexedEvent &X = Op.Inner->External)
    N.Message += elsewhere(N.Loc, *X.Function, X.Site);
  Out.push_back(N);
}

std::optional<Note> Explainer::originNote(const FunctionFacts &F, const PinnedUse &U) {
  const PinEvent &Ev = F.Pins[U.Pin];
  Note N;
  if (Ev.Cause == PinCause::ThisEscaped && Ev.Escape && Ev.Escape->Annotated)
    return std::nullopt; // the type notes point at the annotation
  if (Ev.Cause == PinCause::ThisEscaped && Ev.Escape && Ev.Escape->Where) {
    N.Loc = Ev.Escape->Where->getBeginLoc();
    N.Message = Ev.Callee ? "'this' escapes here: it is passed to " + quoted(calleeName(Ev.Callee))
                          : std::string("'this' escapes here: it is stored outside the object");
    return N;
  }
  if (Ev.Cause == PinCause::ThisEscaped && Ev.Escape && Ev.Escape->External) {
    const IndexedFunction &X = *Ev.Escape->External;
    N.Loc = indexedLocation(Ctx, X.File, X.Escape->Site);
    N.Message = "'this' escapes here: " + escapePhrase(X) + elsewhere(N.Loc, X, X.Escape->Site);
    return N;
  }
  if (Ev.Cause != PinCause::SelfReferenced || !Ev.SelfRef)
    return std::nullopt;
  const SelfReference *S = Ev.SelfRef;
  while (S->Inner)
    S = S->Inner;
  // The type notes already point at it when it is what makes the class
  // address-sensitive.
  for (const SensitivityReason &R : Types.explain(U.Target.ObjType))
    if (R.Kind == SensitivityReason::SelfReferential && R.Self->Where == S->Where)
      return std::nullopt;
  if (!S->Where)
    return std::nullopt;
  N.Loc = S->Where->getBeginLoc();
  N.Message = "member " + quoted(S->MemberText) + " is made to refer " +
              (S->Into ? "into member " + quoted(S->IntoText) : std::string("to the object itself")) +
              " here";
  return N;
}

void Explainer::borrowNotes(const FunctionFacts &F, const RelocatedBorrow &RB,
                            std::vector<Note> &Out) {
  const ContainerGrowth &G = F.Growths[RB.Growth];
  const ElementBorrow &B = F.Borrows[RB.Borrow];
  std::string Container = quoted(B.Container.spelling()), Holder = quoted(named(B.Holder));
  Note Pin;
  Pin.Loc = B.Site->getBeginLoc();
  Pin.Message = B.RangeFor ? "the range-for loop over " + Container + " starts here"
                           : Holder + " refers to an element of " + Container + " here";
  Out.push_back(Pin);
  if (!B.RangeFor && RB.LaterUse) {
    Note Use;
    Use.Loc = RB.LaterUse->getBeginLoc();
    Use.Message = Holder + " is used here, after the call";
    Out.push_back(Use);
  }
  for (const ContainerGrowth *Inner = G.Inner; Inner; Inner = Inner->Inner) {
    if (const IndexedEvent &X = Inner->External) {
      Note N;
      N.Loc = indexedLocation(Ctx, X.Function->File, X.Site);
      N.Message = "it calls " + quoted(Inner->Method) + " on the container here" +
                  elsewhere(N.Loc, *X.Function, X.Site);
      Out.push_back(N);
      break;
    }
    Note N;
    N.Loc = Inner->Site->getBeginLoc();
    N.Message = "it calls " + quoted(Inner->Method) + " on the container here";
    Out.push_back(N);
  }
  typeNotes(Types.containers().relocatingElementType(B.Container.Type), Out);
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
  if (IsRef && !U.Target.Whole) {
    // What the reference was bound to: the steps after it in the operand's path.
    const AccessPath &P = F.OperandPaths[U.Op][U.Operand];
    for (size_t I = 0; I < P.Steps.size(); ++I)
      if (P.Steps[I].Kind == StepKind::AliasRef && P.Steps[I].D == V) {
        if (std::string S = partSpelling(P, I + 1); !S.empty())
          Target = quoted(S);
        break;
      }
  }
  N.Message = quoted(A->getName()) + (IsRef ? " refers to " : " points to ") + Target;
  return N;
}

// "member 'n'", or for an anonymous struct or union member, "an unnamed member".
static std::string memberPhrase(const NamedDecl *M) {
  return M->getDeclName() ? "member " + quoted(M->getNameAsString())
                          : std::string("an unnamed member");
}

std::string Explainer::placePhrase(const NamedDecl *D) {
  return isa<FieldDecl>(D) ? memberPhrase(D) : "global " + quoted(D->getNameAsString());
}

Note Explainer::storedElementNote(const StoredElement &S, const ContainerRef &C) {
  Note N;
  N.Loc = S.Site->getBeginLoc();
  N.Message = "the address of an element of " +
              quoted(C.Steps.back().Field->getNameAsString()) + " is stored in " +
              placePhrase(S.Into) + " here";
  return N;
}

Note Explainer::elementReadNote(const Expr *Read, const ContainerRef &C) {
  std::string Text = spelling(Read);
  Note N;
  N.Loc = Read->getBeginLoc();
  N.Message = (Text.empty() ? std::string("the right side") : quoted(Text)) +
              " refers to an element of " + quoted(C.spelling()) + " here";
  return N;
}

Note Explainer::allocationFirstNote(const ReallocationFirst &R) {
  std::string Param = quoted(R.Param->getNameAsString());
  const auto *Via = dyn_cast<CXXMemberCallExpr>(R.Site);
  Note N;
  N.Loc = R.Site->getBeginLoc();
  N.Message = Via && Via->getMethodDecl()
                  ? "it calls " + quoted(Via->getMethodDecl()->getNameAsString()) +
                        ", which allocates, here, before it reads " + Param
                  : "it allocates here, before it reads " + Param;
  return N;
}

void Explainer::typeNotes(QualType T, std::vector<Note> &Out) {
  for (const SensitivityReason &R : Types.explain(T)) {
    SourceLocation Loc = R.Loc;
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
    case SensitivityReason::SelfReferential:
      Why = selfReferencePhrase(*R.Self);
      if (const IndexedFunction *X = R.Self->External) {
        Loc = indexedLocation(Ctx, X->File, X->SelfReference->Site);
        Why += elsewhere(Loc, *X, X->SelfReference->Site);
      }
      break;
    case SensitivityReason::ThisEscapes:
      if (R.Escape->External) {
        Loc = indexedLocation(Ctx, R.Escape->External->File, R.Escape->External->Escape->Site);
        Why = "its constructor lets 'this' escape: " + escapePhrase(*R.Escape->External) +
              elsewhere(Loc, *R.Escape->External, R.Escape->External->Escape->Site);
        break;
      }
      Why = R.Escape->Annotated
                ? "its constructor " + quoted(calleeName(R.Escape->Ctor)) +
                      " is annotated PIN_PINS_THIS"
            : R.Escape->Callee
                ? "its constructor lets 'this' escape: it is passed to " +
                      quoted(R.Escape->Callee->getNameAsString())
                : std::string("its constructor lets 'this' escape: it is stored outside the "
                              "object");
      break;
    case SensitivityReason::Listed:
      Why = "the option AddressSensitiveClasses lists it";
      break;
    case SensitivityReason::HeldByValue:
      Why = "it holds a " + quoted(typeName(R.Via)) + " by value";
      break;
    }
    Out.push_back({Loc, Name + " is address-sensitive because " + Why});
  }
}

} // namespace pincheck
