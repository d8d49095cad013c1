#include "Catalog.h"
#include "Annotations.h"
#include "Containers.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/Builtins.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace pincheck {

static bool isStd(const FunctionDecl *FD) {
  return FD && FD->isInStdNamespace();
}

static StringRef nameOf(const NamedDecl *D) {
  return D && D->getIdentifier() ? D->getName() : StringRef();
}

namespace {
enum class CastCall { None, Move, AsConst };
} // namespace

// std::move / forward / move_if_noexcept / forward_like make an xvalue;
// std::as_const an lvalue of the same object. Builtin IDs first, names as a
// fallback for a library Clang does not recognise.
static CastCall castCall(const FunctionDecl *FD) {
  if (!FD)
    return CastCall::None;
  unsigned ID = FD->getBuiltinID();
  if (ID == Builtin::BImove || ID == Builtin::BIforward ||
      ID == Builtin::BImove_if_noexcept || ID == Builtin::BIforward_like)
    return CastCall::Move;
  if (ID == Builtin::BIas_const)
    return CastCall::AsConst;
  if (!isStd(FD))
    return CastCall::None;
  return llvm::StringSwitch<CastCall>(nameOf(FD))
      .Cases({"move", "forward", "move_if_noexcept", "forward_like"}, CastCall::Move)
      .Case("as_const", CastCall::AsConst)
      .Default(CastCall::None);
}

const Expr *stripMoveCasts(const Expr *E, bool *SawMove) {
  while (E) {
    if (const auto *P = dyn_cast<ParenExpr>(E)) {
      E = P->getSubExpr();
    } else if (const auto *IC = dyn_cast<ImplicitCastExpr>(E)) {
      E = IC->getSubExpr();
    } else if (const auto *FE = dyn_cast<FullExpr>(E)) {
      E = FE->getSubExpr();
    } else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = M->getSubExpr();
    } else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = B->getSubExpr();
    } else if (const auto *EC = dyn_cast<ExplicitCastExpr>(E)) {
      // static_cast<T&&>(x), (T&&)x: an xvalue of the same object.
      if (!EC->isXValue() && !EC->isLValue())
        break;
      if (EC->getCastKind() != CK_NoOp && EC->getCastKind() != CK_DerivedToBase &&
          EC->getCastKind() != CK_UncheckedDerivedToBase)
        break;
      if (SawMove && EC->isXValue())
        *SawMove = true;
      E = EC->getSubExpr();
    } else if (const auto *CE = dyn_cast<CallExpr>(E)) {
      CastCall K = CE->getNumArgs() == 1 ? castCall(CE->getDirectCallee())
                                         : CastCall::None;
      if (K == CastCall::None)
        break;
      if (SawMove && K == CastCall::Move)
        *SawMove = true;
      E = CE->getArg(0);
    } else {
      break;
    }
  }
  return E;
}

const Expr *stripPointerCasts(const Expr *E) {
  while (E) {
    if (const auto *P = dyn_cast<ParenExpr>(E)) {
      E = P->getSubExpr();
    } else if (const auto *FE = dyn_cast<FullExpr>(E)) {
      E = FE->getSubExpr();
    } else if (const auto *C = dyn_cast<CastExpr>(E)) {
      // Keep the decay: it marks where an array object is named.
      if (C->getCastKind() == CK_ArrayToPointerDecay)
        break;
      E = C->getSubExpr();
    } else {
      break;
    }
  }
  return E;
}

const Expr *namedObject(const Expr *E, bool IsPointer) {
  if (!E)
    return nullptr;
  if (!IsPointer)
    return stripMoveCasts(E);
  E = stripPointerCasts(E);
  if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_AddrOf)
    return stripMoveCasts(UO->getSubExpr());
  return E;
}

const Expr *addressofArgument(const Expr *E, PinCause *Cause) {
  const auto *CE = dyn_cast_or_null<CallExpr>(E);
  if (!CE || CE->getNumArgs() != 1)
    return nullptr;
  const FunctionDecl *FD = CE->getDirectCallee();
  if (!FD)
    return nullptr;
  unsigned ID = FD->getBuiltinID();
  if (ID == Builtin::BI__builtin_addressof) {
    if (Cause)
      *Cause = PinCause::BuiltinAddressof;
    return CE->getArg(0);
  }
  if (ID == Builtin::BIaddressof || (isStd(FD) && nameOf(FD) == "addressof")) {
    if (Cause)
      *Cause = PinCause::StdAddressof;
    return CE->getArg(0);
  }
  return nullptr;
}

namespace {
// Argument positions of a raw memory function.
struct RawSignature {
  int Dest = -1, Source = -1, Realloc = -1;
};
} // namespace

static std::optional<RawSignature> rawSignature(StringRef Name) {
  RawSignature S;
  if (Name == "memcpy" || Name == "memmove" || Name == "mempcpy" ||
      Name == "memccpy" || Name == "wmemcpy" || Name == "wmemmove" ||
      Name == "trivially_relocate") {
    S.Dest = 0;
    S.Source = 1;
  } else if (Name == "memset" || Name == "bzero" || Name == "explicit_bzero" ||
             Name == "memset_s") {
    S.Dest = 0;
  } else if (Name == "bcopy") {
    S.Source = 0;
    S.Dest = 1;
  } else if (Name == "memcpy_s" || Name == "memmove_s") {
    S.Dest = 0;
    S.Source = 2;
  } else if (Name == "realloc" || Name == "reallocarray") {
    S.Realloc = 0;
  } else {
    return std::nullopt;
  }
  return S;
}

// "__builtin___memcpy_chk" -> "memcpy", "__builtin_memset_inline" -> "memset".
static std::string plainBuiltinName(StringRef Name) {
  Name.consume_front("__builtin___");
  Name.consume_front("__builtin_");
  if (!Name.consume_back("_chk"))
    Name.consume_back("_inline");
  return Name.str();
}

static bool classifyRawCall(const CallExpr *CE, ASTContext &Ctx, Operation &Out) {
  std::string Name, Display;
  if (unsigned ID = CE->getBuiltinCallee()) {
    std::string Full = Ctx.BuiltinInfo.getName(ID);
    Name = plainBuiltinName(Full);
    Display = Name == "trivially_relocate" ? Full : Name;
  } else if (const FunctionDecl *FD = CE->getDirectCallee()) {
    // Functions Clang does not know as builtins (memcpy_s, explicit_bzero):
    // by name, in the global or std namespace.
    const DeclContext *DC = FD->getDeclContext()->getRedeclContext();
    if (!DC->isTranslationUnit() && !isStd(FD))
      return false;
    Name = nameOf(FD).str();
    Display = Name;
    // std::trivially_relocate(first, last, result) is not memcpy-shaped;
    // only the builtin's (dest, src, n) is.
    if (Name == "trivially_relocate")
      return false;
  } else {
    return false;
  }
  std::optional<RawSignature> Sig = rawSignature(Name);
  if (!Sig)
    return false;
  Out.Family = OpFamily::RawMemory;
  Out.Site = CE;
  Out.Callee = Display;
  auto Add = [&](int I, OperandRole R) {
    if (I >= 0 && unsigned(I) < CE->getNumArgs())
      Out.Operands.push_back({CE->getArg(I), /*IsPointer=*/true, R});
  };
  Add(Sig->Dest, OperandRole::RawDest);
  Add(Sig->Source, OperandRole::RawSource);
  Add(Sig->Realloc, OperandRole::Reallocated);
  return !Out.Operands.empty();
}

// std::ranges::swap (construct_at, destroy_at) is an object, not a
// function: `swap(a, b)` is a call of its operator().
static bool isRangesObject(const Expr *Callee, StringRef Name) {
  const auto *DRE = dyn_cast<DeclRefExpr>(Callee->IgnoreParenImpCasts());
  if (!DRE)
    return false;
  const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
  if (!VD || nameOf(VD) != Name)
    return false;
  // std::ranges[::inline-namespace]::swap
  bool InRanges = false;
  for (const DeclContext *DC = VD->getDeclContext(); DC; DC = DC->getParent()) {
    const auto *NS = dyn_cast<NamespaceDecl>(DC);
    if (!NS)
      continue;
    if (nameOf(NS) == "ranges")
      InRanges = true;
    else if (InRanges && NS->isStdNamespace())
      return true;
  }
  return false;
}

// Whether the library's copy (or move) of a T goes through a PIN_ADDRESS_AWARE
// constructor: then it is cooperative, as a direct one is. Without a move
// constructor a move copies.
static bool relocatesAwarely(QualType T, bool Move) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  const CXXConstructorDecl *Copy = nullptr, *MoveCtor = nullptr;
  for (const CXXConstructorDecl *C : RD->ctors()) {
    if (C->isMoveConstructor() && !C->isDeleted())
      MoveCtor = C;
    else if (C->isCopyConstructor() && !C->isDeleted())
      Copy = C;
  }
  const CXXConstructorDecl *Used = Move && MoveCtor ? MoveCtor : Copy;
  return Used && functionHas(Used, Annotation::AddressAware);
}

// A pointer operand. With Range, it may point into an array: unless it is
// written as a pointer to one object (`&x`, std::addressof(x), a pointer
// variable), the operand is an element of what it points into (`arr`,
// `arr + 1`, `a.begin()`, `a.data()`).
static Operand pointerOperand(const Expr *P, OperandRole Role, bool Range) {
  Operand O{P, /*IsPointer=*/true, Role};
  if (!Range)
    return O;
  const Expr *S = stripPointerCasts(P);
  bool Single = isa<DeclRefExpr>(S) || addressofArgument(S, nullptr);
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

// std::pair, std::tuple, std::optional, std::variant: they hold what they are
// constructed from by value.
static bool isStdHolder(const CXXRecordDecl *RD) {
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         llvm::StringSwitch<bool>(RD->getName())
             .Cases({"pair", "tuple", "optional", "variant"}, true)
             .Default(false);
}

// Whether the holder RD keeps a T by value: one of its template arguments is
// T itself, not a reference to it (std::tuple<Node &> only refers to one).
static bool holdsValueOf(const CXXRecordDecl *RD, QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec)
    return false;
  QualType Want = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  auto Matches = [&](const TemplateArgument &A) {
    return A.getKind() == TemplateArgument::Type && !A.getAsType()->isReferenceType() &&
           A.getAsType().getCanonicalType().getUnqualifiedType() == Want;
  };
  for (const TemplateArgument &A : Spec->getTemplateArgs().asArray()) {
    if (A.getKind() == TemplateArgument::Pack) {
      if (llvm::any_of(A.pack_elements(), Matches))
        return true;
    } else if (Matches(A)) {
      return true;
    }
  }
  return false;
}

// An explicit std::move(x) / static_cast<T&&>(x) / std::ranges::iter_move(p)
// bound to an rvalue-reference parameter (a sink such as push_back(T&&) or a
// converting constructor): the callee takes ownership of the moved-from
// object's contents. A library callee is named, as its copies are.
static bool classifyRvalueSink(const FunctionDecl *Callee, const Expr *Site,
                               llvm::ArrayRef<const Expr *> Args, Operation &Out) {
  // std::get<I>(std::move(t)) only names a part of t as an xvalue: its
  // consumer, if any, is the move.
  if (!Callee || (isStd(Callee) && nameOf(Callee) == "get"))
    return false;
  const auto *Ctor = dyn_cast<CXXConstructorDecl>(Callee);
  const CXXRecordDecl *Holder =
      Ctor && isStdHolder(Ctor->getParent()) ? Ctor->getParent() : nullptr;
  for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I) {
    QualType T = Callee->getParamDecl(I)->getType();
    if (!T->isRValueReferenceType())
      continue;
    if (Operand O{}; iterMoveOperand(Args[I], O)) {
      QualType Elem = stripMoveCasts(Args[I])->getType();
      if ((!Holder || holdsValueOf(Holder, Elem)) &&
          !relocatesAwarely(Elem, /*Move=*/true))
        Out.Operands.push_back(O);
      continue;
    }
    bool SawMove = false;
    const Expr *Inner = stripMoveCasts(Args[I], &SawMove);
    if (SawMove && (!Holder || holdsValueOf(Holder, Inner->getType())) &&
        !relocatesAwarely(Inner->getType(), /*Move=*/true))
      Out.Operands.push_back({Args[I], false, OperandRole::Moved});
  }
  if (Out.Operands.empty())
    return false;
  Out.Family = OpFamily::Move;
  Out.Site = Site;
  Out.Callee = libraryName(Callee);
  return true;
}

// The relocation helpers of C++26 and of P1144 libraries (folly, bsl,
// stdx, ...), by name in any namespace and by shape, their arguments
// pointers: trivially_relocate / relocate / uninitialized_relocate(first,
// last, result), uninitialized_relocate_n(first, n, result), relocate_at(src,
// dst). The source is relocated from, the destination written like memcpy's.
// Not the builtin (classifyRawCall's), nor a function of the same name that
// takes anything else (references, class-type iterators).
static bool classifyRelocationHelper(const CallExpr *CE, Operation &Out) {
  const FunctionDecl *FD = CE->getDirectCallee();
  if (!FD || !FD->getIdentifier() || CE->getBuiltinCallee() ||
      (isa<CXXMethodDecl>(FD) && !cast<CXXMethodDecl>(FD)->isStatic()))
    return false;
  StringRef Name = FD->getName();
  auto Ptr = [&](unsigned I) { return CE->getArg(I)->getType()->isPointerType(); };
  int Source = -1, Dest = -1;
  bool Range = true;
  unsigned N = CE->getNumArgs();
  if ((Name == "trivially_relocate" || Name == "relocate" ||
       Name == "uninitialized_relocate") &&
      N == 3 && Ptr(0) && Ptr(1) && Ptr(2)) {
    Source = 0;
    Dest = 2;
  } else if (Name == "uninitialized_relocate_n" && N == 3 && Ptr(0) &&
             CE->getArg(1)->getType()->isIntegerType() && Ptr(2)) {
    Source = 0;
    Dest = 2;
  } else if (Name == "relocate_at" && N == 2 && Ptr(0) && Ptr(1)) {
    Source = 0;
    Dest = 1;
    Range = false;
  } else {
    return false;
  }
  Out.Family = OpFamily::RawMemory;
  Out.Site = CE;
  Out.Callee = FD->getQualifiedNameAsString();
  Out.Operands.push_back(pointerOperand(CE->getArg(Dest), OperandRole::RawDest, Range));
  Out.Operands.push_back(
      pointerOperand(CE->getArg(Source), OperandRole::RelocatedFrom, Range));
  return true;
}

// The element type of a range pincheck can see into: a built-in array,
// std::array, std::inplace_vector (values held in the object). Null for
// anything else.
static QualType elementTypeOf(QualType T) {
  T = T.getNonReferenceType();
  if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
    return AT->getElementType();
  return stdElementType(T, {"array", "inplace_vector"});
}

// Standard algorithms that relocate the elements of their ranges, and what
// they do to them: permute (reported as swaps), move out, copy out.
enum class RangeEffect { None, Permute, Move, Copy, FillValue };
static RangeEffect algorithmEffect(StringRef Name) {
  return llvm::StringSwitch<RangeEffect>(Name)
      .Cases({"sort", "stable_sort", "partial_sort", "nth_element", "partition",
              "stable_partition", "rotate", "reverse", "shuffle", "random_shuffle"},
             RangeEffect::Permute)
      .Cases({"make_heap", "push_heap", "pop_heap", "sort_heap", "remove", "remove_if",
              "unique", "shift_left", "shift_right", "next_permutation",
              "prev_permutation", "inplace_merge", "swap_ranges"},
             RangeEffect::Permute)
      .Cases({"move", "move_backward", "uninitialized_move", "uninitialized_move_n"},
             RangeEffect::Move)
      .Cases({"fill", "fill_n", "uninitialized_fill", "uninitialized_fill_n"},
             RangeEffect::FillValue)
      .Cases({"copy", "copy_n", "copy_if", "copy_backward", "uninitialized_copy",
              "uninitialized_copy_n"},
             RangeEffect::Copy)
      .Default(RangeEffect::None);
}

// The range operands of an algorithm call: iterators that are pointers
// (into an array or std::array), or a whole range (the std::ranges forms).
// The output range of a copy or move is not an operand: assigning into a
// pinned object is not a relocation of it. `Args` excludes a niebloid's
// object.
static bool classifyAlgorithm(const Expr *Site, StringRef Name, bool Ranges,
                              llvm::ArrayRef<const Expr *> Args, Operation &Out) {
  RangeEffect Effect = algorithmEffect(Name);
  // std::move(x) with one argument is the cast, not the algorithm.
  if (Effect == RangeEffect::None || (Name == "move" && Args.size() < 3 && !Ranges))
    return false;
  if (Effect == RangeEffect::FillValue) {
    // The value is copied into every element; the range is assigned into.
    if (Args.empty())
      return false;
    Out.Operands.push_back({Args.back(), false, OperandRole::Copied});
    Out.Family = OpFamily::Copy;
    Out.Site = Site;
    Out.Callee = (Ranges ? "std::ranges::" : "std::") + Name.str();
    return true;
  }
  OperandRole Role = Effect == RangeEffect::Permute ? OperandRole::Swapped
                     : Effect == RangeEffect::Move  ? OperandRole::Moved
                                                    : OperandRole::Copied;
  // Inputs: the first range (two iterators or one range); swap_ranges and
  // the permuting algorithms touch every range argument they are given.
  unsigned Inputs = Effect == RangeEffect::Permute ? Args.size() : 2;
  if (Effect != RangeEffect::Permute && (Name.ends_with("_n") || Ranges))
    Inputs = 1; // (first, n, out) and ranges::copy(r, out): one input
  if (Ranges && Effect == RangeEffect::Permute && Name == "swap_ranges")
    Inputs = 2;
  for (unsigned I = 0; I < Args.size() && I < Inputs; ++I) {
    const Expr *A = Args[I];
    QualType T = A->getType();
    Operand O{A, false, Role};
    O.Element = true;
    if (T->isPointerType()) {
      O.IsPointer = true;
      O.ElementType = T->getPointeeType();
    } else {
      O.ElementType = elementTypeOf(T);
    }
    if (!O.ElementType.isNull())
      Out.Operands.push_back(O);
  }
  if (Out.Operands.empty())
    return false;
  Out.Family = Effect == RangeEffect::Permute ? OpFamily::Swap
               : Effect == RangeEffect::Move  ? OpFamily::Move
                                              : OpFamily::Copy;
  Out.Site = Site;
  Out.Callee = (Ranges ? "std::ranges::" : "std::") + Name.str();
  return true;
}

// Standard functions and members that copy an lvalue argument into an
// object they make or hold: factories that decay-copy (make_tuple, bind,
// async, ...), constructors that do (thread, function), and container
// insertion. An xvalue argument is a move, classified by the rvalue-sink
// rule.
static bool copiesArguments(const FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier())
    return false;
  StringRef Name = FD->getName();
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
    const CXXRecordDecl *RD = MD->getParent();
    if (!RD->isInStdNamespace())
      return false;
    return llvm::StringSwitch<bool>(Name)
        .Cases({"push_back", "push_front", "push", "insert", "emplace", "emplace_back",
                "emplace_front", "emplace_hint", "try_emplace", "insert_or_assign"},
               true)
        .Default(false);
  }
  if (!isStd(FD))
    return false;
  return llvm::StringSwitch<bool>(Name)
      .Cases({"make_tuple", "make_pair", "make_optional", "make_any", "make_unique",
              "make_shared", "allocate_shared", "bind", "bind_front", "bind_back",
              "async"},
             true)
      .Default(false);
}
// Standard classes that keep a copy of the callable (and arguments) they are
// constructed or assigned from.
static bool keepsCallableCopy(const CXXRecordDecl *RD) {
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         llvm::StringSwitch<bool>(RD->getName())
             .Cases({"function", "move_only_function", "copyable_function", "thread",
                     "jthread", "packaged_task"},
                    true)
             .Default(false);
}
// Holder: a std::pair, tuple, optional or variant being constructed; only
// the arguments it keeps by value are copied.
static bool classifyArgumentCopies(const Expr *Site, llvm::ArrayRef<const Expr *> Args,
                                   std::string Callee, Operation &Out,
                                   const CXXRecordDecl *Holder = nullptr) {
  for (const Expr *A : Args) {
    bool SawMove = false;
    const Expr *Inner = stripMoveCasts(A, &SawMove);
    if (!SawMove && Inner->isGLValue() && Inner->getType()->isRecordType() &&
        (!Holder || holdsValueOf(Holder, Inner->getType())) &&
        !relocatesAwarely(Inner->getType(), /*Move=*/false))
      Out.Operands.push_back({A, false, OperandRole::Copied});
  }
  if (Out.Operands.empty())
    return false;
  Out.Family = OpFamily::Copy;
  Out.Site = Site;
  Out.Callee = std::move(Callee);
  return true;
}

// The pointer argument of a call of std::NAME or std::ranges::NAME (the
// latter an object whose operator() is called), or null.
static const Expr *stdPointerArgument(const Expr *E, StringRef Name) {
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    return OC->getOperator() == OO_Call && OC->getNumArgs() >= 2 &&
                   isRangesObject(OC->getArg(0), Name)
               ? OC->getArg(1)
               : nullptr;
  const auto *CE = dyn_cast<CallExpr>(E);
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  if (!FD || !isStd(FD) || nameOf(FD) != Name || CE->getNumArgs() < 1 ||
      !CE->getArg(0)->getType()->isPointerType())
    return nullptr;
  return CE->getArg(0);
}

// Whether RD declares a member named "allocate": an allocator, a memory
// resource, std::allocator_traits.
static bool declaresAllocate(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return false;
  for (const Decl *D : RD->getDefinition()->decls())
    if (const auto *ND = dyn_cast<NamedDecl>(D); ND && nameOf(ND) == "allocate")
      return true;
  return false;
}

// A class as users name it: "std::allocator", "std::pmr::memory_resource".
static std::string className(const CXXRecordDecl *RD) {
  return RD->getQualifiedNameAsString();
}

// Storage given back while an object may still live in it: free(p),
// operator delete / operator delete[] called as functions (the delete
// expression runs the destructor first: not this), an allocator's or memory
// resource's deallocate(p, ...) and std::allocator_traits<A>::deallocate(a,
// p, n). The pointer, with Callee set, or null.
static const Expr *deallocatedStorage(const Expr *E, std::string &Callee) {
  const auto *CE = dyn_cast<CallExpr>(E);
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  if (!FD || CE->getNumArgs() < 1 || isa<CXXOperatorCallExpr>(CE))
    return nullptr;
  auto FirstPointer = [&]() -> const Expr * {
    for (const Expr *A : CE->arguments())
      if (A->getType()->isPointerType())
        return A;
    return nullptr;
  };
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
      MD && nameOf(MD) == "deallocate" && declaresAllocate(MD->getParent())) {
    // Named by the class of the object it is called on (std::allocator,
    // not the base that declares it), or for a static member by its own.
    const CXXRecordDecl *RD = MD->getParent();
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
      if (const Expr *Obj = MC->getImplicitObjectArgument()) {
        QualType T = Obj->IgnoreParenImpCasts()->getType();
        if (T->isPointerType())
          T = T->getPointeeType();
        if (const CXXRecordDecl *ObjRD = T->getAsCXXRecordDecl())
          RD = ObjRD;
      }
    Callee = className(RD) + "::deallocate";
    return FirstPointer();
  }
  if (!CE->getArg(0)->getType()->isPointerType())
    return nullptr;
  OverloadedOperatorKind Op = FD->getOverloadedOperator();
  if ((Op == OO_Delete || Op == OO_Array_Delete) &&
      !FD->isReservedGlobalPlacementOperator()) {
    Callee = Op == OO_Delete ? "operator delete" : "operator delete[]";
    return CE->getArg(0);
  }
  unsigned ID = CE->getBuiltinCallee();
  if (ID == Builtin::BI__builtin_operator_delete) {
    Callee = "__builtin_operator_delete";
    return CE->getArg(0);
  }
  const DeclContext *DC = FD->getDeclContext()->getRedeclContext();
  if ((ID == Builtin::BIfree ||
       (nameOf(FD) == "free" && (DC->isTranslationUnit() || isStd(FD)))) &&
      CE->getNumArgs() == 1) {
    Callee = "free";
    return CE->getArg(0);
  }
  return nullptr;
}

// std::start_lifetime_as<T>(p) / start_lifetime_as_array<T>(p, n) (C++23):
// the storage, or null.
static const Expr *lifetimeStartedStorage(const Expr *E, std::string *Callee = nullptr) {
  for (StringRef Name : {"start_lifetime_as", "start_lifetime_as_array"})
    if (const Expr *P = stdPointerArgument(E, Name)) {
      if (Callee)
        *Callee = "std::" + Name.str();
      return P;
    }
  return nullptr;
}

// Storage that may hold a live object reused: a new object made in it (the
// non-allocating placement new, std::construct_at, std::start_lifetime_as)
// or the storage given back (deallocatedStorage).
static bool classifyStorageReuse(const Expr *E, Operation &Out) {
  const Expr *Storage = nullptr;
  OperandRole Role = OperandRole::ConstructedOver;
  if (const auto *NE = dyn_cast<CXXNewExpr>(E)) {
    const FunctionDecl *OpNew = NE->getOperatorNew();
    if (!OpNew || !OpNew->isReservedGlobalPlacementOperator() ||
        NE->getNumPlacementArgs() != 1)
      return false;
    Storage = NE->getPlacementArg(0);
    Out.Callee = "placement new";
  } else if ((Storage = stdPointerArgument(E, "construct_at"))) {
    Out.Callee = isa<CXXOperatorCallExpr>(E) ? "std::ranges::construct_at"
                                             : "std::construct_at";
  } else if ((Storage = lifetimeStartedStorage(E, &Out.Callee))) {
    Role = OperandRole::LifetimeStarted;
  } else if ((Storage = deallocatedStorage(E, Out.Callee))) {
    Role = OperandRole::Deallocated;
  } else {
    return false;
  }
  Out.Family = OpFamily::StorageReuse;
  Out.Site = E;
  Out.Operands.push_back({Storage, /*IsPointer=*/true, Role});
  return true;
}

bool classifyDestroy(const Expr *E, DestroyEvent &Out) {
  if (!E || E->containsErrors())
    return false;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    if (!isa_and_nonnull<CXXDestructorDecl>(MC->getMethodDecl()))
      return false;
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (!Obj)
      return false;
    Out = {E, Obj, Obj->getType()->isPointerType()};
    return true;
  }
  if (const Expr *P = stdPointerArgument(E, "destroy_at")) {
    Out = {E, P, true};
    return true;
  }
  // The object start_lifetime_as makes replaces the old one (reported first
  // by pin-storage-reuse if it was pinned): an object that starts unpinned.
  if (const Expr *P = lifetimeStartedStorage(E)) {
    Out = {E, P, true};
    return true;
  }
  return false;
}

bool classifyOperation(const Expr *E, CatalogContext &C, Operation &Out) {
  if (!E || E->containsErrors())
    return false;
  if (classifyStorageReuse(E, Out))
    return true;

  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (!Ctor || CE->getNumArgs() < 1)
      return false;
    if (!Ctor->isCopyOrMoveConstructor()) {
      llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
      if (classifyRvalueSink(Ctor, CE, Args, Out))
        return true;
      const CXXRecordDecl *RD = Ctor->getParent();
      std::string Name = "std::" + nameOf(RD).str();
      if (keepsCallableCopy(RD))
        return classifyArgumentCopies(CE, Args, Name, Out);
      // std::pair<Node, int> p(n, 1), std::optional<Node> o(n): the holder
      // decay-copies n into itself.
      return isStdHolder(RD) && classifyArgumentCopies(CE, Args, Name, Out, RD);
    }
    if (functionHas(Ctor, Annotation::AddressAware))
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

  // Copying a whole array (a by-copy capture or structured binding of one):
  // one element construction applied in a loop.
  if (const auto *AIL = dyn_cast<ArrayInitLoopExpr>(E)) {
    const auto *CE = dyn_cast<CXXConstructExpr>(AIL->getSubExpr()->IgnoreImplicit());
    const CXXConstructorDecl *Ctor = CE ? CE->getConstructor() : nullptr;
    if (!Ctor || !Ctor->isCopyOrMoveConstructor() ||
        functionHas(Ctor, Annotation::AddressAware))
      return false;
    bool Move = Ctor->isMoveConstructor();
    Out.Family = Move ? OpFamily::Move : OpFamily::Copy;
    Out.Site = AIL;
    Out.Operands.push_back({AIL->getCommonExpr()->getSourceExpr(), false,
                            Move ? OperandRole::Moved : OperandRole::Copied});
    return true;
  }

  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2) {
      const auto *MD = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
      if (!MD || !(MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator()))
        return false;
      if (functionHas(MD, Annotation::AddressAware))
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

  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (!MD)
      return false;
    if (nameOf(MD) != "swap" || MC->getNumArgs() != 1 || MD->isStatic()) {
      llvm::SmallVector<const Expr *, 4> Args(MC->arguments());
      if (classifyRvalueSink(MD, MC, Args, Out))
        return true;
      return copiesArguments(MD) &&
             classifyArgumentCopies(MC, Args,
                                    "std::" + nameOf(MD->getParent()).str() + "::" +
                                        nameOf(MD).str(),
                                    Out);
    }
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (!Obj)
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

  if (const auto *BC = dyn_cast<BuiltinBitCastExpr>(E)) {
    Out.Family = OpFamily::RawMemory;
    Out.Site = BC;
    Out.Callee = "__builtin_bit_cast";
    Out.Operands.push_back({BC->getSubExpr(), false, OperandRole::RawSource});
    return true;
  }

  const auto *CE = dyn_cast<CallExpr>(E);
  if (!CE || isa<CUDAKernelCallExpr>(CE))
    return false;
  if (classifyRelocationHelper(CE, Out) || classifyRawCall(CE, C.Ctx, Out))
    return true;
  const FunctionDecl *FD = CE->getDirectCallee();
  if (!FD)
    return false;
  StringRef Name = nameOf(FD);
  bool Std = isStd(FD);
  if (Name == "swap" && CE->getNumArgs() == 2 && !isa<CXXMethodDecl>(FD)) {
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
  if (castCall(FD) != CastCall::None)
    return false; // the cast itself; its consumer is the operation
  if (isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(FD))
    return classifyRvalueSink(FD, CE, llvm::ArrayRef(Args).drop_front(), Out);
  if (classifyRvalueSink(FD, CE, Args, Out))
    return true;
  return copiesArguments(FD) &&
         classifyArgumentCopies(CE, Args, "std::" + Name.str(), Out);
}

// The lambda E is, looking through temporaries and implicit conversions, or
// null.
// The lambda E is, or the one a local closure variable E names was
// initialised with (`auto l = [&n] {...}; std::function<void()> f = l;`).
static const LambdaExpr *asLambda(const Expr *E) {
  if (!E)
    return nullptr;
  E = stripMoveCasts(E)->IgnoreImplicit()->IgnoreParens();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
        V && V->isLocalVarDecl() && !V->getType()->isReferenceType() && V->getInit())
      E = V->getInit()->IgnoreImplicit()->IgnoreParens();
  return dyn_cast<LambdaExpr>(E);
}

// The pins of a lambda that escapes into Into at Site (stored, or passed to
// a function that may keep it): every variable it captures by reference.
static void escapingLambdaPins(const LambdaExpr *L, const Expr *Site, const FunctionDecl *Into,
                               llvm::SmallVectorImpl<PinEvent> &Out) {
  auto Init = L->capture_init_begin();
  for (const LambdaCapture &C : L->captures()) {
    const Expr *E = *Init++;
    if (!E || !C.capturesVariable())
      continue;
    // [&x], [&] and [&r = x] hold the address of what they capture.
    const auto *V = dyn_cast<VarDecl>(C.getCapturedVar());
    bool ByRef = C.getCaptureKind() == LCK_ByRef ||
                 (L->isInitCapture(&C) && V && V->getType()->isReferenceType());
    if (!ByRef)
      continue;
    if (L->isInitCapture(&C) && V && V->getInit())
      E = V->getInit();
    Out.push_back({Site, E, false, PinCause::CapturedByRef, V, Into});
  }
}

// Whether a lambda bound to parameter I of Callee may outlive the call: a
// by-value parameter of a user function (it may store it), the constructor
// or assignment of a std::function-like wrapper or std::thread, std::bind and
// std::async, a constructor of a user class. Algorithms and other standard
// functions only call it; a reference parameter only borrows it.
static bool keepsCallable(const FunctionDecl *Callee, unsigned I) {
  if (!Callee || I >= Callee->getNumParams())
    return false;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee)) {
    if (isa<CXXConstructorDecl>(MD) || MD->getOverloadedOperator() == OO_Equal)
      return MD->getParent()->isInStdNamespace() ? keepsCallableCopy(MD->getParent())
                                                 : isa<CXXConstructorDecl>(MD);
    if (MD->getParent()->isInStdNamespace())
      return false;
  } else if (isStd(Callee)) {
    return llvm::StringSwitch<bool>(nameOf(Callee))
        .Cases({"bind", "bind_front", "bind_back", "async"}, true)
        .Default(false);
  }
  return !Callee->getParamDecl(I)->getType()->isReferenceType();
}

// Arguments bound to pinning parameters of Callee, and lambdas it keeps.
static void pinsFromParams(const FunctionDecl *Callee, const Expr *Site,
                           llvm::ArrayRef<const Expr *> Args,
                           llvm::SmallVectorImpl<PinEvent> &Out) {
  if (!Callee)
    return;
  for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I) {
    if (const LambdaExpr *L = asLambda(Args[I]))
      if (keepsCallable(Callee, I))
        escapingLambdaPins(L, stripMoveCasts(Args[I])->IgnoreImplicit()->IgnoreParens(),
                           Callee, Out);
    bool Mark = paramHas(Callee, I, Annotation::MarkPinned);
    if (!Mark && !paramHas(Callee, I, Annotation::Pins))
      continue;
    const ParmVarDecl *P = Callee->getParamDecl(I);
    QualType T = P->getType();
    if (!T->isReferenceType() && !T->isPointerType())
      continue; // by value: nothing of the argument is pinned
    Out.push_back({Site, Args[I], T->isPointerType(),
                   Mark ? PinCause::MarkPinned : PinCause::PinsParam, P, Callee});
  }
}

void returnedLambdaPins(const Expr *Value, llvm::SmallVectorImpl<PinEvent> &Out) {
  if (const LambdaExpr *L = asLambda(Value))
    escapingLambdaPins(L, stripMoveCasts(Value)->IgnoreImplicit()->IgnoreParens(), nullptr,
                       Out);
}

void classifyPins(const Expr *E, ASTContext &Ctx,
                  llvm::SmallVectorImpl<PinEvent> &Out) {
  if (!E || E->containsErrors())
    return;
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_AddrOf)
      Out.push_back({UO, UO->getSubExpr(), false, PinCause::AddressOf});
    return;
  }
  if (const auto *Ctor = dyn_cast<CXXConstructExpr>(E)) {
    llvm::SmallVector<const Expr *, 4> Args(Ctor->arguments());
    pinsFromParams(Ctor->getConstructor(), E, Args, Out);
    return;
  }
  const auto *CE = dyn_cast<CallExpr>(E);
  if (!CE)
    return;
  PinCause Cause;
  if (const Expr *Arg = addressofArgument(CE, &Cause)) {
    Out.push_back({CE, Arg, false, Cause});
    return;
  }
  const FunctionDecl *FD = CE->getDirectCallee();
  llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && functionHas(MD, Annotation::PinsThis))
      if (const Expr *Obj = MC->getImplicitObjectArgument())
        Out.push_back({CE, Obj, Obj->getType()->isPointerType(),
                       PinCause::PinsThis, MD, MD});
    pinsFromParams(FD, CE, Args, Out);
    return;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE)) {
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
        MD && !MD->isStatic() && OC->getNumArgs() >= 1) {
      if (functionHas(MD, Annotation::PinsThis))
        Out.push_back({CE, OC->getArg(0), false, PinCause::PinsThis, MD, MD});
      pinsFromParams(FD, CE, llvm::ArrayRef(Args).drop_front(), Out);
      return;
    }
  }
  pinsFromParams(FD, CE, Args, Out);
}

} // namespace pincheck
