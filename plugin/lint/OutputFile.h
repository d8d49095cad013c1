// OutputFile.h - the lint tool's outputs (the report, a baseline) written
// whole or not at all. A regular file is written to a temporary file next to
// it, flushed, checked and renamed over the target, so a full disk or a
// killed run leaves the previous file as it was; a device or FIFO (-o
// /dev/stderr, a pipe) is written in place. Every failure names the file (or
// standard output) and the reason, for an exit code 2, never an LLVM fatal
// error.
#ifndef PINCHECK_LINT_OUTPUTFILE_H
#define PINCHECK_LINT_OUTPUTFILE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace pincheck {
namespace lint {

using Renderer = llvm::function_ref<void(llvm::raw_ostream &)>;

// Before any work: an error when Path cannot be written (its directory is
// missing, is not a directory or is not writable; Path is a directory).
// What says which output it is ("report", "baseline").
llvm::Error checkWritable(llvm::StringRef Path, llvm::StringRef What);

// Before any work, both outputs of a run: the report's file (or standard
// output when ReportPath is empty, which must not be closed) and the
// baseline's, if any.
llvm::Error checkOutputs(llvm::StringRef ReportPath, llvm::StringRef BaselinePath);

// Writes what Render produces to Path (see above).
llvm::Error writeFile(llvm::StringRef Path, llvm::StringRef What, Renderer Render);

// Writes what Render produces to standard output, flushed and checked.
llvm::Error writeStdout(llvm::StringRef What, Renderer Render);

// Call in main after LLVM's signal handlers are installed, before anything
// opens a file. A closed stdout
// is recorded (standardOutputWasClosed), and /dev/null put in its place (and
// in a closed stdin's or stderr's) so that no file the run opens gets
// descriptor 1 and receives the report. At exit, output that went to
// standard output unchecked (--help, --version) and failed is an error, exit
// 2, not an LLVM fatal error; a failing stderr is ignored (there is nowhere
// left to say so). SIGXFSZ is ignored: a write past the file size limit is
// an error like any other.
void guardStandardStreams();
bool standardOutputWasClosed();

} // namespace lint
} // namespace pincheck

#endif
