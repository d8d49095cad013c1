// Suppression.cpp - NOLINT, NOLINTNEXTLINE and NOLINTBEGIN/END comments
// read as clang-tidy reads them, and the blocks left unmatched.
#include "Suppression.h"
#include "Registry.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <optional>

using namespace clang;

namespace pincheck {
namespace {

enum class Kind { NoLint, NextLine, Begin, End };

struct Token {
  Kind K;
  size_t Pos;                        // of the 'N' of NOLINT
  std::optional<std::string> Checks; // none: every check
};

std::optional<Kind> kindOf(StringRef S) {
  if (S == "NOLINT")
    return Kind::NoLint;
  if (S == "NOLINTNEXTLINE")
    return Kind::NextLine;
  if (S == "NOLINTBEGIN")
    return Kind::Begin;
  if (S == "NOLINTEND")
    return Kind::End;
  return std::nullopt;
}

// "( a , b )" and "(a,b)" are the same list; BEGIN and END compare so.
std::string normalise(StringRef Checks) {
  SmallVector<StringRef, 4> Parts;
  Checks.split(Parts, ',');
  for (StringRef &P : Parts)
    P = P.trim();
  return llvm::join(Parts, ",");
}

SmallVector<Token, 4> tokens(StringRef Buffer) {
  SmallVector<Token, 4> Out;
  size_t Pos = 0;
  while (Pos < Buffer.size()) {
    size_t At = Buffer.find("NOLINT", Pos);
    if (At == StringRef::npos)
      break;
    Pos = At + 6;
    while (Pos < Buffer.size() && llvm::isAlpha(Buffer[Pos]))
      ++Pos;
    std::optional<Kind> K = kindOf(Buffer.slice(At, Pos));
    if (!K)
      continue;
    std::optional<std::string> Checks;
    // An unclosed "(" on the line leaves the comment applying to every check.
    if (Pos < Buffer.size() && Buffer[Pos] == '(') {
      size_t Close = Buffer.find_first_of("\n)", Pos + 1);
      if (Close != StringRef::npos && Buffer[Close] == ')') {
        Checks = normalise(Buffer.slice(Pos + 1, Close));
        Pos = Close + 1;
      }
    }
    Out.push_back({*K, At, std::move(Checks)});
  }
  return Out;
}

// Negative globs are ignored: they cannot widen a suppression.
bool listSuppresses(const std::optional<std::string> &Checks, StringRef Name) {
  if (!Checks)
    return true;
  SmallVector<StringRef, 4> Globs;
  StringRef(*Checks).split(Globs, ',', -1, /*KeepEmpty=*/false);
  for (StringRef G : Globs)
    if (!G.starts_with("-") && globMatches(G, Name))
      return true;
  return false;
}

bool lineHas(StringRef Buffer, size_t LineStart, Kind K, StringRef Name) {
  size_t End = std::min(Buffer.find('\n', LineStart), Buffer.size());
  for (const Token &T : tokens(Buffer.slice(LineStart, End)))
    if (T.K == K && listSuppresses(T.Checks, Name))
      return true;
  return false;
}

size_t lineStart(StringRef Buffer, size_t Pos) {
  while (Pos > 0 && Buffer[Pos - 1] != '\n')
    --Pos;
  return Pos;
}

} // namespace

bool NolintFilter::suppressed(const SourceManager &SM, SourceLocation Loc,
                              StringRef CheckName) {
  // From where the text is spelled up through each macro expansion.
  while (Loc.isValid()) {
    if (atLocation(SM, Loc, CheckName))
      return true;
    if (!Loc.isMacroID())
      return false;
    Loc = SM.getImmediateExpansionRange(Loc).getBegin();
  }
  return false;
}

bool NolintFilter::atLocation(const SourceManager &SM, SourceLocation Loc,
                              StringRef CheckName) {
  auto [File, Pos] = SM.getDecomposedSpellingLoc(Loc);
  std::optional<StringRef> Name = SM.getNonBuiltinFilenameForID(File);
  if (!Name)
    return false;
  std::optional<StringRef> Buffer = SM.getBufferDataOrNone(File);
  if (!Buffer || Pos > Buffer->size())
    return false;

  size_t This = lineStart(*Buffer, Pos);
  if (lineHas(*Buffer, This, Kind::NoLint, CheckName))
    return true;
  if (This > 0 &&
      lineHas(*Buffer, lineStart(*Buffer, This - 1), Kind::NextLine, CheckName))
    return true;

  auto It = BlocksByFile.find(*Name);
  if (It == BlocksByFile.end()) {
    // Blocks nest: an END closes the innermost open BEGIN with the same list.
    std::vector<Block> Blocks;
    SmallVector<Token, 4> Open;
    for (Token &T : tokens(*Buffer)) {
      if (T.K == Kind::Begin) {
        Open.push_back(std::move(T));
      } else if (T.K == Kind::End) {
        if (!Open.empty() && Open.back().Checks == T.Checks) {
          Token B = Open.pop_back_val();
          Blocks.push_back({B.Pos, T.Pos, B.Checks.value_or(""), !B.Checks});
        } else {
          Pending.push_back({SM.getComposedLoc(File, T.Pos), false});
        }
      }
    }
    for (const Token &T : Open)
      Pending.push_back({SM.getComposedLoc(File, T.Pos), true});
    It = BlocksByFile.try_emplace(*Name, std::move(Blocks)).first;
  }
  for (const Block &B : It->second)
    if (B.Begin < Pos && Pos < B.End &&
        listSuppresses(B.AllChecks ? std::nullopt : std::optional<std::string>(B.Checks),
                       CheckName))
      return true;
  return false;
}

std::vector<NolintFilter::Unmatched> NolintFilter::takeUnmatched() {
  std::vector<Unmatched> Out;
  Out.swap(Pending);
  return Out;
}

std::string NolintFilter::describe(const Unmatched &U) {
  return U.IsBegin ? "unmatched 'NOLINTBEGIN' comment without a subsequent "
                     "'NOLINTEND' comment"
                   : "unmatched 'NOLINTEND' comment without a previous "
                     "'NOLINTBEGIN' comment";
}

} // namespace pincheck
