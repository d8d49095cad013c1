// CheckHelp.h - what to do about a check's finding, in a few sentences, for
// reports that carry help with each rule (SARIF's help.text): the summary
// from the registry, then how to fix it. The how-to-fix text is data here,
// keyed by check name (a short form of "The fix" on each check's page); a
// check without an entry gets the summary and a pointer to its page.
#ifndef PINCHECK_LINT_CHECKHELP_H
#define PINCHECK_LINT_CHECKHELP_H

#include "Registry.h"
#include <string>

namespace pincheck {
namespace lint {

// "<Summary>. <How to fix it>. Details and examples: <HelpUrl>"
std::string checkHelpText(CheckId Id, llvm::StringRef HelpUrl);

// The rule's friendly name, derived from its check name: "pin-move" gives
// "PinMove" (SARIF's reportingDescriptor.name).
std::string checkFriendlyName(CheckId Id);

} // namespace lint
} // namespace pincheck

#endif
