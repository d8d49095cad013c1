// Database.cpp - finding and checking the compilation database: every
// problem of a compile_commands.json named with its entry and key before
// Clang's reader sees it.
#include "Database.h"
#include "FileChecks.h"
#include "JsonKinds.h"
#include "JsonScan.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <vector>

using namespace clang::tooling;

namespace pincheck {
namespace lint {
namespace {

const char *Regenerate = "regenerate it (cmake -DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or bear -- make)";
constexpr size_t MaxProblemsShown = 20;

llvm::Error error(const llvm::Twine &Msg) {
  return llvm::createStringError(std::errc::invalid_argument, "%s", Msg.str().c_str());
}

// Which entry of the top-level array, and which key in it, a byte offset
// falls in: a lexical scan, for the one error llvm::json cannot locate for
// us (a string that is not UTF-8 stops the parse).
std::string entryAt(llvm::StringRef Text, size_t Offset) {
  int Depth = 0, Entry = -1;
  bool InString = false, Escaped = false;
  size_t StringStart = 0;
  llvm::StringRef LastString, Key;
  for (size_t I = 0; I < Offset && I < Text.size(); ++I) {
    char C = Text[I];
    if (InString) {
      if (Escaped)
        Escaped = false;
      else if (C == '\\')
        Escaped = true;
      else if (C == '"') {
        InString = false;
        LastString = Text.slice(StringStart, I);
      }
      continue;
    }
    if (C == '"') {
      InString = true;
      StringStart = I + 1;
    } else if (C == '[' || C == '{') {
      if (++Depth == 2)
        ++Entry, Key = "";
    } else if (C == ']' || C == '}') {
      --Depth;
    } else if (C == ':' && Depth == 2) {
      Key = LastString;
    }
  }
  if (Entry < 0)
    return "";
  std::string S = "entry " + std::to_string(Entry);
  if (!Key.empty())
    S += ", in \"" + Key.str() + "\"";
  return S;
}

// Problems of a "command" string as the shell-style tokenizer of Clang's
// reader splits it: quotes must close, a backslash must escape something.
std::string checkCommand(llvm::StringRef Cmd) {
  char Quote = 0;
  bool Any = false;
  for (size_t I = 0; I < Cmd.size(); ++I) {
    char C = Cmd[I];
    if (Quote == '\'') {
      if (C == '\'')
        Quote = 0;
      continue;
    }
    if (C == '\\') {
      if (++I == Cmd.size())
        return "\"command\" ends with a lone backslash";
      Any = true;
      continue;
    }
    if (Quote == '"') {
      if (C == '"')
        Quote = 0;
      continue;
    }
    if (C == '"' || C == '\'')
      Quote = C, Any = true;
    else if (!llvm::isSpace(C))
      Any = true;
  }
  if (Quote)
    return std::string("\"command\" has an unbalanced ") + Quote + " quote";
  if (!Any)
    return "\"command\" is empty";
  return "";
}

// A string of an entry with a NUL character (JSON's \u0000) in it: Clang's
// reader keeps it, but a path or an argument ends at the first NUL, so
// "src/a.cpp\u0000x" would silently be analysed as src/a.cpp.
std::string checkNul(const llvm::Twine &Key, llvm::StringRef S) {
  if (!S.contains('\0'))
    return "";
  return Key.str() + " holds a NUL character (\\u0000), which no path or argument can "
                     "hold";
}

// S as a message shows it: a NUL as JSON writes it.
std::string printable(llvm::StringRef S) {
  std::string Out;
  for (char C : S)
    Out += C ? std::string(1, C) : std::string("\\u0000");
  return Out;
}

// Checks one entry; makes a relative "directory" absolute against Base
// (and returns true when it did). Problems are appended as what is wrong.
bool checkEntry(llvm::json::Value &V, llvm::StringRef Base,
                std::vector<std::string> &Problems) {
  llvm::json::Object *O = V.getAsObject();
  if (!O) {
    Problems.push_back(std::string("it is ") + jsonKindName(V) + ", not an object");
    return false;
  }
  bool Rewrote = false;
  auto NeedString = [&](llvm::StringRef Key, llvm::StringRef Meaning) -> llvm::json::Value * {
    llvm::json::Value *F = O->get(Key);
    if (!F)
      Problems.push_back("no \"" + Key.str() + "\" (" + Meaning.str() + ")");
    else if (!F->getAsString())
      Problems.push_back("\"" + Key.str() + "\" is " + jsonKindName(*F) + ", not a string");
    else if (F->getAsString()->empty())
      Problems.push_back("\"" + Key.str() + "\" is empty");
    else if (std::string E = checkNul("\"" + Key + "\"", *F->getAsString()); !E.empty())
      Problems.push_back(E);
    else
      return F;
    return nullptr;
  };
  if (llvm::json::Value *Dir = NeedString("directory", "the compile's working directory")) {
    llvm::StringRef D = *Dir->getAsString();
    if (llvm::sys::path::is_relative(D)) {
      llvm::SmallString<256> Abs(Base);
      llvm::sys::path::append(Abs, D);
      llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
      *Dir = Abs.str().str();
      Rewrote = true;
    }
  }
  NeedString("file", "the source file");
  const llvm::json::Value *Cmd = O->get("command");
  const llvm::json::Value *Args = O->get("arguments");
  if (!Cmd && !Args)
    Problems.push_back("neither \"command\" nor \"arguments\"");
  if (Args) {
    const llvm::json::Array *A = Args->getAsArray();
    if (!A)
      Problems.push_back(std::string("\"arguments\" is ") + jsonKindName(*Args) +
                         ", not an array of strings (one string goes in \"command\")");
    else if (A->empty())
      Problems.push_back("\"arguments\" is empty");
    else
      for (size_t I = 0; I < A->size(); ++I)
        if (!(*A)[I].getAsString()) {
          Problems.push_back("\"arguments\"[" + std::to_string(I) + "] is " +
                             jsonKindName((*A)[I]) + ", not a string");
          break;
        } else if (std::string E = checkNul("\"arguments\"[" + llvm::Twine(I) + "]",
                                            *(*A)[I].getAsString());
                   !E.empty()) {
          Problems.push_back(E);
          break;
        }
  }
  if (Cmd) {
    if (!Cmd->getAsString())
      Problems.push_back(std::string("\"command\" is ") + jsonKindName(*Cmd) +
                         ", not a string (a list goes in \"arguments\")");
    else if (std::string E = checkNul("\"command\"", *Cmd->getAsString()); !E.empty())
      Problems.push_back(E);
    else if (std::string E = checkCommand(*Cmd->getAsString()); !E.empty())
      Problems.push_back(E);
  }
  if (const llvm::json::Value *Out = O->get("output"); Out && !Out->getAsString())
    Problems.push_back(std::string("\"output\" is ") + jsonKindName(*Out) + ", not a string");
  else if (std::string E = Out ? checkNul("\"output\"", *Out->getAsString()) : "";
           !E.empty())
    Problems.push_back(E);
  return Rewrote;
}

} // namespace

llvm::Expected<DatabasePtr> loadJsonDatabase(llvm::StringRef Path) {
  // Looked at before it is opened: a FIFO would block the run.
  if (std::string Why = whyNotRegularFile(Path); !Why.empty())
    return error("cannot read the compilation database '" + Path + "': " + Why);
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return error("cannot read the compilation database '" + Path + "': " +
                 describeFileError(Buffer.getError()));
  llvm::StringRef Text = (*Buffer)->getBuffer();

  size_t BadByte;
  if (!llvm::json::isUTF8(Text, &BadByte)) {
    auto [Line, Column] = lineColumn(Text, BadByte);
    std::string Entry = entryAt(Text, BadByte);
    return error("'" + Path + "' is not UTF-8 at line " + llvm::Twine(Line) + ", column " +
                 llvm::Twine(Column) + (Entry.empty() ? "" : " (" + Entry + ")") +
                 ": a JSON file must be UTF-8, so a path or flag in another encoding "
                 "cannot be passed through it; give that file a UTF-8 name, or run "
                 "pincheck on it with its flags after '--'");
  }
  // Before llvm::json::parse, whose recursion deep nesting overflows.
  if (std::string Deep = describeTooDeep(Text); !Deep.empty())
    return error("'" + Path + "' is not a compilation database: " + Deep +
                 ", where a compilation database nests them 3 deep; it is damaged or "
                 "another file: " + Regenerate);
  // LLVM's reader keeps the entries before a syntax error and goes on: a
  // truncated database must stop the run, not shrink it.
  llvm::Expected<llvm::json::Value> Doc = llvm::json::parse(Text);
  if (!Doc)
    return error("'" + Path + "' is not valid JSON: " + llvm::toString(Doc.takeError()) +
                 "; " + Regenerate);
  llvm::json::Array *Entries = Doc->getAsArray();
  if (!Entries)
    return error("'" + Path + "' holds " + jsonKindName(*Doc) +
                 ", not an array of compile commands ([{\"directory\": ..., \"file\": "
                 "..., \"command\": ...}, ...]); " + Regenerate);

  // Relative directories are relative to where the database really is.
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real))
    Real = Path;
  llvm::SmallString<256> Base(llvm::sys::path::parent_path(Real));
  if (Base.empty())
    Base = ".";
  llvm::sys::fs::make_absolute(Base);

  std::vector<std::string> Problems;
  bool Rewrote = false;
  for (size_t I = 0; I < Entries->size(); ++I) {
    std::vector<std::string> Own;
    Rewrote |= checkEntry((*Entries)[I], Base, Own);
    std::string Name = "entry " + std::to_string(I);
    if (const llvm::json::Object *O = (*Entries)[I].getAsObject())
      if (std::optional<llvm::StringRef> F = O->getString("file"); F && !F->empty())
        Name += " (\"file\": \"" + printable(*F) + "\")";
    for (const std::string &P : Own)
      Problems.push_back(Name + ": " + P);
  }
  if (!Problems.empty()) {
    std::string Msg = "'" + Path.str() + "' is not a valid compilation database:";
    for (size_t I = 0; I < Problems.size() && I < MaxProblemsShown; ++I)
      Msg += "\n  " + Problems[I];
    if (Problems.size() > MaxProblemsShown)
      Msg += "\n  ... and " + std::to_string(Problems.size() - MaxProblemsShown) +
             " more problems";
    Msg += "\n  each entry needs \"directory\", \"file\", and \"command\" (a string) or "
           "\"arguments\" (an array of strings); fix what wrote it, or ";
    Msg += Regenerate;
    return error(Msg);
  }

  // Clang's reader gets the text as it is, or with the directories made
  // absolute; the parsed copy goes first (a big database is big twice).
  std::string Normalized;
  if (Rewrote)
    llvm::raw_string_ostream(Normalized) << *Doc;
  *Doc = nullptr;
  std::string Err;
  std::unique_ptr<CompilationDatabase> DB = JSONCompilationDatabase::loadFromBuffer(
      Rewrote ? llvm::StringRef(Normalized) : Text, Err, JSONCommandLineSyntax::AutoDetect);
  if (!DB)
    return error("cannot load '" + Path + "': " + Err);
  // As Clang's own loader of compile_commands.json does.
  return expandResponseFiles(std::move(DB), llvm::vfs::getRealFileSystem());
}

llvm::Expected<DatabasePtr> findDatabase(llvm::StringRef StartDir) {
  llvm::SmallString<256> Dir(StartDir);
  llvm::sys::fs::make_absolute(Dir);
  llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  for (llvm::StringRef D = Dir; !D.empty(); D = llvm::sys::path::parent_path(D)) {
    // Named as the user gave the directory, when it is that one.
    auto Shown = [&](llvm::StringRef Name) {
      llvm::SmallString<256> S(D == Dir.str() ? StartDir : D);
      llvm::sys::path::append(S, Name);
      return S;
    };
    llvm::SmallString<256> Json(D);
    llvm::sys::path::append(Json, "compile_commands.json");
    // There at all (a broken link, a directory, a loop: said so, not skipped).
    llvm::sys::fs::file_status St;
    if (!llvm::sys::fs::status(Json, St, /*follow=*/false))
      return loadJsonDatabase(Shown("compile_commands.json"));
    llvm::SmallString<256> Flags(D);
    llvm::sys::path::append(Flags, "compile_flags.txt");
    if (!llvm::sys::fs::status(Flags, St, /*follow=*/false)) {
      // Looked at before Clang's reader opens it: a FIFO would block the run.
      if (std::string Why = whyNotRegularFile(Flags); !Why.empty())
        return error("cannot read '" + Shown("compile_flags.txt") + "': " + Why);
      std::string Err;
      DatabasePtr DB = CompilationDatabase::loadFromDirectory(D, Err);
      if (!DB)
        return error("cannot read '" + Shown("compile_flags.txt") + "': " + Err);
      return DB;
    }
  }
  return nullptr;
}

llvm::Expected<DatabasePtr> loadDatabase(llvm::StringRef BuildPath,
                                         llvm::StringRef FirstSource) {
  const char *Create = "\n  create compile_commands.json with cmake "
                       "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON (or bear -- make), or give the "
                       "flags after '--'";
  if (BuildPath.empty() && FirstSource.empty())
    return error("no input: name files, or a build directory with -p (see pincheck --help)");
  if (!BuildPath.empty()) {
    std::string Why = whyNotDirectory(BuildPath);
    if (Why == "it is a file")
      Why = "it is a file; -p takes the build directory, the one that holds "
            "compile_commands.json";
    if (!Why.empty())
      return error("cannot load a compilation database from '" + BuildPath + "': " + Why +
                   Create);
  }
  llvm::SmallString<256> Source(FirstSource);
  llvm::sys::fs::make_absolute(Source);
  llvm::sys::path::remove_dots(Source, /*remove_dot_dot=*/true);
  auto Found = findDatabase(BuildPath.empty() ? llvm::sys::path::parent_path(Source)
                                              : BuildPath);
  if (!Found || *Found)
    return Found;
  if (!BuildPath.empty())
    return error("cannot load a compilation database from '" + BuildPath +
                 "': no compile_commands.json or compile_flags.txt in it or a parent "
                 "directory" + Create);
  return error("no compilation database found for '" + FirstSource +
               "' (looked for compile_commands.json in its directory and above); pass -p "
               "<build-dir>, or the flags after '--' (pincheck " + FirstSource +
               " -- -std=c++20)");
}

} // namespace lint
} // namespace pincheck
