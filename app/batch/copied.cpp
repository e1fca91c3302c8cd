// archive.copied: how much of a report's own wording another report repeats. The prose is cut
// into sentences; the agency's name and its area's are masked (a copy with the names changed is
// still a copy), digits folded (so are changed figures). Character shingles found in the reports
// of many agencies are the format's boilerplate, and a sentence made mostly of them is left out:
// what is compared is what each report says of its own. The finding quotes the longest passage
// the copy shares.
#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

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
// A shingle is boilerplate when a fifth of the archive's agencies print it, and at most when
// this many do (however large the archive).
constexpr size_t kTemplateAgencies = 20;

// The shingles of a text: every run of kShingle code points of its compacted form, digit runs
// folded to one '#', each hashed (FNV-1a over the code points).
std::vector<uint64_t> shingles(const std::string& text) {
  const std::string c = compact(text);
  std::vector<uint32_t> cps;
  cps.reserve(c.size());
  for (size_t i = 0; i < c.size();) {
    unsigned char b = static_cast<unsigned char>(c[i]);
    size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    uint32_t cp = 0;
    for (size_t k = 0; k < n && i + k < c.size(); ++k) cp = (cp << 8) | static_cast<unsigned char>(c[i + k]);
    i += n;
    if (n == 1 && std::isdigit(b)) cp = '#';
    if (cp == '#' && !cps.empty() && cps.back() == '#') continue;
    cps.push_back(cp);
  }
  std::vector<uint64_t> out;
  for (size_t i = 0; i + kShingle <= cps.size(); ++i) {
    uint64_t h = 1469598103934665603ULL;
    for (size_t k = 0; k < kShingle; ++k) h = (h ^ cps[i + k]) * 1099511628211ULL;
    out.push_back(h);
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

// A sentence of a report's own prose (one that is not mostly boilerplate).
struct Sentence {
  std::string text;           // as printed
  std::vector<uint64_t> own;  // its shingles that are not boilerplate
  size_t chars = 0;
};

struct Prose {
  std::vector<Sentence> sentences;  // the own ones only: boilerplate is neither found nor missed
  std::vector<uint64_t> own;        // the own shingles of its own sentences, sorted, each once
  size_t own_chars = 0;
};

// A report's sentences as printed, with their shingles with the agency's and area's names
// masked, and as printed: a sentence of the format that names the area ("本报告电子版可在某县人民政府
// 门户网站下载") is boilerplate as printed, though masked differently in a department's report
// and the area's.
struct Shingled {
  std::vector<std::string> text;
  std::vector<std::vector<uint64_t>> masked, plain;
};

Shingled shingle_prose(const ArchiveReport& r, const AgencyRules& agencies) {
  Shingled out;
  const std::string area = leading_area(r.agency, agencies);
  for (std::string s : sentences(r.primary->prose)) {
    std::string masked = s;
    replace_all(masked, r.agency, "□");
    replace_all(masked, area, "□");
    out.masked.push_back(shingles(masked));
    out.plain.push_back(shingles(s));
    out.text.push_back(std::move(s));
  }
  return out;
}

// In how many agencies, and in how many reports, a shingle occurs; both counted up to a bound,
// which is all the checks below need to know.
struct Spread {
  uint32_t last_agency = 0;  // 1 + the agency counted last: reports are counted agency by agency
  uint16_t agencies = 0, reports = 0;
};

bool has(const std::vector<uint64_t>& sorted, uint64_t h) { return std::binary_search(sorted.begin(), sorted.end(), h); }

// The share of `p`'s own prose whose sentences `other` holds, and the longest run of such
// sentences, as printed.
double found_in(const Prose& p, const Prose& other, std::string& quote) {
  size_t found = 0;
  std::string run;
  quote.clear();
  for (const Sentence& s : p.sentences) {
    size_t in = 0;
    for (uint64_t h : s.own) in += has(other.own, h);
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
  std::map<std::string, uint32_t> agency_ids;
  std::vector<uint32_t> agency(reports.size());
  for (size_t i = 0; i < reports.size(); ++i) {
    const ArchiveReport& r = *reports[i];
    const std::string key = r.agency_form.empty() ? "?" + r.file() : r.agency_form;
    agency[i] = agency_ids.emplace(key, uint32_t(agency_ids.size())).first->second;
  }
  // The format's boilerplate is shared by most agencies; in a large archive, a passage that
  // many agencies print is a template they share, not one report copying another.
  const size_t limit = std::clamp<size_t>(agency_ids.size() / 5, 3, kTemplateAgencies);
  std::vector<size_t> by_agency(reports.size());
  std::iota(by_agency.begin(), by_agency.end(), 0);
  std::stable_sort(by_agency.begin(), by_agency.end(), [&](size_t a, size_t b) { return agency[a] < agency[b]; });
  // First pass: where each shingle occurs. The shingles are made again in the second pass
  // rather than kept: over ten thousand reports they would be hundreds of megabytes.
  std::unordered_map<uint64_t, Spread> spread;
  for (size_t i : by_agency) {
    const Shingled sh = shingle_prose(*reports[i], agencies);
    std::vector<uint64_t> distinct;
    for (const auto* sets : {&sh.masked, &sh.plain})
      for (const auto& set : *sets) distinct.insert(distinct.end(), set.begin(), set.end());
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    for (uint64_t h : distinct) {
      Spread& s = spread[h];
      if (s.last_agency != agency[i] + 1 && s.agencies < limit) ++s.agencies;
      s.last_agency = agency[i] + 1;
      if (s.reports < UINT16_MAX) ++s.reports;
    }
  }
  auto boilerplate = [&](uint64_t h) { return spread.at(h).agencies >= limit; };
  // Second pass: each report's own sentences, and which reports hold each own shingle that
  // occurs in more than one report.
  std::vector<Prose> prose(reports.size());
  std::vector<std::pair<uint64_t, uint32_t>> postings;
  for (size_t i = 0; i < reports.size(); ++i) {
    Shingled sh = shingle_prose(*reports[i], agencies);
    Prose& p = prose[i];
    for (size_t k = 0; k < sh.text.size(); ++k) {
      std::vector<uint64_t> own;
      for (uint64_t h : sh.masked[k])
        if (!boilerplate(h)) own.push_back(h);
      size_t own_plain = 0;
      for (uint64_t h : sh.plain[k]) own_plain += !boilerplate(h);
      if (own.empty() || double(own.size()) < kOwnSentence * double(sh.masked[k].size()) ||
          double(own_plain) < kOwnSentence * double(sh.plain[k].size()))
        continue;
      const size_t chars = sh.masked[k].size() + kShingle - 1;
      p.own_chars += chars;
      p.own.insert(p.own.end(), own.begin(), own.end());
      p.sentences.push_back(Sentence{std::move(sh.text[k]), std::move(own), chars});
    }
    std::sort(p.own.begin(), p.own.end());
    p.own.erase(std::unique(p.own.begin(), p.own.end()), p.own.end());
    for (uint64_t h : p.own)
      if (spread.at(h).reports > 1) postings.emplace_back(h, uint32_t(i));
  }
  spread = {};
  std::sort(postings.begin(), postings.end());
  // The pairs that may be copies: the agency's report of the year before, or another agency's
  // of the same year or the year before. For each report, the own shingles each later report
  // shares with it, counted in one array.
  auto may_copy = [&](size_t a, size_t b) {
    const int ya = reports[a]->year, yb = reports[b]->year;
    return agency[a] == agency[b] ? std::abs(ya - yb) == 1 : std::abs(ya - yb) <= 1;
  };
  std::vector<uint32_t> common(reports.size(), 0);
  std::vector<size_t> touched;
  for (size_t a = 0; a < reports.size(); ++a) {
    touched.clear();
    for (uint64_t h : prose[a].own) {
      auto it = std::lower_bound(postings.begin(), postings.end(), std::make_pair(h, uint32_t(0)));
      for (; it != postings.end() && it->first == h; ++it) {
        const size_t b = it->second;
        if (b <= a || !may_copy(a, b)) continue;
        if (common[b]++ == 0) touched.push_back(b);
      }
    }
    std::sort(touched.begin(), touched.end());
    for (size_t b : touched) {
      const size_t n = common[b];
      common[b] = 0;
      const ArchiveReport& ra = *reports[a];
      const ArchiveReport& rb = *reports[b];
      size_t smaller = std::min(prose[a].own.size(), prose[b].own.size());
      if (smaller < kMinShingles || double(n) < kThreshold * double(smaller) * kSentenceFound) continue;
      // The later (or, in one year, the second by name) report is the one that repeats.
      const bool b_copies = rb.year > ra.year || (rb.year == ra.year && rb.file() > ra.file());
      const size_t copy = b_copies ? b : a, source = b_copies ? a : b;
      std::string quote, other_quote;
      double share =
          std::max(found_in(prose[copy], prose[source], quote), found_in(prose[source], prose[copy], other_quote));
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
}

}  // namespace nianbao::batch
