// archive.copied: character shingles of the prose (digits folded, so changed figures do not
// hide a copy); shingles found in the reports of many agencies are the template's wording and
// are excluded before two reports are compared.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "extract/normalize/normalize.h"
#include "app/batch/cross.h"
#include "validate/validate.h"

namespace nianbao::batch {
namespace {

using json = nlohmann::ordered_json;
constexpr size_t kShingle = 8;        // characters per shingle
constexpr size_t kMinShingles = 40;   // below this the prose is too short to call a copy
constexpr double kThreshold = 0.6;    // share of the shorter prose found in the other

// Code points of the compacted prose, digit runs folded to one '#'.
std::vector<std::string> chars(const std::string& prose) {
  std::string c = compact(prose);
  std::vector<std::string> out;
  for (size_t i = 0; i < c.size();) {
    unsigned char b = static_cast<unsigned char>(c[i]);
    size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    std::string ch = c.substr(i, n);
    i += n;
    if (n == 1 && std::isdigit(b)) ch = "#";
    if (ch == "#" && !out.empty() && out.back() == "#") continue;
    out.push_back(ch);
  }
  return out;
}

std::unordered_set<size_t> shingles(const std::string& prose) {
  auto cs = chars(prose);
  std::unordered_set<size_t> out;
  std::hash<std::string> h;
  for (size_t i = 0; i + kShingle <= cs.size(); ++i) {
    std::string s;
    for (size_t k = 0; k < kShingle; ++k) s += cs[i + k];
    out.insert(h(s));
  }
  return out;
}

int year_of(const Stored& s) {
  auto it = s.result.find("report");
  if (it == s.result.end() || !it->contains("year") || !(*it)["year"].is_number_integer()) return 0;
  return (*it)["year"].get<int>();
}

}  // namespace

const CrossCheck& copied_declaration() {
  static const CrossCheck check{"copied", {"archive.copied"}};
  return check;
}

void copied_check(const std::vector<const Stored*>& reports, const Rules& rules, std::vector<json>& out) {
  std::vector<std::unordered_set<size_t>> sets;
  for (const Stored* r : reports) sets.push_back(shingles(r->prose));
  // In how many agencies each shingle occurs: template wording is shared by most of them.
  std::unordered_map<size_t, std::set<std::string>> agencies;
  for (size_t i = 0; i < reports.size(); ++i)
    for (size_t s : sets[i]) agencies[s].insert(reports[i]->agency_key);
  std::set<std::string> all_agencies;
  for (const Stored* r : reports) all_agencies.insert(r->agency_key);
  size_t limit = std::max<size_t>(3, all_agencies.size() / 5);
  std::unordered_map<size_t, std::vector<size_t>> postings;
  for (size_t i = 0; i < reports.size(); ++i) {
    std::unordered_set<size_t> own;
    for (size_t s : sets[i])
      if (agencies[s].size() < limit) own.insert(s);
    sets[i] = std::move(own);
    for (size_t s : sets[i]) postings[s].push_back(i);
  }
  std::map<std::pair<size_t, size_t>, size_t> common;
  for (const auto& [s, list] : postings)
    for (size_t a = 0; a < list.size(); ++a)
      for (size_t b = a + 1; b < list.size(); ++b) ++common[{list[a], list[b]}];
  for (const auto& [pair, n] : common) {
    auto [a, b] = pair;
    const Stored& ra = *reports[a];
    const Stored& rb = *reports[b];
    bool same_agency = ra.agency_key == rb.agency_key;
    // Only consecutive years of one agency, or the same year of two agencies.
    int ya = year_of(ra), yb = year_of(rb);
    if (same_agency ? std::abs(ya - yb) != 1 : ya != yb) continue;
    size_t smaller = std::min(sets[a].size(), sets[b].size());
    if (smaller < kMinShingles || double(n) < kThreshold * double(smaller)) continue;
    // The later (or, in one year, the second by name) report is the one that repeats.
    const Stored& copy = (yb > ya || (yb == ya && rb.file > ra.file)) ? rb : ra;
    const Stored& source = &copy == &rb ? ra : rb;
    int percent = int(100.0 * double(n) / double(smaller) + 0.5);
    json f = archive_finding("archive.copied", rules, copy, source.result.value("file", source.file),
                             {{"similarity", std::to_string(percent)}});
    f["similarity"] = percent;
    out.push_back(f);
  }
}

}  // namespace nianbao::batch
