#include "facts/FunctionFacts.h"
#include "model/Annotations.h"
#include "model/Containers.h"
#include "model/Owners.h"
#include "facts/Summaries.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace pincheck {

bool holdsSensitiveElements(QualType T, TypeModel &Types) {
  QualType E = Types.containers().relocatingElementType(T);
  return !E.isNull() && Types.isAddressSensitive(E);
}

bool summaryMatters(QualType T, TypeModel &Types) {
  QualType Pointee = T->isPointerType() ? T->getPointeeType() : QualType();
  return Types.isAddressSensitive(T.getNonReferenceType()) ||
         holdsSensitiveElements(T, Types) ||
         (!Pointee.isNull() && Types.isAddressSensitive(Pointee));
}

namespace {

// A place: a variable holding an address-sensitive object, or a reference
// parameter bound to one (a local reference is an alias, not a place).
bool isPlace(const VarDecl *V, TypeModel &Types) {
  QualType T = V->getType();
  if (T->isReferenceType())
    return isa<ParmVarDecl>(V) && Types.isAddressSensitive(T.getNonReferenceType());
  return !T->isPointerType() && Types.isAddressSensitive(T);
}

bool holdsSensitiveElements(const VarDecl *V, TypeModel &Types) {
  return holdsSensitiveElements(V->getType(), Types);
}

// A pointer (raw, or a smart pointer held or referred to) to an
// address-sensitive object: what it points to is a place.
bool pointsToSensitive(const VarDecl *V, TypeModel &Types) {
  QualType T = V->getType();
  if (T->isReferenceType() && !isSmartPointer(T.getNonReferenceType()))
    return false;
  QualType P = pointeeOf(T.getNonReferenceType());
  return !P.isNull() && Types.isAddressSensitive(P);
}

// A global object (namespace scope, or a static data member).
bool isGlobalObject(const VarDecl *V) {
  return V->hasGlobalStorage() && !V->isLocalVarDecl() && !isa<ParmVarDecl>(V);
}

// The member function runs on an address-sensitive object (a lambda's body
// on its enclosing one, when it captures `this`).
bool runsOnSensitiveObject(const FunctionDecl *FD, TypeModel &Types) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (!MD || MD->isStatic())
    return false;
  const CXXRecordDecl *RD = MD->getParent();
  if (RD->isLambda()) {
    for (const LambdaCapture &C : RD->captures())
      if (C.capturesThis())
        return true;
    return false;
  }
  return Types.isAddressSensitive(Types.context().getCanonicalTagType(RD));
}

// A copy or move constructor or assignment operator: the type's own copies
// and moves, which the catalog classifies.
bool isCopyOrMoveMember(const FunctionDecl *FD) {
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    return Ctor->isCopyOrMoveConstructor();
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  return MD && (MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator());
}

class Collector : public RecursiveASTVisitor<Collector> {
public:
  Collector(FunctionFacts &F, TypeModel &Types, EscapeModel &Escapes,
            SummaryModel *Summaries)
      : F(F), Types(Types), Escapes(Escapes), Summaries(Summaries) {}

  // A lambda's body is a function of its own, analysed separately; only its
  // captures are evaluated here.
  bool TraverseLambdaExpr(LambdaExpr *LE) {
    WalkUpFromLambdaExpr(LE);
    for (Expr *Init : LE->capture_inits())
      if (Init)
        TraverseStmt(Init);
    return true;
  }
  // The semantic form of initializer lists (where the element copies are),
  // and the hidden variables of range-for loops.
  bool shouldVisitImplicitCode() const { return true; }

  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) {
    // The loop holds iterators into the range until it ends.
    if (const VarDecl *C = Types.containers().containerVariable(S->getRangeInit()))
      if (holdsSensitiveElements(C, Types))
        if (const auto *BS = dyn_cast_or_null<DeclStmt>(S->getBeginStmt()))
          if (const auto *Begin = dyn_cast_or_null<VarDecl>(BS->getSingleDecl()))
            F.Borrows.push_back({Begin, C, S, /*RangeFor=*/true});
    const VarDecl *LV = S->getLoopVariable();
    if (LV && !LV->getType()->isReferenceType() && LV->getInit() && S->getRangeInit())
      if (const auto *CE = dyn_cast<CXXConstructExpr>(LV->getInit()->IgnoreImplicit()))
        RangeForElements[CE] = S->getRangeInit();
    return true;
  }

  // Unevaluated operands pin nothing and move nothing.
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) { return true; }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *) { return true; }
  bool TraverseRequiresExpr(RequiresExpr *) { return true; }
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *E) {
    return E->isPotentiallyEvaluated()
               ? RecursiveASTVisitor::TraverseCXXTypeidExpr(E)
               : true;
  }

  // Local classes have their own member functions.
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool TraverseBlockExpr(BlockExpr *) { return true; }

  // A local made by a constructor that hands `this` out is pinned from its
  // declaration on (the event sits on the DeclStmt, after its reset).
  bool VisitDeclStmt(DeclStmt *DS) {
    for (const Decl *D : DS->decls()) {
      const auto *V = dyn_cast<VarDecl>(D);
      if (!V || isa<ParmVarDecl>(V) || !V->isLocalVarDecl() || !isPlace(V, Types) ||
          !V->getInit())
        continue;
      const Expr *Init = V->getInit()->IgnoreImplicit();
      if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(Init))
        Init = FC->getSubExpr()->IgnoreImplicit();
      const auto *CE = dyn_cast<CXXConstructExpr>(Init);
      const ThisEscape *Esc = CE ? Escapes.escape(CE->getConstructor()) : nullptr;
      if (!Esc)
        continue;
      PinEvent Ev{DS, nullptr, false, PinCause::ThisEscaped, CE->getConstructor(),
                  Esc->Callee};
      Ev.Var = V;
      Ev.Escape = Esc->Where;
      F.Pins.push_back(Ev);
    }
    return true;
  }

  bool VisitVarDecl(VarDecl *V) {
    if (isa<ParmVarDecl>(V) || !V->isLocalVarDecl())
      return true;
    addVariable(V);
    InScope.push_back(V);
    return true;
  }

  // A block's (or a statement's own) variables leave scope at its end.
  // Children are walked before returning (no data-recursion queue), so the
  // scope is restored after them.
  template <typename Base> bool scoped(Base Traverse) {
    size_t Saved = InScope.size();
    bool R = Traverse();
    InScope.resize(Saved);
    return R;
  }
  bool TraverseCompoundStmt(CompoundStmt *S, DataRecursionQueue * = nullptr) {
    return scoped([&] { return RecursiveASTVisitor::TraverseCompoundStmt(S, nullptr); });
  }
  bool TraverseForStmt(ForStmt *S, DataRecursionQueue * = nullptr) {
    return scoped([&] { return RecursiveASTVisitor::TraverseForStmt(S, nullptr); });
  }
  bool TraverseIfStmt(IfStmt *S, DataRecursionQueue * = nullptr) {
    return scoped([&] { return RecursiveASTVisitor::TraverseIfStmt(S, nullptr); });
  }
  bool TraverseWhileStmt(WhileStmt *S, DataRecursionQueue * = nullptr) {
    return scoped([&] { return RecursiveASTVisitor::TraverseWhileStmt(S, nullptr); });
  }
  bool TraverseSwitchStmt(SwitchStmt *S, DataRecursionQueue * = nullptr) {
    return scoped([&] { return RecursiveASTVisitor::TraverseSwitchStmt(S, nullptr); });
  }
  bool TraverseCXXForRangeStmt(CXXForRangeStmt *S, DataRecursionQueue * = nullptr) {
    return scoped([&] { return RecursiveASTVisitor::TraverseCXXForRangeStmt(S, nullptr); });
  }

  // Globals are places of the functions that name them.
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      if (isGlobalObject(V) && isPlace(V, Types))
        addPlace(V);
    return true;
  }

  bool VisitCXXThisExpr(CXXThisExpr *TE) {
    if (F.ThisPlace < 0) {
      QualType T = TE->getType()->getPointeeType();
      if (!Types.isAddressSensitive(T))
        return true;
      F.ThisPlace = F.Places.size();
      F.Places.push_back({TrackedPlace::This, nullptr, T});
    }
    // `this` itself passed on, stored or returned hands the object's
    // address out, as `&x` does for a local.
    if (!TE->isImplicit() && !NotHandedOut.count(TE))
      F.Pins.push_back({TE, TE, /*IsPointer=*/true, PinCause::ThisHandedOut});
    return true;
  }
  // Reaching through `this` does not hand it out.
  bool VisitMemberExpr(MemberExpr *ME) {
    notHandedOut(ME->getBase());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_Deref)
      notHandedOut(UO->getSubExpr());
    return true;
  }

  // `delete p` runs the destructor: the object is gone (not a reuse).
  bool VisitCXXDeleteExpr(CXXDeleteExpr *DE) {
    if (const Expr *Arg = DE->getArgument())
      addDestroy({DE, Arg, /*IsPointer=*/true});
    return true;
  }

  // Comparing `this` or the pointer a smart pointer holds, or testing it,
  // does not hand the address out.
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isComparisonOp()) {
      notHandedOut(BO->getLHS());
      notHandedOut(BO->getRHS());
    }
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *IC) {
    if (IC->getCastKind() == CK_PointerToBoolean)
      notHandedOut(IC->getSubExpr());
    return true;
  }
  // Parents are visited first: a `this` or `p.get()` E under one of them
  // is marked before its own visit decides whether it pins.
  void notHandedOut(const Expr *E) {
    E = E->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(E) || (isa<CXXMemberCallExpr>(E) && smartPointerAddress(E)))
      NotHandedOut.insert(E);
  }

  bool VisitReturnStmt(ReturnStmt *RS) {
    if (const Expr *E = implicitMoveConstruct(RS->getRetValue()))
      ReturnMoves.insert(E);
    llvm::SmallVector<PinEvent, 1> P;
    returnedLambdaPins(RS->getRetValue(), P);
    F.Pins.insert(F.Pins.end(), P.begin(), P.end());
    return true;
  }
  // `co_return x` moves a local x into the promise's return_value: a move
  // construction of its by-value parameter, or an xvalue bound to its T&&.
  bool VisitCoreturnStmt(CoreturnStmt *S) {
    const auto *PC = dyn_cast_or_null<CallExpr>(S->getPromiseCall());
    if (!PC || PC->getNumArgs() != 1 || !S->getOperand())
      return true;
    CoReturnCalls.insert(PC); // described here, not by return_value's summary
    const Expr *Arg = PC->getArg(0)->IgnoreImplicit();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(Arg)) {
      if (CE->getNumArgs() >= 1 &&
          isa<DeclRefExpr>(CE->getArg(0)->IgnoreParenImpCasts()))
        CoReturnMoves.insert(CE);
      return true;
    }
    const FunctionDecl *FD = PC->getDirectCallee();
    if (FD && FD->getNumParams() == 1 &&
        FD->getParamDecl(0)->getType()->isRValueReferenceType() &&
        S->getOperand()->isXValue() &&
        isa<DeclRefExpr>(S->getOperand()->IgnoreParenImpCasts())) {
      Operation Op;
      Op.Family = OpFamily::Move;
      Op.Site = PC;
      Op.Operands.push_back({S->getOperand(), false, OperandRole::MovedByCoReturn});
      if (mayTouchSensitive(Op))
        addOperation(PC, std::move(Op));
    }
    return true;
  }

  bool VisitCXXThrowExpr(CXXThrowExpr *TE) {
    if (const Expr *E = implicitMoveConstruct(TE->getSubExpr()))
      ThrowMoves.insert(E);
    return true;
  }

  // Both forms of an initializer list share their leaves: walk the
  // semantic one, which has the element copies (and every leaf).
  bool TraverseInitListExpr(InitListExpr *S, DataRecursionQueue *Queue = nullptr) {
    InitListExpr *Sem = S->isSemanticForm() ? S : S->getSemanticForm();
    return TraverseSynOrSemInitListExpr(Sem ? Sem : S, Queue);
  }

  bool VisitExpr(Expr *E) {
    if (E->containsErrors())
      return true;
    CatalogContext C{Types.context(), ReturnMoves, ThrowMoves, CoReturnMoves,
                     RangeForElements};
    Operation Op;
    if (classifyOperation(E, C, Op) && mayTouchSensitive(Op) && !reregisters(E)) {
      // Constructing over an object ends it (after the check at this site).
      for (const Operand &O : Op.Operands)
        if (O.Role == OperandRole::ConstructedOver)
          addDestroy({E, O.E, O.IsPointer});
      addWholeGrowths(E, Op);
      addOperation(E, std::move(Op));
    }
    DestroyEvent D;
    if (classifyDestroy(E, D))
      addDestroy(D);
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      StringRef Method;
      if (const VarDecl *C = Types.containers().relocatingCall(Call, &Method))
        if (holdsSensitiveElements(C, Types))
          F.Growths.push_back({E, C, Method.str()});
    }
    addContainerBorrow(E);
    llvm::SmallVector<PinEvent, 2> P;
    classifyPins(E, Types.context(), P);
    // p.get() hands out the address of a smart pointer's object, like &*p.
    if (isa<CXXMemberCallExpr>(E) && smartPointerAddress(E) && !NotHandedOut.count(E) &&
        Types.isAddressSensitive(pointeeOf(smartPointerAddress(E)->getType())))
      P.push_back({E, E, /*IsPointer=*/true, PinCause::HandedOut});
    for (PinEvent &Ev : P)
      F.Pins.push_back(Ev);
    applySummary(E);
    if (isLongJump(E))
      LongJumps.push_back({cast<CallExpr>(E), InScope});
    return true;
  }

  // longjmp and its variants leave every frame up to the setjmp without
  // running a destructor.
  static bool isLongJump(const Expr *E) {
    const auto *CE = dyn_cast<CallExpr>(E);
    const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
    if (!FD || !FD->getIdentifier())
      return false;
    const DeclContext *DC = FD->getDeclContext()->getRedeclContext();
    if (!DC->isTranslationUnit() && !FD->isInStdNamespace())
      return false;
    StringRef N = FD->getName();
    return N == "longjmp" || N == "siglongjmp" || N == "_longjmp" ||
           N == "__builtin_longjmp";
  }

  // Each automatic place in scope at a longjmp (a local, a by-value
  // parameter) is an operand of it.
  void addLongJumps() {
    for (auto &[CE, Locals] : LongJumps) {
      Operation Op;
      Op.Family = OpFamily::StorageReuse;
      Op.Site = CE;
      Op.Callee = CE->getDirectCallee()->getName().str();
      llvm::SmallVector<const VarDecl *, 8> Abandoned(F.FD->parameters());
      Abandoned.append(Locals.begin(), Locals.end());
      for (const VarDecl *V : Abandoned)
        if (F.PlaceIndex.count(V) && !V->getType()->isReferenceType() &&
            !V->isStaticLocal()) {
          Operand O{CE, false, OperandRole::Abandoned};
          O.Var = V;
          Op.Operands.push_back(O);
        }
      if (Op.Operands.empty())
        continue;
      F.AbandonSites.insert(CE);
      addOperation(CE, std::move(Op));
    }
  }

  // Moving or swapping a std::array or std::inplace_vector moves the
  // elements it holds inline (pin-move and pin-swap report it when the
  // container itself is pinned).
  void addWholeGrowths(const Expr *E, const Operation &Op) {
    llvm::SmallVector<std::pair<const VarDecl *, std::string>, 2> Whole;
    Types.containers().wholeRelocations(Op, Whole);
    for (auto &[C, Name] : Whole)
      if (holdsSensitiveElements(C, Types)) {
        ContainerGrowth G{E, C, Name};
        G.Whole = true;
        F.Growths.push_back(G);
      }
  }

  // `it = v.begin()`, `p = &v[i]`: the holder borrows an element from here.
  void addContainerBorrow(const Expr *E) {
    const Expr *Value = nullptr;
    const DeclRefExpr *Name = assignedVariable(E, &Value);
    const auto *H = Name ? cast<VarDecl>(Name->getDecl()) : nullptr;
    if (!H || H->getType()->isReferenceType())
      return;
    if (const VarDecl *C = Types.containers().borrowedContainer(H->getType(), Value))
      if (holdsSensitiveElements(C, Types))
        F.Borrows.push_back({H, C, E, /*RangeFor=*/false, /*Assignment=*/true});
  }

  // A call of a function with a summary pins and relocates its arguments as
  // its body does. Looked up only when an argument of an address-sensitive
  // type is bound to a reference parameter.
  void applySummary(const Expr *E) {
    if (!Summaries || CoReturnCalls.count(E))
      return;
    const FunctionDecl *Callee = nullptr;
    llvm::ArrayRef<const Expr *> Args;
    const Expr *Object = nullptr; // what a member function is called on
    if (const auto *CE = dyn_cast<CallExpr>(E)) {
      Callee = CE->getDirectCallee();
      Args = llvm::ArrayRef(CE->getArgs(), CE->getNumArgs());
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
        Object = MC->getImplicitObjectArgument();
      if (isa<CXXOperatorCallExpr>(CE) && isa_and_nonnull<CXXMethodDecl>(Callee) &&
          !Args.empty()) {
        Object = Args.front();
        Args = Args.drop_front();
      }
    } else if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      Callee = CE->getConstructor();
      Args = llvm::ArrayRef(CE->getArgs(), CE->getNumArgs());
    }
    // Copies and moves of the type itself are the catalog's.
    if (!Callee || isCopyOrMoveMember(Callee))
      return;
    bool Candidate = false;
    // The argument for parameter I (ObjectParam: the object), and whether
    // it is a pointer to what the callee sees.
    auto Arg = [&](unsigned I) -> const Expr * {
      return I == ObjectParam ? Object : I < Args.size() ? Args[I] : nullptr;
    };
    auto ByPointer = [&](unsigned I) {
      return I == ObjectParam ? Object->getType()->isPointerType()
                              : Callee->getParamDecl(I)->getType()->isPointerType();
    };
    for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I)
      Candidate |= (Callee->getParamDecl(I)->getType()->isReferenceType() || ByPointer(I)) &&
                   summaryMatters(stripMoveCasts(Args[I])->getType(), Types);
    if (Object) {
      QualType T = Object->getType();
      Candidate |= Types.isAddressSensitive(T->isPointerType() ? T->getPointeeType() : T);
    }
    if (!Candidate)
      return;
    const FunctionSummary *S = Summaries->summary(Callee);
    if (!S)
      return;
    for (const ParamPin &P : S->Pins) {
      if (!Arg(P.Param))
        continue;
      const NamedDecl *Via = P.Param == ObjectParam
                                 ? static_cast<const NamedDecl *>(Callee)
                                 : Callee->getParamDecl(P.Param);
      PinEvent Ev{E, Arg(P.Param), ByPointer(P.Param), PinCause::ByCallee, Via, Callee};
      Ev.Inner = &P.Event;
      F.Pins.push_back(Ev);
    }
    for (const ParamGrowth &PG : S->Growths)
      if (PG.Param < Args.size())
        if (const VarDecl *C = Types.containers().containerVariable(Args[PG.Param])) {
          ContainerGrowth G{E, C, Callee->getNameAsString()};
          G.Inner = &PG.Growth;
          G.InnerFunction = Callee;
          F.Growths.push_back(G);
        }
    for (const ParamRelocation &R : S->Relocations) {
      if (!Arg(R.Param))
        continue;
      Operation Op;
      Op.Family = R.Op.Family;
      Op.Site = E;
      Op.Callee = Callee->getNameAsString();
      Operand O{Arg(R.Param), ByPointer(R.Param), R.Op.Operands[0].Role};
      Op.Operands.push_back(O);
      Op.Inner = &R.Op;
      Op.InnerFunction = Callee;
      if (mayTouchSensitive(Op))
        addOperation(E, std::move(Op));
    }
  }

  // A copy or move through a constructor or assignment that re-registers
  // the new address (as the class's constructor registers `this`) is
  // cooperative, like one annotated PIN_ADDRESS_AWARE.
  bool reregisters(const Expr *E) {
    const CXXMethodDecl *MD = nullptr;
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
      MD = CE->getConstructor();
    else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
             OC && OC->getOperator() == OO_Equal)
      MD = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
    return MD && isCopyOrMoveMember(MD) && Escapes.reregisters(MD);
  }

  // Drops operations that cannot reach an address-sensitive object, so that
  // functions full of ordinary copies stay trivial.
  bool mayTouchSensitive(const Operation &Op) {
    for (const Operand &O : Op.Operands) {
      if (!O.IsPointer) {
        if (Types.isAddressSensitive(stripMoveCasts(O.E)->getType()))
          return true;
        continue;
      }
      const Expr *P = stripPointerCasts(O.E);
      if (const auto *UO = dyn_cast<UnaryOperator>(P);
          UO && UO->getOpcode() == UO_AddrOf) {
        if (Types.isAddressSensitive(UO->getSubExpr()->getType()))
          return true;
        continue;
      }
      QualType T = P->getType();
      if (T->isArrayType() && Types.isAddressSensitive(T))
        return true;
      // A pointer to void or char may point anywhere: keep it.
      if (T->isPointerType() &&
          (T->getPointeeType()->isVoidType() || T->getPointeeType()->isCharType() ||
           T->getPointeeType()->isStdByteType() ||
           Types.isAddressSensitive(T->getPointeeType())))
        return true;
      if (!T->isPointerType())
        return true; // unusual operand: let the flow analysis decide
    }
    return false;
  }

  void addVariable(const VarDecl *V) {
    QualType T = V->getType();
    if (!isa<ParmVarDecl>(V))
      if (const VarDecl *C = Types.containers().borrowedContainer(T, V->getInit()))
        if (holdsSensitiveElements(C, Types))
          F.Borrows.push_back({V, C, V->getInit(), /*RangeFor=*/false});
    // Pointers, smart pointers and reference parameters to smart pointers.
    if (T->isPointerType() || (isSmartPointer(T.getNonReferenceType()) &&
                               (!T->isReferenceType() || isa<ParmVarDecl>(V)))) {
      if (V->isStaticLocal() || F.PointerIndex.count(V))
        return;
      bool Sensitive = pointsToSensitive(V, Types);
      // A pointer parameter is followed only to its object.
      if (isa<ParmVarDecl>(V) && !Sensitive)
        return;
      F.PointerIndex[V] = F.Pointers.size();
      F.Pointers.push_back(V);
      if (Sensitive) {
        F.PointeeIndex[V] = F.Places.size();
        F.Places.push_back({TrackedPlace::Pointee, V, pointeeOf(T.getNonReferenceType())});
      }
      return;
    }
    if (T->isReferenceType()) {
      if (isPlace(V, Types)) {
        addPlace(V);
      } else if (!isa<ParmVarDecl>(V) && V->hasInit()) {
        F.AliasRefs.insert(V);
      }
      return;
    }
    if (isPlace(V, Types))
      addPlace(V);
  }

  // What the caller pinned: *this in a PIN_PINS_THIS member function, the
  // object of a PIN_PINS parameter. Pinned from the start, so moving it
  // inside is reported too.
  void addEntryPins() {
    const auto *MD = dyn_cast<CXXMethodDecl>(F.FD);
    if (MD && !MD->isStatic() && functionHas(MD, Annotation::PinsThis)) {
      QualType T = Types.context().getCanonicalTagType(MD->getParent());
      if (F.ThisPlace < 0 && Types.isAddressSensitive(T)) {
        F.ThisPlace = F.Places.size();
        F.Places.push_back({TrackedPlace::This, nullptr, T});
      }
      if (F.ThisPlace >= 0)
        addEntryPin(MD, unsigned(F.ThisPlace));
    }
    for (unsigned I = 0; I < F.FD->getNumParams(); ++I) {
      const ParmVarDecl *P = F.FD->getParamDecl(I);
      if (!paramHas(F.FD, I, Annotation::Pins))
        continue;
      if (auto It = F.PlaceIndex.find(P); It != F.PlaceIndex.end())
        addEntryPin(P, It->second);
      else if (auto It = F.PointeeIndex.find(P); It != F.PointeeIndex.end())
        addEntryPin(P, It->second);
    }
  }

private:
  void addEntryPin(const NamedDecl *Via, unsigned Place) {
    PinEvent Ev{nullptr, nullptr, false, PinCause::OnEntry, Via};
    F.EntryPins.push_back({unsigned(F.Pins.size()), Place});
    F.Pins.push_back(Ev);
  }

  void addOperation(const Expr *At, Operation Op) {
    F.OpsAt[At].push_back(F.Ops.size());
    F.Ops.push_back(std::move(Op));
  }

  void addDestroy(const DestroyEvent &D) {
    F.DestroysAt[D.Site].push_back(F.Destroys.size());
    F.Destroys.push_back(D);
  }

  void addPlace(const VarDecl *V) {
    if (F.PlaceIndex.count(V))
      return;
    F.PlaceIndex[V] = F.Places.size();
    F.Places.push_back({TrackedPlace::Variable, V, V->getType().getNonReferenceType()});
  }

  // The move constructor call of `return x` / `throw x` when x is a local
  // (the implicit move), or null.
  static const Expr *implicitMoveConstruct(const Expr *E) {
    if (!E)
      return nullptr;
    E = E->IgnoreImplicit();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
      if (CE->getNumArgs() >= 1) {
        const Expr *Arg = CE->getArg(0)->IgnoreParenImpCasts();
        if (isa<DeclRefExpr>(Arg))
          return CE;
      }
    return nullptr;
  }

  FunctionFacts &F;
  TypeModel &Types;
  EscapeModel &Escapes;
  SummaryModel *Summaries;
  llvm::SmallPtrSet<const Expr *, 4> ReturnMoves, ThrowMoves, CoReturnMoves, CoReturnCalls;
  llvm::DenseMap<const Expr *, const Expr *> RangeForElements;
  llvm::SmallPtrSet<const Expr *, 4> NotHandedOut;
  // The locals in scope (declared in an enclosing block, before), and the
  // longjmps with those in scope there.
  std::vector<const VarDecl *> InScope;
  std::vector<std::pair<const CallExpr *, std::vector<const VarDecl *>>> LongJumps;
};

// &x used as the pointer operand of an operation or of a pinning parameter is
// how that call reaches x, not a pin of its own.
const Expr *takenAddress(const Expr *E) {
  E = stripPointerCasts(E);
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      return UO;
  if (addressofArgument(E, nullptr))
    return E;
  if (isa_and_nonnull<CXXMemberCallExpr>(E) && smartPointerAddress(E))
    return E; // p.get()
  if (isa_and_nonnull<CXXThisExpr>(E))
    return E;
  return nullptr;
}

} // namespace

bool isSensitiveGlobal(const VarDecl *V, TypeModel &Types) {
  return isGlobalObject(V) && isPlace(V, Types);
}

bool mayHavePlaces(const FunctionDecl *FD, TypeModel &Types, bool AnyGlobals) {
  if (AnyGlobals || runsOnSensitiveObject(FD, Types))
    return true;
  auto Matters = [&](const VarDecl *V) {
    return isPlace(V, Types) || holdsSensitiveElements(V, Types) ||
           pointsToSensitive(V, Types);
  };
  for (const ParmVarDecl *P : FD->parameters())
    if (Matters(P))
      return true;
  for (const Decl *D : FD->decls())
    if (const auto *V = dyn_cast<VarDecl>(D))
      if (V->isLocalVarDecl() && Matters(V))
        return true;
  return false;
}

FunctionFacts collectFacts(const FunctionDecl *FD, const Stmt *Body,
                           TypeModel &Types, EscapeModel &Escapes,
                           SummaryModel *Summaries) {
  FunctionFacts F;
  F.FD = FD;
  F.Body = Body;
  Collector C(F, Types, Escapes, Summaries);
  for (const ParmVarDecl *P : FD->parameters())
    C.addVariable(P);
  // Member initialisers run before the body and can move from parameters.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten() && Init->getInit())
        C.TraverseStmt(Init->getInit());
  C.TraverseStmt(const_cast<Stmt *>(Body));
  C.addEntryPins();
  C.addLongJumps();

  llvm::SmallPtrSet<const Expr *, 8> Consumed;
  for (const Operation &Op : F.Ops)
    for (const Operand &O : Op.Operands)
      if (O.IsPointer)
        if (const Expr *A = takenAddress(O.E))
          Consumed.insert(A);
  for (const DestroyEvent &D : F.Destroys)
    if (D.IsPointer)
      if (const Expr *A = takenAddress(D.Target))
        Consumed.insert(A);
  for (const PinEvent &P : F.Pins)
    if (P.IsPointer && (P.Cause == PinCause::PinsParam || P.Cause == PinCause::ByCallee ||
                        P.Cause == PinCause::MarkPinned))
      if (const Expr *A = takenAddress(P.Target))
        Consumed.insert(A);
  std::vector<PinEvent> Kept;
  for (auto &[Pin, Place] : F.EntryPins) {
    unsigned I = Kept.size();
    Kept.push_back(F.Pins[Pin]);
    Pin = I;
  }
  for (const PinEvent &P : F.Pins) {
    if (P.Cause == PinCause::OnEntry)
      continue;
    bool IsAddress = P.Cause == PinCause::AddressOf ||
                     P.Cause == PinCause::StdAddressof ||
                     P.Cause == PinCause::BuiltinAddressof || P.Cause == PinCause::HandedOut ||
                     P.Cause == PinCause::ThisHandedOut;
    if (IsAddress && Consumed.count(cast<Expr>(P.Site)))
      continue;
    F.PinsAt[P.Site].push_back(Kept.size());
    Kept.push_back(P);
  }
  F.Pins = std::move(Kept);
  return F;
}

} // namespace pincheck
