// archive.area_sum: an area's summary report (本级政府汇总) counts the applications, reviews and
// lawsuits of the whole area, so each cell of parts 3 and 4 is at least the sum of that cell
// over its departments' reports of the year found in the archive, and equal to it when a
// hierarchy file says those departments are all of them. A department is the area's by the
// hierarchy file or by its name beginning with the area's (洪泽区财政局 under 洪泽区人民政府).
#include <algorithm>
#include <set>

#include "app/batch/agency_identity.h"
#include "app/batch/cross.h"
#include "app/batch/editions.h"
#include "app/batch/hierarchy.h"
#include "app/batch/report_cells.h"
#include "extract/rules/rules.h"
#include "validate/validate.h"

namespace nianbao::batch {
namespace {

using json = nlohmann::ordered_json;

// Differences a message names; the finding's `cells` lists them all.
constexpr size_t kNamedDifferences = 5;

bool summed(const CellKey& k) { return k.table == "applications" || k.table == "reviews"; }

const HierarchyArea* area_entry(const std::vector<HierarchyArea>& areas, const ArchiveReport& r,
                                const AgencyRules& agencies) {
  for (const auto& a : areas)
    if (a.form == r.agency_form || resolve_forms({a.form, r.agency_form}, agencies).at(a.form) == r.agency_form)
      return &a;
  return nullptr;
}

void check_summary(const ArchiveReport& summary, const Editions& editions, const HierarchyArea* entry,
                   const AgencyRules& agencies, const Rules& rules, std::vector<json>& out) {
  std::string area = area_of_government(summary.agency_form, agencies);
  if (area.empty()) area = leading_area(summary.agency_form, agencies);
  std::vector<const ArchiveReport*> departments;
  std::set<std::string> found;
  for (const auto& d : editions.reports) {
    if (&d == &summary || d.summary || d.year != summary.year || d.agency_form.empty()) continue;
    const bool listed = entry && std::count(entry->departments.begin(), entry->departments.end(), d.agency_form);
    if (!listed && !named_under_area(d.agency_form, area, agencies)) continue;
    departments.push_back(&d);
    found.insert(d.agency_form);
  }
  if (departments.empty()) return;
  // Equal only when the file says the set is complete and each of its departments was found.
  bool complete = entry && entry->complete;
  if (complete)
    for (const auto& d : entry->departments) complete = complete && found.count(d);
  std::vector<std::map<CellKey, double>> cells;
  for (const ArchiveReport* d : departments) cells.push_back(numeric_cells(d->primary->result));
  const std::string version = summary.primary->result["report"].value("format_version", "");
  json differing = json::array();
  std::string text;
  size_t named = 0;
  for (const auto& [k, v] : numeric_cells(summary.primary->result)) {
    if (!summed(k)) continue;
    double sum = 0;
    bool all = true;
    for (const auto& c : cells) {
      auto it = c.find(k);
      if (it == c.end()) { all = false; break; }
      sum += it->second;
    }
    if (!all || v == sum || (!complete && v > sum)) continue;
    json c = cell_json(k);
    c["value"] = v;
    c["departments_sum"] = sum;
    differing.push_back(c);
    if (named++ < kNamedDifferences)
      text += (text.empty() ? "" : "；") + cell_label(rules, k, version) + " 汇总 " + checks::format_number(v) +
              "，各部门合计 " + checks::format_number(sum);
  }
  if (differing.empty()) return;
  if (named > kNamedDifferences) text += "；等 " + std::to_string(named) + " 个单元格";
  json files = json::array();
  for (const ArchiveReport* d : departments) files.push_back(d->file());
  json f = archive_finding("archive.area_sum", rules, *summary.primary, departments.front()->file(),
                           {{"count", std::to_string(departments.size())}, {"relation", complete ? "=" : "≥"},
                            {"differences", text}});
  f["agency"] = summary.agency;
  f["year"] = summary.year;
  f["departments"] = files;
  f["complete"] = complete;
  f["cells"] = differing;
  out.push_back(f);
}

}  // namespace

const CrossCheck& area_sum_declaration() {
  static const CrossCheck check{"area_sum", {"archive.area_sum"}};
  return check;
}

void area_sum_check(const Editions& editions, const std::string& hierarchy, const AgencyRules& agencies,
                    const Rules& rules, std::vector<json>& out) {
  const std::vector<HierarchyArea> areas = load_hierarchy(hierarchy, agencies);
  for (const auto& r : editions.reports)
    if (r.summary && !r.agency_form.empty() && r.year)
      check_summary(r, editions, area_entry(areas, r, agencies), agencies, rules, out);
}

}  // namespace nianbao::batch
