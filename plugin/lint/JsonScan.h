// JsonScan.h - lexical scans of JSON text, made before llvm::json::parse
// sees it (or for what it cannot tell): where a byte offset is, and whether
// the text nests deeper than any file the tool reads needs. llvm::json's
// parser recurses once per array or object: 100 000 nested arrays overflow
// the stack (a crash, not an error), so deeper text is refused first.
#ifndef PINCHECK_LINT_JSONSCAN_H
#define PINCHECK_LINT_JSONSCAN_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <utility>

namespace pincheck {
namespace lint {

// The deepest nesting of arrays and objects accepted. A compilation
// database nests them 3 deep, a baseline 3; this bound is far above both and
// far below what the parser's recursion can take.
constexpr unsigned MaxJsonDepth = 1000;

// 1-based line and column of a byte offset.
std::pair<unsigned, unsigned> lineColumn(llvm::StringRef Text, size_t Offset);

// The offset of the first '[' or '{' that opens an array or object
// MaxDepth + 1 deep, or nullopt when there is none. A loop, not a
// recursion; strings (escapes included) are skipped, so brackets in them do
// not count. Text need not be valid JSON.
std::optional<size_t> findTooDeep(llvm::StringRef Text, unsigned MaxDepth = MaxJsonDepth);

// "" when Text nests at most MaxJsonDepth deep; else what is wrong and
// where: "it nests arrays and objects more than 1000 deep (line 1, column
// 1001)".
std::string describeTooDeep(llvm::StringRef Text);

} // namespace lint
} // namespace pincheck

#endif
