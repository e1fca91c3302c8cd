#include "extract/rules/relations.h"

#include <algorithm>

#include "extract/model/errors.h"
#include "extract/rules/rules_file.h"

namespace nianbao {

bool Relation::selects(std::string_view key) const {
  return only.empty() || std::any_of(only.begin(), only.end(), [&](const std::string& p) { return glob_match(p, key); });
}

bool Relation::applies_to(std::string_view version) const {
  return versions.empty() || std::find(versions.begin(), versions.end(), version) != versions.end();
}

bool glob_match(std::string_view p, std::string_view k) {
  // Iterative matcher with single-star backtracking: patterns here are short.
  size_t pi = 0, ki = 0, star = std::string_view::npos, mark = 0;
  while (ki < k.size()) {
    if (pi < p.size() && p[pi] == '*') {
      star = pi++;
      mark = ki;
    } else if (pi < p.size() && p[pi] == k[ki]) {
      ++pi;
      ++ki;
    } else if (star != std::string_view::npos) {
      pi = star + 1;
      ki = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

namespace {

std::vector<Relation> read_relations(const toml::table& doc, const std::string& source) {
  std::vector<Relation> out;
  const toml::array* entries = doc["relation"].as_array();
  if (!entries) throw RulesError(source + ": no [[relation]] entries");
  size_t n = 0;
  for (const toml::node& node : *entries) {
    ++n;
    std::string name = "relation entry " + std::to_string(n);
    RulesEntry e{source, as_table(node, source, name), name};
    Relation r;
    r.line = line_of(node);
    r.id = e.text("id");
    e.name = "relation '" + r.id + "'";
    r.table = e.text("table");
    std::string per = e.text("per");
    if (per == "column") r.per = Relation::Per::Column;
    else if (per == "row") r.per = Relation::Per::Row;
    else e.fail("field 'per' must be \"column\" or \"row\", not '" + per + "'");
    r.left = e.list("left", true);
    r.right = e.list("right", true);
    if (r.left.empty() || r.right.empty()) e.fail("'left' and 'right' must not be empty");
    r.check = e.text("check", false);
    if (r.check.empty()) {
      if (r.left.size() != 1 || r.left[0].find('*') != std::string::npos)
        e.fail("field 'check' is required when 'left' is not a single key");
      r.check = r.left[0];
    }
    r.left_label = e.pair("left_label");
    r.right_label = e.pair("right_label");
    r.only = e.list("only");
    r.versions = e.list("versions");
    if (const toml::node* tol = e.t.get("tolerance")) {
      auto v = tol->value<double>();
      if (!v || *v < 0) e.fail("field 'tolerance' must be a non-negative number");
      r.tolerance = *v;
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

Relations Relations::load(const std::string& path) {
  Relations out;
  out.relations_ = read_relations(parse_rules_file(path), path);
  return out;
}

Relations Relations::parse(std::string_view toml_text, const std::string& source) {
  Relations out;
  out.relations_ = read_relations(parse_rules_text(toml_text, source), source);
  return out;
}

std::vector<std::string> resolve_keys(const std::vector<std::string>& patterns,
                                      const std::vector<std::string>& keys) {
  std::vector<std::string> out;
  for (const std::string& pattern : patterns)
    for (const std::string& k : keys)
      if (glob_match(pattern, k) && std::find(out.begin(), out.end(), k) == out.end())
        out.push_back(k);
  return out;
}

}  // namespace nianbao
