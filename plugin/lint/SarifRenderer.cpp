// SarifRenderer.cpp - the report as SARIF 2.1.0 for code scanning.
#include "CheckHelp.h"
#include "Renderers.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"

namespace pincheck {
namespace lint {

using llvm::json::Array;
using llvm::json::Object;

static Object artifact(llvm::StringRef File, const Report &R) {
  std::string Shown = displayPath(File, R.BaseDir);
  if (Shown != File)
    return Object{{"uri", uriPath(Shown)}, {"uriBaseId", "SRCROOT"}};
  return Object{{"uri", fileUri(File)}};
}

static Object physical(const Place &P, const Report &R, unsigned EndLine = 0,
                       unsigned EndColumn = 0) {
  Object Region{{"startLine", P.Line}, {"startColumn", P.Column}};
  if (EndLine) {
    Region["endLine"] = EndLine;
    Region["endColumn"] = EndColumn;
  }
  Region["snippet"] = Object{{"text", P.LineText}};
  return Object{{"artifactLocation", artifact(P.File, R)}, {"region", std::move(Region)}};
}

static Array rules(const Report &R) {
  Array Rules;
  for (unsigned I = 0; I < NumChecks; ++I) {
    CheckId Id = CheckId(I);
    Rules.push_back(Object{
        {"id", checkName(Id)},
        {"name", checkFriendlyName(Id)},
        {"shortDescription", Object{{"text", checkSummary(Id)}}},
        {"fullDescription", Object{{"text", checkSummary(Id)}}},
        {"helpUri", helpUrl(R.DocsUrl, Id)},
        {"help", Object{{"text", checkHelpText(Id, helpUrl(R.DocsUrl, Id))}}},
        {"defaultConfiguration", Object{{"level", "warning"}}},
    });
  }
  return Rules;
}

// One finding's result: built, printed and dropped, one at a time.
static Object result(const LintFinding &F, const Report &R) {
  Array Related;
  for (const LintNote &N : F.Notes) {
    Object L{{"id", int64_t(Related.size())}, {"message", Object{{"text", N.Message}}}};
    if (!N.At.File.empty())
      L["physicalLocation"] = physical(N.At, R);
    Related.push_back(std::move(L));
  }
  Object Result{
      {"ruleId", checkName(F.Check)},
      {"ruleIndex", unsigned(F.Check)},
      {"level", F.Remark ? "note" : F.AsError ? "error" : "warning"},
      {"message", Object{{"text", F.Message}}},
      {"locations",
       Array{Object{{"physicalLocation", physical(F.At, R, F.EndLine, F.EndColumn)}}}},
      {"partialFingerprints", Object{{"pincheck/v1", F.Fingerprint}}},
  };
  if (!Related.empty())
    Result["relatedLocations"] = std::move(Related);
  Array Fixes;
  for (const LintFix &X : F.Fixes)
    Fixes.push_back(Object{
        {"description", Object{{"text", X.Replacement.empty() ? "remove it" : "replace it"}}},
        {"artifactChanges",
         Array{Object{{"artifactLocation", artifact(X.Begin.File, R)},
                      {"replacements",
                       Array{Object{{"deletedRegion",
                                     Object{{"startLine", X.Begin.Line},
                                            {"startColumn", X.Begin.Column},
                                            {"endLine", X.EndLine},
                                            {"endColumn", X.EndColumn}}},
                                    {"insertedContent", Object{{"text", X.Replacement}}}}}}}}},
    });
  if (!Fixes.empty())
    Result["fixes"] = std::move(Fixes);
  return Result;
}

// Files that did not compile: the run is not complete, and says so.
static Array notifications(const Report &R) {
  Array Notifications;
  for (const FileResult *F : R.Files)
    if (F->Failed)
      Notifications.push_back(Object{
          {"level", "error"},
          {"message", Object{{"text", "failed to parse " + displayPath(F->File, R.BaseDir) +
                                          "; its findings may be incomplete"}}},
          {"locations", Array{Object{{"physicalLocation",
                                      Object{{"artifactLocation", artifact(F->File, R)}}}}}},
      });
  return Notifications;
}

void writeSarif(llvm::raw_ostream &OS, const Report &R) {
  std::string Base = R.BaseDir;
  if (!llvm::StringRef(Base).ends_with("/"))
    Base += "/";
  // Streamed, with each object's keys in the sorted order llvm::json prints
  // an Object in: the same bytes as one json::Value of the whole log, without
  // holding one (that took gigabytes for tens of thousands of results).
  llvm::json::OStream J(OS, 2);
  J.object([&] {
    J.attribute("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    J.attributeArray("runs", [&] {
      J.object([&] {
        J.attribute("invocations",
                    Array{Object{{"executionSuccessful", R.failedFiles() == 0},
                                 {"toolExecutionNotifications", notifications(R)}}});
        J.attribute("originalUriBaseIds", Object{{"SRCROOT", Object{{"uri", fileUri(Base)}}}});
        J.attributeArray("results", [&] {
          for (const LintFinding &F : R.Findings)
            J.value(result(F, R));
        });
        J.attribute("tool", Object{{"driver", Object{{"name", "pincheck"},
                                                     {"fullName", "pincheck " + R.ToolVersion},
                                                     {"version", R.ToolVersion},
                                                     {"informationUri", R.DocsUrl},
                                                     {"rules", rules(R)}}}});
      });
    });
    J.attribute("version", "2.1.0");
  });
  OS << "\n";
}

} // namespace lint
} // namespace pincheck
