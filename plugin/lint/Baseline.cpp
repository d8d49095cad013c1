// Baseline.cpp - reading a baseline (every problem named with its entry)
// and writing one, one finding at a time.
#include "Baseline.h"
#include "FileChecks.h"
#include "JsonKinds.h"
#include "JsonScan.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace pincheck {
namespace lint {

static constexpr int FormatVersion = 1;

llvm::Expected<Baseline> Baseline::read(llvm::StringRef Path) {
  auto Fail = [&](const std::string &Why) {
    return llvm::createStringError(std::errc::invalid_argument,
                                   "cannot use baseline '%s': %s", Path.str().c_str(),
                                   Why.c_str());
  };
  // Looked at before it is opened: a FIFO would block the run.
  if (std::string Why = whyNotRegularFile(Path); !Why.empty())
    return Fail(Why);
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer) {
    std::error_code EC = Buffer.getError();
    if (EC == std::errc::no_such_file_or_directory)
      return Fail(EC.message() + " (write one with --write-baseline=" + Path.str() + ")");
    return Fail(describeFileError(EC));
  }
  std::string Again = "; write it again with --write-baseline=" + Path.str();
  // Before llvm::json::parse, whose recursion deep nesting overflows.
  if (std::string Deep = describeTooDeep((*Buffer)->getBuffer()); !Deep.empty())
    return Fail(Deep + ", where a baseline nests them 3 deep; it is damaged or another "
                       "file" + Again);
  auto Doc = llvm::json::parse((*Buffer)->getBuffer());
  if (!Doc)
    return Fail("not valid JSON: " + llvm::toString(Doc.takeError()) + Again);
  const llvm::json::Object *Root = Doc->getAsObject();
  const llvm::json::Array *Entries = Root ? Root->getArray("findings") : nullptr;
  if (!Root || Root->getString("tool") != "pincheck" || !Entries)
    return Fail("not a pincheck baseline (expected an object with \"tool\": "
                "\"pincheck\" and a \"findings\" array)" + Again);
  if (Root->getInteger("version") != FormatVersion)
    return Fail("baseline format version " +
                std::to_string(Root->getInteger("version").value_or(0)) +
                " is not supported (this pincheck writes version " +
                std::to_string(FormatVersion) + ")" + Again);
  Baseline B;
  for (size_t I = 0; I < Entries->size(); ++I) {
    std::string Entry = "findings[" + std::to_string(I) + "]";
    const llvm::json::Object *O = (*Entries)[I].getAsObject();
    if (!O)
      return Fail(Entry + " is not an object" + Again);
    const llvm::json::Value *FP = O->get("fingerprint");
    if (!FP)
      return Fail(Entry + " has no \"fingerprint\"" + Again);
    if (!FP->getAsString())
      return Fail(Entry + " \"fingerprint\" is " + jsonKindName(*FP) +
                  ", not a string (pincheck writes 32 hex digits in quotes)" + Again);
    ++B.Remaining[*FP->getAsString()];
  }
  return B;
}

void Baseline::render(llvm::raw_ostream &OS, const std::vector<LintFinding> &Findings,
                      const std::string &BaseDir) {
  // Streamed one entry at a time, keys sorted as llvm::json prints them.
  llvm::json::OStream J(OS, 2);
  J.object([&] {
    J.attributeArray("findings", [&] {
      for (const LintFinding &F : Findings)
        J.value(llvm::json::Object{
            {"fingerprint", F.Fingerprint},
            {"check", checkName(F.Check)},
            {"file", displayPath(F.At.File, BaseDir)},
            {"line", F.At.Line},
            {"message", F.Message},
        });
    });
    J.attribute("tool", "pincheck");
    J.attribute("version", FormatVersion);
  });
  OS << "\n";
}

bool Baseline::take(const LintFinding &F) {
  auto It = Remaining.find(F.Fingerprint);
  if (It == Remaining.end() || It->second == 0)
    return false;
  --It->second;
  return true;
}

} // namespace lint
} // namespace pincheck
