// NameList.h - the list options that name class templates (Options.def:
// VectorLikeClasses, RelocatableTraits): fully qualified names without
// template arguments, separated by ';' (or ',').
#ifndef PINCHECK_NAMELIST_H
#define PINCHECK_NAMELIST_H

#include "clang/AST/Decl.h"
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

/// The same for functions: "ns::f", member functions "ns::Class::f"
/// (Example: 'mylib::Registry::add').
std::string parseFunctionNames(llvm::StringRef Value, std::vector<std::string> *Out);

/// The name an option's list matches D by: its namespaces, classes and own
/// name joined by '::', inline namespaces left out ("absl::InlinedVector"
/// for absl::lts_2024::InlinedVector<T, N>, "lib::List::push_back" for a
/// member of a specialization); "" for what no option can name (a local
/// or anonymous class, an operator).
std::string qualifiedName(const clang::NamedDecl *D);

} // namespace pincheck

#endif
