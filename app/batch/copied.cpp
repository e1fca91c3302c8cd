// archive.copied: how much of a report's own wording another report repeats. The prose is cut
// into sentences; the agency's name and its area's are masked (a copy with the names changed is
// still a copy), digits folded (so are changed figures). Character shingles found in the reports
// of many agencies are the format's boilerplate, and a sentence made mostly of them is left out:
// what is compared is what each report says of its own. The finding quotes the longest passage
// the copy shares.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "app/batch/agency_identity.h"
#include "app/batch/cross.h"
#include "app/batch/editions.h"
#include "extract/normalize/normalize.h"
#include "validate/validate.h"

namespace nianbao::batch {
namespace {

using json = nlohmann::ordered_json;
constexpr size_t kShingle = 8;         // characters per shingle
constexpr size_t kMinShingles = 40;    // below this the own prose is too short to call a copy
constexpr double kThreshold = 0.6;     // share of one report's own prose found in the other
constexpr double kOwnSentence = 0.5;   // share of a sentence's shingles that are not boilerplate
constexpr double kSentenceFound = 0.7; // share of a sentence's own shingles found in the other
constexpr size_t kQuoteChars = 60;     // a longer shared passage is quoted up to here

// Code points of compacted text, digit runs folded to one '#'.
std::vector<std::string> chars(const std::string& text) {
  std::string c = compact(text);
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

std::vector<size_t> shingles(const std::string& text) {
  auto cs = chars(text);
  std::vector<size_t> out;
  std::hash<std::string> h;
  for (size_t i = 0; i + kShingle <= cs.size(); ++i) {
    std::string s;
    for (size_t k = 0; k < kShingle; ++k) s += cs[i + k];
    out.push_back(h(s));
  }
  return out;
}

// The sentences of the prose as printed: cut after 。！？； and at line ends.
std::vector<std::string> sentences(const std::string& prose) {
  std::vector<std::string> out;
  std::string cur;
  static const std::vector<std::string> ends = {"。", "！", "？", "；", "\n"};
  for (size_t i = 0; i < prose.size();) {
    bool cut = false;
    for (const std::string& e : ends)
      if (prose.compare(i, e.size(), e) == 0) {
        if (e != "\n") cur += e;
        i += e.size();
        cut = true;
        break;
      }
    if (!cut) cur += prose[i++];
    if (cut || i == prose.size()) {
      if (!compact(cur).empty()) out.push_back(cur);
      cur.clear();
    }
  }
  return out;
}

void replace_all(std::string& s, const std::string& what, const std::string& with) {
  if (what.empty()) return;
  for (size_t at = 0; (at = s.find(what, at)) != std::string::npos; at += with.size()) s.replace(at, what.size(), with);
}

struct Sentence {
  std::string text;                // as printed
  std::vector<size_t> own;         // its shingles that are not boilerplate
  size_t chars = 0;
};

struct Prose {
  std::vector<Sentence> sentences;
  // Every sentence's shingles, names masked and as printed, before boilerplate is known: a
  // sentence of the format that names the area ("本报告电子版可在某县人民政府门户网站下载") is
  // boilerplate as printed, though masked differently in a department's report and the area's.
  std::vector<std::vector<size_t>> all, plain;
  std::unordered_set<size_t> own;        // the own shingles of its own sentences
  size_t own_chars = 0;
};

// The prose of a report, sentence by sentence, its agency's and area's names masked.
Prose read_prose(const ArchiveReport& r, const AgencyRules& agencies) {
  Prose p;
  const std::string area = leading_area(r.agency, agencies);
  for (std::string s : sentences(r.primary->prose)) {
    std::string masked = s;
    replace_all(masked, r.agency, "□");
    replace_all(masked, area, "□");
    p.all.push_back(shingles(masked));
    p.plain.push_back(shingles(s));
    p.sentences.push_back(Sentence{std::move(s), {}, 0});
  }
  return p;
}

// The share of `p`'s own prose whose sentences `other` holds, and the longest run of such
// sentences, as printed.
double found_in(const Prose& p, const Prose& other, std::string& quote) {
  size_t found = 0;
  std::string run;
  quote.clear();
  for (const Sentence& s : p.sentences) {
    if (s.own.empty()) continue;  // boilerplate: neither found nor missed
    size_t in = 0;
    for (size_t h : s.own) in += other.own.count(h);
    if (double(in) >= kSentenceFound * double(s.own.size())) {
      found += s.chars;
      run += s.text;
      if (utf8_length(run) > utf8_length(quote)) quote = run;
    } else {
      run.clear();
    }
  }
  return p.own_chars ? double(found) / double(p.own_chars) : 0;
}

// The passage as printed, without its line breaks and spaces, cut at kQuoteChars.
std::string shortened(const std::string& text) {
  std::string t, out;
  for (char c : text)
    if (c != '\n' && c != '\r' && c != ' ' && c != '\t') t += c;
  size_t n = 0;
  for (size_t i = 0; i < t.size() && n < kQuoteChars; ++n) {
    unsigned char b = static_cast<unsigned char>(t[i]);
    size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    out += t.substr(i, len);
    i += len;
  }
  return out.size() < t.size() ? out + "……" : out;
}

}  // namespace

const CrossCheck& copied_declaration() {
  static const CrossCheck check{"copied", {"archive.copied"}};
  return check;
}

void copied_check(const std::vector<const ArchiveReport*>& reports, const AgencyRules& agencies, const Rules& rules,
                  std::vector<json>& out) {
  // A report whose agency is unknown is an agency of its own: never the same as another.
  auto key = [&](const ArchiveReport& r) { return r.agency_form.empty() ? "?" + r.file() : r.agency_form; };
  std::vector<Prose> prose;
  for (const ArchiveReport* r : reports) prose.push_back(read_prose(*r, agencies));
  // In how many agencies each shingle occurs: the format's boilerplate is shared by most of them.
  std::unordered_map<size_t, std::set<std::string>> agencies_of;
  std::set<std::string> all_agencies;
  for (size_t i = 0; i < reports.size(); ++i) {
    all_agencies.insert(key(*reports[i]));
    for (const auto* sets : {&prose[i].all, &prose[i].plain})
      for (const auto& s : *sets)
        for (size_t h : s) agencies_of[h].insert(key(*reports[i]));
  }
  const size_t limit = std::max<size_t>(3, all_agencies.size() / 5);
  std::unordered_map<size_t, std::vector<size_t>> postings;
  for (size_t i = 0; i < reports.size(); ++i) {
    Prose& p = prose[i];
    for (size_t k = 0; k < p.sentences.size(); ++k) {
      std::vector<size_t> own;
      for (size_t h : p.all[k])
        if (agencies_of[h].size() < limit) own.push_back(h);
      size_t own_plain = 0;
      for (size_t h : p.plain[k]) own_plain += agencies_of[h].size() < limit;
      if (own.empty() || double(own.size()) < kOwnSentence * double(p.all[k].size()) ||
          double(own_plain) < kOwnSentence * double(p.plain[k].size()))
        continue;
      p.sentences[k].chars = p.all[k].size() + kShingle - 1;
      p.own_chars += p.sentences[k].chars;
      p.sentences[k].own = std::move(own);
      p.own.insert(p.sentences[k].own.begin(), p.sentences[k].own.end());
    }
    p.all.clear();
    p.plain.clear();
    for (size_t h : p.own) postings[h].push_back(i);
  }
  std::map<std::pair<size_t, size_t>, size_t> common;
  for (const auto& [h, list] : postings)
    for (size_t a = 0; a < list.size(); ++a)
      for (size_t b = a + 1; b < list.size(); ++b) ++common[{list[a], list[b]}];
  for (const auto& [pair, n] : common) {
    auto [a, b] = pair;
    const ArchiveReport& ra = *reports[a];
    const ArchiveReport& rb = *reports[b];
    // The agency's report of the year before, or another agency's of the same or the year before.
    const int ya = ra.year, yb = rb.year;
    if (key(ra) == key(rb) ? std::abs(ya - yb) != 1 : std::abs(ya - yb) > 1) continue;
    size_t smaller = std::min(prose[a].own.size(), prose[b].own.size());
    if (smaller < kMinShingles || double(n) < kThreshold * double(smaller) * kSentenceFound) continue;
    // The later (or, in one year, the second by name) report is the one that repeats.
    const bool b_copies = yb > ya || (yb == ya && rb.file() > ra.file());
    const size_t copy = b_copies ? b : a, source = b_copies ? a : b;
    std::string quote, other_quote;
    double share = std::max(found_in(prose[copy], prose[source], quote), found_in(prose[source], prose[copy], other_quote));
    if (share < kThreshold) continue;
    if (quote.empty()) quote = other_quote;
    int percent = int(100.0 * share + 0.5);
    const std::string q = shortened(quote);
    json f = archive_finding("archive.copied", rules, *reports[copy]->primary, reports[source]->file(),
                             {{"similarity", std::to_string(percent)}, {"quote", q}});
    f["agency"] = reports[copy]->agency;
    f["similarity"] = percent;
    f["quote"] = q;
    out.push_back(f);
  }
}

}  // namespace nianbao::batch
