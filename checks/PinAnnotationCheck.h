// PinAnnotationCheck.h - pin-annotation: see docs/checks/pin-annotation.md.
#ifndef PINCHECK_PINANNOTATIONCHECK_H
#define PINCHECK_PINANNOTATIONCHECK_H

#include "Check.h"
#include "clang/AST/ASTContext.h"
#include <vector>

namespace pincheck {

class PinAnnotationCheck : public CheckBase {
public:
  static constexpr CheckId Id = CheckId::PinAnnotationCheck;
  /// Findings for pincheck annotations written on D where they mean nothing.
  static void checkDeclaration(const clang::Decl *D, DeclarationContext &C,
                               std::vector<Finding> &Out);
};

} // namespace pincheck

#endif
