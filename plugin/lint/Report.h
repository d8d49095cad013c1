// Report.h - the lint tool's findings as plain data, detached from the
// translation unit that produced them, so that results from worker threads
// can be merged, matched against a baseline and rendered in any format.
#ifndef PINCHECK_LINT_REPORT_H
#define PINCHECK_LINT_REPORT_H

#include "Options.h"
#include "Registry.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <tuple>
#include <memory>
#include <string>
#include <vector>

namespace pincheck {
namespace lint {

// Strings a run holds many times over are pooled (StringPool.h): a Place
// and a note refer to them.
struct Place {
  llvm::StringRef File; // real path, absolute; "" when the note has no place
  unsigned Line = 0, Column = 0;
  llvm::StringRef LineText; // the source line, for snippets and fingerprints
};

struct LintNote {
  Place At;
  llvm::StringRef Message;
};

// A fix-it: replace [Begin, End) in Begin's file by Replacement.
struct LintFix {
  Place Begin;
  unsigned EndLine = 0, EndColumn = 0;
  std::string Replacement;
};

struct LintFinding {
  CheckId Check;
  bool AsError = false; // WarningsAsErrors
  bool Remark = false;  // a suggestion: shown, but it does not fail the run
  Place At;
  unsigned EndLine = 0, EndColumn = 0; // end of the relocating expression
  llvm::StringRef Message; // pooled: the same message comes from many files
  std::vector<LintNote> Notes;
  std::vector<LintFix> Fixes;
  std::string Fingerprint; // filled once findings are merged (Fingerprint.h)
};

// A line for stderr about a place (an unmatched NOLINT comment, a function
// a limit skipped): data, so that paths are shown like the report's and a
// header's remark comes once.
struct Remark {
  Place At;
  std::string Text;
  bool operator<(const Remark &O) const {
    return std::tie(At.File, At.Line, At.Column, Text) <
           std::tie(O.At.File, O.At.Line, O.At.Column, O.Text);
  }
};

// What one file's run produced.
struct FileResult {
  std::string File; // absolute
  std::vector<LintFinding> Findings;
  bool Failed = false;
  std::string Errors;                // the compiler's errors, clang-style text
  std::vector<Remark> Warnings; // unmatched NOLINT comments
  std::vector<Remark> Skipped;  // functions skipped by a limit
  std::vector<Remark> NoCFG;    // functions Clang builds no CFG for, nor for a part
  std::vector<Remark> InParts;  // functions analysed in parts
  unsigned FunctionsSeen = 0, FunctionsAnalyzed = 0, FunctionsSkipped = 0;
  /// The index pass: the summaries index entries of this file's definitions.
  std::shared_ptr<SummaryIndex> Index;
};

// Everything a renderer needs.
struct Report {
  std::string BaseDir; // paths are shown relative to it
  std::string DocsUrl; // base of the checks' documentation
  std::string ToolVersion;
  std::vector<LintFinding> Findings; // shown, in deterministic order
  std::vector<const FileResult *> Files;
  unsigned Baselined = 0; // findings matched by the baseline, not shown

  unsigned failedFiles() const;
  // Distinct functions skipped by a limit, not analysed for want of a CFG,
  // analysed in parts: one in a header counts once.
  unsigned functionsSkipped() const;
  unsigned functionsNotAnalysed() const;
  unsigned functionsInParts() const;
  std::map<std::string, unsigned> findingsByCheck() const;
};

// The findings of all files, in file order, each once (a header's findings
// come from every file that includes it). Moved out of Results.
std::vector<LintFinding> mergeFindings(std::vector<FileResult> &Results);

// A path as reports show it: relative to BaseDir when under it.
std::string displayPath(llvm::StringRef Abs, llvm::StringRef BaseDir);
// The documentation page of a check.
std::string helpUrl(const std::string &DocsUrl, CheckId Id);

// A path with what a URI may not hold as is percent-encoded ("/a b" gives
// "/a%20b"), and an absolute path as a file:// URI.
std::string uriPath(llvm::StringRef Path);
std::string fileUri(llvm::StringRef AbsPath);
// What keeps Uri from being an absolute URI (RFC 3986: a scheme, then only
// URI characters and %XX escapes); "" when nothing does.
std::string whyNotAbsoluteUri(llvm::StringRef Uri);
// An error message for a --docs-url that is not an absolute URI (SARIF's
// helpUri and informationUri must be), with the file:// URI to use when it
// names a local directory; "" when it is fine.
std::string checkDocsUrl(llvm::StringRef Url);

} // namespace lint
} // namespace pincheck

#endif
