// JsonScan.cpp - the nesting depth of JSON text, found by a loop that
// skips strings, so that deep nesting is refused before llvm::json::parse.
#include "JsonScan.h"
#include "llvm/ADT/Twine.h"

namespace pincheck {
namespace lint {

std::pair<unsigned, unsigned> lineColumn(llvm::StringRef Text, size_t Offset) {
  llvm::StringRef Before = Text.take_front(Offset);
  unsigned Line = 1 + Before.count('\n');
  size_t LineStart = Before.rfind('\n');
  unsigned Column = 1 + (LineStart == llvm::StringRef::npos ? Offset : Offset - LineStart - 1);
  return {Line, Column};
}

std::optional<size_t> findTooDeep(llvm::StringRef Text, unsigned MaxDepth) {
  unsigned Depth = 0;
  for (size_t I = 0; I < Text.size(); ++I) {
    switch (Text[I]) {
    case '"':
      // To the quote that closes it: one no backslash escapes.
      for (++I; I < Text.size() && Text[I] != '"'; ++I)
        if (Text[I] == '\\')
          ++I;
      break;
    case '[':
    case '{':
      if (++Depth > MaxDepth)
        return I;
      break;
    case ']':
    case '}':
      // More closing than opening is the parser's to report.
      if (Depth)
        --Depth;
      break;
    default:
      break;
    }
  }
  return std::nullopt;
}

std::string describeTooDeep(llvm::StringRef Text) {
  std::optional<size_t> At = findTooDeep(Text);
  if (!At)
    return "";
  auto [Line, Column] = lineColumn(Text, *At);
  return ("it nests arrays and objects more than " + llvm::Twine(MaxJsonDepth) +
          " deep (line " + llvm::Twine(Line) + ", column " + llvm::Twine(Column) + ")")
      .str();
}

} // namespace lint
} // namespace pincheck
