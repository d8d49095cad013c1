// PinAnnotationCheck.cpp - pin-annotation's rule and wording: a pin/pin.h
// annotation where it has no effect, both PIN_ADDRESS_SENSITIVE and PIN_UNPIN
// on a class, and a kind pincheck cannot read (docs/checks/pin-annotation.md).
#include "PinAnnotationCheck.h"
#include "model/Annotations.h"
#include "model/SpecialMembers.h"
#include "model/ThisEscape.h"
#include "model/SummaryIndex.h"
#include "facts/Summary.h"
#include "model/TypeModel.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "explain/Text.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace pincheck {


// "a member function 'f'", "a by-value parameter 'p'", ...
static std::string describe(const Decl *D) {
  auto Name = [](const NamedDecl *N) {
    return N->getDeclName() ? quoted(N->getNameAsString()) : std::string("(unnamed)");
  };
  if (const auto *C = dyn_cast<CXXConstructorDecl>(D))
    return "a constructor of " + Name(C->getParent());
  if (const auto *Dt = dyn_cast<CXXDestructorDecl>(D))
    return "a destructor of " + Name(Dt->getParent());
  if (const auto *M = dyn_cast<CXXMethodDecl>(D))
    return (M->isStatic() ? "a static member function " : "a member function ") + Name(M);
  if (const auto *F = dyn_cast<FunctionDecl>(D))
    return "a function " + Name(F);
  if (const auto *P = dyn_cast<ParmVarDecl>(D)) {
    QualType T = P->getType();
    bool ByValue = !T->isDependentType() && !T->isReferenceType() &&
                   !T->isPointerType();
    return (ByValue ? "a by-value parameter " : "a parameter ") + Name(P);
  }
  if (const auto *F = dyn_cast<FieldDecl>(D))
    return "a field " + Name(F);
  if (const auto *V = dyn_cast<VarDecl>(D))
    return "a variable " + Name(V);
  if (const auto *R = dyn_cast<RecordDecl>(D))
    return "a class " + Name(R);
  return "a declaration";
}

static bool isClass(const Decl *D) { return isa<RecordDecl>(D); }

// A constructor too: every object it makes is pinned from its construction.
static bool isPinningMethod(const Decl *D) {
  const auto *M = dyn_cast<CXXMethodDecl>(D);
  return M && !M->isStatic() && !isa<CXXDestructorDecl>(M);
}

// A swap function: a member `swap(T &)` or a free `swap(T &, T &)`,
// outside namespace std (which only swaps as std::swap does).
static bool isSwap(const Decl *D) {
  const auto *FD = dyn_cast<FunctionDecl>(D);
  if (!FD || !FD->getIdentifier() || FD->getName() != "swap" || FD->isInStdNamespace())
    return false;
  const auto *M = dyn_cast<CXXMethodDecl>(FD);
  if (M && M->isStatic())
    return false;
  return FD->getNumParams() == (M ? 1u : 2u);
}

static bool isPinningParam(const Decl *D) {
  const auto *P = dyn_cast<ParmVarDecl>(D);
  if (!P)
    return false;
  QualType T = P->getType();
  return T->isDependentType() || T->isReferenceType() || T->isPointerType();
}

// A constructor template is never a copy or move constructor, so the
// annotation has no effect there either.
static bool isCopyOrMove(const Decl *D) {
  const auto *FD = dyn_cast<FunctionDecl>(D);
  return FD && isCopyOrMoveMember(FD);
}

// What is wrong with an annotation whose kind pincheck cannot use, and how
// to write it. Each such annotation has no effect.
static std::string kindProblem(const FoundAnnotation &A) {
  const std::string Known = "address_sensitive, unpin, pins_this, pins, address_aware";
  const std::string HowTo =
      "; write annotate(\"pin\", \"<kind>\") with one of " + Known +
      ", or use the macros of pin/pin.h";
  switch (A.Problem) {
  case KindProblem::None:
    break;
  case KindProblem::Missing:
    return "pincheck annotation without a kind has no effect" + HowTo;
  case KindProblem::NotString:
    return "the kind of a pincheck annotation must be a string; this annotation has no "
           "effect" + HowTo;
  case KindProblem::Wide:
    return "the kind of a pincheck annotation must be an ordinary string literal, not a "
           "wide or UTF-16/UTF-32 one; this annotation has no effect" + HowTo;
  case KindProblem::Dependent:
    return "the kind of a pincheck annotation must not depend on a template parameter; "
           "this annotation has no effect" + HowTo;
  case KindProblem::ExtraArgs:
    return "pincheck annotation " + quoted(A.Spelling) +
           " takes nothing after its kind (it has " + std::to_string(A.Attr->args_size() - 1) +
           " more) and has no effect; write annotate(\"pin\", \"" + A.Spelling + "\")";
  }
  return "unknown pincheck annotation " + quoted(A.Spelling) + "; known annotations are " +
         Known;
}


// ---------------------------------------------------------------------------
// Annotations checked against the bodies they describe (docs/checks/
// pin-annotation.md "Annotations that their bodies contradict"). Each test
// is conservative: anything that may keep an address, hand `this` out or
// repair one counts as doing so; only a body that visibly does none of it
// is reported.

namespace {
// The uses of `this` in a body (and, for a constructor, its initialisers):
// how many there are, and how many only reach a field (`this->m`, `m`).
struct ThisUses : RecursiveASTVisitor<ThisUses> {
  unsigned All = 0, FieldOnly = 0, UserCalls = 0, PointerMemberWrites = 0;
  bool VisitCXXThisExpr(CXXThisExpr *) {
    ++All;
    return true;
  }
  bool VisitMemberExpr(MemberExpr *ME) {
    if (isa<FieldDecl>(ME->getMemberDecl()) && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      ++FieldOnly;
    return true;
  }
  // A call of anything but the standard library's may register, re-link
  // or repair.
  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD || !FD->isInStdNamespace())
      ++UserCalls;
    return true;
  }
  // Code with errors: what it would have done is not known.
  bool VisitRecoveryExpr(RecoveryExpr *) {
    ++UserCalls;
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    const CXXConstructorDecl *C = CE->getConstructor();
    if (C && !C->isTrivial() && !C->getParent()->isInStdNamespace())
      ++UserCalls;
    return true;
  }
  // A pointer or reference member given a value: it may re-point.
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      if (const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts()))
        if (ME->getType()->isPointerType() && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
          ++PointerMemberWrites;
    return true;
  }
};

ThisUses usesOf(const FunctionDecl *Def) {
  ThisUses U;
  if (const auto *C = dyn_cast<CXXConstructorDecl>(Def))
    for (const CXXCtorInitializer *Init : C->inits())
      if (Init->isWritten() && Init->getInit()) {
        if (const FieldDecl *F = Init->getMember(); F && F->getType()->isPointerType())
          ++U.PointerMemberWrites;
        U.TraverseStmt(const_cast<Expr *>(Init->getInit()));
      }
  U.TraverseStmt(Def->getBody());
  return U;
}

// The definition whose body an annotation on D describes: visible, written
// by the user, not virtual (an override's body may keep what this one does
// not), not a template pattern (each instantiation may differ).
const FunctionDecl *describedBody(const FunctionDecl *FD) {
  const FunctionDecl *Def = nullptr;
  if (!FD || !FD->hasBody(Def) || !Def || Def->isDefaulted() || Def->isDeleted() ||
      Def->isDependentContext() || Def->isInvalidDecl() || !Def->getBody())
    return nullptr;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Def); MD && MD->isVirtual())
    return nullptr;
  return Def;
}
} // namespace

// Findings where an annotation on D says what D's body visibly does not.
static void checkAgainstBodies(const Decl *D, DeclarationContext &C, std::vector<Finding> &Out) {
  auto Report = [&](const AnnotateAttr *Attr, std::string Message, SourceLocation NoteAt,
                    std::string Note) {
    Finding F;
    F.Check = PinAnnotationCheck::Id;
    F.Loc = Attr->getLocation().isValid() ? Attr->getLocation() : D->getLocation();
    F.Range = Attr->getRange();
    F.Message = std::move(Message);
    F.Notes.push_back({NoteAt, std::move(Note)});
    Out.push_back(std::move(F));
  };
  auto Own = [&](const Decl *On, Annotation K) -> const AnnotateAttr * {
    for (const FoundAnnotation &A : pinAnnotations(On))
      if (A.Kind == K && !A.Attr->isInherited() && A.Problem == KindProblem::None)
        return A.Attr;
    return nullptr;
  };
  auto Name = [](const NamedDecl *N) { return quoted(N->getNameAsString()); };

  // PIN_PINS on a parameter its body never keeps.
  if (const auto *P = dyn_cast<ParmVarDecl>(D)) {
    const AnnotateAttr *A = Own(P, Annotation::Pins);
    const auto *FD = dyn_cast_or_null<FunctionDecl>(P->getDeclContext());
    const FunctionDecl *Def = A ? describedBody(FD) : nullptr;
    if (!Def || !P->getIdentifier() || !usesWithoutKeeping(Def, P->getFunctionScopeIndex()))
      return;
    const ParmVarDecl *DP = Def->getParamDecl(P->getFunctionScopeIndex());
    Report(A,
           "'PIN_PINS' on parameter " + Name(P) + " of " + Name(FD) +
               ", but its body does not keep the address of " + Name(DP) +
               ": every use of it reads or writes a member, or compares it",
           Def->getBody()->getBeginLoc(),
           "the body of " + Name(FD) + " is here; a caller's argument is pinned at each call "
           "all the same");
    return;
  }
  const auto *MD = dyn_cast<CXXMethodDecl>(D);
  if (MD && !isa<CXXDestructorDecl>(MD)) {
    // PIN_PINS_THIS on a member function that does not hand `this` out.
    if (const AnnotateAttr *A = Own(MD, Annotation::PinsThis)) {
      const FunctionDecl *Def = describedBody(MD);
      ThisUses U = Def ? usesOf(Def) : ThisUses();
      if (Def && U.All == U.FieldOnly && U.UserCalls == 0)
        Report(A,
               "'PIN_PINS_THIS' on " + describe(MD) + ", but its body does not hand 'this' "
               "out: it only reads or writes members, and calls nothing that could",
               Def->getBody()->getBeginLoc(),
               "the body of " + Name(MD) + " is here; the object is pinned at each call all "
               "the same");
    }
    // PIN_ADDRESS_AWARE on a copy or move member that repairs nothing.
    if (const AnnotateAttr *A = Own(MD, Annotation::AddressAware); A && isCopyOrMove(MD)) {
      const FunctionDecl *Def = describedBody(MD);
      ThisUses U = Def ? usesOf(Def) : ThisUses();
      if (Def && U.All == U.FieldOnly && U.UserCalls == 0 && U.PointerMemberWrites == 0)
        Report(A,
               "'PIN_ADDRESS_AWARE' on " + describe(MD) + ", but its body repairs no address: "
               "it re-points no pointer member, hands 'this' to nothing and calls nothing "
               "that could; copies and moves through it are still treated as cooperative",
               Def->getBody()->getBeginLoc(), "the body of " + Name(MD) + " is here");
    }
    return;
  }
  // PIN_UNPIN on a class that is self-referential, whose copies or moves
  // do not re-point: the opt-out hides what pin-self-reference would say.
  const auto *RD = dyn_cast<CXXRecordDecl>(D);
  const AnnotateAttr *A = RD ? Own(RD, Annotation::Unpin) : nullptr;
  if (!A || !RD->hasDefinition() || !C.Types.infers())
    return;
  const SelfReference *S = C.Types.selfReferences().ownOf(RD->getDefinition());
  if (!S || !S->Where)
    return;
  const CXXRecordDecl *Def = RD->getDefinition();
  auto Hides = [&](const std::string &Member) {
    Report(A,
           "'PIN_UNPIN' on " + Name(RD) + ", which is self-referential: its " + Member +
               " copies member " + quoted(S->MemberText) +
               " unchanged, so the copy refers to the original",
           S->Where->getBeginLoc(),
           "member " + quoted(S->MemberText) + " is made to refer " +
               (S->Into ? "into member " + quoted(S->IntoText) : std::string("to the object itself")) +
               " here");
  };
  for (const CXXMethodDecl *M : Def->methods()) {
    if (!isCopyOrMoveMember(M) || M->isDeleted() || functionHas(M, Annotation::AddressAware))
      continue;
    if (M->isUserProvided() && C.Types.selfReferences().cooperation(M) != Cooperation::No)
      continue;
    bool Ctor = isa<CXXConstructorDecl>(M);
    bool Move = Ctor ? cast<CXXConstructorDecl>(M)->isMoveConstructor()
                     : M->isMoveAssignmentOperator();
    Hides(std::string(M->isImplicit() ? "implicit " : M->isDefaulted() ? "defaulted " : "") +
          (Move ? "move " : "copy ") + (Ctor ? "constructor" : "assignment operator"));
    return;
  }
  // The implicit copy constructor, not declared until something uses it.
  if (!Def->hasUserDeclaredCopyConstructor() && Def->needsImplicitCopyConstructor() &&
      !Def->defaultedCopyConstructorIsDeleted())
    Hides("implicit copy constructor");
}


// ---------------------------------------------------------------------------
// Suggestions (SuggestAnnotations; docs/checks/pin-annotation.md
// "Suggestions"): where a body (here, or in the summaries index) shows what
// an annotation would say, and the declaration users include does not say
// it, a remark with the annotation as a fix-it on that declaration.

// The place just after the token at Loc, in the file (not in a macro).
static SourceLocation afterToken(SourceLocation Loc, ASTContext &Ctx) {
  if (Loc.isInvalid() || Loc.isMacroID())
    return SourceLocation();
  return Lexer::getLocForEndOfToken(Loc, 0, Ctx.getSourceManager(), Ctx.getLangOpts());
}

static void suggest(const FunctionDecl *FD, DeclarationContext &C, std::vector<Finding> &Out) {
  ASTContext &Ctx = C.Ctx;
  const SourceManager &SM = Ctx.getSourceManager();
  // The first declaration, in a file of its own: what callers include.
  if (!FD->isFirstDecl() || FD->doesThisDeclarationHaveABody() || FD->isImplicit() ||
      isa<CXXDestructorDecl>(FD) ||
      FD->isInvalidDecl() || FD->isDependentContext() || FD->getLocation().isMacroID() ||
      SM.isInSystemHeader(SM.getExpansionLoc(FD->getLocation())))
    return;
  auto Name = [](const NamedDecl *N) { return quoted(N->getNameAsString()); };
  auto Add = [&](SourceLocation At, SourceLocation InsertAfter, const char *Macro,
                 std::string Message, Note Evidence) {
    SourceLocation Insert = afterToken(InsertAfter, Ctx);
    Finding F;
    F.Check = PinAnnotationCheck::Id;
    F.Loc = At;
    F.Message = std::move(Message) + "; say so where it is declared: " + Macro;
    F.Remark = true;
    F.Notes.push_back(std::move(Evidence));
    if (Insert.isValid())
      F.Fixes.push_back({CharSourceRange::getCharRange(Insert, Insert), std::string(" ") + Macro});
    Out.push_back(std::move(F));
  };
  auto ThisEnd = [&]() {
    // After the declarator's parameters and qualifiers (`void start() const`).
    TypeLoc TL = FD->getTypeSourceInfo() ? FD->getTypeSourceInfo()->getTypeLoc() : TypeLoc();
    return TL ? TL.getEndLoc() : SourceLocation();
  };
  // A constructor that lets `this` escape.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD)) {
    const ThisEscape *E = Ctor->isCopyOrMoveConstructor() ? nullptr : C.Types.escapes().escape(Ctor);
    if (E && !E->Annotated && !functionHas(FD, Annotation::PinsThis)) {
      Note Evidence;
      if (E->Where) {
        Evidence = {E->Where->getBeginLoc(), "'this' escapes here"};
      } else if (E->External) {
        Evidence = {indexedLocation(Ctx, E->External->File, E->External->Escape->Site),
                    "'this' escapes here (per the summaries index)"};
      }
      Add(FD->getLocation(), ThisEnd(), "PIN_PINS_THIS",
          "constructor " + Name(FD) + " lets 'this' escape, so every object it makes is "
                                      "pinned",
          Evidence);
    }
  }
  const FunctionSummary *S = C.Summaries.summary(FD);
  if (!S)
    return;
  for (const ParamPin &P : S->Pins) {
    // Only a pin of the whole object is what the annotation says: a
    // member's address handed out (often an out-parameter) pins the
    // object, but is no reason to annotate the declaration.
    if (P.Event.External ? !P.Event.External.Whole : !namesWholeObject(P.Path))
      continue;
    SourceLocation Evidence = P.Event.Site ? P.Event.Site->getBeginLoc() : SourceLocation();
    std::string How = P.Event.External ? P.Event.External.How.str() : Explainer::howPinned(P.Event);
    if (P.Event.External)
      Evidence = indexedLocation(Ctx, P.Event.External.Function->File, P.Event.External.Site);
    if (P.Param == ObjectParam) {
      if (isa<CXXConstructorDecl>(FD) || functionHas(FD, Annotation::PinsThis))
        continue;
      Add(FD->getLocation(), ThisEnd(), "PIN_PINS_THIS",
          Name(FD) + " pins the object it is called on",
          {Evidence, "it pins it here: " + How});
      continue;
    }
    if (P.Param >= FD->getNumParams() || paramHas(FD, P.Param, Annotation::Pins))
      continue;
    const ParmVarDecl *Param = FD->getParamDecl(P.Param);
    // Only what pincheck follows: an argument of an address-sensitive type.
    QualType T = Param->getType().getNonReferenceType();
    if (T->isPointerType())
      T = T->getPointeeType();
    if (!C.Types.isAddressSensitive(T))
      continue;
    SourceLocation After = Param->getIdentifier() ? Param->getLocation() : Param->getEndLoc();
    Add(Param->getLocation().isValid() ? Param->getLocation() : FD->getLocation(), After,
        "PIN_PINS",
        Name(FD) + " pins its parameter " +
            (Param->getIdentifier() ? Name(Param) : std::to_string(P.Param + 1)),
        {Evidence, "it pins it here: " + How});
  }
}

void PinAnnotationCheck::checkDeclaration(const Decl *D, DeclarationContext &C,
                                          std::vector<Finding> &Out) {
  if (C.Suggest && D)
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      suggest(FD, C, Out);
  if (!D || !D->hasAttrs() || D->isImplicit() || D->isInvalidDecl())
    return;
  ASTContext &Ctx = C.Ctx;
  // An instantiation's annotations are its pattern's, checked there; only a
  // kind that depends on a template parameter is read (and so can be wrong)
  // in each instantiation.
  bool Instantiation = false;
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    Instantiation = FD->isTemplateInstantiation();
  if (const auto *P = dyn_cast<ParmVarDecl>(D))
    if (const auto *FD = dyn_cast_or_null<FunctionDecl>(P->getDeclContext()))
      Instantiation = FD->isTemplateInstantiation();
  if (const auto *RD = dyn_cast<CXXRecordDecl>(D))
    Instantiation = isa<ClassTemplateSpecializationDecl>(RD) &&
                    !isa<ClassTemplatePartialSpecializationDecl>(RD) &&
                    cast<ClassTemplateSpecializationDecl>(RD)->getSpecializationKind() !=
                        TSK_ExplicitSpecialization;

  // A finding at the annotation as written.
  auto Report = [&](const AnnotateAttr *Attr, std::string Message) {
    Finding F;
    F.Check = Id;
    F.Loc = Attr->getLocation().isValid() ? Attr->getLocation() : D->getLocation();
    F.Range = Attr->getRange();
    F.Message = std::move(Message);
    Out.push_back(std::move(F));
  };
  for (const FoundAnnotation &A : pinAnnotations(D)) {
    if (A.Attr->isInherited())
      continue;
    if (A.Problem == KindProblem::Dependent)
      continue; // read in each instantiation
    if (Instantiation) {
      // (The same finding from the pattern, at the same place, is one.)
      if (A.Kind == Annotation::Unknown)
        Report(A.Attr, kindProblem(A));
      continue;
    }
    auto Misplaced = [&](const char *Where) {
      Report(A.Attr, quoted(macroName(A.Kind)) + " has no effect on " + describe(D) +
                         "; put it on " + Where);
      // An annotation with no effect can go. Offered only for the macro used
      // directly: the edit then removes exactly what the user wrote.
      const SourceManager &SM = Ctx.getSourceManager();
      // pin.h's macros expand through a helper macro: walk out to ours.
      for (SourceLocation L = A.Attr->getLocation(); L.isMacroID();
           L = SM.getImmediateExpansionRange(L).getBegin()) {
        if (Lexer::getImmediateMacroName(L, SM, Ctx.getLangOpts()) != macroName(A.Kind))
          continue;
        CharSourceRange Use = Lexer::makeFileCharRange(
            SM.getImmediateExpansionRange(L), SM, Ctx.getLangOpts());
        if (Use.isInvalid())
          break;
        // With the blank after it, as clang's own fix-it merging does.
        bool Invalid = false;
        const char *After = SM.getCharacterData(Use.getEnd(), &Invalid);
        if (!Invalid && (*After == ' ' || *After == '\t'))
          Use.setEnd(Use.getEnd().getLocWithOffset(1));
        Out.back().Fixes.push_back({Use, ""});
        break;
      }
    };
    switch (A.Kind) {
    case Annotation::AddressSensitive:
    case Annotation::Unpin:
      if (!isClass(D))
        Misplaced("a class, struct or union");
      break;
    case Annotation::PinsThis:
      if (!isPinningMethod(D))
        Misplaced("a non-static member function or a constructor");
      break;
    case Annotation::Pins:
      if (!isPinningParam(D))
        Misplaced("a pointer or reference parameter");
      break;
    case Annotation::AddressAware:
      if (!isCopyOrMove(D) && !isSwap(D))
        Misplaced("a copy or move constructor or assignment operator, or a swap function");
      break;
    case Annotation::Marker:
    case Annotation::MarkPinned:
      break; // pin/pin.h's own
    case Annotation::Unknown:
      Report(A.Attr, kindProblem(A));
      break;
    }
  }
  if (!Instantiation)
    checkAgainstBodies(D, C, Out);
  // Both on one class, possibly on different declarations of it: reported
  // once, at the first PIN_UNPIN written.
  const auto *RD = dyn_cast<RecordDecl>(D);
  if (!RD || Instantiation)
    return;
  bool HasSensitive = false;
  const AnnotateAttr *UnpinAttr = nullptr;
  for (const TagDecl *R : RD->redecls())
    for (const FoundAnnotation &A : pinAnnotations(R)) {
      if (A.Kind == Annotation::AddressSensitive)
        HasSensitive = true;
      if (A.Kind == Annotation::Unpin && !A.Attr->isInherited() &&
          (!UnpinAttr || Ctx.getSourceManager().isBeforeInTranslationUnit(
                             A.Attr->getLocation(), UnpinAttr->getLocation())))
        UnpinAttr = A.Attr;
    }
  if (HasSensitive && UnpinAttr) {
    std::string Name = quoted(RD->getNameAsString());
    Report(UnpinAttr, "'PIN_ADDRESS_SENSITIVE' and 'PIN_UNPIN' both on " + Name +
                          "; PIN_UNPIN wins and " + Name + " is not address-sensitive");
  }
}

} // namespace pincheck
