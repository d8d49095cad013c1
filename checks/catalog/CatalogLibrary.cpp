// CatalogLibrary.cpp - the standard library calls that relocate what they
// are given: the algorithms that permute, move, copy or fill the elements of
// their ranges (std:: and std::ranges::), and the functions, members and
// constructors that copy an lvalue argument into an object they make or hold
// (factories such as make_tuple and bind, container insertion, std::function
// and std::thread, the holders std::pair, tuple, optional and variant).
#include "catalog/CatalogInternal.h"
#include "model/Containers.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace pincheck {

// Whether the holder RD keeps a T by value: one of its template arguments is
// T itself, not a reference to it (std::tuple<Node &> only refers to one).
bool holdsValueOf(const CXXRecordDecl *RD, QualType T) {
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

// The element type of a range pincheck can see into: a built-in array,
// std::array, std::inplace_vector (values held in the object). Null for
// anything else.
static QualType elementTypeOf(QualType T) {
  T = T.getNonReferenceType();
  if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
    return AT->getElementType();
  return stdElementType(T, {"array", "inplace_vector"});
}

// What the standard algorithm Name does to its ranges (RangeEffect is
// declared in CatalogInternal.h).
RangeEffect algorithmEffect(StringRef Name) {
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
bool classifyAlgorithm(const Expr *Site, StringRef Name, bool Ranges,
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
bool copiesArguments(const FunctionDecl *FD) {
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
// The lvalue arguments a library call (Callee, named as users call it)
// copies into what it makes: an operation with one Copied operand each.
// Holder: a std::pair, tuple, optional or variant being constructed; only
// the arguments it keeps by value are copied.
bool classifyArgumentCopies(const Expr *Site, llvm::ArrayRef<const Expr *> Args,
                            std::string Callee, Operation &Out, SelfReferenceModel *SelfRefs,
                            const CXXRecordDecl *Holder) {
  for (const Expr *A : Args) {
    bool SawMove = false;
    const Expr *Inner = stripMoveCasts(A, &SawMove);
    if (!SawMove && Inner->isGLValue() && Inner->getType()->isRecordType() &&
        (!Holder || holdsValueOf(Holder, Inner->getType())) &&
        !relocatesAwarely(Inner->getType(), /*Move=*/false, SelfRefs))
      Out.Operands.push_back({A, false, OperandRole::Copied});
  }
  if (Out.Operands.empty())
    return false;
  Out.Family = OpFamily::Copy;
  Out.Site = Site;
  Out.Callee = std::move(Callee);
  return true;
}

} // namespace pincheck
