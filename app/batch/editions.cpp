#include "app/batch/editions.h"

#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <numeric>
#include <set>

#include "app/batch/agency_identity.h"
#include "app/batch/cross.h"
#include "app/batch/report_cells.h"
#include "extract/rules/rules.h"
#include "validate/validate.h"

namespace nianbao::batch {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

// Two files of one agency and year are one report when at least this share of the cells both
// read hold the same figure: a corrected re-publication differs in a few cells, two different
// reports (the agency's own and one misdated) in most.
constexpr double kSameTables = 0.5;
// Differences a message names; the finding's `cells` lists them all.
constexpr size_t kNamedDifferences = 5;

std::string text_at(const json& result, const char* key) {
  auto r = result.find("report");
  if (r == result.end() || !r->is_object()) return "";
  auto v = r->find(key);
  return v != r->end() && v->is_string() ? v->get<std::string>() : "";
}

int year_at(const json& result) {
  auto r = result.find("report");
  if (r == result.end() || !r->is_object()) return 0;
  auto v = r->find("year");
  return v != r->end() && v->is_number_integer() ? v->get<int>() : 0;
}

bool summary_at(const json& result) {
  auto r = result.find("report");
  return r != result.end() && r->is_object() && r->value("summary_report", false);
}

// The name of a file without its extension, in its directory: "dir/a01_2022" for
// dir/a01_2022.html and dir/a01_2022.pdf.
std::string stem_of(const std::string& file) {
  fs::path p(file);
  return (p.parent_path() / p.stem()).string();
}

struct UnionFind {
  std::vector<size_t> up;
  explicit UnionFind(size_t n) : up(n) { std::iota(up.begin(), up.end(), 0); }
  size_t find(size_t i) { return up[i] == i ? i : up[i] = find(up[i]); }
  void join(size_t a, size_t b) { up[find(a)] = find(b); }
};

bool same_tables(const std::map<CellKey, double>& a, const std::map<CellKey, double>& b) {
  size_t common = 0, equal = 0;
  for (const auto& [k, v] : a)
    if (auto it = b.find(k); it != b.end()) {
      ++common;
      equal += it->second == v;
    }
  return common == 0 || double(equal) >= kSameTables * double(common);
}

// The agency and year a file's name says: "<agency><year>年…" with a credible agency.
void from_file_name(const std::string& file, const AgencyRules& agencies, std::string& agency, int& year) {
  static const RE2 pattern("^(.*?)((?:19|20)[0-9]{2})年");
  std::string name = fs::path(file).stem().string(), before, y;
  if (!RE2::PartialMatch(name, pattern, &before, &y)) return;
  year = std::stoi(y);
  if (credible_agency(before, agencies)) agency = before;
}

// What a failed file's error says, without the file's name it opens with.
std::string failure_reason(const Stored& s) {
  auto err = s.result.find("error");
  if (err == s.result.end() || !err->is_object()) return "";
  std::string m = err->value("message", "");
  for (const std::string& name : {s.result.value("file", s.file), s.file})
    if (m.rfind(name + ": ", 0) == 0) return m.substr(name.size() + 2);
  return m;
}

std::string format_number(double v) { return checks::format_number(v); }

// archive.edition_mismatch for `edition` against the report's primary: what they say apart.
// `form` and `primary_form` are the agencies' forms resolved over the archive ("" for a name that
// is no agency's).
void compare_editions(const ArchiveReport& report, const Stored& edition, const std::map<CellKey, double>& primary_cells,
                      const std::map<CellKey, double>& cells, const std::string& form, const std::string& primary_form,
                      const Rules& rules, std::vector<json>& out) {
  const Stored& primary = *report.primary;
  std::vector<std::string> said;
  json differing = json::array();
  if (!form.empty() && !primary_form.empty() && form != primary_form)
    said.push_back("机关“" + text_at(edition.result, "agency") + "”与“" + text_at(primary.result, "agency") + "”");
  const int y = year_at(edition.result), py = year_at(primary.result);
  if (y && py && y != py) said.push_back("年度 " + std::to_string(y) + " 与 " + std::to_string(py));
  const std::string d = text_at(edition.result, "published"), pd = text_at(primary.result, "published");
  if (!d.empty() && !pd.empty() && d != pd) said.push_back("成文日期 " + d + " 与 " + pd);
  const std::string version = text_at(primary.result, "format_version");
  size_t cells_named = 0;
  for (const auto& [k, v] : cells) {
    auto it = primary_cells.find(k);
    if (it == primary_cells.end() || it->second == v) continue;
    json c = cell_json(k);
    c["value"] = v;
    c["related_value"] = it->second;
    differing.push_back(c);
    if (cells_named++ < kNamedDifferences)
      said.push_back(cell_label(rules, k, version) + " " + format_number(v) + " 与 " + format_number(it->second));
  }
  if (said.empty()) return;
  std::string text;
  for (const auto& s : said) text += (text.empty() ? "" : "；") + s;
  if (cells_named > kNamedDifferences) text += "；等 " + std::to_string(cells_named) + " 个单元格";
  json f = archive_finding("archive.edition_mismatch", rules, edition, primary.file, {{"differences", text}});
  f["agency"] = report.agency;
  f["year"] = report.year ? json(report.year) : json();
  if (!differing.empty()) f["cells"] = differing;
  out.push_back(f);
}

}  // namespace

Editions group_editions(const std::vector<Stored>& stored, const AgencyRules& agencies, const Rules& rules) {
  Editions out;
  std::vector<const Stored*> read, failed;
  for (const Stored& s : stored) (s.result.value("status", "") == "ok" ? read : failed).push_back(&s);
  // Agency forms, one name of an archive resolved against the others (parent areas dropped):
  // those of the reports read, then those the names of the files not read say.
  std::vector<std::string> names;
  for (const Stored* r : read) names.push_back(text_at(r->result, "agency"));
  std::vector<std::pair<std::string, int>> failed_names(failed.size());
  for (size_t i = 0; i < failed.size(); ++i) {
    from_file_name(failed[i]->file, agencies, failed_names[i].first, failed_names[i].second);
    names.push_back(failed_names[i].first);
  }
  const std::vector<std::string> identities = agency_identities(names, agencies);
  const std::vector<std::string> form(identities.begin(), identities.begin() + static_cast<long>(read.size()));

  std::vector<std::map<CellKey, double>> cells(read.size());
  for (size_t i = 0; i < read.size(); ++i) cells[i] = numeric_cells(read[i]->result);
  UnionFind groups(read.size());
  std::map<std::string, size_t> by_stem;
  std::map<std::tuple<std::string, int, bool>, std::vector<size_t>> by_agency_year;
  for (size_t i = 0; i < read.size(); ++i) {
    auto [it, fresh] = by_stem.emplace(stem_of(read[i]->file), i);
    if (!fresh) groups.join(i, it->second);
    const int y = year_at(read[i]->result);
    if (form[i].empty() || !y) continue;
    auto& same = by_agency_year[{form[i], y, summary_at(read[i]->result)}];
    for (size_t j : same)
      if (groups.find(i) != groups.find(j) && same_tables(cells[i], cells[j])) groups.join(i, j);
    same.push_back(i);
  }
  std::map<size_t, std::vector<size_t>> members;
  for (size_t i = 0; i < read.size(); ++i) members[groups.find(i)].push_back(i);
  // Reports in the order of their first file.
  std::vector<std::vector<size_t>> ordered;
  for (auto& [root, list] : members) ordered.push_back(list);
  std::sort(ordered.begin(), ordered.end(),
            [&](const auto& a, const auto& b) { return read[a.front()]->file < read[b.front()]->file; });
  std::map<std::string, size_t> report_of_stem;
  for (auto& list : ordered) {
    // The primary: most cells read, then the first by name.
    std::stable_sort(list.begin(), list.end(), [&](size_t a, size_t b) { return cells[a].size() > cells[b].size(); });
    ArchiveReport r;
    for (size_t i : list) r.editions.push_back(read[i]);
    r.primary = r.editions.front();
    for (size_t i : list)
      if (!form[i].empty()) {
        r.agency = text_at(read[i]->result, "agency");
        r.agency_form = form[i];
        break;
      }
    if (r.agency.empty()) r.agency = text_at(r.primary->result, "agency");
    for (size_t i : list)
      if ((r.year = year_at(read[i]->result))) break;
    r.summary = summary_at(r.primary->result);
    for (size_t k = 1; k < list.size(); ++k)
      compare_editions(r, *read[list[k]], cells[list.front()], cells[list[k]], form[list[k]], form[list.front()], rules,
                       out.findings);
    if (r.agency_form.empty())
      for (const Stored* e : r.editions) {
        json f = archive_finding("archive.agency_unknown", rules, *e, "", {{"name", text_at(e->result, "agency")}});
        out.findings.push_back(f);
      }
    for (const Stored* e : r.editions) report_of_stem[stem_of(e->file)] = out.reports.size();
    out.reports.push_back(std::move(r));
  }
  // A file that could not be read: an edition of a report read from a file of the same name, or
  // of the report of the agency and year its name says; else the year its name says is
  // unreadable; else a file of no known report.
  std::map<std::pair<std::string, int>, size_t> read_years;  // (agency, year) -> its report
  for (size_t k = 0; k < out.reports.size(); ++k)
    if (!out.reports[k].agency_form.empty() && out.reports[k].year)
      read_years.emplace(std::make_pair(out.reports[k].agency_form, out.reports[k].year), k);
  for (size_t i = 0; i < failed.size(); ++i) {
    if (auto it = report_of_stem.find(stem_of(failed[i]->file)); it != report_of_stem.end()) {
      out.reports[it->second].failed.push_back(failed[i]);
      continue;
    }
    UnreadableFile u{failed[i], failed_names[i].first, "", failed_names[i].second};
    u.agency_form = identities[read.size() + i];
    // Its name says a report read from another file: one more edition of it, unread.
    if (auto it = read_years.find({u.agency_form, u.year}); !u.agency_form.empty() && it != read_years.end()) {
      out.reports[it->second].failed.push_back(failed[i]);
      continue;
    }
    if (!u.agency_form.empty() && u.year) {
      json f = archive_finding("archive.unreadable_year", rules, *failed[i], "",
                               {{"agency", u.agency}, {"year", std::to_string(u.year)},
                                {"reason", failure_reason(*failed[i])}});
      f["agency"] = u.agency;
      f["year"] = u.year;
      out.findings.push_back(f);
    }
    out.unreadable.push_back(std::move(u));
  }
  return out;
}

json editions_json(const Editions& e) {
  json out = json::array();
  for (const auto& r : e.reports) {
    if (r.agency_form.empty()) continue;
    json files = json::array(), failed = json::array();
    for (const Stored* s : r.editions) files.push_back(s->file);
    for (const Stored* s : r.failed) failed.push_back(s->file);
    json j{{"agency", r.agency}, {"year", r.year ? json(r.year) : json()}, {"primary", r.file()}, {"files", files}};
    if (!failed.empty()) j["unreadable_files"] = failed;
    out.push_back(j);
  }
  return out;
}

json unidentified_json(const Editions& e) {
  json out = json::array();
  for (const auto& r : e.reports) {
    if (!r.agency_form.empty()) continue;
    json files = json::array();
    for (const Stored* s : r.editions) files.push_back(s->file);
    for (const Stored* s : r.failed) files.push_back(s->file);
    out.push_back(json{{"name", r.agency}, {"year", r.year ? json(r.year) : json()}, {"files", files}});
  }
  return out;
}

json unreadable_json(const Editions& e) {
  json out = json::array();
  for (const auto& u : e.unreadable) {
    const json& err = u.stored->result.contains("error") ? u.stored->result["error"] : json();
    out.push_back(json{{"file", u.stored->file},
                       {"code", err.is_object() ? err.value("code", "") : ""},
                       {"agency", u.agency.empty() ? json() : json(u.agency)},
                       {"year", u.year ? json(u.year) : json()}});
  }
  return out;
}

}  // namespace nianbao::batch

namespace nianbao::batch {

const CrossCheck& editions_declaration() {
  static const CrossCheck check{"editions",
                                {"archive.edition_mismatch", "archive.agency_unknown", "archive.unreadable_year"}};
  return check;
}

}  // namespace nianbao::batch
