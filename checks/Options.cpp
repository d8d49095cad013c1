// Options.cpp - the tables of Options.def, and the validators they name.
#include "Options.h"
#include "model/Containers.h"

namespace pincheck {

static std::string validateVectorLikeClasses(llvm::StringRef Value) {
  return parseVectorLikeClasses(Value, nullptr);
}

llvm::ArrayRef<LimitInfo> analysisLimits() {
  static const LimitInfo Table[] = {
#define LIMIT(Field, Option, Flag, Value, Counts)                                      \
  {Option, Flag, Value, Counts, &AnalyzerOptions::Field},
#include "Options.def"
  };
  return Table;
}

llvm::ArrayRef<ListOptionInfo> listOptions() {
  static const ListOptionInfo Table[] = {
#define LIST(Field, Option, Flag, Check, Value, Help, Validator)                       \
  {Option, Flag, CheckId::Check, Value, Help, &AnalyzerOptions::Field, Validator},
#include "Options.def"
  };
  return Table;
}

} // namespace pincheck
