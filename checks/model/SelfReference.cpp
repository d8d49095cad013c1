// SelfReference.cpp - which writes of a constructor (or of a member function
// it calls) make a member of the object refer into the object, and which
// copy or move members make them again in their own object.
#include "model/SelfReference.h"
#include "model/AccessPath.h"
#include "model/StdLibrary.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace pincheck {
namespace {

// std classes whose storage is inside the object: a pointer into one that
// is a member is a pointer into the object. (A std::vector's elements, a
// map's nodes, are on the heap.)
bool storesInline(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return isStdClass(RD, {"basic_string", "array", "inplace_vector", "optional"});
}

// The member of *this a glvalue path names (or a part of it, kept inside
// the object): this->m, m.a, m.arr[i], m_array[i] of a std::array. Null if
// it is not inside the object.
const FieldDecl *memberOfThis(const AccessPath &P, size_t From = 0) {
  if (P.Root != AccessPath::RootKind::This || From >= P.Steps.size())
    return nullptr;
  // A reference member names an object outside this one.
  for (size_t I = From; I < P.Steps.size(); ++I)
    if (P.Steps[I].Kind == StepKind::Field)
      if (const auto *F = dyn_cast<FieldDecl>(cast<MemberExpr>(P.Steps[I].E)->getMemberDecl());
          F && F->getType()->isReferenceType())
        return nullptr;
  const AccessStep &Last = P.Steps.back();
  if (Last.Kind != StepKind::Field || !cast<MemberExpr>(Last.E)->isArrow())
    return nullptr;
  for (size_t I = From; I + 1 < P.Steps.size(); ++I) {
    const AccessStep &S = P.Steps[I];
    switch (S.Kind) {
    case StepKind::Field:
      if (cast<MemberExpr>(S.E)->isArrow())
        return nullptr;
      continue;
    case StepKind::Index:
      // arr[i] of a member array (decayed), not of a member pointer.
      if (I + 1 < P.Steps.size() && P.Steps[I + 1].Kind == StepKind::Decay) {
        ++I;
        continue;
      }
      return nullptr;
    case StepKind::ElementAccess:
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S.E);
          MC && storesInline(MC->getImplicitObjectArgument()->getType()))
        continue;
      if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S.E);
          OC && storesInline(OC->getArg(0)->getType()))
        continue;
      return nullptr;
    default:
      return nullptr;
    }
  }
  return dyn_cast<FieldDecl>(cast<MemberExpr>(Last.E)->getMemberDecl());
}

// Where a value refers into the object: Yes, and the member of *this it
// refers into (null: the object itself).
struct Into {
  bool Yes = false;
  const FieldDecl *Field = nullptr;
};

// A function's writes into members of *this, and which of them make the
// member refer into the object.
struct Write {
  const FieldDecl *Member;
  std::string MemberText;
  Into Value;
  const Expr *Where;
  const FunctionDecl *In;
  bool Conditional;
};

class Scanner : public RecursiveASTVisitor<Scanner> {
public:
  Scanner(ASTContext &Ctx, const FunctionDecl *In, std::vector<Write> &Out, unsigned Depth,
          bool Conditional)
      : Ctx(Ctx), In(In), Out(Out), Depth(Depth), OuterConditional(Conditional) {}

  // A constructor's member initialisers (default member initialisers
  // included), then its body.
  void scanFunction(const FunctionDecl *FD) {
    if (const auto *C = dyn_cast<CXXConstructorDecl>(FD))
      for (const CXXCtorInitializer *Init : C->inits()) {
        const FieldDecl *F = Init->getAnyMember();
        const Expr *E = Init->getInit();
        if (!F || !E)
          continue;
        if (const auto *DI = dyn_cast<CXXDefaultInitExpr>(E->IgnoreImplicit()))
          E = DI->getExpr();
        record(F, F->getNameAsString(), E, F->getType()->isReferenceType());
        TraverseStmt(const_cast<Expr *>(E));
      }
    if (FD->getBody())
      TraverseStmt(FD->getBody());
  }

  // A default member initialiser (no function).
  void scanDefault(const FieldDecl *F) {
    if (const Expr *E = F->getInClassInitializer())
      record(F, F->getNameAsString(), E, F->getType()->isReferenceType());
  }

  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }

  // What a branch, a loop or a conditional holds runs on some paths only.
  template <typename Base> bool nested(Base Traverse) {
    ++Cond;
    bool R = Traverse();
    --Cond;
    return R;
  }
#define PINCHECK_NESTED(Class)                                                         \
  bool Traverse##Class(Class *S, DataRecursionQueue * = nullptr) {                        \
    return nested([&] { return RecursiveASTVisitor::Traverse##Class(S, nullptr); });      \
  }
  PINCHECK_NESTED(IfStmt)
  PINCHECK_NESTED(SwitchStmt)
  PINCHECK_NESTED(ForStmt)
  PINCHECK_NESTED(WhileStmt)
  PINCHECK_NESTED(DoStmt)
  PINCHECK_NESTED(CXXForRangeStmt)
  PINCHECK_NESTED(ConditionalOperator)
#undef PINCHECK_NESTED

  bool VisitVarDecl(VarDecl *V) {
    if (V->isLocalVarDecl() && V->getInit())
      if (Into I = refersInto(V->getInit(), 0); I.Yes)
        Locals[V] = I;
    return true;
  }

  bool VisitExpr(Expr *E) {
    const Expr *LHS = nullptr, *RHS = nullptr;
    if (assignmentSides(E, LHS, RHS))
      assignment(LHS, RHS, E);
    return true;
  }

  // A member function called on *this: what it writes, the caller writes.
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (!MD || !Obj || Depth >= 2 || !isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()) ||
        MD->isVirtual())
      return true;
    const FunctionDecl *Def = nullptr;
    if (!MD->hasBody(Def) || !Def || Def == In)
      return true;
    Scanner Inner(Ctx, Def, Out, Depth + 1, Cond > 0 || OuterConditional);
    Inner.scanFunction(Def);
    return true;
  }

private:
  void assignment(const Expr *LHS, const Expr *RHS, const Expr *Where) {
    // A local: what it refers into, it now refers into.
    if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts()))
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()); V && V->isLocalVarDecl()) {
        if (Into I = refersInto(RHS, 0); I.Yes)
          Locals[V] = I;
        return;
      }
    AccessPath P = accessPath(LHS, /*IsPointer=*/false);
    if (P.Root != AccessPath::RootKind::This || P.Steps.empty())
      return;
    for (const AccessStep &S : P.Steps)
      if (S.Kind != StepKind::Field)
        return; // an element, a dereference: not a member's own value
    const FieldDecl *Top = memberOfThis(P);
    if (!Top)
      return;
    record(Top, spelling(LHS), RHS, /*BindsReference=*/false, Where);
  }

  void record(const FieldDecl *F, std::string Text, const Expr *Value, bool BindsReference,
              const Expr *Where = nullptr) {
    Into I = BindsReference ? glvalueInto(Value) : refersInto(Value, 0);
    Out.push_back({F, std::move(Text), I, Where ? Where : Value, In,
                   Cond > 0 || OuterConditional});
  }

  // A glvalue that is (a part of) a member of *this, bound to a reference.
  Into glvalueInto(const Expr *E) {
    if (!E || E->getType().isNull() || E->containsErrors())
      return {};
    if (const FieldDecl *F = memberOfThis(accessPath(E, /*IsPointer=*/false)))
      return {true, F};
    return {};
  }

  Into refersInto(const Expr *E, unsigned D) {
    // Code with errors: an initialiser clang could not resolve (a
    // ParenListExpr has no type; a RecoveryExpr stands for anything).
    if (!E || D > 8 || E->getType().isNull() || E->containsErrors())
      return {};
    // A number carries no address: a count from a pointer difference, an
    // id from reinterpret_cast<uintptr_t>(this).
    if (E->getType()->isArithmeticType() || E->getType()->isEnumeralType())
      return {};
    // A pointer or an iterator into the object: `this`, &m, m (an array
    // decaying), m.data(), m.begin(), std::begin(m), and offsets of those.
    if (E->getType()->isPointerType()) {
      AccessPath P = accessPath(E, /*IsPointer=*/true);
      if (P.Root == AccessPath::RootKind::This && P.Steps.empty())
        return {true, nullptr};
      size_t I = 0;
      while (I < P.Steps.size() && P.Steps[I].Kind == StepKind::PointerOffset)
        ++I;
      if (I < P.Steps.size()) {
        const AccessStep &S = P.Steps[I];
        if (S.Kind == StepKind::AddressOf || S.Kind == StepKind::Decay)
          if (const FieldDecl *F = memberOfThis(P, I + 1))
            return {true, F};
        if (S.Kind == StepKind::MemberIterator || S.Kind == StepKind::FreeIterator)
          if (Into In = storageInto(S.E); In.Yes)
            return In;
      }
    }
    const Expr *X = E->IgnoreImplicit()->IgnoreParens();
    while (true) {
      if (const auto *C = dyn_cast<ExplicitCastExpr>(X))
        X = C->getSubExpr()->IgnoreImplicit()->IgnoreParens();
      else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(X))
        X = M->getSubExpr()->IgnoreImplicit()->IgnoreParens();
      else
        break;
    }
    if (isa<CXXThisExpr>(X))
      return {true, nullptr};
    // A lambda holding `this` (its closure refers to the object), also
    // wrapped in a std::function or another callable holder.
    if (const auto *LE = dyn_cast<LambdaExpr>(X)) {
      for (const LambdaCapture &C : LE->captures())
        if (C.capturesThis())
          return {true, nullptr};
      return {};
    }
    if (const auto *CO = dyn_cast<AbstractConditionalOperator>(X)) {
      if (Into I = refersInto(CO->getTrueExpr(), D + 1); I.Yes)
        return I;
      return refersInto(CO->getFalseExpr(), D + 1);
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(X))
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
        if (auto It = Locals.find(V); It != Locals.end())
          return It->second;
    if (const auto *BO = dyn_cast<BinaryOperator>(X); BO && BO->isAdditiveOp())
      return refersInto(BO->getLHS()->getType()->isPointerType() ? BO->getLHS() : BO->getRHS(),
                        D + 1);
    if (const auto *UO = dyn_cast<UnaryOperator>(X); UO && UO->getOpcode() == UO_AddrOf)
      return glvalueInto(UO->getSubExpr());
    // A view, an iterator or a user class built from a pointer into the
    // object, or a std view of a member (std::string_view(line_)).
    if (const auto *CE = dyn_cast<CXXConstructExpr>(X)) {
      const CXXRecordDecl *RD = CE->getConstructor()->getParent();
      bool View = isStdClass(RD, {"basic_string_view", "span", "reference_wrapper"});
      if (CE->getNumArgs() == 1 && isa<LambdaExpr>(CE->getArg(0)->IgnoreImplicit()))
        return refersInto(CE->getArg(0), D + 1); // std::function f = [this] {...}
      if (RD->isInStdNamespace() && !View && !isIterator(RD))
        return {};
      for (unsigned A = 0; A < CE->getNumArgs(); ++A) {
        if (Into I = refersInto(CE->getArg(A), D + 1); I.Yes)
          return I;
        if (View && A < CE->getConstructor()->getNumParams() &&
            CE->getConstructor()->getParamDecl(A)->getType()->isReferenceType())
          if (Into I = glvalueInto(CE->getArg(A));
              I.Yes && (storesInline(CE->getArg(A)->getType()) ||
                        CE->getArg(A)->getType()->isArrayType()))
            return I;
      }
      return {};
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(X)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      const Expr *Obj = MC->getImplicitObjectArgument();
      if (!MD || !Obj)
        return {};
      // std::string to std::string_view, and the like.
      if (isa<CXXConversionDecl>(MD) && !MC->getType()->isArithmeticType() &&
          storesInline(Obj->getType()))
        if (Into I = glvalueInto(Obj); I.Yes)
          return I;
      StringRef Name = nameOf(MD);
      if (Name == "substr" || Name == "subspan" || Name == "first" || Name == "last" ||
          Name == "data" || Name == "c_str" || Name == "begin" || Name == "end" ||
          Name == "cbegin" || Name == "cend") {
        if (Into I = storageInto(MC); I.Yes)
          return I;
        return refersInto(Obj, D + 1); // a local view of the object
      }
      return {};
    }
    if (const auto *CE = dyn_cast<CallExpr>(X))
      if (const FunctionDecl *FD = CE->getDirectCallee();
          isStd(FD) && CE->getNumArgs() >= 1 &&
          (nameOf(FD) == "next" || nameOf(FD) == "prev"))
        return refersInto(CE->getArg(0), D + 1);
    return {};
  }

  // A member's inline storage reached by m.data(), m.begin(), std::begin(m)
  // (a std::string, std::array, or a member array).
  Into storageInto(const Expr *Call) {
    const Expr *Obj = nullptr;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      Obj = MC->getImplicitObjectArgument();
    else if (const auto *CE = dyn_cast<CallExpr>(Call); CE && CE->getNumArgs() == 1)
      Obj = CE->getArg(0);
    if (!Obj || !(storesInline(Obj->getType()) || Obj->getType()->isArrayType()))
      return {};
    return glvalueInto(Obj);
  }

  static bool isIterator(const CXXRecordDecl *RD) {
    return RD->getIdentifier() && RD->getName().contains("iterator");
  }

  std::string spelling(const Expr *E) {
    SourceRange R = E->getSourceRange();
    if (R.isInvalid() || R.getBegin().isMacroID() || R.getEnd().isMacroID())
      return "";
    return Lexer::getSourceText(CharSourceRange::getTokenRange(R), Ctx.getSourceManager(),
                                Ctx.getLangOpts())
        .str();
  }

  ASTContext &Ctx;
  const FunctionDecl *In;
  std::vector<Write> &Out;
  unsigned Depth;
  bool OuterConditional;
  unsigned Cond = 0;
  llvm::DenseMap<const VarDecl *, Into> Locals;
};

SelfReference toReference(const Write &W) {
  SelfReference S;
  S.Member = W.Member;
  S.MemberText = W.MemberText.empty() ? W.Member->getNameAsString() : W.MemberText;
  S.Into = W.Value.Field;
  S.IntoText = W.Value.Field ? W.Value.Field->getNameAsString() : "";
  S.Where = W.Where;
  S.In = W.In;
  S.Conditional = W.Conditional;
  return S;
}

// Whether write I of a constructor C (its writes in order) is undone on
// every path: a later write to the same member in C itself, outside any
// branch or loop, that does not refer into the object, with no `return`
// before it (`char *out_ = small_;` then `Writer(char *e) { out_ = e; }`).
bool overwritten(const std::vector<Write> &Writes, size_t I, const FunctionDecl *C) {
  const SourceManager &SM = C->getASTContext().getSourceManager();
  auto Text = [](const Write &W) {
    return W.MemberText.empty() ? W.Member->getNameAsString() : W.MemberText;
  };
  for (size_t K = I + 1; K < Writes.size(); ++K) {
    const Write &W = Writes[K];
    if (W.Member != Writes[I].Member || Text(W) != Text(Writes[I]) || W.Conditional ||
        W.Value.Yes || W.In != C)
      continue;
    struct Returns : RecursiveASTVisitor<Returns> {
      const SourceManager &SM;
      SourceLocation Before;
      bool Found = false;
      Returns(const SourceManager &SM, SourceLocation B) : SM(SM), Before(B) {}
      bool VisitReturnStmt(ReturnStmt *R) {
        Found |= SM.isBeforeInTranslationUnit(R->getBeginLoc(), Before);
        return !Found;
      }
      bool VisitGotoStmt(GotoStmt *) { return !(Found = true); }
      bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    } R(SM, W.Where->getBeginLoc());
    R.TraverseStmt(C->getBody());
    if (!R.Found)
      return true;
  }
  return false;
}

// Whether the default member initialiser of F runs and stays in some
// constructor of RD: the implicit default constructor, a defaulted one, one
// whose body is not visible, or one that neither initialises F itself nor
// overwrites it on every path.
bool defaultStands(const CXXRecordDecl *RD, const FieldDecl *F) {
  bool UserConstructors = false;
  for (const CXXConstructorDecl *C : RD->ctors()) {
    if (C->isCopyOrMoveConstructor() || C->isImplicit())
      continue;
    UserConstructors = true;
    const FunctionDecl *Def = nullptr;
    if (C->isDefaulted() || !C->hasBody(Def) || !Def)
      return true;
    std::vector<Write> Writes;
    Scanner S(RD->getASTContext(), Def, Writes, 0, false);
    S.scanFunction(Def);
    for (size_t I = 0; I < Writes.size(); ++I)
      if (Writes[I].Member == F && Writes[I].Where == F->getInClassInitializer() &&
          !overwritten(Writes, I, Def))
        return true;
  }
  return !UserConstructors;
}

// The constructor an initialiser calls: `T(args)`, `T{args}`, or null.
const CXXConstructorDecl *constructorOf(const Expr *E) {
  E = E->IgnoreImplicit();
  if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E))
    E = FC->getSubExpr()->IgnoreImplicit();
  const auto *CE = dyn_cast<CXXConstructExpr>(E);
  return CE ? CE->getConstructor() : nullptr;
}

// Member F, initialised by Init, which makes Inner: a self-reference of the
// enclosing object, made in In (null: an aggregate's initialiser).
SelfReference builtMember(const FieldDecl *F, const Expr *Init, const SelfReference &Inner,
                          const FunctionDecl *In) {
  SelfReference R = Inner;
  R.Member = F;
  R.MemberText = F->getNameAsString();
  R.Inner = &Inner;
  R.InnerCtor = constructorOf(Init);
  R.Where = Init;
  R.In = In;
  return R;
}

bool analysable(const CXXRecordDecl *RD) {
  if (!RD || RD->isLambda() || RD->isInStdNamespace() || !RD->hasDefinition() ||
      RD->isInvalidDecl())
    return false;
  const SourceManager &SM = RD->getASTContext().getSourceManager();
  return !SM.isInSystemHeader(SM.getExpansionLoc(RD->getLocation()));
}

} // namespace

std::optional<SelfReference> SelfReferenceModel::compute(const CXXConstructorDecl *Ctor,
                                                         unsigned Depth) {
  const FunctionDecl *Def = nullptr;
  if (!Ctor->hasBody(Def) || !Def) {
    // Defined in another file: what the summaries index says of it, its
    // members found by name in the class this file sees.
    const IndexedFunction *I = Index ? Index->lookup(Ctor) : nullptr;
    if (!I || !I->SelfReference)
      return std::nullopt;
    const IndexedSelfReference &X = *I->SelfReference;
    auto Field = [&](const std::string &Name) -> const FieldDecl * {
      for (const FieldDecl *F : Ctor->getParent()->fields())
        if (F->getIdentifier() && F->getName() == Name)
          return F;
      return nullptr;
    };
    SelfReference R;
    R.Member = Field(X.Member);
    R.Into = X.Into.empty() ? nullptr : Field(X.Into);
    if (!R.Member || (!X.Into.empty() && !R.Into))
      return std::nullopt; // the index is older than the class
    R.MemberText = X.Member;
    R.IntoText = X.Into;
    R.In = Ctor;
    R.Conditional = X.Conditional;
    R.External = I;
    return R;
  }
  if (Def->isInvalidDecl())
    return std::nullopt;
  const auto *C = cast<CXXConstructorDecl>(Def);
  // Base and delegated constructors run on this object: their
  // self-references are this constructor's.
  for (const CXXCtorInitializer *Init : C->inits())
    if (Init->isBaseInitializer() || Init->isDelegatingInitializer())
      if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(
              Init->getInit() ? Init->getInit()->IgnoreImplicit() : nullptr))
        if (Depth < 8)
          if (const SelfReference *S = madeBy(CE->getConstructor()))
            return *S;
  std::vector<Write> Writes;
  Scanner S(C->getASTContext(), C, Writes, 0, false);
  S.scanFunction(C);
  std::optional<SelfReference> Some;
  for (size_t I = 0; I < Writes.size(); ++I)
    if (const Write &W = Writes[I]; W.Value.Yes && !overwritten(Writes, I, C)) {
      if (!W.Conditional)
        return toReference(W);
      if (!Some)
        Some = toReference(W);
    }
  // A member built by a self-referential constructor (`Header h;` in the
  // class, `h("x")` in the initialiser list) is a self-reference of this
  // object too.
  for (const CXXCtorInitializer *Init : C->inits()) {
    const FieldDecl *F = Init->getAnyMember();
    if (!F || !Init->getInit() || Depth >= 8)
      continue;
    const Expr *E = Init->getInit();
    if (const auto *DI = dyn_cast<CXXDefaultInitExpr>(E->IgnoreImplicit()))
      E = DI->getExpr();
    if (const SelfReference *Inner = madeByInit(E)) {
      SelfReference R = builtMember(F, E, *Inner, C);
      if (!Init->isWritten())
        R.Where = Inner->Where;
      if (!R.Conditional)
        return R;
      if (!Some)
        Some = R;
    }
  }
  return Some;
}

const SelfReference *SelfReferenceModel::keep(const std::optional<SelfReference> &R) {
  if (!R)
    return nullptr;
  Storage.push_back(*R);
  return &Storage.back();
}

const SelfReference *SelfReferenceModel::madeByInit(const Expr *Init) {
  if (!Init)
    return nullptr;
  Init = Init->IgnoreImplicit();
  if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(Init))
    Init = FC->getSubExpr()->IgnoreImplicit();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Init))
    return madeBy(CE->getConstructor());
  // An aggregate: its default member initialisers run for the members the
  // list does not name; a member the list builds with a self-referential
  // constructor (or a nested list) counts too.
  if (const auto *IL = dyn_cast<InitListExpr>(Init)) {
    if (IL->isSyntacticForm() && IL->getSemanticForm())
      IL = IL->getSemanticForm();
    const auto *RD = IL->getType()->getAsCXXRecordDecl();
    if (!RD || !analysable(RD) || IL->getNumInits() > 4096)
      return nullptr;
    if (auto It = ByInit.find(IL); It != ByInit.end())
      return It->second;
    ByInit[IL] = nullptr; // provisional: ends recursion
    std::optional<SelfReference> R;
    const SelfReference *Own = of(RD);
    unsigned I = RD->getNumBases();
    for (const FieldDecl *F : RD->fields()) {
      if (I >= IL->getNumInits())
        break;
      const Expr *E = IL->getInit(I++);
      if (const auto *DI = dyn_cast<CXXDefaultInitExpr>(E)) {
        if (Own && !Own->In && Own->Member == F) {
          R = *Own;
          break;
        }
        E = DI->getExpr();
      }
      if (const SelfReference *Inner = madeByInit(E)) {
        R = builtMember(F, E, *Inner, nullptr);
        break;
      }
    }
    return ByInit[IL] = keep(R);
  }
  return nullptr;
}

const SelfReference *SelfReferenceModel::madeBy(const CXXConstructorDecl *Ctor) {
  if (!Ctor || !analysable(Ctor->getParent()))
    return nullptr;
  if (Ctor->isCopyOrMoveConstructor() && !Ctor->isUserProvided())
    return nullptr; // it copies the members
  if (auto It = ByCtor.find(Ctor); It != ByCtor.end())
    return It->second;
  ByCtor[Ctor] = nullptr; // provisional: ends recursion
  std::optional<SelfReference> R = compute(Ctor, 0);
  return ByCtor[Ctor] = keep(R);
}

const SelfReference *SelfReferenceModel::of(const CXXRecordDecl *RD) {
  if (!analysable(RD))
    return nullptr;
  RD = RD->getDefinition();
  if (auto It = ByClass.find(RD); It != ByClass.end())
    return It->second;
  ByClass[RD] = nullptr; // provisional: ends recursion
  std::optional<SelfReference> R;
  // A default member initialiser runs in every constructor that does not
  // initialise the member itself (the implicit default constructor too),
  // unless each of them overwrites it (madeBy says which do not).
  for (const FieldDecl *F : RD->fields()) {
    std::vector<Write> Writes;
    Scanner S(RD->getASTContext(), nullptr, Writes, 0, false);
    S.scanDefault(F);
    if (!Writes.empty() && Writes.front().Value.Yes && defaultStands(RD, F)) {
      R = toReference(Writes.front());
      break;
    }
  }
  if (!R)
    for (const CXXConstructorDecl *C : RD->ctors())
      if (!C->isCopyOrMoveConstructor())
        if (const SelfReference *S = madeBy(C)) {
          R = *S;
          break;
        }
  return ByClass[RD] = keep(R);
}

const SelfReference *SelfReferenceModel::ownOf(const CXXRecordDecl *RD) {
  // Own: made directly (not by a member's constructor), by RD's code: its
  // constructors and member functions, or a default member initialiser of
  // its own members (not a base's: the base's class owns that one).
  auto Same = [RD](const DeclContext *DC) {
    const auto *C = dyn_cast_or_null<CXXRecordDecl>(DC);
    return C && C->getCanonicalDecl() == RD->getCanonicalDecl();
  };
  auto Own = [&](const SelfReference *S) {
    if (!S || S->Inner)
      return false;
    if (S->In)
      return Same(S->In->getDeclContext());
    return S->Member && Same(S->Member->getParent());
  };
  const SelfReference *S = of(RD);
  if (!S || Own(S))
    return S;
  for (const CXXConstructorDecl *Ctor : RD->getDefinition()->ctors())
    if (!Ctor->isCopyOrMoveConstructor())
      if (const SelfReference *Made = madeBy(Ctor); Own(Made))
        return Made;
  return nullptr;
}

Cooperation SelfReferenceModel::cooperation(const CXXMethodDecl *M) {
  if (!M || !M->isUserProvided())
    return Cooperation::No;
  if (auto It = ByMember.find(M); It != ByMember.end())
    return It->second;
  const CXXRecordDecl *RD = M->getParent();
  // The members the class's own constructors make refer into it.
  llvm::SmallPtrSet<const FieldDecl *, 4> Self;
  for (const FieldDecl *F : RD->fields()) {
    std::vector<Write> Writes;
    Scanner S(RD->getASTContext(), nullptr, Writes, 0, false);
    S.scanDefault(F);
    if (!Writes.empty() && Writes.front().Value.Yes)
      Self.insert(F);
  }
  for (const CXXConstructorDecl *C : RD->ctors()) {
    const FunctionDecl *Def = nullptr;
    if (C->isCopyOrMoveConstructor() || !C->hasBody(Def) || !Def)
      continue;
    std::vector<Write> Writes;
    Scanner S(RD->getASTContext(), Def, Writes, 0, false);
    S.scanFunction(Def);
    for (const Write &W : Writes)
      if (W.Value.Yes)
        Self.insert(W.Member);
  }
  const FunctionDecl *Def = nullptr;
  Cooperation Result = Cooperation::Yes;
  if (M->hasBody(Def) && Def) {
    std::vector<Write> Writes;
    // A constructor that delegates (`Buf(const Buf &o) : Buf() {...}`) runs
    // the other constructor's writes first.
    if (const auto *C = dyn_cast<CXXConstructorDecl>(Def))
      for (const CXXCtorInitializer *Init : C->inits())
        if (Init->isDelegatingInitializer())
          if (const CXXConstructorDecl *Target = constructorOf(Init->getInit());
              Target && Target != C) {
            const FunctionDecl *TargetDef = nullptr;
            if (Target->hasBody(TargetDef) && TargetDef) {
              Scanner T(RD->getASTContext(), TargetDef, Writes, 0, false);
              T.scanFunction(TargetDef);
            }
          }
    Scanner S(RD->getASTContext(), Def, Writes, 0, false);
    S.scanFunction(Def);
    bool IsCtor = isa<CXXConstructorDecl>(M);
    for (const FieldDecl *F : Self) {
      bool Must = false, Some = false, Other = false;
      for (const Write &W : Writes) {
        if (W.Member != F)
          continue;
        if (W.Value.Yes)
          (W.Conditional ? Some : Must) = true;
        else
          Other = true;
      }
      Cooperation C = Must          ? Cooperation::Yes
                      : Some        ? Cooperation::SomePaths
                      : IsCtor || Other ? Cooperation::No
                                        : Cooperation::Yes; // assignment leaves it alone
      if (C == Cooperation::No || (C == Cooperation::SomePaths && Result == Cooperation::Yes))
        Result = C;
      if (Result == Cooperation::No)
        break;
    }
  }
  // A body in another translation unit: the author wrote it for the class
  // (user-provided), so it is taken as cooperative (docs/analysis.md).
  ByMember[M] = Result;
  return Result;
}

} // namespace pincheck
