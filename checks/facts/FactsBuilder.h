// FactsBuilder.h - what the collector records while it walks a body, for
// the facts/*.cpp files only. The walk (Collector.cpp) calls these in
// evaluation order; each concern is defined in a file of its own:
// PlaceFacts.cpp, OperationFacts.cpp, PinFacts.cpp, BorrowFacts.cpp and
// CalleeFacts.cpp.
#ifndef PINCHECK_FACTSBUILDER_H
#define PINCHECK_FACTSBUILDER_H

#include "facts/FunctionFacts.h"
#include "facts/Summary.h"
#include "model/ThisEscape.h"
#include "model/TypeModel.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>
#include <vector>

namespace pincheck {

// A call as a summary (and the noescape test) reads it: the callee, the
// arguments of its parameters, and the object a member function is called
// on (an operator's first operand). A call of no known callee has none.
struct CallParts {
  const clang::FunctionDecl *Callee = nullptr;
  llvm::ArrayRef<const clang::Expr *> Args;
  const clang::Expr *Object = nullptr;

  explicit CallParts(const clang::Expr *E);
  /// The argument for parameter I (ObjectParam: the object), or null.
  const clang::Expr *arg(unsigned I) const;
  /// Whether it is a pointer to what the callee sees.
  bool byPointer(unsigned I) const;
  /// The object's class type (through a pointer), or null.
  clang::QualType objectType() const;
};

struct FactsBuilder {
  FactsBuilder(FunctionFacts &F, TypeModel &Types, SummarySource *Summaries)
      : F(F), Types(Types), Escapes(Types.escapes()), Summaries(Summaries) {}

  /// PlaceFacts.cpp: places, pointers and aliases.
  void addVariable(const clang::VarDecl *V);
  void addPlace(const clang::VarDecl *V);
  void addGlobalUse(const clang::DeclRefExpr *DRE);
  /// *this as a place, if its type is address-sensitive; false if not.
  bool addThisPlace(const clang::CXXThisExpr *TE);
  /// The access paths of every operand, pin target and destroyed object,
  /// once the local references are known.
  void addAccessPaths();

  /// OperationFacts.cpp: relocating operations and ends of lifetimes.
  void addOperations(const clang::Expr *E);
  void addDestroys(const clang::Expr *E);
  void addDelete(const clang::CXXDeleteExpr *DE);
  void noteReturn(const clang::ReturnStmt *RS);
  void noteThrow(const clang::CXXThrowExpr *TE);
  void noteCoreturn(const clang::CoreturnStmt *S);
  void noteRangeForElement(const clang::CXXForRangeStmt *S);
  void noteLongJump(const clang::Expr *E);
  void addLongJumps();
  void addOperation(const clang::Expr *At, Operation Op);
  void addDestroy(const DestroyEvent &D);
  bool mayTouchSensitive(const Operation &Op);

  /// PinFacts.cpp: pin events.
  void addPins(const clang::Expr *E);
  void addThisHandedOut(const clang::CXXThisExpr *TE);
  void notHandedOut(const clang::Expr *E);
  void noteNoEscapeArgs(const clang::Expr *E);
  std::optional<PinEvent> constructionPin(const clang::Expr *Init,
                                          const clang::CXXRecordDecl *RD);
  void addConstructionPins(const clang::DeclStmt *DS);
  /// Whether an operand may reach a pinned object (a temporary only when it
  /// is pinned from its construction).
  bool keepOperand(const Operand &O);
  /// After the operations: the temporaries they consume that are pinned
  /// from their construction.
  void addTemporaryPins();
  void addParameterSelfReference(const clang::ParmVarDecl *P);
  void addObjectSelfReference(const clang::CXXMethodDecl *MD);
  void addReturnedLambdaPins(const clang::ReturnStmt *RS);
  void addEntryPins();
  /// Drops the address-of pins that are only how a call reaches its operand.
  void dropConsumedAddresses();

  /// BorrowFacts.cpp: borrowed container elements and relocating calls.
  void addBorrow(ElementBorrow B);
  void addRangeForBorrow(const clang::CXXForRangeStmt *S);
  ContainerRef viewedContainerOf(const clang::Expr *Range);
  void addDeclaredBorrow(const clang::VarDecl *V);
  void addAssignedBorrow(const clang::Expr *E);
  void addGrowth(const clang::Expr *E);
  void addOrderHazard(const clang::Expr *E);
  void addSelfInsertion(const clang::Expr *E);
  void addWholeGrowths(const clang::Expr *E, const Operation &Op);
  /// After the walk: end insertions a preceding `reserve` made room for.
  void addReservedCapacity();
  /// After the walk: drops containers reached by a key the body writes.
  void dropWrittenKeys();
  /// The container a call's result borrows, by its callee's summary (an
  /// element's reference, pointer, iterator or view; with AllowWhole also a
  /// reference to the container itself), named as the caller reaches it.
  ContainerRef returnedBorrow(const clang::Expr *E, bool AllowWhole);

  /// CalleeFacts.cpp: a call acting as its callee's body does.
  void applySummary(const clang::Expr *E);

  FunctionFacts &F;
  TypeModel &Types;
  EscapeModel &Escapes;
  SummarySource *Summaries;

  /// The implicit moves of `return x`, `throw x` and `co_return x`, found at
  /// those statements before their operands are visited.
  llvm::SmallPtrSet<const clang::Expr *, 4> ReturnMoves, ThrowMoves, CoReturnMoves;
  /// co_return's promise calls, described there rather than by a summary.
  llvm::SmallPtrSet<const clang::Expr *, 4> CoReturnCalls;
  /// Loop-variable constructions of range-fors by value -> the range.
  llvm::DenseMap<const clang::Expr *, const clang::Expr *> RangeForElements;
  /// Temporaries that operations consume, pinned from their construction:
  /// what makes each, and its pin (placed by addTemporaryPins).
  llvm::DenseMap<const clang::Expr *, PinEvent> PendingTemporaries;
  /// `this` and p.get() used where they do not hand the address out (marked
  /// by their parents, which are visited first).
  llvm::SmallPtrSet<const clang::Expr *, 4> NotHandedOut;
  /// Arguments bound to [[clang::noescape]] parameters.
  std::vector<const clang::Expr *> NoEscapeArgs;
  /// The locals in scope (declared in an enclosing block, before), and the
  /// longjmps with those in scope there.
  std::vector<const clang::VarDecl *> InScope;
  std::vector<std::pair<const clang::CallExpr *, std::vector<const clang::VarDecl *>>>
      LongJumps;
};

} // namespace pincheck

#endif
