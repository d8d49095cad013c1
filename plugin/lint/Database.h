// Database.h - the compilation database of a run, found as clang-tidy finds
// it (compile_commands.json or compile_flags.txt in a directory or the
// nearest parent that has one), with every compile_commands.json validated
// before Clang's reader sees it: Clang's reader reports a malformed entry
// without its index (or not at all: a number as "file", an empty command, an
// unbalanced quote all surface later as "expected exactly one compiler job
// in ''"), and resolves a relative "directory" against the current
// directory. Here each problem is named with its entry and key, and a
// relative "directory" is resolved against the folder that holds
// compile_commands.json (after following a symbolic link to it).
#ifndef PINCHECK_LINT_DATABASE_H
#define PINCHECK_LINT_DATABASE_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <memory>

namespace pincheck {
namespace lint {

using DatabasePtr = std::unique_ptr<clang::tooling::CompilationDatabase>;

// The run's database when no flags follow "--": the one of -p's BuildPath,
// or else the nearest one up from the first named source; an error that
// says what is missing or wrong, and how to make one, when there is none.
llvm::Expected<DatabasePtr> loadDatabase(llvm::StringRef BuildPath,
                                         llvm::StringRef FirstSource);

// The database in StartDir or its nearest parent that has one; nullptr when
// there is none. An error for a database that is there but cannot be read
// or is not valid.
llvm::Expected<DatabasePtr> findDatabase(llvm::StringRef StartDir);

// The compile_commands.json at Path, validated (see above).
llvm::Expected<DatabasePtr> loadJsonDatabase(llvm::StringRef Path);

} // namespace lint
} // namespace pincheck

#endif
