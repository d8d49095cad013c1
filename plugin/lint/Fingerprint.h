// Fingerprint.h - a finding's identity across runs, for the baseline, SARIF's
// partialFingerprints and GitLab's fingerprint. Built from the check, the
// path relative to the base directory, the message and the text of the
// source line (trimmed), plus the count of earlier findings with the same
// four: so a finding keeps its identity when unrelated lines move it, and
// loses it when its own line, its message or its file changes.
#ifndef PINCHECK_LINT_FINGERPRINT_H
#define PINCHECK_LINT_FINGERPRINT_H

#include "Report.h"

namespace pincheck {
namespace lint {

// Sets Fingerprint on each finding, in order.
void assignFingerprints(std::vector<LintFinding> &Findings, const std::string &BaseDir);

} // namespace lint
} // namespace pincheck

#endif
