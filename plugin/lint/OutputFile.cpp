// OutputFile.cpp - the report and the baseline written to a temporary file
// beside the target and renamed over it, or refused before the analysis.
#include "OutputFile.h"
#include "FileChecks.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

namespace pincheck {
namespace lint {

namespace {

bool StdoutClosed = false;

llvm::Error fail(llvm::StringRef What, llvm::StringRef Path, const llvm::Twine &Why) {
  return llvm::createStringError(std::errc::io_error, "cannot write %s '%s': %s",
                                 What.str().c_str(), Path.str().c_str(),
                                 Why.str().c_str());
}

// Devices and /proc's links (-o /dev/stderr, /dev/fd/3) are not where a
// report file lives: they are written as they are, never replaced.
bool isSpecialPath(llvm::StringRef Path) {
  return Path.starts_with("/dev/") || Path.starts_with("/proc/");
}

// The directory a new file at Path goes in.
std::string directoryOf(llvm::StringRef Path) {
  llvm::StringRef Dir = llvm::sys::path::parent_path(Path);
  return Dir.empty() ? "." : Dir.str();
}

// Writes through OS, then flushes; the stream's error, if any, is returned
// and cleared (an error left on a raw_fd_ostream is a fatal error when it
// is destroyed).
std::error_code renderTo(llvm::raw_fd_ostream &OS, Renderer Render) {
  Render(OS);
  OS.flush();
  std::error_code EC = OS.error();
  OS.clear_error();
  return EC;
}

llvm::Error writeInPlace(llvm::StringRef Path, llvm::StringRef What, Renderer Render) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
  if (EC)
    return fail(What, Path, EC.message());
  if ((EC = renderTo(OS, Render)))
    return fail(What, Path, EC.message());
  OS.close();
  if ((EC = OS.error())) {
    OS.clear_error();
    return fail(What, Path, EC.message());
  }
  return llvm::Error::success();
}

} // namespace

llvm::Error checkWritable(llvm::StringRef Path, llvm::StringRef What) {
  llvm::sys::fs::file_status St;
  std::error_code EC = llvm::sys::fs::status(Path, St);
  // A symbolic link loop, a directory on the way that cannot be searched:
  // said as such, not taken for a new file.
  if (EC && EC != std::errc::no_such_file_or_directory && EC != std::errc::not_a_directory)
    return fail(What, Path, describeFileError(EC));
  bool Exists = !EC;
  // A dangling link: replacing the link would surprise, following it is
  // what the user may have meant; neither is guessed.
  llvm::sys::fs::file_status Link;
  if (!Exists && !llvm::sys::fs::status(Path, Link, /*follow=*/false) &&
      Link.type() == llvm::sys::fs::file_type::symlink_file)
    return fail(What, Path, "it is a symbolic link to a file that does not exist; "
                            "remove the link, or give another path");
  if (Exists && llvm::sys::fs::is_directory(St))
    return fail(What, Path, "it is a directory; give a file name");
  if (isSpecialPath(Path)) {
    if (!Exists)
      return fail(What, Path, "no such file or device");
    return llvm::Error::success();
  }
  if (Exists && !llvm::sys::fs::is_regular_file(St))
    return llvm::Error::success(); // a FIFO or a device: written in place
  // Replaced by a rename, a read-only file would be overwritten regardless.
  if (Exists && !llvm::sys::fs::can_write(Path))
    return fail(What, Path, "it is read-only; make it writable, or give another path");
  // A new or replaced file is renamed into its directory: it must be there,
  // and writable.
  std::string Dir = directoryOf(Path);
  if (!llvm::sys::fs::exists(Dir))
    return fail(What, Path,
                "directory '" + Dir + "' does not exist; create it, or give another path");
  if (!llvm::sys::fs::is_directory(Dir))
    return fail(What, Path, "'" + Dir + "' is not a directory; give another path");
  if (!llvm::sys::fs::can_write(Dir))
    return fail(What, Path,
                "directory '" + Dir + "' is not writable; give a path in a writable directory");
  return llvm::Error::success();
}

llvm::Error checkOutputs(llvm::StringRef ReportPath, llvm::StringRef BaselinePath) {
  if (!ReportPath.empty()) {
    if (llvm::Error E = checkWritable(ReportPath, "report"))
      return E;
  } else if (StdoutClosed) {
    return llvm::createStringError(std::errc::bad_file_descriptor,
                                   "standard output is closed: nowhere to write the report; "
                                   "give -o <file>, or redirect standard output");
  }
  if (!BaselinePath.empty())
    return checkWritable(BaselinePath, "baseline");
  return llvm::Error::success();
}

llvm::Error writeFile(llvm::StringRef Path, llvm::StringRef What, Renderer Render) {
  if (llvm::Error E = checkWritable(Path, What))
    return E;
  llvm::sys::fs::file_status St;
  bool Exists = !llvm::sys::fs::status(Path, St);
  if (isSpecialPath(Path) || (Exists && !llvm::sys::fs::is_regular_file(St)))
    return writeInPlace(Path, What, Render);

  // Through a symbolic link, the file it points to is the one replaced.
  llvm::SmallString<256> Target(Path);
  if (Exists)
    (void)llvm::sys::fs::real_path(Path, Target);
  llvm::SmallString<256> Model(directoryOf(Target));
  llvm::sys::path::append(Model,
                          "." + llvm::sys::path::filename(Target) + ".tmp-%%%%%%");
  auto Tmp = llvm::sys::fs::TempFile::create(Model);
  if (!Tmp)
    return fail(What, Path, llvm::toString(Tmp.takeError()));
  const char *Unchanged = Exists ? "; the previous file is unchanged" : "";
  auto Discard = [&](const llvm::Twine &Why) {
    llvm::consumeError(Tmp->discard());
    return fail(What, Path, Why + Unchanged);
  };
  std::error_code EC;
  {
    llvm::raw_fd_ostream OS(Tmp->FD, /*shouldClose=*/false);
    EC = renderTo(OS, Render);
  }
  if (EC)
    return Discard(EC.message());
  // On the disk before the rename, so that a crash cannot leave an empty
  // file under the target's name.
  if (::fsync(Tmp->FD) != 0)
    return Discard(std::error_code(errno, std::generic_category()).message());
  if (Exists)
    (void)llvm::sys::fs::setPermissions(Tmp->FD, St.permissions());
  if (llvm::Error E = Tmp->keep(Target)) {
    std::string Why = llvm::toString(std::move(E));
    return Discard(Why);
  }
  return llvm::Error::success();
}

llvm::Error writeStdout(llvm::StringRef What, Renderer Render) {
  std::string Fix = What == "report" ? "give -o <file>, or redirect standard output"
                                      : "redirect standard output";
  if (StdoutClosed)
    return llvm::createStringError(std::errc::bad_file_descriptor,
                                   "cannot write the %s to standard output: it is closed; %s",
                                   What.str().c_str(), Fix.c_str());
  Render(llvm::outs());
  llvm::outs().flush();
  std::error_code EC = llvm::outs().error();
  llvm::outs().clear_error();
  if (EC)
    return llvm::createStringError(EC, "cannot write the %s to standard output: %s; %s",
                                   What.str().c_str(), EC.message().c_str(), Fix.c_str());
  return llvm::Error::success();
}

static void checkStandardStreamsAtExit() {
  llvm::outs().flush();
  std::error_code EC = llvm::outs().error();
  llvm::outs().clear_error();
  // A closed stdout has /dev/null in its place: what went there was lost.
  if (!EC && StdoutClosed && llvm::outs().tell() > 0)
    EC = std::make_error_code(std::errc::bad_file_descriptor);
  if (EC) {
    llvm::errs() << "pincheck: error: cannot write to standard output: "
                 << (StdoutClosed ? std::string("it is closed") : EC.message()) << "\n";
    llvm::errs().clear_error();
    // Exiting from an atexit handler: the code must change to 2, and the
    // streams are flushed already.
    std::_Exit(2);
  }
  llvm::errs().clear_error();
}

void guardStandardStreams() {
  StdoutClosed = ::fcntl(STDOUT_FILENO, F_GETFD) == -1 && errno == EBADF;
  (void)llvm::sys::Process::FixupStandardFileDescriptors();
  // Past a file size limit (ulimit -f) a write then fails with EFBIG and is
  // reported as for a full disk, instead of SIGXFSZ killing the run (LLVM's
  // crash handler catches it and prints a stack dump).
  std::signal(SIGXFSZ, SIG_IGN);
  // The streams first: the handler, registered after them, runs before
  // their destructors (which make an error left on them fatal).
  (void)llvm::outs();
  (void)llvm::errs();
  std::atexit(checkStandardStreamsAtExit);
}

bool standardOutputWasClosed() { return StdoutClosed; }

} // namespace lint
} // namespace pincheck
