// NameList.cpp - lists of fully qualified class template names in options.
#include "model/NameList.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <cctype>

using namespace llvm;

namespace pincheck {

std::string parseClassTemplateNames(StringRef Value, StringRef Example,
                                    std::vector<std::string> *Out) {
  std::vector<std::string> Names;
  if (!Value.trim().empty()) {
    StringRef Rest = Value;
    while (true) {
      size_t Cut = Rest.find_first_of(";,");
      StringRef Name = Rest.substr(0, Cut).trim();
      if (Name.empty())
        return "empty class name (two separators in a row, or one at an end); separate "
               "the names with a single ';', e.g. " + Example.str();
      if (llvm::any_of(Name, [](char Ch) { return std::isspace(static_cast<unsigned char>(Ch)); }))
        return "class name '" + Name.str() +
               "' contains a space; write fully qualified names without spaces, separated "
               "by ';', e.g. " + Example.str();
      StringRef Bare = Name;
      Bare.consume_front("::");
      llvm::SmallVector<StringRef, 4> Parts;
      Bare.split(Parts, "::");
      bool Valid = llvm::all_of(Parts, [](StringRef P) {
        return !P.empty() && (std::isalpha(static_cast<unsigned char>(P[0])) || P[0] == '_') &&
               llvm::all_of(P, [](char Ch) {
                 return std::isalnum(static_cast<unsigned char>(Ch)) || Ch == '_';
               });
      });
      if (!Valid)
        return "'" + Name.str() +
               "' is not a fully qualified class template name; write the namespaces and "
               "the name joined by '::', without template arguments, e.g. " +
               Example.split(';').first.str() + (Example.contains(';') ? "'" : "");
      Names.push_back(Bare.str());
      if (Cut == StringRef::npos)
        break;
      Rest = Rest.substr(Cut + 1);
    }
  }
  if (Out)
    *Out = std::move(Names);
  return "";
}

} // namespace pincheck
