#include "validate/prose/prose_missing_numbers.h"

#include <re2/re2.h>

#include <algorithm>
#include <set>

namespace nianbao {

namespace {

bool ends_with(std::string_view s, std::string_view w) {
  return s.size() >= w.size() && s.compare(s.size() - w.size(), w.size(), w) == 0;
}

// The code point that ends at `end` (UTF-8), as bytes.
std::string_view char_before(std::string_view s, size_t end) {
  size_t b = end;
  while (b > 0) {
    --b;
    if ((static_cast<unsigned char>(s[b]) & 0xC0) != 0x80) break;
  }
  return s.substr(b, end - b);
}

// A CJK ideograph of the basic block (U+4E00–U+9FFF): three bytes led by E4–E9.
bool is_han(std::string_view c) {
  return c.size() == 3 && static_cast<unsigned char>(c[0]) >= 0xE4 && static_cast<unsigned char>(c[0]) <= 0xE9;
}

}  // namespace

std::vector<MissingNumber> missing_numbers(const ProseParagraph& p, const MissingNumberRule& rule) {
  std::vector<MissingNumber> out;
  if (rule.units.empty()) return out;
  const std::string& t = p.folded.text;
  for (size_t s = 0; s < p.sentences.size(); ++s) {
    // The units this sentence counts in: a blank is a clause of such a list left without its number.
    std::set<std::string> units;
    for (const Figure& f : p.figures)
      if (f.sentence == s && f.bound == Bound::Exact &&
          std::find(rule.units.begin(), rule.units.end(), f.unit) != rule.units.end())
        units.insert(f.unit);
    if (units.empty()) continue;
    const Range& r = p.sentences[s];
    size_t clause = r.begin;
    size_t at = r.begin;
    while (clause < r.end) {
      // The clause: up to the next clause mark or the end of the sentence.
      size_t mark = 0;
      while (at < r.end && !(mark = clause_mark_at(t, at))) {
        ++at;
        while (at < r.end && (static_cast<unsigned char>(t[at]) & 0xC0) == 0x80) ++at;
      }
      std::string_view c(t.data() + clause, at - clause);
      size_t begin = clause;
      at += mark ? mark : 1;
      clause = at;
      if (c.find_first_of("0123456789") != std::string_view::npos) continue;
      for (const std::string& unit : units) {
        if (!ends_with(c, unit) || c.size() < unit.size() + 6) continue;  // two characters before it
        std::string_view head = c.substr(0, c.size() - unit.size());
        std::string_view prev = char_before(head, head.size());
        if (!is_han(prev)) continue;
        if (rule.before && rule.before.full_match(prev)) continue;
        bool word = false;
        for (const std::string& w : rule.words) word = word || ends_with(c, w);
        if (word) continue;
        out.push_back({begin, begin + c.size(), begin + head.size()});
      }
    }
  }
  return out;
}

}  // namespace nianbao
