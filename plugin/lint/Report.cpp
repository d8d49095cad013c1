// Report.cpp - counts over a run's findings and files, for the summary.
#include "Report.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include <set>

namespace pincheck {
namespace lint {

unsigned Report::failedFiles() const {
  unsigned N = 0;
  for (const FileResult *F : Files)
    N += F->Failed;
  return N;
}

static unsigned distinct(const std::vector<const FileResult *> &Files,
                         std::vector<Remark> FileResult::*List) {
  std::set<Remark> Distinct;
  for (const FileResult *F : Files)
    Distinct.insert((F->*List).begin(), (F->*List).end());
  return Distinct.size();
}
unsigned Report::functionsSkipped() const { return distinct(Files, &FileResult::Skipped); }
unsigned Report::functionsNotAnalysed() const { return distinct(Files, &FileResult::NoCFG); }
unsigned Report::functionsInParts() const { return distinct(Files, &FileResult::InParts); }

std::map<std::string, unsigned> Report::findingsByCheck() const {
  std::map<std::string, unsigned> M;
  for (const LintFinding &F : Findings)
    ++M[checkName(F.Check).str()];
  return M;
}

std::vector<LintFinding> mergeFindings(std::vector<FileResult> &Results) {
  size_t Total = 0;
  for (const FileResult &R : Results)
    Total += R.Findings.size();
  // Reserved, so that the keys below (which refer to the merged findings'
  // own strings) stay valid: no finding moves once it is in Out.
  std::vector<LintFinding> Out;
  Out.reserve(Total);
  std::set<std::tuple<unsigned, llvm::StringRef, unsigned, unsigned, llvm::StringRef>> Seen;
  for (FileResult &R : Results) {
    for (LintFinding &F : R.Findings) {
      Out.push_back(std::move(F));
      const LintFinding &M = Out.back();
      if (!Seen.insert({unsigned(M.Check), M.At.File, M.At.Line, M.At.Column, M.Message})
               .second)
        Out.pop_back();
    }
    std::vector<LintFinding>().swap(R.Findings);
  }
  return Out;
}

std::string displayPath(llvm::StringRef Abs, llvm::StringRef BaseDir) {
  llvm::StringRef P(Abs), B(BaseDir);
  B.consume_back("/");
  if (!B.empty() && P.consume_front(B) && P.consume_front("/"))
    return P.str();
  return Abs.str();
}

std::string helpUrl(const std::string &DocsUrl, CheckId Id) {
  llvm::StringRef Base(DocsUrl);
  Base.consume_back("/");
  return (Base + "/" + checkName(Id) + ".md").str();
}

std::string uriPath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C))
      Out += C;
    else
      Out += llvm::formatv("%{0:X-2}", unsigned(C)).str();
  }
  return Out;
}

std::string fileUri(llvm::StringRef AbsPath) { return "file://" + uriPath(AbsPath); }

std::string whyNotAbsoluteUri(llvm::StringRef Uri) {
  size_t Colon = Uri.find(':');
  llvm::StringRef Scheme = Uri.take_front(Colon);
  if (Colon == llvm::StringRef::npos || Scheme.empty() || !llvm::isAlpha(Scheme[0]) ||
      !llvm::all_of(Scheme, [](char C) {
        return llvm::isAlnum(C) || C == '+' || C == '-' || C == '.';
      }))
    return "it has no scheme (such as https: or file:)";
  if (Colon + 1 == Uri.size())
    return "nothing follows its scheme";
  for (size_t I = 0; I < Uri.size(); ++I) {
    unsigned char C = Uri[I];
    if (C == '%') {
      if (I + 2 >= Uri.size() || !llvm::isHexDigit(Uri[I + 1]) || !llvm::isHexDigit(Uri[I + 2]))
        return "a '%' in it is not followed by two hex digits";
      continue;
    }
    if (!llvm::isAlnum(C) && !llvm::StringRef("-._~:/?#[]@!$&'()*+,;=").contains(C))
      return "it holds " + (llvm::isPrint(C) ? "'" + std::string(1, C) + "'"
                                             : llvm::formatv("byte {0:X-2}", unsigned(C)).str()) +
             ", which a URI must percent-encode";
  }
  return "";
}

std::string checkDocsUrl(llvm::StringRef Url) {
  std::string Why = whyNotAbsoluteUri(Url);
  if (Why.empty())
    return "";
  std::string Msg = "--docs-url '" + Url.str() + "' is not an absolute URI: " + Why +
                    "; SARIF's help links need one: give https://<host>/<path> or "
                    "file:///<absolute path>";
  if (llvm::sys::fs::is_directory(Url)) {
    llvm::SmallString<256> Abs(Url);
    llvm::sys::fs::make_absolute(Abs);
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    Msg += " (this directory is " + fileUri(Abs) + ")";
  }
  return Msg;
}

} // namespace lint
} // namespace pincheck
