// SummaryIndex.cpp - the summaries index file: reading it (every problem a
// message with its place, never a crash), writing it in a stable order, the
// staleness test (the defining file's digest), and USRs.
#include "model/SummaryIndex.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/xxhash.h"

using namespace clang;
namespace json = llvm::json;

namespace pincheck {

static const char *const FormatName = "pincheck-summaries-index";

std::string SummaryIndex::digestOfText(llvm::StringRef Contents) {
  return llvm::utohexstr(llvm::xxh3_64bits(Contents), /*LowerCase=*/true, 16);
}

std::string SummaryIndex::digestOf(llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!Buf)
    return "";
  return digestOfText((*Buf)->getBuffer());
}

// ---------------------------------------------------------------- writing

static json::Value param(unsigned P) {
  return P == IndexedObject ? json::Value("this") : json::Value(int64_t(P));
}
static json::Value members(const std::vector<std::string> &M) {
  json::Array A;
  for (const std::string &S : M)
    A.push_back(S);
  return A;
}

static json::Object toJson(const IndexedFunction &F) {
  json::Object O{{"usr", F.Usr}, {"name", F.Name}, {"file", F.File}, {"params", F.Params}};
  if (F.Escape) {
    json::Object E{{"line", F.Escape->Site.Line}, {"column", F.Escape->Site.Column}};
    if (!F.Escape->Callee.empty())
      E["callee"] = F.Escape->Callee;
    if (!F.Escape->Field.empty())
      E["field"] = F.Escape->Field;
    O["escape"] = std::move(E);
  }
  if (F.SelfReference) {
    const IndexedSelfReference &R = *F.SelfReference;
    O["self-reference"] = json::Object{{"line", R.Site.Line},      {"column", R.Site.Column},
                                       {"member", R.Member},       {"into", R.Into},
                                       {"conditional", R.Conditional}};
  }
  json::Array Pins, Relocations, Growths, Borrows;
  for (const IndexedPin &P : F.Pins) {
    json::Object O{{"param", param(P.Param)},
                   {"line", P.Site.Line},
                   {"column", P.Site.Column},
                   {"how", P.How}};
    if (!P.Whole) // written only when false: the common case stays short
      O["whole"] = false;
    Pins.push_back(std::move(O));
  }
  for (const IndexedRelocation &R : F.Relocations)
    Relocations.push_back(json::Object{{"param", param(R.Param)},
                                       {"family", familyName(R.Family)},
                                       {"role", R.Role},
                                       {"line", R.Site.Line},
                                       {"column", R.Site.Column}});
  for (const IndexedGrowth &G : F.Growths)
    Growths.push_back(json::Object{{"param", param(G.Param)},
                                   {"members", members(G.Members)},
                                   {"method", G.Method},
                                   {"line", G.Site.Line},
                                   {"column", G.Site.Column}});
  for (const IndexedBorrow &B : F.Borrows)
    Borrows.push_back(json::Object{
        {"param", param(B.Param)}, {"members", members(B.Members)}, {"whole", B.Whole}});
  if (!Pins.empty())
    O["pins"] = std::move(Pins);
  if (!Relocations.empty())
    O["relocates"] = std::move(Relocations);
  if (!Growths.empty())
    O["grows"] = std::move(Growths);
  if (!Borrows.empty())
    O["returns-borrow"] = std::move(Borrows);
  return O;
}

void SummaryIndex::write(llvm::raw_ostream &OS) const {
  json::Object Files;
  for (const auto &[File, Digest] : this->Files)
    Files[File] = Digest;
  json::Array Fns;
  for (const auto &[Usr, F] : Functions)
    Fns.push_back(toJson(F));
  json::Object Root{{"format", FormatName},
                    {"version", Version},
                    {"files", std::move(Files)},
                    {"functions", std::move(Fns)}};
  // One function per line: a diff of two indexes reads as one.
  OS << "{\"format\":" << json::Value(FormatName) << ",\"version\":" << Version
     << ",\n\"files\":" << json::Value(std::move(*Root.getObject("files")))
     << ",\n\"functions\":[";
  bool First = true;
  for (const auto &[Usr, F] : Functions) {
    OS << (First ? "\n" : ",\n") << json::Value(toJson(F));
    First = false;
  }
  OS << "\n]}\n";
}

// ---------------------------------------------------------------- adding

void SummaryIndex::add(IndexedFunction F, const std::string &FileDigest) {
  auto It = Functions.find(F.Usr);
  if (It != Functions.end()) {
    // Defined twice (one file built twice with different flags, or an ODR
    // violation): keep one, chosen by content so the order does not matter.
    std::string A, B;
    llvm::raw_string_ostream(A) << json::Value(toJson(It->second));
    llvm::raw_string_ostream(B) << json::Value(toJson(F));
    if (B >= A)
      return;
  }
  Files[F.File] = FileDigest;
  std::string Usr = F.Usr;
  Functions[Usr] = std::move(F);
}

void SummaryIndex::merge(const SummaryIndex &Other) {
  for (const auto &[Usr, F] : Other.Functions) {
    auto D = Other.Files.find(F.File);
    add(F, D == Other.Files.end() ? std::string() : D->second);
  }
}

// ---------------------------------------------------------------- reading

namespace {
// Reads one entry; Path names where it is, for the message.
class Reader {
public:
  explicit Reader(std::string &Error) : Error(Error) {}

  bool fail(const std::string &Where, const std::string &What) {
    if (Error.empty())
      Error = Where + ": " + What;
    return false;
  }
  bool unsignedAt(const json::Object &O, llvm::StringRef Key, const std::string &Where,
                  unsigned &Out) {
    std::optional<int64_t> V = O.getInteger(Key);
    if (!V || *V < 0 || *V > int64_t(~0u >> 1))
      return fail(Where, "'" + Key.str() + "' must be a non-negative integer");
    Out = unsigned(*V);
    return true;
  }
  bool stringAt(const json::Object &O, llvm::StringRef Key, const std::string &Where,
                std::string &Out, bool Optional = false) {
    const json::Value *V = O.get(Key);
    if (!V && Optional)
      return true;
    std::optional<llvm::StringRef> S = V ? V->getAsString() : std::nullopt;
    if (!S)
      return fail(Where, "'" + Key.str() + "' must be a string");
    Out = S->str();
    return true;
  }
  bool paramAt(const json::Object &O, const std::string &Where, unsigned Params,
               unsigned &Out) {
    const json::Value *V = O.get("param");
    if (V && V->getAsString() && *V->getAsString() == "this") {
      Out = IndexedObject;
      return true;
    }
    std::optional<int64_t> I = V ? V->getAsInteger() : std::nullopt;
    if (!I || *I < 0 || *I >= int64_t(Params))
      return fail(Where, "'param' must be \"this\" or the index of one of the function's " +
                             std::to_string(Params) + " parameters");
    Out = unsigned(*I);
    return true;
  }
  bool siteAt(const json::Object &O, const std::string &Where, IndexedSite &Out) {
    return unsignedAt(O, "line", Where, Out.Line) &&
           unsignedAt(O, "column", Where, Out.Column);
  }
  bool membersAt(const json::Object &O, const std::string &Where,
                 std::vector<std::string> &Out) {
    const json::Array *A = O.getArray("members");
    if (!A)
      return fail(Where, "'members' must be an array of member names");
    for (const json::Value &V : *A) {
      std::optional<llvm::StringRef> S = V.getAsString();
      if (!S || S->empty())
        return fail(Where, "'members' must be an array of member names");
      Out.push_back(S->str());
    }
    return true;
  }
  // Each element of O[Key] (if present) as an object, to Each.
  template <class Fn>
  bool eachObject(const json::Object &O, llvm::StringRef Key, const std::string &Where,
                  Fn Each) {
    const json::Value *V = O.get(Key);
    if (!V)
      return true;
    const json::Array *A = V->getAsArray();
    if (!A)
      return fail(Where, "'" + Key.str() + "' must be an array");
    for (size_t I = 0; I < A->size(); ++I) {
      std::string At = Where + ", " + Key.str() + "[" + std::to_string(I) + "]";
      const json::Object *E = (*A)[I].getAsObject();
      if (!E)
        return fail(At, "must be an object");
      if (!Each(*E, At))
        return false;
    }
    return true;
  }

  bool function(const json::Object &O, const std::string &Where, IndexedFunction &F) {
    if (!stringAt(O, "usr", Where, F.Usr) || !stringAt(O, "name", Where, F.Name) ||
        !stringAt(O, "file", Where, F.File) || !unsignedAt(O, "params", Where, F.Params))
      return false;
    if (F.Usr.empty())
      return fail(Where, "'usr' must not be empty");
    std::string At = Where + " ('" + F.Name + "')";
    if (const json::Value *E = O.get("escape")) {
      const json::Object *EO = E->getAsObject();
      if (!EO)
        return fail(At, "'escape' must be an object");
      IndexedEscape Esc;
      if (!siteAt(*EO, At + ", escape", Esc.Site) ||
          !stringAt(*EO, "callee", At + ", escape", Esc.Callee, true) ||
          !stringAt(*EO, "field", At + ", escape", Esc.Field, true))
        return false;
      F.Escape = Esc;
    }
    if (const json::Value *E = O.get("self-reference")) {
      const json::Object *EO = E->getAsObject();
      std::string W = At + ", self-reference";
      if (!EO)
        return fail(At, "'self-reference' must be an object");
      IndexedSelfReference R;
      if (!siteAt(*EO, W, R.Site) || !stringAt(*EO, "member", W, R.Member) ||
          !stringAt(*EO, "into", W, R.Into))
        return false;
      if (R.Member.empty())
        return fail(W, "'member' must name a member");
      std::optional<bool> C = EO->getBoolean("conditional");
      if (!C)
        return fail(W, "'conditional' must be true or false");
      R.Conditional = *C;
      F.SelfReference = R;
    }
    return eachObject(O, "pins", At,
                      [&](const json::Object &P, const std::string &W) {
                        IndexedPin Pin;
                        if (!paramAt(P, W, F.Params, Pin.Param) || !siteAt(P, W, Pin.Site) ||
                            !stringAt(P, "how", W, Pin.How))
                          return false;
                        if (const json::Value *V = P.get("whole")) {
                          if (!V->getAsBoolean())
                            return fail(W, "'whole' must be true or false");
                          Pin.Whole = *V->getAsBoolean();
                        }
                        F.Pins.push_back(std::move(Pin));
                        return true;
                      }) &&
           eachObject(O, "relocates", At,
                      [&](const json::Object &P, const std::string &W) {
                        IndexedRelocation R;
                        std::string Family;
                        if (!paramAt(P, W, F.Params, R.Param) || !siteAt(P, W, R.Site) ||
                            !stringAt(P, "family", W, Family) || !stringAt(P, "role", W, R.Role))
                          return false;
                        std::optional<OpFamily> Fam = familyNamed(Family);
                        if (!Fam)
                          return fail(W, "unknown 'family' '" + Family +
                                             "' (move, copy, swap, raw-memory, storage-reuse)");
                        R.Family = *Fam;
                        F.Relocations.push_back(std::move(R));
                        return true;
                      }) &&
           eachObject(O, "grows", At,
                      [&](const json::Object &P, const std::string &W) {
                        IndexedGrowth G;
                        if (!paramAt(P, W, F.Params, G.Param) || !siteAt(P, W, G.Site) ||
                            !membersAt(P, W, G.Members) || !stringAt(P, "method", W, G.Method))
                          return false;
                        F.Growths.push_back(std::move(G));
                        return true;
                      }) &&
           eachObject(O, "returns-borrow", At,
                      [&](const json::Object &P, const std::string &W) {
                        IndexedBorrow B;
                        if (!paramAt(P, W, F.Params, B.Param) || !membersAt(P, W, B.Members))
                          return false;
                        std::optional<bool> Whole = P.getBoolean("whole");
                        if (!Whole)
                          return fail(W, "'whole' must be true or false");
                        B.Whole = *Whole;
                        F.Borrows.push_back(std::move(B));
                        return true;
                      });
  }

private:
  std::string &Error;
};
} // namespace

std::shared_ptr<SummaryIndex> SummaryIndex::parse(llvm::StringRef Text, std::string &Error) {
  Error.clear();
  llvm::Expected<json::Value> V = json::parse(Text);
  if (!V) {
    // LLVM says "[3:7, byte=42]: Expected , or ] after array element".
    std::string M = llvm::toString(V.takeError());
    llvm::StringRef Rest(M);
    unsigned Line = 0, Column = 0;
    if (Rest.consume_front("[") && !Rest.consumeInteger(10, Line) && Rest.consume_front(":") &&
        !Rest.consumeInteger(10, Column) && Rest.contains("]: "))
      M = "line " + std::to_string(Line) + ", column " + std::to_string(Column + 1) + ": " +
          Rest.split("]: ").second.str();
    Error = "not valid JSON: " + M;
    return nullptr;
  }
  const json::Object *Root = V->getAsObject();
  if (!Root || Root->getString("format") != llvm::StringRef(FormatName)) {
    Error = std::string("not a pincheck summaries index (it has no \"format\": \"") +
            FormatName + "\")";
    return nullptr;
  }
  std::optional<int64_t> Ver = Root->getInteger("version");
  if (!Ver || *Ver != Version) {
    Error = "version " + (Ver ? std::to_string(*Ver) : std::string("(none)")) +
            " is not the version " + std::to_string(Version) +
            " this pincheck reads; build the index again with this pincheck";
    return nullptr;
  }
  auto Index = std::make_shared<SummaryIndex>();
  Reader R(Error);
  if (const json::Object *Files = Root->getObject("files")) {
    for (const auto &[File, Digest] : *Files) {
      std::optional<llvm::StringRef> D = Digest.getAsString();
      if (!D) {
        Error = "files['" + File.str() + "']: the digest must be a string";
        return nullptr;
      }
      Index->Files[File.str()] = D->str();
    }
  } else {
    Error = "'files' must be an object";
    return nullptr;
  }
  const json::Array *Fns = Root->getArray("functions");
  if (!Fns) {
    Error = "'functions' must be an array";
    return nullptr;
  }
  for (size_t I = 0; I < Fns->size(); ++I) {
    std::string Where = "functions[" + std::to_string(I) + "]";
    const json::Object *O = (*Fns)[I].getAsObject();
    IndexedFunction F;
    if (!O) {
      Error = Where + ": must be an object";
      return nullptr;
    }
    if (!R.function(*O, Where, F))
      return nullptr;
    if (!Index->Files.count(F.File)) {
      Error = Where + ": its file '" + F.File + "' is not in 'files'";
      return nullptr;
    }
    std::string Usr = F.Usr;
    Index->Functions[Usr] = std::move(F);
  }
  return Index;
}

std::shared_ptr<SummaryIndex> SummaryIndex::read(llvm::StringRef Path, std::string &Error) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf) {
    std::error_code EC = Buf.getError();
    if (EC == std::errc::no_such_file_or_directory) {
      Error = "it does not exist";
    } else {
      Error = EC.message();
      if (!Error.empty())
        Error[0] = llvm::toLower(Error[0]);
    }
    return nullptr;
  }
  return parse((*Buf)->getBuffer(), Error);
}

// ---------------------------------------------------------------- lookup

bool SummaryIndex::fresh(const IndexedFunction &F) const {
  std::lock_guard<std::mutex> Lock(FreshLock);
  auto [It, New] = FreshFiles.try_emplace(F.File, false);
  if (New) {
    auto D = Files.find(F.File);
    It->second = D != Files.end() && !D->second.empty() && digestOf(F.File) == D->second;
  }
  return It->second;
}

const IndexedFunction *SummaryIndex::lookup(const FunctionDecl *FD) const {
  if (FD && Recording)
    LookedUp.insert(usrOf(FD));
  if (!FD || Functions.empty())
    return nullptr;
  auto It = Functions.find(usrOf(FD));
  if (It == Functions.end() || It->second.Params != FD->getNumParams() || !fresh(It->second))
    return nullptr;
  return &It->second;
}

bool SummaryIndex::lookedUpAnyOf(const SummaryIndex &Other) const {
  for (const std::string &Usr : LookedUp)
    if (Other.Functions.count(Usr))
      return true;
  return false;
}

std::string usrOf(const Decl *D) {
  llvm::SmallString<128> Buf;
  if (!D || index::generateUSRForDecl(D, Buf))
    return "";
  return std::string(Buf);
}

SourceLocation indexedLocation(ASTContext &Ctx, llvm::StringRef File, const IndexedSite &Site) {
  SourceManager &SM = Ctx.getSourceManager();
  llvm::Expected<FileEntryRef> FE = SM.getFileManager().getFileRef(File);
  if (!FE) {
    llvm::consumeError(FE.takeError());
    return SourceLocation();
  }
  FileID ID = SM.getOrCreateFileID(*FE, SrcMgr::C_User);
  if (ID.isInvalid())
    return SourceLocation();
  return SM.translateLineCol(ID, Site.Line, Site.Column);
}

} // namespace pincheck
