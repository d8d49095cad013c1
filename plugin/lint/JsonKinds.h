// JsonKinds.h - the kind of a JSON value as a message says it ("a number"),
// for the readers of the compilation database and the baseline.
#ifndef PINCHECK_LINT_JSONKINDS_H
#define PINCHECK_LINT_JSONKINDS_H

#include "llvm/Support/JSON.h"

namespace pincheck {
namespace lint {

inline const char *jsonKindName(const llvm::json::Value &V) {
  switch (V.kind()) {
  case llvm::json::Value::Null: return "null";
  case llvm::json::Value::Boolean: return "a boolean";
  case llvm::json::Value::Number: return "a number";
  case llvm::json::Value::String: return "a string";
  case llvm::json::Value::Array: return "an array";
  case llvm::json::Value::Object: return "an object";
  }
  return "a value";
}

} // namespace lint
} // namespace pincheck

#endif
