// CatalogInternal.h - what the Catalog*.cpp files share, for them only (the
// rest of pincheck includes Catalog.h): the name helpers, and the
// classifiers one file defines and classifyOperation or another file calls.
// Each is described where it is defined.
#ifndef PINCHECK_CATALOGINTERNAL_H
#define PINCHECK_CATALOGINTERNAL_H

#include "catalog/Catalog.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace pincheck {

/// Catalog.cpp: the move and copy core.
bool relocatesAwarely(clang::QualType T, bool Move, SelfReferenceModel *SelfRefs);
Operand pointerOperand(const clang::Expr *P, OperandRole Role, bool Range);

/// CatalogRawMemory.cpp
bool classifyRawCall(const clang::CallExpr *CE, clang::ASTContext &Ctx, Operation &Out);
bool classifyRelocationHelper(const clang::CallExpr *CE, Operation &Out);

/// CatalogStorage.cpp (and classifyDestroy, declared in Catalog.h)
bool classifyStorageReuse(const clang::Expr *E, Operation &Out);

/// CatalogLibrary.cpp
bool holdsValueOf(const clang::CXXRecordDecl *RD, clang::QualType T);

/// Standard algorithms that relocate the elements of their ranges, and what
/// they do to them: permute (reported as swaps), move out, copy out.
enum class RangeEffect { None, Permute, Move, Copy, FillValue };
RangeEffect algorithmEffect(llvm::StringRef Name);
bool classifyAlgorithm(const clang::Expr *Site, llvm::StringRef Name, bool Ranges,
                       llvm::ArrayRef<const clang::Expr *> Args, Operation &Out);
bool copiesArguments(const clang::FunctionDecl *FD);
bool classifyArgumentCopies(const clang::Expr *Site, llvm::ArrayRef<const clang::Expr *> Args,
                            std::string Callee, Operation &Out, SelfReferenceModel *SelfRefs,
                            const clang::CXXRecordDecl *Holder = nullptr);

// CatalogPins.cpp: addressofArgument, classifyPins and returnedLambdaPins,
// declared in Catalog.h.

} // namespace pincheck

#endif
