// The rule catalog: for every rule id its severity, its message templates and its documentation,
// read from rules/checks.toml so that wording and severities change without a rebuild.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/model/bilingual.h"
#include "extract/model/finding.h"

namespace nianbao {

// "error" / "warning" / "info" (the inverse of to_string(Severity)); nothing for other text.
std::optional<Severity> parse_severity(std::string_view text);

struct RuleInfo {
  std::string id;
  Severity severity = Severity::Error;
  // Severities that differ by the kind of case a check found (table.missing_cell: "empty",
  // "unreadable", "placeholder"); a kind absent here takes `severity`.
  std::map<std::string, Severity> severity_when;
  std::string message_zh, message_en;  // templates with {name} placeholders
  std::string doc_zh, doc_en;          // one paragraph each
  // Rule-specific settings (meta.late: the deadlines), as written in the file.
  std::map<std::string, std::string> params;
  int line = 0;  // where the entry starts in the file

  Severity severity_for(std::string_view kind) const;
  std::string param(const std::string& name, const std::string& fallback = {}) const;
};

class Catalog {
 public:
  // Throws RulesError (file and line) on malformed TOML or an entry lacking a required field.
  static Catalog load(const std::string& path);
  // The same from text; `source_name` stands for the path in error messages.
  static Catalog parse(std::string_view toml_text, const std::string& source_name);

  // The entry for `rule_id`, else for its longest parent id: "text.sum_mismatch.visitors" falls
  // back to "text.sum_mismatch", then to "text". Nothing when no parent has an entry.
  const RuleInfo* find(std::string_view rule_id) const;

  // The severity of `rule_id` for a case of `kind` ("" for the rule's default). A rule without
  // an entry counts as an error, so that a missing entry never hides a problem.
  Severity severity(std::string_view rule_id, std::string_view kind = {}) const;

  // The rule's template with every {name} replaced from Finding::args: "name_zh" (or "name_en")
  // first, then "name". Unknown placeholders stay as written; "{{" and "}}" are literal braces.
  // A rule without an entry gives its id followed by its arguments.
  std::string format_message(const Finding& finding, Lang lang) const;

  const std::vector<RuleInfo>& rules() const { return rules_; }
  const std::string& source() const { return source_; }

 private:
  static Catalog from_rules(std::vector<RuleInfo> rules, const std::string& source_name);

  std::vector<RuleInfo> rules_;  // in file order
  std::map<std::string, size_t, std::less<>> index_;
  std::string source_;
};

// Substitutes {name} placeholders of `tmpl` as format_message() does.
std::string fill_template(std::string_view tmpl, const std::map<std::string, std::string>& args,
                          Lang lang);

}  // namespace nianbao
