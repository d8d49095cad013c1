// FileChecks.cpp - why a path the user gave cannot be used (missing, not a
// regular file, a loop, unreadable), found without opening it.
#include "FileChecks.h"
#include "Report.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <tuple>
#include <unistd.h>

namespace pincheck {
namespace lint {

std::string describeFileError(std::error_code EC) {
  if (EC == std::errc::no_such_file_or_directory)
    return "it does not exist";
  if (EC == std::errc::too_many_symbolic_link_levels)
    return "it is a symbolic link loop (too many levels of symbolic links); fix the link";
  if (EC == std::errc::is_a_directory)
    return "it is a directory, not a file";
  if (EC == std::errc::not_a_directory)
    return "a component of the path is not a directory";
  if (EC == std::errc::permission_denied)
    return "permission denied; make it readable";
  return EC.message();
}

std::string whyNotDirectory(llvm::StringRef Path) {
  llvm::sys::fs::file_status St;
  if (std::error_code EC = llvm::sys::fs::status(Path, St))
    return describeFileError(EC);
  return llvm::sys::fs::is_directory(St) ? "" : "it is a file";
}

std::string whyNotSource(llvm::StringRef Path) {
  using llvm::sys::fs::file_type;
  llvm::sys::fs::file_status St;
  if (std::error_code EC = llvm::sys::fs::status(Path, St))
    return EC == std::errc::no_such_file_or_directory ? "" : describeFileError(EC);
  switch (St.type()) {
  case file_type::regular_file:
    return "";
  case file_type::directory_file:
    return "it is a directory, not a source file; name the files in it, or give -p "
           "<build-dir> to analyse every file of the build";
  case file_type::fifo_file:
    return "it is a FIFO, not a regular file (reading it would wait for a writer); "
           "name the source file itself";
  case file_type::character_file:
  case file_type::block_file:
    return "it is a device, not a regular file; name a source file";
  case file_type::socket_file:
    return "it is a socket, not a regular file; name a source file";
  default:
    return "it is not a regular file; name a source file";
  }
}

std::string whyNotRegularFile(llvm::StringRef Path) {
  using llvm::sys::fs::file_type;
  llvm::sys::fs::file_status St;
  if (std::error_code EC = llvm::sys::fs::status(Path, St)) {
    if (EC != std::errc::no_such_file_or_directory)
      return describeFileError(EC);
    // Nothing there is the caller's to say; a link to nothing is not that.
    llvm::sys::fs::file_status Link;
    if (llvm::sys::fs::status(Path, Link, /*follow=*/false) ||
        Link.type() != file_type::symlink_file)
      return "";
    char Target[4096];
    ssize_t N = ::readlink(Path.str().c_str(), Target, sizeof(Target));
    if (N > 0 && size_t(N) < sizeof(Target))
      return "it is a symbolic link to '" + std::string(Target, N) +
             "', which does not exist; fix the link";
    return "it is a symbolic link to a file that does not exist; fix the link";
  }
  switch (St.type()) {
  case file_type::regular_file:
    return "";
  case file_type::directory_file:
    return describeFileError(std::errc::is_a_directory);
  case file_type::fifo_file:
    return "it is a FIFO, not a regular file (reading it would wait for a writer); "
           "make it a regular file";
  case file_type::character_file:
  case file_type::block_file:
    return "it is a device, not a regular file; make it a regular file";
  case file_type::socket_file:
    return "it is a socket, not a regular file; make it a regular file";
  default:
    return "it is not a regular file; make it a regular file";
  }
}

bool isDevNull(llvm::StringRef Path) {
  bool Same = false;
  return !llvm::sys::fs::equivalent(Path, "/dev/null", Same) && Same;
}

std::string realOrAbsolute(llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path), Real;
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  if (!llvm::sys::fs::real_path(Abs, Real))
    return Real.str().str();
  return Abs.str().str();
}

std::vector<SourceFile> resolveSources(const std::vector<std::string> &Files) {
  std::vector<SourceFile> Out;
  for (const std::string &F : Files)
    Out.push_back({F, realOrAbsolute(F)});
  llvm::stable_sort(Out, [](const SourceFile &A, const SourceFile &B) {
    return std::tie(A.Real, A.Named) < std::tie(B.Real, B.Named);
  });
  Out.erase(std::unique(Out.begin(), Out.end(),
                        [](const SourceFile &A, const SourceFile &B) { return A.Real == B.Real; }),
            Out.end());
  return Out;
}

llvm::Error checkSources(const std::vector<SourceFile> &Files, llvm::StringRef BaseDir) {
  std::string Msg;
  for (const SourceFile &F : Files)
    if (std::string Why = whyNotSource(F.Named); !Why.empty())
      Msg += (Msg.empty() ? "" : "\npincheck: error: ") +
             ("cannot analyse '" + displayPath(F.Real, BaseDir) + "': " + Why);
  if (Msg.empty())
    return llvm::Error::success();
  return llvm::createStringError(std::errc::invalid_argument, "%s", Msg.c_str());
}

} // namespace lint
} // namespace pincheck
