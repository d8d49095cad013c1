// Text.h - the one helper every message uses to name something.
#ifndef PINCHECK_TEXT_H
#define PINCHECK_TEXT_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace pincheck {

/// 'name', as every message quotes a name.
inline std::string quoted(llvm::StringRef S) { return ("'" + S + "'").str(); }

} // namespace pincheck

#endif
