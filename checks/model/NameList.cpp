// NameList.cpp - lists of fully qualified class template names in options.
#include "model/NameList.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <cctype>

using namespace llvm;

namespace pincheck {

// Noun: "class" or "function", what the list names.
static std::string parseNames(StringRef Value, StringRef Example, bool Functions,
                              std::vector<std::string> *Out) {
  std::string Noun = Functions ? "function" : "class";
  std::vector<std::string> Names;
  if (!Value.trim().empty()) {
    StringRef Rest = Value;
    while (true) {
      size_t Cut = Rest.find_first_of(";,");
      StringRef Name = Rest.substr(0, Cut).trim();
      if (Name.empty())
        return "empty " + Noun + " name (two separators in a row, or one at an end); separate "
               "the names with a single ';', e.g. " + Example.str();
      if (llvm::any_of(Name, [](char Ch) { return std::isspace(static_cast<unsigned char>(Ch)); }))
        return Noun + " name '" + Name.str() +
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
        return "'" + Name.str() + "' is not a fully qualified " +
               (Functions ? "function name; write the namespaces (and the class) and the "
                            "name joined by '::', without parameters or template "
                            "arguments, e.g. "
                          : "class template name; write the namespaces and the name "
                            "joined by '::', without template arguments, e.g. ") +
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

std::string parseClassTemplateNames(StringRef Value, StringRef Example,
                                    std::vector<std::string> *Out) {
  return parseNames(Value, Example, /*Functions=*/false, Out);
}

std::string parseFunctionNames(StringRef Value, std::vector<std::string> *Out) {
  return parseNames(Value, "'mylib::Registry::add;mylib::track'", /*Functions=*/true, Out);
}

std::string qualifiedName(const clang::NamedDecl *D) {
  using namespace clang;
  if (!D || !D->getIdentifier())
    return "";
  llvm::SmallVector<StringRef, 4> Parts{D->getName()};
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline())
        continue;
      if (NS->isAnonymousNamespace())
        return "";
      Parts.push_back(NS->getName());
    } else if (const auto *R = dyn_cast<RecordDecl>(DC)) {
      if (!R->getIdentifier())
        return "";
      Parts.push_back(R->getName());
    } else if (!isa<TranslationUnitDecl, LinkageSpecDecl, ExportDecl>(DC)) {
      return ""; // a local class, or a function's local
    }
  }
  std::string Out;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Out.empty())
      Out += "::";
    Out += *It;
  }
  return Out;
}

} // namespace pincheck
