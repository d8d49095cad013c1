// CatalogRawMemory.cpp - the functions that copy, write or move an object's
// bytes without its constructors: the memcpy family (memcpy, memmove, memset,
// bcopy, the _s and _chk forms, by builtin ID or by name), realloc, the
// builtin trivially_relocate, and the relocation helpers of C++26 and P1144
// libraries recognised by name and shape (relocate_at, uninitialized_relocate,
// ...).
#include "catalog/CatalogInternal.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/Builtins.h"
#include <optional>

using namespace clang;

namespace pincheck {

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

bool classifyRawCall(const CallExpr *CE, ASTContext &Ctx, Operation &Out) {
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

// The relocation helpers of C++26 and of P1144 libraries (folly, bsl,
// stdx, ...), by name in any namespace and by shape, their arguments
// pointers: trivially_relocate / relocate / uninitialized_relocate(first,
// last, result), uninitialized_relocate_n(first, n, result), relocate_at(src,
// dst). The source is relocated from, the destination written like memcpy's.
// Not the builtin (classifyRawCall's), nor a function of the same name that
// takes anything else (references, class-type iterators).
bool classifyRelocationHelper(const CallExpr *CE, Operation &Out) {
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

} // namespace pincheck
