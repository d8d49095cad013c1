// PinSelfReferenceCheck.cpp - pin-self-reference's rule and wording
// (docs/checks/pin-self-reference.md): a self-referential class whose copy or
// move constructor or assignment copies its members as they are (implicit or
// defaulted) and is used, so that the copy refers into the original.
#include "PinSelfReferenceCheck.h"
#include "explain/Text.h"
#include "model/Annotations.h"
#include "model/SpecialMembers.h"
#include "clang/AST/DeclCXX.h"

using namespace clang;

namespace pincheck {

namespace {

// A library function as users call it: 'std::vector<Node>::emplace_back'.
std::string libraryFunctionName(const FunctionDecl *FD) {
  PrintingPolicy P(FD->getASTContext().getLangOpts());
  P.SuppressInlineNamespace = llvm::to_underlying(PrintingPolicy::SuppressInlineNamespaceMode::All);
  std::string S;
  llvm::raw_string_ostream OS(S);
  FD->printQualifiedName(OS, P);
  return S;
}

// "implicit copy constructor", "defaulted move assignment operator".
std::string memberKind(const CXXMethodDecl *M) {
  std::string Kind = M->isImplicit() ? "implicit " : "defaulted ";
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(M))
    return Kind + (Ctor->isMoveConstructor() ? "move constructor" : "copy constructor");
  return Kind + (M->isMoveAssignmentOperator() ? "move assignment operator"
                                                : "copy assignment operator");
}

// Where M copies or moves an object of its class: its first call in the
// translation unit's code, followed out of the implicit members of the
// classes that hold it. Parts names those classes ("as part of 'Outer'").
std::optional<Note> useNote(const CXXRecordDecl *RD, const CXXMethodDecl *M,
                            CallSiteIndex &Calls) {
  std::string Verb = isMoveMember(M) ? "moved" : "copied";
  std::string Parts;
  const FunctionDecl *Callee = M;
  for (unsigned Depth = 0; Depth < 8; ++Depth) {
    CallSiteIndex::Site S = Calls.firstCall(Callee);
    if (!S.Call) {
      // Only a library calls it: the user's call into that library code.
      const FunctionDecl *Entry = nullptr;
      S = Calls.userEntry(Callee, &Entry);
      std::string Used = "the " + memberKind(M) + " of " + quoted(RD->getNameAsString()) +
                         Parts + " is used by code in a library header";
      if (!S.Call)
        return Note{SourceLocation(), Used + " (a container's, for example)"};
      return Note{S.Call->getExprLoc(), Used + ", in " + quoted(libraryFunctionName(Entry)) +
                                            ", called here"};
    }
    const auto *Outer = dyn_cast<CXXMethodDecl>(S.In);
    if (Outer && isMemberwise(Outer) && isCopyOrMoveMember(Outer) &&
        Outer->getParent() != RD) {
      Parts += ", as part of " + quoted(Outer->getParent()->getNameAsString());
      Callee = Outer;
      continue;
    }
    return Note{S.Call->getExprLoc(), quoted(RD->getNameAsString()) + " is " + Verb +
                                          " here by its " + memberKind(M) + Parts};
  }
  return std::nullopt;
}

} // namespace

void PinSelfReferenceCheck::checkDeclaration(const Decl *D, DeclarationContext &C,
                                             std::vector<Finding> &Out) {
  const auto *RD = dyn_cast<CXXRecordDecl>(D);
  if (!RD || !C.Types.infers() || !RD->isThisDeclarationADefinition() ||
      RD->isInvalidDecl() || RD->isDependentContext() || RD->isLambda())
    return;
  // The copy and move members that copy the members as they are, used in
  // this translation unit. A deleted one needs nothing (the compiler rejects
  // its uses); a user-provided one is judged where it runs.
  // (Used: any declaration may carry the mark.)
  llvm::SmallVector<const CXXMethodDecl *, 4> Claimed;
  for (const CXXMethodDecl *M : RD->methods())
    if (isCopyOrMoveMember(M) && !M->isDeleted() && isMemberwise(M) &&
        !functionHas(M, Annotation::AddressAware) &&
        llvm::any_of(M->redecls(), [](const FunctionDecl *R) { return R->isUsed(); }))
      Claimed.push_back(M);
  if (Claimed.empty())
    return;
  if (!C.Types.isAddressSensitive(C.Ctx.getCanonicalTagType(RD)))
    return; // PIN_UNPIN
  const SelfReference *S = C.Types.selfReferences().ownOf(RD);
  if (!S)
    return;

  std::string Members;
  for (size_t I = 0; I < Claimed.size(); ++I)
    Members += (I == 0 ? "" : I + 1 == Claimed.size() ? " and " : ", ") +
               memberKind(Claimed[I]);
  bool Plural = Claimed.size() > 1;
  std::string Name = quoted(RD->getNameAsString());
  std::string Member = quoted(S->MemberText);
  Finding F;
  F.Check = Id;
  F.Loc = RD->getLocation();
  F.Range = SourceRange(RD->getLocation());
  F.Message = Name + " is self-referential, but its " + Members + (Plural ? " copy" : " copies") +
              " member " + Member + " unchanged, so the new object " + (S->Conditional ? "may refer " : "refers ") +
              (S->Into ? "into the original" : "to the original") + "; define " +
              (Plural ? "them" : "it") + " to re-point " + Member +
              " into the new object, or delete " + (Plural ? "them" : "it") + " (= delete)";
  F.Notes.push_back(C.Explain.selfReferenceNote(RD, *S));
  for (const CXXMethodDecl *M : Claimed)
    if (std::optional<Note> N = useNote(RD, M, C.Calls))
      F.Notes.push_back(std::move(*N));
  Out.push_back(std::move(F));
}

} // namespace pincheck
