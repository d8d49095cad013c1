// PinFacts.cpp - the pin events of a body: what the catalog recognises (an
// address taken, a pinning parameter or member function, a lambda that
// escapes with a reference), `this` and p.get() handed out, objects pinned
// from their construction (locals, and temporaries an operation consumes),
// and what the caller pinned (entry pins). An address taken only to reach an operation's operand is not a pin
// of its own: dropConsumedAddresses removes it.
#include "facts/FactsBuilder.h"
#include "facts/Places.h"
#include "model/Annotations.h"
#include "model/Owners.h"

using namespace clang;

namespace pincheck {

void FactsBuilder::addPins(const Expr *E) {
  llvm::SmallVector<PinEvent, 2> P;
  classifyPins(E, Types.context(), Types.listed(), P);
  // p.get() hands out the address of a smart pointer's object, like &*p.
  if (isa<CXXMemberCallExpr>(E) && smartPointerAddress(E) && !NotHandedOut.count(E) &&
      Types.isAddressSensitive(pointeeOf(smartPointerAddress(E)->getType())))
    P.push_back({E, E, /*IsPointer=*/true, PinCause::HandedOut});
  for (PinEvent &Ev : P)
    F.Pins.push_back(Ev);
  noteNoEscapeArgs(E);
}

// The arguments of a call bound to [[clang::noescape]] parameters: an
// address among them is not a pin (dropConsumedAddresses).
void FactsBuilder::noteNoEscapeArgs(const Expr *E) {
  CallParts C(E);
  if (!C.Callee || !anyParamAttrs(C.Callee))
    return;
  for (unsigned I = 0; I < C.Args.size() && I < C.Callee->getNumParams(); ++I)
    if (noEscape(C.Callee, I))
      NoEscapeArgs.push_back(C.Args[I]);
}

// `this` itself passed on, stored or returned hands the object's address
// out, as `&x` does for a local.
void FactsBuilder::addThisHandedOut(const CXXThisExpr *TE) {
  if (!TE->isImplicit() && !NotHandedOut.count(TE))
    F.Pins.push_back({TE, TE, /*IsPointer=*/true, PinCause::ThisHandedOut});
}

// Parents are visited first: a `this` or `p.get()` E under one of them is
// marked before its own visit decides whether it pins.
void FactsBuilder::notHandedOut(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (isa<CXXThisExpr>(E) || (isa<CXXMemberCallExpr>(E) && smartPointerAddress(E)))
    NotHandedOut.insert(E);
}

// The pin of an object initialised by Init (a local's initialiser, a
// temporary's construction) when that makes it pinned from its
// construction: a constructor that hands `this` out, or that makes it
// self-referential (on some paths of the constructor only: "may"), or a
// function returning a value of a self-referential class, whose
// constructor is not known here ("may"). Site and Var are the caller's.
std::optional<PinEvent> FactsBuilder::constructionPin(const Expr *Init, const CXXRecordDecl *RD) {
  Init = Init->IgnoreImplicit();
  if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(Init))
    Init = FC->getSubExpr()->IgnoreImplicit();
  const auto *CE = dyn_cast<CXXConstructExpr>(Init);
  if (const ThisEscape *Esc = CE ? Escapes.escape(CE->getConstructor()) : nullptr) {
    PinEvent Ev{nullptr, nullptr, false, PinCause::ThisEscaped, CE->getConstructor(),
                Esc->Callee};
    Ev.Escape = Esc;
    return Ev;
  }
  if (!Types.infers())
    return std::nullopt;
  SelfReferenceModel &Self = Types.selfReferences();
  if (const SelfReference *S = Self.madeByInit(Init)) {
    PinEvent Ev{nullptr, nullptr, false, PinCause::SelfReferenced,
                CE ? CE->getConstructor() : nullptr};
    Ev.SelfRef = S;
    Ev.MayOnly = S->Conditional;
    return Ev;
  }
  // A prvalue returned by a function: made by a constructor in there.
  const auto *Call = dyn_cast<CallExpr>(Init);
  if (Call && Call->isPRValue() && RD)
    if (const SelfReference *S = Self.of(RD)) {
      PinEvent Ev{nullptr, nullptr, false, PinCause::SelfReferenced, nullptr,
                  Call->getDirectCallee()};
      Ev.SelfRef = S;
      Ev.MayOnly = true;
      return Ev;
    }
  return std::nullopt;
}

// A local made pinned from its construction is pinned from its declaration
// on (the event sits on the DeclStmt, after its reset).
void FactsBuilder::addConstructionPins(const DeclStmt *DS) {
  for (const Decl *D : DS->decls()) {
    const auto *V = dyn_cast<VarDecl>(D);
    if (!V || isa<ParmVarDecl>(V) || !V->isLocalVarDecl() || !isPlace(V, Types) ||
        !V->getInit() || V->getType()->isReferenceType())
      continue;
    if (std::optional<PinEvent> Ev =
            constructionPin(V->getInit(), V->getType()->getAsCXXRecordDecl())) {
      Ev->Site = DS;
      Ev->Var = V;
      F.Pins.push_back(*Ev);
    }
  }
}

// An operand that is a temporary (`v.push_back(Header("x"))`,
// `h = Header("y")`): what makes it, or null. It is no variable's object,
// so only its construction can have pinned it.
static const Expr *temporaryOperand(const Operand &O) {
  if (O.IsPointer || O.Var)
    return nullptr;
  const Expr *Made = stripMoveCasts(O.E);
  return Made->isPRValue() && Made->getType()->isRecordType() ? Made : nullptr;
}

// Whether an operand can reach a pinned object: not a temporary, or one
// pinned from its construction (kept, to become a place of its own).
bool FactsBuilder::keepOperand(const Operand &O) {
  const Expr *Made = temporaryOperand(O);
  if (!Made)
    return true;
  if (PendingTemporaries.count(Made))
    return true;
  std::optional<PinEvent> Ev;
  if (Types.isAddressSensitive(Made->getType()))
    Ev = constructionPin(Made, Made->getType()->getAsCXXRecordDecl());
  if (!Ev)
    return false;
  Ev->Site = Made;
  PendingTemporaries.insert({Made, *Ev});
  return true;
}

// The temporaries kept as operands: each a place of its own, pinned where
// it is made (after dropConsumedAddresses, which renumbers the pins).
void FactsBuilder::addTemporaryPins() {
  for (const Operation &Op : F.Ops)
    for (const Operand &O : Op.Operands) {
      const Expr *Made = temporaryOperand(O);
      auto It = Made ? PendingTemporaries.find(Made) : PendingTemporaries.end();
      if (It == PendingTemporaries.end() || F.Temporaries.count(Made))
        continue;
      F.Temporaries[Made] = {unsigned(F.Places.size()), unsigned(F.Pins.size())};
      F.Places.push_back({TrackedPlace::Temporary, nullptr, Made->getType(), Made});
      F.Pins.push_back(It->second);
    }
}

void FactsBuilder::addReturnedLambdaPins(const ReturnStmt *RS) {
  llvm::SmallVector<PinEvent, 1> P;
  returnedLambdaPins(RS->getRetValue(), P);
  F.Pins.insert(F.Pins.end(), P.begin(), P.end());
}

static void addEntryPin(FunctionFacts &F, const NamedDecl *Via, unsigned Place) {
  PinEvent Ev{nullptr, nullptr, false, PinCause::OnEntry, Via};
  F.EntryPins.push_back({unsigned(F.Pins.size()), Place});
  F.Pins.push_back(Ev);
}

// What the caller pinned: *this in a PIN_PINS_THIS member function, the
// object of a PIN_PINS parameter. Pinned from the start, so moving it
// inside is reported too.
void FactsBuilder::addEntryPins() {
  const auto *MD = dyn_cast<CXXMethodDecl>(F.FD);
  if (MD && !MD->isStatic() && functionHas(MD, Annotation::PinsThis)) {
    QualType T = Types.context().getCanonicalTagType(MD->getParent());
    if (F.ThisPlace < 0 && Types.isAddressSensitive(T)) {
      F.ThisPlace = F.Places.size();
      F.Places.push_back({TrackedPlace::This, nullptr, T});
    }
    if (F.ThisPlace >= 0)
      addEntryPin(F, MD, unsigned(F.ThisPlace));
  } else if (MD && !MD->isStatic() && F.ThisPlace >= 0) {
    addObjectSelfReference(MD);
  }
  for (unsigned I = 0; I < F.FD->getNumParams(); ++I) {
    const ParmVarDecl *P = F.FD->getParamDecl(I);
    if (paramHas(F.FD, I, Annotation::Pins)) {
      if (auto It = F.PlaceIndex.find(P); It != F.PlaceIndex.end())
        addEntryPin(F, P, It->second);
      else if (auto It = F.PointeeIndex.find(P); It != F.PointeeIndex.end())
        addEntryPin(F, P, It->second);
      continue;
    }
    addParameterSelfReference(P);
  }
}

// A parameter's object of a self-referential class was made by a
// constructor this function does not see: it may be self-referential, so
// may be pinned from its construction (a copy or move constructor that
// does not re-point makes one that is not).
void FactsBuilder::addParameterSelfReference(const ParmVarDecl *P) {
  if (!Types.infers())
    return;
  auto It = F.PlaceIndex.find(P);
  if (It == F.PlaceIndex.end())
    return;
  const CXXRecordDecl *RD = P->getType().getNonReferenceType()->getAsCXXRecordDecl();
  const SelfReference *S = RD ? Types.selfReferences().of(RD) : nullptr;
  if (!S)
    return;
  PinEvent Ev{nullptr, nullptr, false, PinCause::SelfReferenced, P};
  Ev.SelfRef = S;
  Ev.MayOnly = true;
  F.EntryPins.push_back({unsigned(F.Pins.size()), It->second});
  F.Pins.push_back(Ev);
}

// The object a member function of a self-referential class runs on was
// made by a constructor this function does not see: it may be pinned from
// its construction, as a parameter's object may. Not in a constructor or
// destructor, where the object is being made or unmade.
void FactsBuilder::addObjectSelfReference(const CXXMethodDecl *MD) {
  if (!Types.infers() || isa<CXXConstructorDecl, CXXDestructorDecl>(MD) ||
      MD->getParent()->isLambda())
    return;
  const SelfReference *S = Types.selfReferences().of(MD->getParent());
  if (!S)
    return;
  PinEvent Ev{nullptr, nullptr, false, PinCause::SelfReferenced, MD};
  Ev.SelfRef = S;
  Ev.MayOnly = true;
  F.EntryPins.push_back({unsigned(F.Pins.size()), unsigned(F.ThisPlace)});
  F.Pins.push_back(Ev);
}

// &x used as the pointer operand of an operation or of a pinning parameter is
// how that call reaches x, not a pin of its own.
static const Expr *takenAddress(const Expr *E) {
  E = stripPointerCasts(E);
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      return UO;
  if (addressofArgument(E, nullptr))
    return E;
  if (isa_and_nonnull<CXXMemberCallExpr>(E) && smartPointerAddress(E))
    return E; // p.get()
  if (isa_and_nonnull<CXXThisExpr>(E))
    return E;
  return nullptr;
}

void FactsBuilder::dropConsumedAddresses() {
  llvm::SmallPtrSet<const Expr *, 8> Consumed;
  for (const Operation &Op : F.Ops)
    for (const Operand &O : Op.Operands)
      if (O.IsPointer)
        if (const Expr *A = takenAddress(O.E))
          Consumed.insert(A);
  // An address passed to a [[clang::noescape]] parameter is not kept.
  for (const Expr *E : NoEscapeArgs)
    if (const Expr *A = takenAddress(E))
      Consumed.insert(A);
  for (const DestroyEvent &D : F.Destroys)
    if (D.IsPointer)
      if (const Expr *A = takenAddress(D.Target))
        Consumed.insert(A);
  for (const PinEvent &P : F.Pins)
    if (P.IsPointer && (P.Cause == PinCause::PinsParam || P.Cause == PinCause::ByCallee ||
                        P.Cause == PinCause::MarkPinned || P.Cause == PinCause::KeptByAttribute ||
                        P.Cause == PinCause::PinsListed))
      if (const Expr *A = takenAddress(P.Target))
        Consumed.insert(A);
  std::vector<PinEvent> Kept;
  llvm::SmallVector<bool, 16> Entry(F.Pins.size(), false);
  for (auto &[Pin, Place] : F.EntryPins) {
    unsigned I = Kept.size();
    Kept.push_back(F.Pins[Pin]);
    Entry[Pin] = true;
    Pin = I;
  }
  for (unsigned PI = 0; PI < F.Pins.size(); ++PI) {
    const PinEvent &P = F.Pins[PI];
    if (Entry[PI])
      continue;
    bool IsAddress = P.Cause == PinCause::AddressOf ||
                     P.Cause == PinCause::StdAddressof ||
                     P.Cause == PinCause::BuiltinAddressof || P.Cause == PinCause::HandedOut ||
                     P.Cause == PinCause::ThisHandedOut;
    if (IsAddress && Consumed.count(cast<Expr>(P.Site)))
      continue;
    F.PinsAt[P.Site].push_back(Kept.size());
    Kept.push_back(P);
  }
  F.Pins = std::move(Kept);
}

} // namespace pincheck
