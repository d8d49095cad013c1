// RelocationClaims.cpp - what declares a class trivially relocatable
// (RelocationClaims.h).
#include "model/RelocationClaims.h"
#include "Options.h"
#include "model/NameList.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include <optional>

using namespace clang;

namespace pincheck {

static const char TraitsExample[] = "'folly::IsRelocatable;mycorp::is_relocatable'";

std::string validateRelocatableTraits(llvm::StringRef Value) {
  return parseClassTemplateNames(Value, TraitsExample, nullptr);
}

RelocationClaimModel::RelocationClaimModel(llvm::StringRef Value) {
  std::vector<std::string> Names;
  if (!parseClassTemplateNames(Value, TraitsExample, &Names).empty())
    parseClassTemplateNames(DefaultRelocatableTraits, TraitsExample, &Names);
  for (const std::string &N : Names)
    Traits.insert(N);
}

// One claim.
static RelocationClaim claim(RelocationClaim::KindT Kind, const CXXRecordDecl *Class,
                             SourceLocation Loc, SourceRange Range, std::string Spelling) {
  RelocationClaim C;
  C.Kind = Kind;
  C.Class = Class;
  C.Loc = Loc;
  C.Range = Range;
  C.Spelling = std::move(Spelling);
  return C;
}

namespace {

// A constant's value as a truth value; nullopt if it cannot be read (an
// instantiated static member whose initialiser is not instantiated yet).
std::optional<bool> initValue(const VarDecl *V) {
  const Expr *Init = V ? V->getAnyInitializer() : nullptr;
  if (!Init || Init->isValueDependent() || Init->containsErrors())
    return std::nullopt;
  bool Result = false;
  if (!Init->EvaluateAsBooleanCondition(Result, V->getASTContext()))
    return std::nullopt;
  return Result;
}
bool initTrue(const VarDecl *V) { return initValue(V).value_or(false); }

// Whether a trait class says true: a member `value` or `isRelocatable` (a
// constant or an enumerator) that is nonzero, in the class or a base (as
// std::true_type's is); std::integral_constant<bool, true> by its argument
// when its `value` has no initialiser to read.
bool saysTrue(const CXXRecordDecl *RD, unsigned Depth = 0) {
  if (!RD || Depth > 4 || !(RD = RD->getDefinition()))
    return false;
  for (const char *Name : {"value", "isRelocatable"}) {
    IdentifierInfo &II = RD->getASTContext().Idents.get(Name);
    for (const NamedDecl *ND : RD->lookup(&II)) {
      if (const auto *V = dyn_cast<VarDecl>(ND))
        if (std::optional<bool> Value = initValue(V))
          return *Value;
      if (const auto *E = dyn_cast<EnumConstantDecl>(ND))
        return E->getInitVal().getBoolValue();
    }
  }
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
    StringRef Name = Spec->getSpecializedTemplate()->getName();
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    if ((Name == "integral_constant" || Name == "bool_constant") && Args.size() >= 1) {
      const TemplateArgument &V = Args[Args.size() - 1];
      if (V.getKind() == TemplateArgument::Integral)
        return V.getAsIntegral().getBoolValue();
    }
  }
  for (const CXXBaseSpecifier &B : RD->bases())
    if (saysTrue(B.getType()->getAsCXXRecordDecl(), Depth + 1))
      return true;
  return false;
}

// A nested member that a library's trait reads as "relocatable".
const NamedDecl *nestedMarker(const CXXRecordDecl *RD) {
  for (const char *Name : {"IsRelocatable", "SusUnsafeTrivialRelocate"}) {
    IdentifierInfo &II = RD->getASTContext().Idents.get(Name);
    for (const NamedDecl *ND : RD->lookup(&II)) {
      if (const auto *V = dyn_cast<VarDecl>(ND); V && initTrue(V))
        return ND;
      if (const auto *T = dyn_cast<TypedefNameDecl>(ND))
        if (saysTrue(T->getUnderlyingType()->getAsCXXRecordDecl()))
          return ND;
    }
  }
  return nullptr;
}

// Relocation attributes Clang does not know, as written in the class head
// (between the class key and the brace): Clang drops unknown attributes, so
// they are read from the source text. Written through a macro, they are not
// seen.
std::vector<RelocationClaim> ignoredAttributes(const CXXRecordDecl *RD, ASTContext &Ctx) {
  std::vector<RelocationClaim> Out;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Begin = RD->getInnerLocStart(), End = RD->getBraceRange().getBegin();
  if (Begin.isInvalid() || End.isInvalid() || Begin.isMacroID() || End.isMacroID() ||
      SM.getFileID(Begin) != SM.getFileID(End) || !SM.isBeforeInTranslationUnit(Begin, End))
    return Out;
  bool Invalid = false;
  StringRef Buffer = SM.getBufferData(SM.getFileID(Begin), &Invalid);
  if (Invalid)
    return Out;
  Lexer L(SM.getLocForStartOfFile(SM.getFileID(Begin)), Ctx.getLangOpts(), Buffer.begin(),
          Buffer.data() + SM.getFileOffset(Begin), Buffer.end());
  unsigned EndOffset = SM.getFileOffset(End);
  // Inside `[[ ... ]]` or `__attribute__(( ... ))`: the depth of brackets or
  // parentheses opened since.
  int Depth = 0;
  Token Prev, Tok;
  Prev.startToken();
  while (!L.LexFromRawLexer(Tok) && SM.getFileOffset(Tok.getLocation()) < EndOffset) {
    if (Tok.is(tok::l_square) || Tok.is(tok::l_paren)) {
      if (Depth > 0 || (Tok.is(tok::l_square) && Prev.is(tok::l_square)) ||
          (Tok.is(tok::l_paren) && Prev.is(tok::raw_identifier) &&
           (Prev.getRawIdentifier() == "__attribute__" || Prev.getRawIdentifier() == "__attribute")))
        ++Depth;
    } else if (Tok.is(tok::r_square) || Tok.is(tok::r_paren)) {
      if (Depth > 0)
        --Depth;
    } else if (Depth > 0 && Tok.is(tok::raw_identifier)) {
      StringRef Id = Tok.getRawIdentifier();
      if (Id == "trivially_relocatable" || Id == "__trivially_relocatable__") {
        Out.push_back(claim(RelocationClaim::Attribute, RD, Tok.getLocation(),
                            SourceRange(Tok.getLocation(), Tok.getEndLoc()), Id.str()));
      }
    }
    Prev = Tok;
  }
  return Out;
}

} // namespace

std::vector<RelocationClaim> RelocationClaimModel::claimsOf(const Decl *D,
                                                            ASTContext &Ctx) const {
  std::vector<RelocationClaim> Out;
  const auto *RD = dyn_cast<CXXRecordDecl>(D);
  if (!RD || !RD->isThisDeclarationADefinition() || RD->isInvalidDecl() ||
      RD->isDependentContext() || isa<ClassTemplatePartialSpecializationDecl>(RD))
    return Out;
  // A specialisation of a listed trait: a claim about its first argument.
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
      Spec && Spec->getSpecializationKind() == TSK_ExplicitSpecialization) {
    const ClassTemplateDecl *T = Spec->getSpecializedTemplate();
    if (T && Traits.count(T->getQualifiedNameAsString()) &&
        Spec->getTemplateArgs().size() >= 1 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type && saysTrue(Spec)) {
      if (const CXXRecordDecl *Of =
              Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl())
        Out.push_back(claim(RelocationClaim::Trait, Of, Spec->getLocation(),
                            Spec->getSourceRange(), T->getQualifiedNameAsString()));
      return Out;
    }
  }
  if (const auto *A = RD->getAttr<TrivialABIAttr>())
    Out.push_back(claim(RelocationClaim::TrivialABI, RD, A->getLocation(), A->getRange(),
                        "[[clang::trivial_abi]]"));
  // An instantiation's head is its pattern's.
  const CXXRecordDecl *Head = RD;
  if (const CXXRecordDecl *Pattern = RD->getTemplateInstantiationPattern())
    Head = Pattern;
  for (RelocationClaim &C : ignoredAttributes(Head, Ctx)) {
    C.Class = RD;
    Out.push_back(std::move(C));
  }
  if (const NamedDecl *M = nestedMarker(RD))
    Out.push_back(claim(RelocationClaim::NestedMarker, RD, M->getLocation(),
                        M->getSourceRange(), M->getNameAsString()));
  if (const auto *A = RD->getAttr<PackedAttr>())
    Out.push_back(claim(RelocationClaim::Packed, RD, A->getLocation(), A->getRange(), "packed"));
  return Out;
}

} // namespace pincheck
