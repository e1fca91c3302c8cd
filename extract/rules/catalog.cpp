#include "extract/rules/catalog.h"

#include "extract/model/errors.h"
#include "extract/rules/rules_file.h"

namespace nianbao {

namespace {

Severity read_severity(const RulesEntry& e, const std::string& value, const std::string& field) {
  auto s = parse_severity(value);
  if (!s) e.fail("field '" + field + "' must be error, warning or info, not '" + value + "'");
  return *s;
}

}  // namespace

// Declared with Severity in finding.h; defined here beside its inverse, parse_severity().
const char* to_string(Severity s) {
  switch (s) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "error") return Severity::Error;
  if (text == "warning") return Severity::Warning;
  if (text == "info") return Severity::Info;
  return std::nullopt;
}

Severity RuleInfo::severity_for(std::string_view kind) const {
  if (!kind.empty())
    if (auto it = severity_when.find(std::string(kind)); it != severity_when.end())
      return it->second;
  return severity;
}

std::string RuleInfo::param(const std::string& name, const std::string& fallback) const {
  auto it = params.find(name);
  return it == params.end() ? fallback : it->second;
}

namespace {

// The entries of a catalog file, in file order; each id once.
std::vector<RuleInfo> read_rules(const toml::table& doc, const std::string& source_name) {
  std::vector<RuleInfo> rules;
  const toml::array* entries = doc["rule"].as_array();
  if (!entries) throw RulesError(source_name + ": no [[rule]] entries");
  size_t n = 0;
  for (const toml::node& node : *entries) {
    ++n;
    int line = line_of(node);
    const toml::table* t = node.as_table();
    if (!t)
      throw RulesError(source_name + ":" + std::to_string(line) + ": rule entry " +
                       std::to_string(n) + " is not a table");
    RulesEntry r{source_name, *t, "rule entry " + std::to_string(n)};
    RuleInfo info;
    info.line = line;
    info.id = r.text("id");
    r.name = "rule '" + info.id + "'";
    info.severity = read_severity(r, r.text("severity"), "severity");
    info.message_zh = r.text("message_zh");
    info.message_en = r.text("message_en");
    info.doc_zh = r.text("doc_zh");
    info.doc_en = r.text("doc_en");
    if (const toml::node* w = t->get("severity_when")) {
      const toml::table* wt = w->as_table();
      if (!wt) r.fail("field 'severity_when' must be a table");
      for (const auto& [k, v] : *wt) {
        std::string field = "severity_when." + std::string(k.str());
        auto s = v.value<std::string>();
        if (!s) r.fail(field + " must be a string");
        info.severity_when[std::string(k.str())] = read_severity(r, *s, field);
      }
    }
    if (const toml::node* p = t->get("params")) {
      const toml::table* pt = p->as_table();
      if (!pt) r.fail("field 'params' must be a table");
      for (const auto& [k, v] : *pt) {
        auto s = v.value<std::string>();
        if (!s) r.fail("params." + std::string(k.str()) + " must be a string");
        info.params[std::string(k.str())] = *s;
      }
    }
    for (const RuleInfo& before : rules)
      if (before.id == info.id) r.fail("duplicate rule id");
    rules.push_back(std::move(info));
  }
  return rules;
}

}  // namespace

Catalog Catalog::load(const std::string& path) {
  return from_rules(read_rules(parse_rules_file(path), path), path);
}

Catalog Catalog::parse(std::string_view toml_text, const std::string& source_name) {
  return from_rules(read_rules(parse_rules_text(toml_text, source_name), source_name),
                    source_name);
}

Catalog Catalog::from_rules(std::vector<RuleInfo> rules, const std::string& source_name) {
  Catalog cat;
  cat.source_ = source_name;
  cat.rules_ = std::move(rules);
  for (size_t i = 0; i < cat.rules_.size(); ++i) cat.index_[cat.rules_[i].id] = i;
  return cat;
}

const RuleInfo* Catalog::find(std::string_view rule_id) const {
  std::string_view id = rule_id;
  while (!id.empty()) {
    if (auto it = index_.find(id); it != index_.end()) return &rules_[it->second];
    size_t dot = id.rfind('.');
    if (dot == std::string_view::npos) break;
    id = id.substr(0, dot);
  }
  return nullptr;
}

Severity Catalog::severity(std::string_view rule_id, std::string_view kind) const {
  const RuleInfo* info = find(rule_id);
  return info ? info->severity_for(kind) : Severity::Error;
}

std::string fill_template(std::string_view tmpl, const std::map<std::string, std::string>& args,
                          Lang lang) {
  const char* suffix = lang == Lang::Zh ? "_zh" : "_en";
  std::string out;
  out.reserve(tmpl.size() + 32);
  for (size_t i = 0; i < tmpl.size();) {
    char c = tmpl[i];
    if ((c == '{' || c == '}') && i + 1 < tmpl.size() && tmpl[i + 1] == c) {
      out += c;
      i += 2;
      continue;
    }
    if (c == '{') {
      size_t close = tmpl.find('}', i + 1);
      if (close != std::string_view::npos) {
        std::string name(tmpl.substr(i + 1, close - i - 1));
        auto it = args.find(name + suffix);
        if (it == args.end()) it = args.find(name);
        if (it != args.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += c;
    ++i;
  }
  return out;
}

std::string Catalog::format_message(const Finding& finding, Lang lang) const {
  const RuleInfo* info = find(finding.rule);
  if (!info) {
    std::string out = finding.rule;
    for (const auto& [k, v] : finding.args) out += " " + k + "=" + v;
    return out;
  }
  return fill_template(lang == Lang::Zh ? info->message_zh : info->message_en, finding.args,
                       lang);
}

}  // namespace nianbao
