// The nianbao library: check an annual report and render what was found.
//
//   Rules rules = load_rules();
//   CheckResult r = check_file("report.pdf", rules);   // or check_bytes("report.pdf", bytes, rules)
//   std::cout << render_text(r, rules.catalog, TextOptions{});
//
// A result holds the report as read (parts, tables with every cell and where it was printed,
// metadata) and the findings. The command line, the archive run, the self-check page and the
// fuzzers all go through these functions.
#pragma once

#include <string>

#include "extract/model/check_result.h"
#include "extract/read/limits.h"
#include "render/render_html.h"
#include "render/render_json.h"
#include "render/render_text.h"
#include "validate/validate.h"

namespace nianbao {

// The rules of `dir` (Rules::load), checked to name every rule this build's checks may report.
// Throws RulesError naming the file and line of what is wrong.
Rules load_rules(const std::string& dir = default_rules_dir());

// Reads, analyses and validates one file in this process. Never throws for a bad input: a file
// that cannot be read, or is over one of `limits`, is a result with ok == false and its reason.
CheckResult check_file(const std::string& path, const Rules& rules, const Limits& limits = {});

// The same for a document in memory (an upload), without writing it to disk: the content picks
// the reader where it can (a PDF, a Word file), else the extension of `name` (HTML or text),
// which also names the document in the result and its messages. Only a .doc/.wps goes to a
// private temporary directory, for LibreOffice to convert. For a PDF the bytes are kept with
// the result (its page images are drawn from them).
CheckResult check_bytes(const std::string& name, std::string bytes, const Rules& rules, const Limits& limits = {});

}  // namespace nianbao
