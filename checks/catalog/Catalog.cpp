// Catalog.cpp - the entry point classifyOperation and the moves and copies:
// copy and move constructors and assignments, the consumer of std::move &
// co. (stripMoveCasts), std::ranges::iter_move, an explicit move bound to an
// rvalue-reference parameter (classifyRvalueSink), and swaps. It hands raw
// memory functions, storage reuse, standard algorithms and the library's
// argument copies to the other Catalog*.cpp files.
#include "catalog/CatalogInternal.h"
#include "model/Annotations.h"
#include "model/SpecialMembers.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/Builtins.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace pincheck {

// Whether the library's copy (or move) of a T goes through a PIN_ADDRESS_AWARE
// constructor: then it is cooperative, as a direct one is. Without a move
// constructor a move copies.
bool cooperates(const CXXMethodDecl *M, SelfReferenceModel *SelfRefs) {
  if (!M)
    return false;
  if (functionHas(M, Annotation::AddressAware))
    return true;
  // Re-pointing on some paths counts: a small buffer's move re-points when
  // the source used its inline storage and takes the heap pointer otherwise.
  return SelfRefs && M->isUserProvided() && SelfRefs->of(M->getParent()) &&
         SelfRefs->cooperation(M) != Cooperation::No;
}

bool relocatesAwarely(QualType T, bool Move, SelfReferenceModel *SelfRefs) {
  return cooperates(copyOrMoveMember(T.getNonReferenceType()->getAsCXXRecordDecl(),
                                     /*Assignment=*/false, Move),
                    SelfRefs);
}

// A pointer operand. With Range, it may point into an array: unless it is
// written as a pointer to one object (`&x`, std::addressof(x), a pointer
// variable), the operand is an element of what it points into (`arr`,
// `arr + 1`, `a.begin()`, `a.data()`).
Operand pointerOperand(const Expr *P, OperandRole Role, bool Range) {
  Operand O{P, /*IsPointer=*/true, Role};
  if (!Range)
    return O;
  const Expr *S = stripPointerCasts(P);
  bool Single = isa<DeclRefExpr>(S) || addressofArgument(S);
  if (const auto *UO = dyn_cast<UnaryOperator>(S); UO && UO->getOpcode() == UO_AddrOf)
    Single = true;
  if (!Single && S->getType()->isPointerType()) {
    O.Element = true;
    O.ElementType = S->getType()->getPointeeType();
  }
  return O;
}

// std::iter_move(it) / std::ranges::iter_move(it) (a customization-point
// object) with a pointer `it` (or an array, which is *its first element):
// an xvalue of *it, moved by whatever consumes it. The iterator, or null.
static const Expr *iterMoveIterator(const Expr *E) {
  E = stripMoveCasts(E);
  const Expr *It = nullptr;
  if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(E)) {
    if (OC->getOperator() == OO_Call && OC->getNumArgs() == 2 &&
        isRangesObject(OC->getArg(0), "iter_move"))
      It = OC->getArg(1);
  } else if (const auto *CE = dyn_cast_or_null<CallExpr>(E)) {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (isStd(FD) && nameOf(FD) == "iter_move" && CE->getNumArgs() == 1)
      It = CE->getArg(0);
  }
  // A prvalue iterator (`arr + 1`, `a.begin()`) bound to the forwarding
  // reference is materialised.
  if (const auto *M = dyn_cast_or_null<MaterializeTemporaryExpr>(It))
    It = M->getSubExpr();
  return It && (It->getType()->isPointerType() || It->getType()->isArrayType()) ? It
                                                                                 : nullptr;
}

// The operand moved by consuming E when E is an iter_move call (see
// iterMoveIterator): *it, an element of the array `it` points into or names.
static bool iterMoveOperand(const Expr *E, Operand &Out) {
  const Expr *It = iterMoveIterator(E);
  if (!It)
    return false;
  if (It->getType()->isPointerType()) {
    Out = pointerOperand(It, OperandRole::Moved, /*Range=*/true);
    return true;
  }
  Out = {It, /*IsPointer=*/false, OperandRole::Moved};
  Out.Element = true;
  Out.ElementType = It->getType()->getAsArrayTypeUnsafe()->getElementType();
  return true;
}

// How users name a function of the standard library: "std::make_unique",
// "std::vector::push_back", a constructor by its class ("std::pair"); "" for
// anything else.
static std::string libraryName(const FunctionDecl *FD) {
  if (!FD)
    return "";
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
    const CXXRecordDecl *RD = MD->getParent();
    if (!RD->isInStdNamespace() || !RD->getIdentifier())
      return "";
    std::string Class = "std::" + RD->getName().str();
    return isa<CXXConstructorDecl>(MD) ? Class : Class + "::" + MD->getNameAsString();
  }
  return isStd(FD) && FD->getIdentifier() ? "std::" + FD->getName().str() : "";
}

// An explicit std::move(x) / static_cast<T&&>(x) / std::ranges::iter_move(p)
// bound to an rvalue-reference parameter (a sink such as push_back(T&&) or a
// converting constructor), or a temporary bound to a library's: the callee
// takes ownership of the moved-from object's contents. A library callee is
// named, as its copies are.
static bool classifyRvalueSink(const FunctionDecl *Callee, const Expr *Site,
                               llvm::ArrayRef<const Expr *> Args, Operation &Out,
                               SelfReferenceModel *SelfRefs) {
  // std::get<I>(std::move(t)) only names a part of t as an xvalue: its
  // consumer, if any, is the move.
  if (!Callee || isStdGet(Callee))
    return false;
  const auto *Ctor = dyn_cast<CXXConstructorDecl>(Callee);
  const CXXRecordDecl *Holder =
      Ctor && isValueHolder(Ctor->getParent()) ? Ctor->getParent() : nullptr;
  for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I) {
    QualType T = Callee->getParamDecl(I)->getType();
    if (!T->isRValueReferenceType())
      continue;
    if (Operand O{}; iterMoveOperand(Args[I], O)) {
      QualType Elem = stripMoveCasts(Args[I])->getType();
      if ((!Holder || holdsValueOf(Holder, Elem)) &&
          !relocatesAwarely(Elem, /*Move=*/true, SelfRefs))
        Out.Operands.push_back(O);
      continue;
    }
    bool SawMove = false;
    const Expr *Inner = stripMoveCasts(Args[I], &SawMove);
    // A temporary bound to a library's T&& (`v.push_back(T(...))`) is moved
    // into what the library builds, as an explicit std::move is; a user
    // function's own body says what it does with one (its summary).
    bool Temporary = isa<MaterializeTemporaryExpr>(Args[I]->IgnoreParens()) &&
                     Inner->getType()->isRecordType() && isLibraryFunction(Callee);
    if ((SawMove || Temporary) && (!Holder || holdsValueOf(Holder, Inner->getType())) &&
        !relocatesAwarely(Inner->getType(), /*Move=*/true, SelfRefs))
      Out.Operands.push_back({Args[I], false, OperandRole::Moved});
  }
  if (Out.Operands.empty())
    return false;
  Out.Family = OpFamily::Move;
  Out.Site = Site;
  Out.Callee = libraryName(Callee);
  return true;
}

// ------------------------------------------------------------ the table
//
// One row per AST shape (Rows, below), tried in order; the first final row
// that claims an expression decides. The order, and why:
//  1. storage reuse, for every shape: placement new, construct_at, free,
//     deallocate and start_lifetime_as are constructions or calls that the
//     rows below would read as copies or as rvalue sinks;
//  2. constructions: copy and move constructors (and the implicit moves of
//     return, throw and co_return, which the collector marks), rvalue sinks
//     and the library's decay copies into what it constructs;
//  3. whole-array copies (a by-copy capture or binding of an array);
//  4. operator calls, before the plain calls they also are: copy and move
//     assignment, std::ranges::swap and the ranges algorithms; any other
//     operator is not an operation;
//  5. member calls, before the plain calls they also are: member swap,
//     rvalue sinks and container insertion that copies;
//  6. __builtin_bit_cast;
//  6b. in C, a struct or union read as a value (its copy);
//  7. plain calls, in this order: relocation helpers (before raw memory:
//     trivially_relocate is both), raw memory, swap / iter_swap / exchange /
//     bit_cast, standard algorithms (before the casts: std::move(first, last,
//     out) is the algorithm, std::move(x) the cast), the casts themselves
//     (their consumer is the operation, not the cast), rvalue sinks, and the
//     library functions that copy their arguments.
namespace {

bool classifyStorageReuseRow(const Expr *E, CatalogContext &, Operation &Out) {
  return classifyStorageReuse(E, Out);
}

bool classifyConstruction(const Expr *E, CatalogContext &C, Operation &Out) {
  const auto *CE = cast<CXXConstructExpr>(E);
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  if (!Ctor || CE->getNumArgs() < 1)
    return false;
  if (!Ctor->isCopyOrMoveConstructor()) {
    llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
    if (classifyRvalueSink(Ctor, CE, Args, Out, C.SelfRefs))
      return true;
    const CXXRecordDecl *RD = Ctor->getParent();
    std::string Name = "std::" + nameOf(RD).str();
    if (keepsCallableCopy(RD))
      return classifyArgumentCopies(CE, Args, Name, Out, C.SelfRefs);
    // std::pair<Node, int> p(n, 1), std::optional<Node> o(n): the holder
    // decay-copies n into itself.
    return isValueHolder(RD) && classifyArgumentCopies(CE, Args, Name, Out, C.SelfRefs, RD);
  }
  if (cooperates(Ctor, C.SelfRefs))
    return false;
  OperandRole R = OperandRole::Copied;
  if (Ctor->isMoveConstructor())
    R = C.ReturnMoves.count(CE)     ? OperandRole::MovedByReturn
        : C.CoReturnMoves.count(CE) ? OperandRole::MovedByCoReturn
        : C.ThrowMoves.count(CE) ? OperandRole::MovedByThrow
                                 : OperandRole::Moved;
  Out.Family = R == OperandRole::Copied ? OpFamily::Copy : OpFamily::Move;
  Out.Site = CE;
  // T y = std::ranges::iter_move(p): a move of *p.
  if (Operand O{}; R == OperandRole::Moved && iterMoveOperand(CE->getArg(0), O)) {
    Out.Operands.push_back(O);
    return true;
  }
  if (auto It = C.RangeForElements.find(CE); It != C.RangeForElements.end()) {
    Operand O{It->second, false, R};
    O.Element = true;
    O.ElementType = CE->getType();
    Out.Operands.push_back(O);
    return true;
  }
  Out.Operands.push_back({CE->getArg(0), false, R});
  return true;
}

bool classifyArrayCopy(const Expr *E, CatalogContext &C, Operation &Out) {
  const auto *AIL = cast<ArrayInitLoopExpr>(E);
  const auto *CE = dyn_cast<CXXConstructExpr>(AIL->getSubExpr()->IgnoreImplicit());
  const CXXConstructorDecl *Ctor = CE ? CE->getConstructor() : nullptr;
  if (!Ctor || !Ctor->isCopyOrMoveConstructor() || cooperates(Ctor, C.SelfRefs))
    return false;
  bool Move = Ctor->isMoveConstructor();
  Out.Family = Move ? OpFamily::Move : OpFamily::Copy;
  Out.Site = AIL;
  Out.Operands.push_back({AIL->getCommonExpr()->getSourceExpr(), false,
                          Move ? OperandRole::Moved : OperandRole::Copied});
  return true;
}

bool classifyOperatorCall(const Expr *E, CatalogContext &C, Operation &Out) {
  const auto *OC = cast<CXXOperatorCallExpr>(E);
  if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2) {
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
    if (!MD || !(MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator()))
      return false;
    if (cooperates(MD, C.SelfRefs))
      return false;
    bool Move = MD->isMoveAssignmentOperator();
    Out.Family = Move ? OpFamily::Move : OpFamily::Copy;
    Out.Site = OC;
    if (Operand O{}; Move && iterMoveOperand(OC->getArg(1), O))
      Out.Operands.push_back(O);
    else
      Out.Operands.push_back(
          {OC->getArg(1), false, Move ? OperandRole::Moved : OperandRole::Copied});
    return true;
  }
  if (OC->getOperator() == OO_Call && OC->getNumArgs() == 3 &&
      isRangesObject(OC->getArg(0), "swap")) {
    Out.Family = OpFamily::Swap;
    Out.Site = OC;
    Out.Callee = "std::ranges::swap";
    Out.Operands.push_back({OC->getArg(1), false, OperandRole::Swapped});
    Out.Operands.push_back({OC->getArg(2), false, OperandRole::Swapped});
    return true;
  }
  if (OC->getOperator() == OO_Call && OC->getNumArgs() >= 2)
    if (const auto *DRE = dyn_cast<DeclRefExpr>(OC->getArg(0)->IgnoreParenImpCasts())) {
      StringRef Name = nameOf(DRE->getDecl());
      if (algorithmEffect(Name) != RangeEffect::None && isRangesObject(OC->getArg(0), Name)) {
        llvm::SmallVector<const Expr *, 4> Args(llvm::drop_begin(OC->arguments()));
        return classifyAlgorithm(OC, Name, /*Ranges=*/true, Args, Out);
      }
    }
  return false;
}

// A swap the class's author wrote for the class itself (a member swap, or a
// free swap whose parameters are that class, the arguments not converted to
// a base): for a self-referential class it is its author's responsibility,
// like a user-provided move (docs/model.md, "Cooperative members"). An
// annotated class's swap, or one that binds the objects as a base (slicing
// the self-reference away), is still a swap, unless its author annotated
// it PIN_ADDRESS_AWARE (it repairs the addresses, as such a move does).
static bool ownSwap(const FunctionDecl *FD, llvm::ArrayRef<const Expr *> Swapped,
                    SelfReferenceModel *SelfRefs) {
  if (!FD || isStd(FD) || FD->isDefaulted())
    return false;
  bool Aware = functionHas(FD, Annotation::AddressAware);
  if (!Aware && !SelfRefs)
    return false;
  for (const Expr *A : Swapped) {
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(A->IgnoreParens());
        Cast && (Cast->getCastKind() == CK_DerivedToBase ||
                 Cast->getCastKind() == CK_UncheckedDerivedToBase))
      return false;
    if (Aware)
      continue;
    QualType T = A->getType();
    if (T->isPointerType())
      T = T->getPointeeType();
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    if (!RD || !RD->hasDefinition() || !SelfRefs->of(RD))
      return false;
    for (const TagDecl *R : RD->redecls())
      if (hasAnnotation(R, Annotation::AddressSensitive))
        return false;
  }
  return true;
}

bool classifyMemberCall(const Expr *E, CatalogContext &C, Operation &Out) {
  const auto *MC = cast<CXXMemberCallExpr>(E);
  const CXXMethodDecl *MD = MC->getMethodDecl();
  if (!MD)
    return false;
  if (nameOf(MD) != "swap" || MC->getNumArgs() != 1 || MD->isStatic()) {
    llvm::SmallVector<const Expr *, 4> Args(MC->arguments());
    if (classifyRvalueSink(MD, MC, Args, Out, C.SelfRefs))
      return true;
    return copiesArguments(MD) &&
           classifyArgumentCopies(MC, Args,
                                  "std::" + nameOf(MD->getParent()).str() + "::" +
                                      nameOf(MD).str(),
                                  Out, C.SelfRefs);
  }
  const Expr *Obj = MC->getImplicitObjectArgument();
  if (!Obj || ownSwap(MD, {Obj, MC->getArg(0)}, C.SelfRefs))
    return false;
  Out.Family = OpFamily::Swap;
  Out.Site = MC;
  const CXXRecordDecl *Parent = MD->getParent();
  Out.Callee = (Parent->isInStdNamespace() ? "std::" : "") +
               nameOf(Parent).str() + "::swap";
  Out.Operands.push_back({Obj, Obj->getType()->isPointerType(), OperandRole::Swapped});
  Out.Operands.push_back({MC->getArg(0), false, OperandRole::Swapped});
  return true;
}

bool classifyBitCast(const Expr *E, CatalogContext &, Operation &Out) {
  const auto *BC = cast<BuiltinBitCastExpr>(E);
  Out.Family = OpFamily::RawMemory;
  Out.Site = BC;
  Out.Callee = "__builtin_bit_cast";
  Out.Operands.push_back({BC->getSubExpr(), false, OperandRole::RawSource});
  return true;
}

// Plain calls (operator and member calls are claimed before).
bool classifyPlainCall(const Expr *E, CatalogContext &C, Operation &Out) {
  const auto *CE = cast<CallExpr>(E);
  if (classifyRelocationHelper(CE, Out) || classifyRawCall(CE, C.Ctx, Out))
    return true;
  const FunctionDecl *FD = CE->getDirectCallee();
  if (!FD)
    return false;
  StringRef Name = nameOf(FD);
  bool Std = isStd(FD);
  if (Name == "swap" && CE->getNumArgs() == 2 && !isa<CXXMethodDecl>(FD)) {
    if (ownSwap(FD, {CE->getArg(0), CE->getArg(1)}, C.SelfRefs))
      return false;
    Out.Family = OpFamily::Swap;
    Out.Site = CE;
    // Named as written: `std::swap(a, b)` or `swap(a, b)` (ADL, or after
    // `using std::swap`).
    bool Qualified = false;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(CE->getCallee()->IgnoreParenImpCasts()))
      Qualified = DRE->hasQualifier();
    Out.Callee = Std && Qualified ? "std::swap" : "swap";
    Out.Operands.push_back({CE->getArg(0), false, OperandRole::Swapped});
    Out.Operands.push_back({CE->getArg(1), false, OperandRole::Swapped});
    return true;
  }
  if (Std && Name == "iter_swap" && CE->getNumArgs() == 2) {
    Out.Family = OpFamily::Swap;
    Out.Site = CE;
    Out.Callee = "std::iter_swap";
    for (unsigned I = 0; I < 2; ++I)
      if (CE->getArg(I)->getType()->isPointerType())
        Out.Operands.push_back({CE->getArg(I), true, OperandRole::Swapped});
    return !Out.Operands.empty();
  }
  if (Std && Name == "exchange" && CE->getNumArgs() >= 1) {
    Out.Family = OpFamily::Swap;
    Out.Site = CE;
    Out.Callee = "std::exchange";
    Out.Operands.push_back({CE->getArg(0), false, OperandRole::Swapped});
    return true;
  }
  if (Std && Name == "bit_cast" && CE->getNumArgs() == 1) {
    Out.Family = OpFamily::RawMemory;
    Out.Site = CE;
    Out.Callee = "std::bit_cast";
    Out.Operands.push_back({CE->getArg(0), false, OperandRole::RawSource});
    return true;
  }
  llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
  if (Std && classifyAlgorithm(CE, Name, /*Ranges=*/false, Args, Out))
    return true;
  if (stdCast(FD) != StdCast::None)
    return false; // the cast itself; its consumer is the operation
  if (classifyRvalueSink(FD, CE, Args, Out, C.SelfRefs))
    return true;
  return copiesArguments(FD) &&
         classifyArgumentCopies(CE, Args, "std::" + Name.str(), Out, C.SelfRefs);
}

// C (and Objective-C) copy a struct or union by reading it as a value: an
// assignment's right side, an initialiser, an argument, a returned value.
// (In C++ a class is copied by its constructor or assignment operator.)
bool isCRecordRead(const Expr *E) {
  const auto *IC = dyn_cast<ImplicitCastExpr>(E);
  return IC && IC->getCastKind() == CK_LValueToRValue && IC->getType()->isRecordType();
}
bool classifyCRecordCopy(const Expr *E, CatalogContext &C, Operation &Out) {
  if (C.Ctx.getLangOpts().CPlusPlus)
    return false;
  Out.Family = OpFamily::Copy;
  Out.Site = E;
  Out.Operands.push_back({cast<ImplicitCastExpr>(E)->getSubExpr(), false, OperandRole::Copied});
  return true;
}

// A call of a function the option RelocatingFunctions lists: every
// argument bound to a reference or pointer parameter is moved to a new
// address (a member function's object too).
bool classifyListedRelocation(const Expr *E, CatalogContext &C, Operation &Out) {
  const auto *CE = cast<CallExpr>(E);
  const FunctionDecl *FD = CE->getDirectCallee();
  if (!C.Listed || !FD || !C.Listed->relocatingFunction(FD))
    return false;
  llvm::ArrayRef<const Expr *> Args(CE->getArgs(), CE->getNumArgs());
  const Expr *Object = nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
    Object = MC->getImplicitObjectArgument();
  else if (isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(FD) && !Args.empty()) {
    Object = Args.front();
    Args = Args.drop_front();
  }
  Out.Family = OpFamily::Move;
  Out.Site = CE;
  Out.Callee = FD->getQualifiedNameAsString();
  if (Object)
    Out.Operands.push_back({Object, Object->getType()->isPointerType(), OperandRole::Moved});
  for (unsigned I = 0; I < Args.size() && I < FD->getNumParams(); ++I) {
    QualType T = FD->getParamDecl(I)->getType();
    if (T->isReferenceType() || T->isPointerType())
      Out.Operands.push_back({Args[I], T->isPointerType(), OperandRole::Moved});
  }
  return !Out.Operands.empty();
}

template <typename T> bool is(const Expr *E) { return isa<T>(E); }
bool anyExpression(const Expr *) { return true; }
bool plainCall(const Expr *E) { return isa<CallExpr>(E) && !isa<CUDAKernelCallExpr>(E); }

// A row: the shape it claims, and what it makes of an expression of that
// shape. A final row's answer stands; a row that is not final passes on
// what it does not recognise.
struct Row {
  bool (*Claims)(const Expr *);
  bool (*Classify)(const Expr *, CatalogContext &, Operation &);
  bool Final;
};
const Row Rows[] = {
    {anyExpression, classifyStorageReuseRow, /*Final=*/false},
    {is<CallExpr>, classifyListedRelocation, false},
    {is<CXXConstructExpr>, classifyConstruction, true},
    {is<ArrayInitLoopExpr>, classifyArrayCopy, true},
    {is<CXXOperatorCallExpr>, classifyOperatorCall, true},
    {is<CXXMemberCallExpr>, classifyMemberCall, true},
    {is<BuiltinBitCastExpr>, classifyBitCast, true},
    {isCRecordRead, classifyCRecordCopy, true},
    {plainCall, classifyPlainCall, true},
};

} // namespace

bool classifyOperation(const Expr *E, CatalogContext &C, Operation &Out) {
  if (!E || E->containsErrors())
    return false;
  for (const Row &R : Rows) {
    if (!R.Claims(E))
      continue;
    if (R.Classify(E, C, Out))
      return true;
    if (R.Final)
      return false;
  }
  return false;
}

bool classifyRawMemoryCall(const CallExpr *CE, ASTContext &Ctx, Operation &Out) {
  return classifyRelocationHelper(CE, Out) || classifyRawCall(CE, Ctx, Out);
}

const char *roleName(OperandRole R) {
  switch (R) {
  case OperandRole::Moved: return "moved";
  case OperandRole::MovedByReturn: return "moved-by-return";
  case OperandRole::MovedByThrow: return "moved-by-throw";
  case OperandRole::MovedByCoReturn: return "moved-by-co_return";
  case OperandRole::Copied: return "copied";
  case OperandRole::Swapped: return "swapped";
  case OperandRole::RawSource: return "raw-source";
  case OperandRole::RawDest: return "raw-dest";
  case OperandRole::Reallocated: return "reallocated";
  case OperandRole::RelocatedFrom: return "relocated-from";
  case OperandRole::ConstructedOver: return "constructed-over";
  case OperandRole::Deallocated: return "deallocated";
  case OperandRole::LifetimeStarted: return "lifetime-started";
  case OperandRole::Abandoned: return "abandoned";
  }
  return "?";
}

std::optional<OperandRole> roleNamed(llvm::StringRef Name) {
  for (unsigned R = 0; R <= unsigned(OperandRole::Abandoned); ++R)
    if (Name == roleName(OperandRole(R)))
      return OperandRole(R);
  return std::nullopt;
}

} // namespace pincheck
