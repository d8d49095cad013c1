"""Validates a report of the pincheck lint tool and prints it as plain lines
for FileCheck. Any structural problem is printed as "check_report: <path>:
<what>" on standard error and the exit code is 1, so a RUN line that pipes
this into FileCheck fails on a malformed report even when the lines match.

    %python check_report.py json   <report.json>
    %python check_report.py sarif  <report.sarif> --checks <list-checks.txt>
                                   --srcroot <dir>
    %python check_report.py gitlab <report.json>

json: pincheck's own format. Required: tool "pincheck", version 1,
  toolVersion, baseDirectory (absolute), findings[] (check, severity,
  message, file (relative), line, column, fingerprint (32 hex digits,
  unique), notes[] with message and, when placed, file, line, column; an
  endLine/endColumn after the start), summary (files, findings,
  findingsByCheck, filesFailed, functionsSkipped, baselined), and the
  summary must agree with findings[]. Prints
    report toolVersion=<v> baseDirectory=<dir>
    finding <check> <severity> <file>:<line>:<column> <message>
      note <file>:<line>:<column> <message>
    summary files=<n> findings=<n> byCheck=<name>:<n>,... failed=<a>,<b>
            skipped=<n> baselined=<n>

sarif: SARIF 2.1.0 (the properties its schema requires, and the ones code
  scanning needs): version "2.1.0", $schema, one run, tool.driver.name
  "pincheck" with one rule per line of `pincheck --list-checks` (same order;
  id, shortDescription.text the summary, helpUri an absolute URI, help.text
  the summary as a sentence, then what to do, then "Details and examples:
  <helpUri>"; tool.driver.informationUri an absolute URI), results
  with ruleId, ruleIndex pointing at that rule, level, message.text,
  locations[0].physicalLocation.artifactLocation (uri relative to
  uriBaseId SRCROOT, a valid URI reference: %XX escapes only) and region.startLine/startColumn, relatedLocations
  with a message each, partialFingerprints; originalUriBaseIds.SRCROOT.uri
  is file://<srcroot>/; invocations[0].executionSuccessful is a boolean.
  Prints
    driver version=<v>
    result <ruleId> <level> <uri>:<startLine>:<startColumn> <message>
      related <uri>:<startLine>:<startColumn> <message>
    notification <level> <message>
    executionSuccessful=<true|false>

gitlab: GitLab code quality (Code Climate subset): an array of objects with
  description, check_name, fingerprint (unique), severity (info, minor,
  major, critical, blocker), location.path (relative) and
  location.lines.begin. Prints
    issue <check_name> <severity> <path>:<begin> <description>
"""
import json
import re
import sys
import urllib.parse

ERRORS = []
WHERE = ""


def fail(what):
    ERRORS.append(what)


def need(obj, key, types, ctx):
    """obj[key], which must exist and be of one of `types`."""
    if not isinstance(obj, dict):
        fail("%s is not an object" % ctx)
        return None
    if key not in obj:
        fail("%s has no '%s'" % (ctx, key))
        return None
    value = obj[key]
    # bool is an int in Python: never accept one for the other.
    if isinstance(value, bool) and bool not in types:
        fail("%s.%s is a boolean" % (ctx, key))
        return None
    if not isinstance(value, types):
        fail("%s.%s is %r, not a %s" % (ctx, key, value,
                                         "/".join(t.__name__ for t in types)))
        return None
    return value


def positive(obj, key, ctx):
    value = need(obj, key, (int,), ctx)
    if value is not None and value < 1:
        fail("%s.%s is %d, not a 1-based position" % (ctx, key, value))
    return value


def nonempty(obj, key, ctx):
    value = need(obj, key, (str,), ctx)
    if value is not None and not value:
        fail("%s.%s is empty" % (ctx, key))
    return value


def relative_path(path, ctx):
    if path is None:
        return
    if path.startswith("/") or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", path):
        fail("%s is %r, not a relative path" % (ctx, path))
    if "\\" in path or "/../" in "/" + path:
        fail("%s is %r, not a normalised relative path" % (ctx, path))


FINGERPRINT = re.compile(r"^[0-9a-f]{32}$")


def check_json(doc):
    out = []
    if need(doc, "tool", (str,), "root") not in (None, "pincheck"):
        fail("root.tool is %r, not 'pincheck'" % doc["tool"])
    if need(doc, "version", (int,), "root") not in (None, 1):
        fail("root.version is %r, not 1" % doc["version"])
    version = nonempty(doc, "toolVersion", "root")
    base = nonempty(doc, "baseDirectory", "root")
    if base is not None and not base.startswith("/"):
        fail("root.baseDirectory %r is not absolute" % base)
    out.append("report toolVersion=%s baseDirectory=%s" % (version, base))
    findings = need(doc, "findings", (list,), "root") or []
    by_check = {}
    prints = set()
    for i, f in enumerate(findings):
        ctx = "findings[%d]" % i
        check = nonempty(f, "check", ctx)
        severity = need(f, "severity", (str,), ctx)
        if severity is not None and severity not in ("warning", "error"):
            fail("%s.severity is %r" % (ctx, severity))
        message = nonempty(f, "message", ctx)
        path = nonempty(f, "file", ctx)
        relative_path(path, ctx + ".file")
        line = positive(f, "line", ctx)
        column = positive(f, "column", ctx)
        if "endLine" in f or "endColumn" in f:
            end_line = positive(f, "endLine", ctx)
            end_column = positive(f, "endColumn", ctx)
            if None not in (line, column, end_line, end_column) and \
                    (end_line, end_column) <= (line, column):
                fail("%s ends at %d:%d, not after its start %d:%d"
                     % (ctx, end_line, end_column, line, column))
        fp = need(f, "fingerprint", (str,), ctx)
        if fp is not None:
            if not FINGERPRINT.match(fp):
                fail("%s.fingerprint %r is not 32 hex digits" % (ctx, fp))
            if fp in prints:
                fail("%s.fingerprint %r is not unique" % (ctx, fp))
            prints.add(fp)
        if check is not None:
            by_check[check] = by_check.get(check, 0) + 1
        out.append("finding %s %s %s:%s:%s %s" % (check, severity, path, line, column, message))
        for j, n in enumerate(need(f, "notes", (list,), ctx) or []):
            nctx = "%s.notes[%d]" % (ctx, j)
            nmessage = nonempty(n, "message", nctx)
            if "file" in n:
                npath = nonempty(n, "file", nctx)
                relative_path(npath, nctx + ".file")
                where = "%s:%s:%s" % (npath, positive(n, "line", nctx),
                                      positive(n, "column", nctx))
            else:
                where = "<no place>"
            out.append("  note %s %s" % (where, nmessage))
    summary = need(doc, "summary", (dict,), "root") or {}
    files = need(summary, "files", (int,), "summary")
    count = need(summary, "findings", (int,), "summary")
    if count is not None and count != len(findings):
        fail("summary.findings is %d but findings[] has %d" % (count, len(findings)))
    if files is not None and count is not None and files < 1:
        fail("summary.files is %d" % files)
    table = need(summary, "findingsByCheck", (dict,), "summary")
    if table is not None and table != by_check:
        fail("summary.findingsByCheck is %r but findings[] has %r" % (table, by_check))
    failed = need(summary, "filesFailed", (list,), "summary") or []
    for k, p in enumerate(failed):
        if not isinstance(p, str):
            fail("summary.filesFailed[%d] is not a string" % k)
        else:
            relative_path(p, "summary.filesFailed[%d]" % k)
    skipped = need(summary, "functionsSkipped", (int,), "summary")
    baselined = need(summary, "baselined", (int,), "summary")
    out.append("summary files=%s findings=%s byCheck=%s failed=%s skipped=%s baselined=%s" % (
        files, count, ",".join("%s:%d" % kv for kv in sorted((table or {}).items())),
        ",".join(str(p) for p in failed), skipped, baselined))
    return out


URI_CHARS = re.compile(r"^([A-Za-z0-9\-._~!$&'()*+,;=:@/?#\[\]]|%[0-9A-Fa-f]{2})*$")


def uri_text(value, ctx):
    """A URI (reference) holds only URI characters and %XX escapes."""
    if value is not None and not URI_CHARS.match(value):
        fail("%s %r is not a valid URI (characters outside RFC 3986, or a "
             "'%%' not followed by two hex digits)" % (ctx, value))


def absolute_uri(value, ctx):
    if value is None:
        return
    uri_text(value, ctx)
    parts = urllib.parse.urlsplit(value)
    if not parts.scheme or not (parts.netloc or parts.path):
        fail("%s %r is not an absolute URI" % (ctx, value))


def sarif_message(obj, ctx):
    message = need(obj, "message", (dict,), ctx)
    return nonempty(message, "text", ctx + ".message") if message is not None else None


def sarif_physical(loc, ctx):
    """"uri:line:column" of a physicalLocation, checked."""
    phys = need(loc, "physicalLocation", (dict,), ctx)
    if phys is None:
        return "?"
    ctx += ".physicalLocation"
    art = need(phys, "artifactLocation", (dict,), ctx)
    uri = nonempty(art, "uri", ctx + ".artifactLocation") if art is not None else None
    if art is not None and need(art, "uriBaseId", (str,), ctx + ".artifactLocation") \
            not in (None, "SRCROOT"):
        fail("%s.artifactLocation.uriBaseId is %r, not SRCROOT" % (ctx, art["uriBaseId"]))
    relative_path(uri, ctx + ".artifactLocation.uri")
    uri_text(uri, ctx + ".artifactLocation.uri")
    region = need(phys, "region", (dict,), ctx) or {}
    line = positive(region, "startLine", ctx + ".region")
    column = positive(region, "startColumn", ctx + ".region")
    if "endLine" in region or "endColumn" in region:
        end_line = positive(region, "endLine", ctx + ".region")
        end_column = positive(region, "endColumn", ctx + ".region")
        if None not in (line, column, end_line, end_column) and \
                (end_line, end_column) <= (line, column):
            fail("%s.region ends at %d:%d, not after its start" % (ctx, end_line, end_column))
    if "snippet" in region:
        snippet = need(region, "snippet", (dict,), ctx + ".region")
        need(snippet, "text", (str,), ctx + ".region.snippet")
    return "%s:%s:%s" % (uri, line, column)


def check_sarif(doc, checks_file, srcroot):
    out = []
    with open(checks_file) as f:
        listed = [l.rstrip("\n").split("  ", 1) for l in f if l.strip()]
    if not listed or any(len(l) != 2 for l in listed):
        fail("%s is not the output of --list-checks" % checks_file)
    if need(doc, "version", (str,), "root") not in (None, "2.1.0"):
        fail("root.version is %r, not '2.1.0'" % doc["version"])
    schema = nonempty(doc, "$schema", "root")
    if schema is not None and not re.search(r"sarif.*2\.1\.0.*\.json$", schema):
        fail("root.$schema %r is not SARIF 2.1.0's schema" % schema)
    absolute_uri(schema, "root.$schema")
    runs = need(doc, "runs", (list,), "root") or []
    if len(runs) != 1:
        fail("root.runs has %d runs, not 1" % len(runs))
        return out
    run = runs[0]
    tool = need(run, "tool", (dict,), "runs[0]")
    driver = need(tool, "driver", (dict,), "runs[0].tool") if tool is not None else None
    if driver is None:
        return out
    if need(driver, "name", (str,), "driver") not in (None, "pincheck"):
        fail("driver.name is %r" % driver["name"])
    absolute_uri(nonempty(driver, "informationUri", "driver"), "driver.informationUri")
    out.append("driver version=%s" % need(driver, "version", (str,), "driver"))
    rules = need(driver, "rules", (list,), "driver") or []
    ids = []
    for i, rule in enumerate(rules):
        ctx = "driver.rules[%d]" % i
        ids.append(nonempty(rule, "id", ctx))
        short = need(rule, "shortDescription", (dict,), ctx)
        text = nonempty(short, "text", ctx + ".shortDescription") if short else None
        if i < len(listed) and len(listed[i]) == 2 and text != listed[i][1]:
            fail("%s.shortDescription.text is %r, --list-checks says %r"
                 % (ctx, text, listed[i][1]))
        help_uri = nonempty(rule, "helpUri", ctx)
        absolute_uri(help_uri, ctx + ".helpUri")
        if help_uri is not None and ids[-1] is not None and ids[-1] not in help_uri:
            fail("%s.helpUri %r does not name the check" % (ctx, help_uri))
        rule_help = need(rule, "help", (dict,), ctx)
        help_text = nonempty(rule_help, "text", ctx + ".help") if rule_help else None
        if help_text is not None and text and help_uri:
            # The summary, what to do (more than a pointer), where to read on.
            lead = text[0].upper() + text[1:] + ". "
            tail = " Details and examples: " + help_uri
            if not help_text.startswith(lead) or not help_text.endswith(tail):
                fail("%s.help.text %r is not '%s<what to do>%s'" % (ctx, help_text, lead, tail))
            elif len(help_text) - len(lead) - len(tail) < 20:
                fail("%s.help.text %r does not say what to do" % (ctx, help_text))
        out.append("rule %s %s" % (ids[-1], help_uri))
    if ids != [l[0] for l in listed]:
        fail("driver.rules ids are %r, --list-checks lists %r" % (ids, [l[0] for l in listed]))
    bases = need(run, "originalUriBaseIds", (dict,), "runs[0]") or {}
    root = need(bases, "SRCROOT", (dict,), "originalUriBaseIds")
    root_uri = nonempty(root, "uri", "originalUriBaseIds.SRCROOT") if root else None
    expected = "file://" + urllib.parse.quote(srcroot.rstrip("/"), safe="/-._~") + "/"
    uri_text(root_uri, "originalUriBaseIds.SRCROOT.uri")
    if root_uri is not None and root_uri != expected:
        fail("originalUriBaseIds.SRCROOT.uri is %r, not %r" % (root_uri, expected))
    invocations = need(run, "invocations", (list,), "runs[0]") or []
    success = None
    if len(invocations) != 1:
        fail("runs[0].invocations has %d entries, not 1" % len(invocations))
    else:
        success = need(invocations[0], "executionSuccessful", (bool,), "invocations[0]")
        for k, n in enumerate(invocations[0].get("toolExecutionNotifications", [])):
            nctx = "invocations[0].toolExecutionNotifications[%d]" % k
            level = need(n, "level", (str,), nctx)
            if level not in (None, "none", "note", "warning", "error"):
                fail("%s.level is %r" % (nctx, level))
            out.append("notification %s %s" % (level, sarif_message(n, nctx)))
    prints = set()
    for i, r in enumerate(need(run, "results", (list,), "runs[0]") or []):
        ctx = "results[%d]" % i
        rule_id = nonempty(r, "ruleId", ctx)
        index = need(r, "ruleIndex", (int,), ctx)
        if index is not None and not (0 <= index < len(ids) and ids[index] == rule_id):
            fail("%s.ruleIndex %d does not point at rule %r" % (ctx, index, rule_id))
        level = need(r, "level", (str,), ctx)
        if level not in (None, "none", "note", "warning", "error"):
            fail("%s.level is %r" % (ctx, level))
        text = sarif_message(r, ctx)
        locations = need(r, "locations", (list,), ctx) or [{}]
        where = sarif_physical(locations[0], ctx + ".locations[0]")
        fps = need(r, "partialFingerprints", (dict,), ctx) or {}
        for key, value in fps.items():
            if not isinstance(value, str) or not value:
                fail("%s.partialFingerprints[%r] is not a string" % (ctx, key))
            elif (key, value) in prints:
                fail("%s.partialFingerprints[%r] is not unique" % (ctx, key))
            prints.add((key, value))
        out.append("result %s %s %s %s" % (rule_id, level, where, text))
        related = r.get("relatedLocations", [])
        if not isinstance(related, list):
            fail("%s.relatedLocations is not an array" % ctx)
            related = []
        ids_seen = set()
        for j, loc in enumerate(related):
            lctx = "%s.relatedLocations[%d]" % (ctx, j)
            lid = need(loc, "id", (int,), lctx)
            if lid in ids_seen:
                fail("%s.id %r is not unique" % (lctx, lid))
            ids_seen.add(lid)
            lwhere = sarif_physical(loc, lctx) if "physicalLocation" in loc else "<no place>"
            out.append("  related %s %s" % (lwhere, sarif_message(loc, lctx)))
    out.append("executionSuccessful=%s" % ("?" if success is None else str(success).lower()))
    return out


def check_gitlab(doc):
    out = []
    if not isinstance(doc, list):
        fail("root is not an array")
        return out
    prints = set()
    for i, issue in enumerate(doc):
        ctx = "[%d]" % i
        description = nonempty(issue, "description", ctx)
        name = nonempty(issue, "check_name", ctx)
        fp = nonempty(issue, "fingerprint", ctx)
        if fp in prints:
            fail("%s.fingerprint %r is not unique" % (ctx, fp))
        prints.add(fp)
        severity = need(issue, "severity", (str,), ctx)
        if severity not in (None, "info", "minor", "major", "critical", "blocker"):
            fail("%s.severity is %r" % (ctx, severity))
        location = need(issue, "location", (dict,), ctx) or {}
        path = nonempty(location, "path", ctx + ".location")
        relative_path(path, ctx + ".location.path")
        lines = need(location, "lines", (dict,), ctx + ".location") or {}
        begin = positive(lines, "begin", ctx + ".location.lines")
        out.append("issue %s %s %s:%s %s" % (name, severity, path, begin, description))
    return out


def main(argv):
    global WHERE
    if len(argv) < 2 or argv[0] not in ("json", "sarif", "gitlab"):
        sys.exit(__doc__)
    kind, WHERE = argv[0], argv[1]
    opts = dict(zip(argv[2::2], argv[3::2]))
    try:
        with open(WHERE) as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        sys.stderr.write("check_report: %s: not JSON: %s\n" % (WHERE, e))
        return 1
    if kind == "json":
        lines = check_json(doc)
    elif kind == "sarif":
        if "--checks" not in opts or "--srcroot" not in opts:
            sys.exit("check_report: sarif needs --checks <file> --srcroot <dir>")
        lines = check_sarif(doc, opts["--checks"], opts["--srcroot"])
    else:
        lines = check_gitlab(doc)
    for line in lines:
        print(line)
    for e in ERRORS:
        sys.stderr.write("check_report: %s: %s\n" % (WHERE, e))
    return 1 if ERRORS else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
