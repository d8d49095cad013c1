// SummaryIndex.h - what functions defined in other translation units do to
// their arguments, as an earlier run over them wrote it down
// (docs/analysis.md "The summaries index"): the index file, keyed by USR,
// versioned JSON, read and written here. Data only: the facts layer makes
// summaries of its entries, the escape model reads constructors' escapes,
// the explainer shows the sites. An entry whose file changed since it was
// written is stale and ignored (the analysis then does without it).
#ifndef PINCHECK_SUMMARYINDEX_H
#define PINCHECK_SUMMARYINDEX_H

#include "Registry.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <optional>
#include <string>
#include <vector>

namespace pincheck {

/// The parameter index that stands for the object of a member function.
constexpr unsigned IndexedObject = ~0u;

/// A place in the defining file.
struct IndexedSite {
  unsigned Line = 0, Column = 0;
};

/// The function pins parameter Param (IndexedObject: its object); How is
/// the explainer's words for what it does there ("its address is taken").
struct IndexedPin {
  unsigned Param = 0;
  IndexedSite Site;
  std::string How;
  /// The pin reaches the whole object, not only a part of it (a member's
  /// address): what an annotation would say (pin-annotation's suggestions).
  bool Whole = true;
};
/// The function moves, copies, swaps, ... parameter Param (Family), the
/// operand in Role (the catalog's role names).
struct IndexedRelocation {
  unsigned Param = 0;
  OpFamily Family = OpFamily::Move;
  std::string Role;
  IndexedSite Site;
};
/// The function may relocate the elements of the container it reaches from
/// Param through Members (none: the parameter itself), with Method.
struct IndexedGrowth {
  unsigned Param = 0;
  std::vector<std::string> Members;
  std::string Method;
  IndexedSite Site;
};
/// The function returns a borrow of that container (Whole: a reference to
/// the container itself).
struct IndexedBorrow {
  unsigned Param = 0;
  std::vector<std::string> Members;
  bool Whole = false;
};
/// A constructor lets `this` escape: passes it to Callee, or stores it in
/// member Field of another object.
struct IndexedEscape {
  IndexedSite Site;
  std::string Callee;
  std::string Field;
};

/// A constructor makes member Member of its class refer into the object
/// (into member Into, or the object itself when Into is ""), on some paths
/// only when Conditional.
struct IndexedSelfReference {
  IndexedSite Site;
  std::string Member, Into;
  bool Conditional = false;
};

struct IndexedFunction {
  std::string Usr;
  std::string Name; ///< qualified, for the notes
  std::string File; ///< where it is defined (absolute)
  unsigned Params = 0;
  std::optional<IndexedEscape> Escape;
  std::optional<IndexedSelfReference> SelfReference;
  std::vector<IndexedPin> Pins;
  std::vector<IndexedRelocation> Relocations;
  std::vector<IndexedGrowth> Growths;
  std::vector<IndexedBorrow> Borrows;
  bool empty() const {
    return !Escape && !SelfReference && Pins.empty() && Relocations.empty() &&
           Growths.empty() && Borrows.empty();
  }
};

/// An event inside a function of another file, as the analysis carries it
/// in place of an expression: the function's entry and the place; How, for
/// a pin, the words of the index.
struct IndexedEvent {
  const IndexedFunction *Function = nullptr;
  IndexedSite Site;
  llvm::StringRef How;
  bool Whole = true; ///< for a pin: it reaches the whole object
  explicit operator bool() const { return Function != nullptr; }
};

class SummaryIndex {
public:
  static constexpr unsigned Version = 1;

  /// Reads the index at Path. Null, with Error saying what is wrong and
  /// where ("line 3, column 7: expected ...", "version 2 is not the version
  /// 1 this pincheck reads: rebuild it"), if it cannot be used.
  static std::shared_ptr<SummaryIndex> read(llvm::StringRef Path, std::string &Error);
  static std::shared_ptr<SummaryIndex> parse(llvm::StringRef Text, std::string &Error);
  /// The index as JSON, entries sorted by USR: the same facts give the same
  /// bytes whatever order the translation units were analysed in.
  void write(llvm::raw_ostream &OS) const;

  /// Adds F (a translation unit's definition) with the digest of its file's
  /// contents. A USR defined twice keeps one entry, the same one whatever
  /// the order of the calls.
  void add(IndexedFunction F, const std::string &FileDigest);
  void merge(const SummaryIndex &Other);

  /// FD's entry, or null: none, or stale (its file changed since, or its
  /// parameters do not match FD's). A recording index (recordLookups)
  /// also notes FD's USR.
  const IndexedFunction *lookup(const clang::FunctionDecl *FD) const;

  /// Notes the USR of every function looked up from now on: what an
  /// analysis with this (empty) index asked of the functions other files
  /// define. If none of them has an entry in an index, an analysis with
  /// that index is the same as this one (it asks the same questions in the
  /// same order and gets the same answers).
  void recordLookups() { Recording = true; }
  /// Whether a USR this index recorded has an entry in Other.
  bool lookedUpAnyOf(const SummaryIndex &Other) const;
  size_t size() const { return Functions.size(); }
  size_t fileCount() const { return Files.size(); }

  /// The digest of a file's contents as the index records it ("" if it
  /// cannot be read).
  static std::string digestOf(llvm::StringRef Path);
  static std::string digestOfText(llvm::StringRef Contents);

private:
  bool fresh(const IndexedFunction &F) const;
  std::map<std::string, IndexedFunction> Functions; ///< by USR
  std::map<std::string, std::string> Files;         ///< file -> digest when indexed
  /// Files checked against their digests, by this process.
  mutable std::mutex FreshLock;
  mutable llvm::StringMap<bool> FreshFiles;
  bool Recording = false;
  mutable std::set<std::string> LookedUp;
};

/// The USR of D ("" if it has none).
std::string usrOf(const clang::Decl *D);
/// Where Site is in File, as a location of this translation unit (the file
/// is loaded for the note to show it); invalid if the file cannot be read.
clang::SourceLocation indexedLocation(clang::ASTContext &Ctx, llvm::StringRef File,
                                      const IndexedSite &Site);

} // namespace pincheck

#endif
