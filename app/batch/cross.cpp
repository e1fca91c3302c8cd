// Cross-report checks over the stored results, grouped by normalised agency name and year.
#include "app/batch/cross.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/batch/editions.h"
#include "extract/model/errors.h"
#include "render/render_json.h"
#include "validate/validate.h"

namespace nianbao::batch {
namespace {

using json = nlohmann::ordered_json;

const json kNull;
const json& at(const json& j, std::initializer_list<const char*> path) {
  const json* p = &j;
  for (const char* k : path) {
    if (!p->is_object()) return kNull;
    auto it = p->find(k);
    if (it == p->end()) return kNull;
    p = &*it;
  }
  return *p;
}

std::string version_of(const Stored& s) {
  const json& v = at(s.result, {"report", "format_version"});
  return v.is_string() ? v.get<std::string>() : "unknown";
}

// The values of one applications row, or null when the table or the row is absent.
const json& app_row(const Stored& s, const std::string& key) {
  for (const auto& row : at(s.result, {"report", "tables", "applications", "rows"}))
    if (row.value("key", "") == key) return at(row, {"values"});
  return kNull;
}

std::string num(const json& v) { return checks::format_number(v.get<double>()); }

// A part-3 column as the report's format prints it.
std::string column_label(const Rules& rules, const Stored& report, const std::string& key) {
  return rules.labels.column_name("applications", key, version_of(report)).in(Lang::Zh);
}

// The report follows one of the formats of the tables (not the older layout, not unknown).
bool has_format(const Rules& rules, const std::string& v) { return rules.schema(v) != nullptr; }

// The format prints 本年制发/本年废止/现行有效 for both kinds of documents of part 2.
bool counts_in_force(const Rules& rules, const std::string& v) {
  const Schema* schema = rules.schema(v);
  const SchemaTable* t = schema ? schema->table("proactive") : nullptr;
  if (!t) return false;
  for (const char* kind : {"regulations", "normative_docs"}) {
    int row = t->row_index(kind);
    if (row < 0) return false;
    const auto& cols = t->rows[static_cast<size_t>(row)].columns;
    for (const char* c : {"issued", "abolished", "in_force"})
      if (std::find(cols.begin(), cols.end(), c) == cols.end()) return false;
  }
  return true;
}

const CrossCheck kCarryOver{"carry_over", {"archive.carry_over", "archive.carry_over.unchecked"}};

// archive.carry_over: this year's 上年结转, per column, against last year's 结转下年度.
void carry_over(const Stored& cur, const Stored& prev, const Rules& rules, CrossResult& out) {
  if (!has_format(rules, version_of(cur)) || !has_format(rules, version_of(prev))) return;  // no such rows before 2019
  const json& co = app_row(cur, "carried_over");
  const json& cf = app_row(prev, "carried_forward");
  std::string reason;
  if (!co.is_object()) reason = "本年报告未能读出“二、上年结转”行";
  else if (!cf.is_object()) reason = "上一年度报告未能读出“四、结转下年度继续办理”行";
  if (!reason.empty()) {
    out.findings.push_back(archive_finding("archive.carry_over.unchecked", rules, cur, prev.result.value("file", ""),
                                           {{"reason", reason}}));
    return;
  }
  int compared = 0;
  std::vector<std::string> unread;
  for (auto& [col, v] : co.items()) {
    auto it = cf.find(col);
    if (!v.is_number() || it == cf.end() || !it->is_number()) {
      unread.push_back(col);
      continue;
    }
    ++compared;
    if (v.get<double>() == it->get<double>()) continue;
    json f = archive_finding("archive.carry_over", rules, cur, prev.result.value("file", ""),
                             {{"column", column_label(rules, cur, col)}, {"value", num(v)}, {"previous_value", num(*it)}});
    f["table"] = "applications";
    f["row"] = "carried_over";
    f["column"] = col;
    f["expected"] = *it;
    f["actual"] = v;
    out.findings.push_back(f);
  }
  if (!unread.empty()) {
    std::string cols;
    for (const auto& c : unread) cols += (cols.empty() ? "" : "、") + column_label(rules, cur, c);
    out.findings.push_back(archive_finding("archive.carry_over.unchecked", rules, cur, prev.result.value("file", ""),
                                           {{"reason", "以下列的数字未能可靠读出：" + cols}}));
  }
  if (compared > 0)
    out.verified.push_back(json{{"rule", "archive.carry_over"}, {"file", cur.result.value("file", "")},
                                {"related_file", prev.result.value("file", "")}, {"columns", compared}});
}

const CrossCheck kInForce{"in_force", {"archive.in_force", "archive.in_force.unchecked"}};

// archive.in_force: a format that counts documents in force on both sides (the 2021 format; not
// across 2020→2021, whose 2019 format counts them otherwise, docs/FORMAT.md T2.VALID).
void in_force(const Stored& cur, const Stored& prev, const Rules& rules, CrossResult& out) {
  if (!counts_in_force(rules, version_of(cur)) || !counts_in_force(rules, version_of(prev))) return;
  const json& now = at(cur.result, {"report", "tables", "proactive", "values"});
  const json& before = at(prev.result, {"report", "tables", "proactive", "values"});
  for (const std::string kind : {"regulations", "normative_docs"}) {
    const json& v = at(now, {(kind + ".in_force").c_str()});
    const json& issued = at(now, {(kind + ".issued").c_str()});
    const json& abolished = at(now, {(kind + ".abolished").c_str()});
    const json& last = at(before, {(kind + ".in_force").c_str()});
    std::string label = rules.labels.row_name("proactive", kind, version_of(cur)).zh;
    if (!v.is_number() || !issued.is_number() || !abolished.is_number() || !last.is_number()) {
      out.findings.push_back(archive_finding("archive.in_force.unchecked", rules, cur, prev.result.value("file", ""),
                                             {{"row", label}, {"reason", "制发、废止或现行有效件数未能可靠读出"}}));
      continue;
    }
    double expected = last.get<double>() + issued.get<double>() - abolished.get<double>();
    if (expected == v.get<double>()) {
      out.verified.push_back(json{{"rule", "archive.in_force"}, {"file", cur.result.value("file", "")},
                                  {"related_file", prev.result.value("file", "")}, {"row", kind + ".in_force"}});
      continue;
    }
    json f = archive_finding("archive.in_force", rules, cur, prev.result.value("file", ""),
                             {{"row", label},
                              {"value", num(v)}, {"expected", num(json(expected))}});
    f["table"] = "proactive";
    f["row"] = kind + ".in_force";
    f["expected"] = expected;
    f["actual"] = v;
    out.findings.push_back(f);
  }
}

const CrossCheck kMissingYear{"missing_year", {"archive.missing_year"}};
const CrossCheck kDuplicate{"duplicate", {"archive.duplicate"}};

}  // namespace

const std::vector<const CrossCheck*>& cross_checks() {
  static const std::vector<const CrossCheck*> all = {&editions_declaration(), &kCarryOver, &kInForce, &kMissingYear,
                                                     &kDuplicate, &copied_declaration(), &area_sum_declaration()};
  return all;
}

std::vector<std::string> cross_rules() {
  std::set<std::string> ids;
  for (const CrossCheck* c : cross_checks()) ids.insert(c->rules.begin(), c->rules.end());
  return {ids.begin(), ids.end()};
}

std::vector<std::string> program_rules(const Rules& rules) {
  std::set<std::string> ids;
  for (std::string& id : reported_rules(rules)) ids.insert(std::move(id));
  for (std::string& id : cross_rules()) ids.insert(std::move(id));
  return {ids.begin(), ids.end()};
}

void require_cross_catalog_entries(const Rules& rules) {
  for (const std::string& id : cross_rules())
    if (!rules.catalog.find(id))
      throw RulesError(rules.dir + "/checks.toml: no entry for rule '" + id + "'");
}

json archive_finding(const std::string& rule, const Rules& rules, const Stored& report,
                     const std::string& related_file, const std::map<std::string, std::string>& args) {
  Finding f = checks::start_finding(rule, rules);
  f.args = args;
  f.args["related_file"] = related_file;
  json j;
  j["rule"] = rule;
  j["severity"] = to_string(f.severity);
  j["message"] = rules.catalog.format_message(f, Lang::Zh);
  j["file"] = report.result.value("file", report.file);
  j["related_file"] = related_file;
  j["agency"] = at(report.result, {"report", "agency"});
  j["year"] = at(report.result, {"report", "year"});
  return j;
}

AgencyRules load_agency_rules(const Rules& rules) { return AgencyRules::load(rules.dir + "/agencies.toml"); }

CrossResult cross_check(const std::vector<Stored>& reports,
                        const std::vector<std::pair<std::string, std::string>>& names, const Rules& rules,
                        const CrossOptions& options) {
  CrossResult out;
  const AgencyRules agencies = load_agency_rules(rules);
  const Editions editions = group_editions(reports, agencies, rules);
  out.findings = editions.findings;
  out.editions = editions_json(editions);
  out.unidentified = unidentified_json(editions);
  out.unreadable = unreadable_json(editions);
  // Each report once, by its primary edition; a report whose agency is unknown is compared with
  // none of its own series.
  std::map<std::string, std::map<int, std::vector<const Stored*>>> groups;
  std::map<std::string, std::set<int>> unreadable_years;
  std::vector<const ArchiveReport*> all;
  for (const auto& r : editions.reports) {
    all.push_back(&r);
    if (!r.agency_form.empty() && r.year > 0) groups[r.agency_form][r.year].push_back(r.primary);
  }
  for (const auto& u : editions.unreadable)
    if (!u.agency_form.empty() && u.year > 0) unreadable_years[u.agency_form].insert(u.year);
  for (const auto& [key, years] : groups) {
    for (const auto& [year, list] : years) {
      auto prev = years.find(year - 1);
      if (prev == years.end()) continue;
      for (const Stored* cur : list)
        for (const Stored* before : prev->second) {
          carry_over(*cur, *before, rules, out);
          in_force(*cur, *before, rules, out);
        }
    }
    // archive.missing_year: a gap between the first and the last year of the series that no
    // file stands for (a year whose file could not be read is archive.unreadable_year).
    const std::set<int>& unread = unreadable_years[key];
    for (auto it = years.begin(); std::next(it) != years.end(); ++it) {
      auto after = std::next(it);
      for (int y = it->first + 1; y < after->first; ++y) {
        if (unread.count(y)) continue;
        json f = archive_finding("archive.missing_year", rules, *after->second.front(),
                                 it->second.front()->result.value("file", ""),
                                 {{"agency", at(after->second.front()->result, {"report", "agency"}).get<std::string>()},
                                  {"year", std::to_string(y)}});
        f["year"] = y;
        out.findings.push_back(f);
      }
    }
  }
  // archive.duplicate: every further name of a content names the first one.
  std::map<std::string, std::vector<std::string>> by_hash;
  for (const auto& [sha, file] : names) by_hash[sha].push_back(file);
  std::map<std::string, const Stored*> stored;
  for (const auto& r : reports) stored[r.sha256] = &r;
  for (const auto& [sha, files] : by_hash) {
    auto it = stored.find(sha);
    if (files.size() < 2 || it == stored.end()) continue;
    for (size_t i = 1; i < files.size(); ++i) {
      json f = archive_finding("archive.duplicate", rules, *it->second, files[0], {});
      f["file"] = files[i];
      out.findings.push_back(f);
    }
  }
  copied_check(all, agencies, rules, out.findings);
  area_sum_check(editions, options.hierarchy, agencies, rules, out.findings);
  return out;
}

}  // namespace nianbao::batch
