// NameList.h - the list options that name class templates (Options.def:
// VectorLikeClasses, RelocatableTraits): fully qualified names without
// template arguments, separated by ';' (or ',').
#ifndef PINCHECK_NAMELIST_H
#define PINCHECK_NAMELIST_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace pincheck {

/// Splits Value into names (a leading '::' dropped) and checks them. Returns
/// what is wrong and how to fix it, quoting Example ("'a::B;c::D'") as the
/// way to write it, or "" (Out, if not null, then holds the names). An empty
/// value is valid: no class.
std::string parseClassTemplateNames(llvm::StringRef Value, llvm::StringRef Example,
                                    std::vector<std::string> *Out);

} // namespace pincheck

#endif
