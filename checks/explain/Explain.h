// Explain.h - the notes every relocation finding carries: where the value was
// pinned, which alias reached it, and why its type is address-sensitive.
// Shared by the relocation checks so that their notes read the same.
#ifndef PINCHECK_EXPLAIN_H
#define PINCHECK_EXPLAIN_H

#include "Finding.h"
#include "flow/BorrowLiveness.h"
#include "flow/PinState.h"

namespace pincheck {

/// A place as users would write it: "n", "*p", "*this", "[x, y]".
std::string placeName(const TrackedPlace &P);

class Explainer {
public:
  Explainer(clang::ASTContext &Ctx, TypeModel &Types) : Ctx(Ctx), Types(Types) {}

  /// How the message names the operand, quoted: the pinned variable, the part
  /// of it as written ('o.n', 'arr[1]'), or "an element of 'arr'".
  std::string operandName(const FunctionFacts &F, const PinnedUse &U);
  /// "'n' is pinned here: its address is taken", "'n' may be pinned here: ...".
  Note pinNote(const FunctionFacts &F, const PinnedUse &U);
  /// For a call acting through its callee's summary: where the callee pins
  /// its parameter (down the chain of calls), where it relocates it.
  void calleeNotes(const FunctionFacts &F, const PinnedUse &U, std::vector<Note> &Out);
  /// For an object pinned from its construction: "'this' escapes here: ..."
  /// in the constructor, or where the constructor makes the self-reference
  /// (when the type notes do not already point there).
  std::optional<Note> originNote(const FunctionFacts &F, const PinnedUse &U);
  /// For pin-container-relocation: where the element was borrowed, where the
  /// borrow is used after the call, the calls down a callee chain, and why
  /// the element type is address-sensitive.
  void borrowNotes(const FunctionFacts &F, const RelocatedBorrow &RB, std::vector<Note> &Out);
  /// "'r' refers to 'n'" / "'p' points to 'n'" when an alias was involved.
  std::optional<Note> aliasNote(const FunctionFacts &F, const PinnedUse &U);
  /// "'Header' is self-referential: its constructor makes member 'name_'
  /// refer into member 'line_'", where the self-reference is made.
  Note selfReferenceNote(const clang::CXXRecordDecl *RD, const SelfReference &S);
  /// "the elements are moved by the implicit move constructor of 'Node',
  /// which does not re-point member 'self' into its new object", at M (its
  /// class if implicit).
  Note relocatingMemberNote(const clang::CXXMethodDecl *M, const SelfReference &S);
  /// "the address of an element of 'jobs_' is stored in member 'by_rank_'
  /// here", at the store.
  Note storedElementNote(const StoredElement &S, const ContainerRef &C);
  /// "'m[b]' refers to an element of 'm' here", at Read (the right side of
  /// `m[a] = m[b]`).
  Note elementReadNote(const clang::Expr *Read, const ContainerRef &C);
  /// "it calls 'grow', which allocates, here, before it reads 'x'", or "it
  /// allocates here, ...", where a member function reallocates first.
  Note allocationFirstNote(const ReallocationFirst &R);
  /// "member 'by_rank_'", "global 'registry'": where a value is kept.
  std::string placePhrase(const clang::NamedDecl *D);
  /// How a pin event pins its target, in a note's words ("its address is
  /// taken"): what the summaries index records of a pin.
  static std::string howPinned(const PinEvent &Ev);
  /// One note per link of the "is address-sensitive because" chain.
  void typeNotes(clang::QualType T, std::vector<Note> &Out);

  /// Source text of E if it is short and written plainly, else "".
  std::string spelling(const clang::Expr *E);
  /// The part a path names from Steps[I] on, as written ("o.n", "arr[1]"),
  /// seen through local references; "" when it names a whole variable.
  std::string partSpelling(const AccessPath &P, size_t I);

private:
  std::string typeName(clang::QualType T);
  clang::ASTContext &Ctx;
  TypeModel &Types;
};

} // namespace pincheck

#endif
