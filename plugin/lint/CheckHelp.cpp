// CheckHelp.cpp - the few sentences of what to do about each check's
// findings, for SARIF's help text; a check without them gets its summary.
#include "CheckHelp.h"
#include "llvm/ADT/StringExtras.h"

namespace pincheck {
namespace lint {
namespace {

struct Fix {
  const char *Check;
  const char *Text;
};

// A check added to Checks.def without a line here still gets help (its
// summary and its page); test/lint/sarif-help.test asks for the line.
const Fix Fixes[] = {
    {"pin-annotation",
     "Put the annotation where it has an effect, or remove it: "
     "PIN_ADDRESS_SENSITIVE and PIN_UNPIN on a class, PIN_PINS_THIS on a non-static "
     "member function, PIN_PINS on a pointer or reference parameter, PIN_ADDRESS_AWARE "
     "on a copy or move constructor or assignment operator."},
    {"pin-container-relocation",
     "Do not hold an element across a call that may relocate the container's elements: "
     "loop by index and look the element up again, append new elements after the loop, "
     "or use a container that keeps element addresses (std::list, a vector of "
     "std::unique_ptr<T>)."},
    {"pin-copy",
     "Copy before the value is pinned, and refer to the pinned object (by reference or "
     "pointer) instead of copying it."},
    {"pin-memcpy",
     "Copy the bytes that carry no address and rebuild the pointers, or reset the value "
     "through its own members, instead of copying or clearing it as raw memory."},
    {"pin-move",
     "Move first and pin last, so that the value is pinned where it stays; or keep the "
     "address-sensitive object on the heap and move its owner."},
    {"pin-self-reference",
     "Define the copy and move constructors and assignments to re-point the member into "
     "the new object (or to re-register it), or delete them (= delete) so that the "
     "object cannot be copied or moved."},
    {"pin-storage-reuse",
     "End the old object's lifetime first (x.~T() or std::destroy_at), then construct: "
     "its destructor unregisters it, and the new object starts unpinned."},
    {"pin-swap",
     "Swap the data that carries no address, or hold pinned objects through owners "
     "(such as std::unique_ptr) and swap the owners."},
    {"pin-trivially-relocatable",
     "Remove the claim (the attribute, the trait specialization or the marker): a "
     "class that points into itself or hands out its address cannot be moved with "
     "memcpy. Keep address-sensitive members out of packed classes."},
};

} // namespace

std::string checkHelpText(CheckId Id, llvm::StringRef HelpUrl) {
  std::string Summary = checkSummary(Id).str();
  if (!Summary.empty())
    Summary[0] = llvm::toUpper(Summary[0]);
  std::string Text = Summary + ".";
  for (const Fix &F : Fixes)
    if (checkName(Id) == F.Check)
      Text += std::string(" ") + F.Text;
  return Text + " Details and examples: " + HelpUrl.str();
}

std::string checkFriendlyName(CheckId Id) {
  std::string Name;
  bool Upper = true;
  for (char C : checkName(Id)) {
    if (C == '-') {
      Upper = true;
      continue;
    }
    Name += Upper ? llvm::toUpper(C) : C;
    Upper = false;
  }
  return Name;
}

} // namespace lint
} // namespace pincheck
