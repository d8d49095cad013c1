// Summaries.cpp - a function's summary from its facts: which parameters
// (or its object) it pins, relocates or grows, found from the access paths
// of its events (paramOf), computed once and on demand.
#include "facts/Summaries.h"
#include "facts/Collector.h"
#include "facts/Places.h"
#include "catalog/ContainerCalls.h"
#include "model/Annotations.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace pincheck {
namespace {

// What paramOf returns for *this.
constexpr int ObjectIndex = -2;
unsigned paramIndex(int I) { return I == ObjectIndex ? ObjectParam : unsigned(I); }

// Steps[I..] are, outermost first, a chain of '.' members and subscripts of
// a decayed array (a part of the object the chain starts from).
bool partChain(const AccessPath &P, size_t I, size_t End) {
  for (; I < End; ++I) {
    const AccessStep &S = P.Steps[I];
    if (S.Kind == StepKind::Field && !cast<MemberExpr>(S.E)->isArrow())
      continue;
    if (S.Kind == StepKind::Index && I + 1 < End && P.Steps[I + 1].Kind == StepKind::Decay) {
      ++I;
      continue;
    }
    return false;
  }
  return true;
}

// The parameter of FD a path (of a glvalue, or IsPointer of a pointer)
// starts from: a reference parameter (the object, or with !WholeOnly a part
// of it: members, elements of member arrays), the object of a pointer
// parameter (`*p`, and with !WholeOnly `p->m` and parts of those), the
// pointer parameter itself as a pointer, or the object a member function
// runs on (`*this`, `this`, and with !WholeOnly `this->m` and member arrays
// of it decaying). -1 if none. Local references are not read through.
int paramOf(const AccessPath &P, const FunctionDecl *FD, bool WholeOnly, bool IsPointer) {
  if (!P)
    return -1;
  auto Param = [&](bool Pointer) -> int {
    const auto *PV = P.Root == AccessPath::RootKind::Variable ? dyn_cast<ParmVarDecl>(P.Var)
                                                              : nullptr;
    if (!PV || PV->getDeclContext() != FD ||
        !(Pointer ? PV->getType()->isPointerType() : PV->getType()->isReferenceType()))
      return -1;
    return int(PV->getFunctionScopeIndex());
  };
  auto IsArrow = [](const AccessStep &S) {
    return S.Kind == StepKind::Field && cast<MemberExpr>(S.E)->isArrow();
  };
  // Steps[I..End) are only '.' members.
  auto DotMembers = [&](size_t I, size_t End) {
    for (; I < End; ++I)
      if (P.Steps[I].Kind != StepKind::Field || IsArrow(P.Steps[I]))
        return false;
    return true;
  };
  bool IsThis = P.Root == AccessPath::RootKind::This;
  size_t N = P.Steps.size(), I = 0;
  if (IsPointer) {
    if (N == 0)
      return IsThis ? ObjectIndex : Param(/*Pointer=*/true);
    const AccessStep &First = P.Steps[0];
    if (First.Kind == StepKind::Decay)
      return !WholeOnly && IsThis && N >= 2 && IsArrow(P.Steps.back()) && DotMembers(1, N - 1)
                 ? ObjectIndex
                 : -1;
    const auto *UO = dyn_cast<UnaryOperator>(First.E);
    if (First.Kind != StepKind::AddressOf || !UO ||
        stripMoveCasts(UO->getSubExpr())->getType()->isPointerType())
      return -1;
    I = 1; // `&x`: the object x, as a glvalue
  }
  size_t Left = N - I;
  if (IsThis) {
    if (Left == 1 && P.Steps.back().Kind == StepKind::Deref)
      return ObjectIndex; // *this
    return !WholeOnly && Left >= 1 && IsArrow(P.Steps.back()) && DotMembers(I, N - 1)
               ? ObjectIndex
               : -1;
  }
  if (!P.RootIsPointer)
    return Left == 0 || (!WholeOnly && partChain(P, I, N)) ? Param(/*Pointer=*/false) : -1;
  if (Left == 0)
    return -1;
  const AccessStep &Last = P.Steps.back();
  if (WholeOnly)
    return Left == 1 && Last.Kind == StepKind::Deref ? Param(/*Pointer=*/true) : -1;
  return (Last.Kind == StepKind::Deref || IsArrow(Last)) && partChain(P, I, N - 1)
             ? Param(/*Pointer=*/true)
             : -1;
}

// The parameter (ObjectParam: the object) a container of Def is reached
// from, as its caller sees it: a reference or pointer parameter, or *this.
// A by-value parameter is the callee's own copy.
std::optional<unsigned> containerParam(const ContainerRef &C, const FunctionDecl *Def) {
  if (C.ofThis())
    return isa<CXXMethodDecl>(Def) && !cast<CXXMethodDecl>(Def)->isStatic()
               ? std::optional<unsigned>(ObjectParam)
               : std::nullopt;
  const auto *P = dyn_cast_or_null<ParmVarDecl>(C.Var);
  if (!P || P->getDeclContext() != Def ||
      !(P->getType()->isReferenceType() || (C.ViaPointer && P->getType()->isPointerType())))
    return std::nullopt;
  return P->getFunctionScopeIndex();
}

} // namespace

const FunctionSummary *SummaryModel::summary(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  const FunctionDecl *Def = nullptr;
  // The body that runs is not known for a virtual call.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && MD->isVirtual())
    return nullptr;
  if (!FD->hasBody(Def) || !Def)
    return indexed(FD);
  if (Def->isDependentContext() || Def->isInvalidDecl())
    return nullptr;
  auto [It, New] = Cache.try_emplace(Def);
  if (!New)
    return It->second.get();
  // The entry stays null while computing: a recursive call has no summary.
  std::unique_ptr<FunctionSummary> S = compute(Def);
  auto &Slot = Cache[Def];
  Slot = std::move(S);
  return Slot.get();
}

// A pointer into a part of the object (`memmove(buf_, ...)` into a char
// array member) reaches the object only where that part is
// address-sensitive, as the callee's own analysis judges it: the outermost
// part named decides.
static bool reachesSensitivePart(const AccessPath &P, TypeModel &Types) {
  for (const AccessStep &S : P.Steps)
    if (S.Kind == StepKind::Field || S.Kind == StepKind::Index ||
        S.Kind == StepKind::ElementAccess || S.Kind == StepKind::Binding)
      return Types.isAddressSensitive(S.E->getType());
  return true;
}

std::unique_ptr<FunctionSummary> SummaryModel::compute(const FunctionDecl *Def) {
  const SourceManager &SM = Types.context().getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(Def->getLocation())))
    return nullptr;
  const auto *MD = dyn_cast<CXXMethodDecl>(Def);
  bool Member = MD && !MD->isStatic() && !MD->getParent()->isLambda();
  QualType Object = Member ? Types.context().getCanonicalTagType(MD->getParent()) : QualType();
  bool OnObject = Member && (Types.isAddressSensitive(Object) ||
                             Types.containers().reachesContainers(Object));
  if (!OnObject && llvm::none_of(Def->parameters(), [&](const ParmVarDecl *P) {
        return (P->getType()->isReferenceType() || P->getType()->isPointerType()) &&
               (summaryMatters(P->getType(), Types) ||
                Types.containers().reachesContainers(P->getType()));
      }))
    return nullptr;

  FunctionFacts F = collectFacts(Def, Def->getBody(), Types, this);
  auto S = std::make_unique<FunctionSummary>();
  // Index NumParams: the object.
  llvm::SmallVector<bool, 4> Pinned(Def->getNumParams() + 1, false);
  auto Slot = [&](int I) { return I == ObjectIndex ? Def->getNumParams() : unsigned(I); };
  for (const PinEvent &Ev : F.Pins) {
    if (Ev.Cause == PinCause::OnEntry) // the declaration says it already
      continue;
    AccessPath Path = Ev.Target ? accessPath(Ev.Target, Ev.IsPointer) : AccessPath();
    int I = paramOf(Path, Def, /*WholeOnly=*/false, Ev.IsPointer);
    // [[clang::noescape]] is the author's word that it is not kept.
    if (I == -1 || Pinned[Slot(I)] || (I >= 0 && noEscape(Def, unsigned(I))))
      continue;
    Pinned[Slot(I)] = true;
    S->Pins.push_back({paramIndex(I), Ev, std::move(Path)});
  }
  for (const Operation &Op : F.Ops)
    for (const Operand &O : Op.Operands) {
      if (O.Element || O.Var)
        continue;
      AccessPath Path = accessPath(O.E, O.IsPointer);
      if (O.IsPointer && !reachesSensitivePart(Path, Types))
        continue;
      int I = paramOf(Path, Def, /*WholeOnly=*/!O.IsPointer, O.IsPointer);
      if (I == -1 || llvm::any_of(S->Relocations, [&](const ParamRelocation &R) {
            return R.Param == paramIndex(I) && R.Op.Family == Op.Family;
          }))
        continue;
      ParamRelocation R{paramIndex(I), Op, std::move(Path)};
      R.Op.Operands = {O};
      S->Relocations.push_back(std::move(R));
    }
  for (const ContainerGrowth &G : F.Growths) {
    std::optional<unsigned> I = containerParam(G.Container, Def);
    if (!I || G.Whole || llvm::any_of(S->Growths, [&](const ParamGrowth &PG) {
          return PG.Param == *I && PG.Container.sameAs(G.Container);
        }))
      continue;
    S->Growths.push_back({*I, G.Container, G});
  }
  // What the function returns: a borrow of an element, or with a reference
  // return type the container itself.
  bool RefReturn = Def->getReturnType()->isReferenceType();
  for (const Expr *V : F.Returned) {
    ContainerRef C = RefReturn ? containerAt(Types.containers(), V) : ContainerRef();
    bool Whole = bool(C);
    if (!C)
      C = borrowedContainer(Types.containers(), Def->getReturnType(), V);
    std::optional<unsigned> I = C ? containerParam(C, Def) : std::nullopt;
    if (!I || llvm::any_of(S->Borrows, [&](const ParamBorrow &PB) {
          return PB.Param == *I && PB.Container.sameAs(C) && PB.Whole == Whole;
        }))
      continue;
    S->Borrows.push_back({*I, std::move(C), Whole});
  }
  if (S->Pins.empty() && S->Relocations.empty() && S->Growths.empty() && S->Borrows.empty())
    return nullptr;
  return S;
}

// The container a growth or borrow of the index names, rooted at parameter
// Param of FD (or its object) and reached through Members by name; empty
// when a member is not found (the index is older than the class).
static ContainerRef indexedContainer(const FunctionDecl *FD, unsigned Param,
                                     const std::vector<std::string> &Members) {
  ContainerRef C;
  QualType T;
  if (Param == ObjectParam) {
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    if (!MD || MD->isStatic())
      return {};
    C.Root = ContainerRef::RootKind::This;
    T = FD->getASTContext().getCanonicalTagType(MD->getParent());
  } else {
    const ParmVarDecl *P = FD->getParamDecl(Param);
    C.Var = P;
    T = P->getType().getNonReferenceType();
    if (T->isPointerType()) {
      C.ViaPointer = true;
      T = T->getPointeeType();
    }
  }
  bool First = true;
  for (const std::string &Name : Members) {
    const auto *RD = T->getAsCXXRecordDecl();
    RD = RD ? RD->getDefinition() : nullptr;
    const FieldDecl *Field = nullptr;
    if (RD)
      for (const FieldDecl *FDl : RD->fields())
        if (FDl->getIdentifier() && FDl->getName() == Name)
          Field = FDl;
    if (!Field)
      return {};
    ContainerRef::Step S;
    S.Field = Field;
    S.Arrow = First && (C.ViaPointer || C.ofThis());
    C.Steps.push_back(S);
    T = Field->getType().getNonReferenceType();
    First = false;
  }
  C.Type = T;
  return C;
}

const FunctionSummary *SummaryModel::indexed(const FunctionDecl *FD) {
  if (!Index)
    return nullptr;
  FD = FD->getCanonicalDecl();
  auto [It, New] = Indexed.try_emplace(FD);
  if (!New)
    return It->second.get();
  const IndexedFunction *E = Index->lookup(FD);
  if (!E)
    return nullptr;
  auto S = std::make_unique<FunctionSummary>();
  // How the callee reaches parameter P: the parameter itself, or its object.
  auto PathTo = [&](unsigned P) {
    AccessPath Path;
    if (P == ObjectParam) {
      Path.Root = AccessPath::RootKind::This;
    } else {
      Path.Root = AccessPath::RootKind::Variable;
      Path.Var = FD->getParamDecl(P);
    }
    return Path;
  };
  for (const IndexedPin &P : E->Pins) {
    ParamPin PP{P.Param, PinEvent{nullptr, nullptr, false, PinCause::ByCallee}, PathTo(P.Param)};
    PP.Event.External = {E, P.Site, P.How, P.Whole};
    S->Pins.push_back(std::move(PP));
  }
  for (const IndexedRelocation &R : E->Relocations) {
    std::optional<OperandRole> Role = roleNamed(R.Role);
    if (!Role)
      continue; // written by another pincheck: not understood, not used
    ParamRelocation PR{R.Param, Operation{}, PathTo(R.Param)};
    PR.Op.Family = R.Family;
    PR.Op.Operands.push_back({nullptr, false, *Role});
    PR.Op.External = {E, R.Site, ""};
    S->Relocations.push_back(std::move(PR));
  }
  for (const IndexedGrowth &G : E->Growths) {
    ContainerRef C = indexedContainer(FD, G.Param, G.Members);
    if (!C)
      continue;
    ContainerGrowth Growth{nullptr, C, G.Method};
    Growth.External = {E, G.Site, ""};
    S->Growths.push_back({G.Param, C, std::move(Growth)});
  }
  for (const IndexedBorrow &B : E->Borrows)
    if (ContainerRef C = indexedContainer(FD, B.Param, B.Members))
      S->Borrows.push_back({B.Param, std::move(C), B.Whole});
  if (S->Pins.empty() && S->Relocations.empty() && S->Growths.empty() && S->Borrows.empty())
    return nullptr;
  auto &Slot = Indexed[FD];
  Slot = std::move(S);
  return Slot.get();
}

} // namespace pincheck
