// text.sum_mismatch and text.double_count: a total stated in the prose against the parts stated
// with it. The report this project started from has the canonical double count in its library
// paragraph: 总馆 14.6万人次 and 居安分馆、欣荣村分馆 14.6万人次 against 全年总计 16.51万人次.
//
// Where a list of parts ends is not written, so a list is only called wrong when that is
// certain: parts that already exceed their whole (two or more of them), or a list that says it
// is complete ("其他…", "分别为", or parts followed by their total: "网站X条、微博Y条，共计W条")
// and does not add up. A list with a part whose number was left out ("资质条") is a blank, said
// by text.unfilled_blank, not a sum that fails. A list that stops short of its whole is
// an ordinary "其中" (among them) and is left alone, as is any list with a qualified figure
// ("5500余条", "约4900人次").
#include <cmath>

#include "validate/prose/prose_checks.h"
#include "validate/prose/prose_missing_numbers.h"

namespace nianbao::checks {

namespace {

std::string join_parts(const ProseParagraph& p, const std::vector<size_t>& parts) {
  std::string s;
  for (size_t i : parts) {
    if (!s.empty()) s += " + ";
    s += p.figures[i].number_text;
  }
  return s;
}

// A sum in the unit of the whole (16.51 for 16.51万), rounded to the decimals of its parts.
double in_whole_unit(double absolute, const Figure& whole, const ProseParagraph& p,
                     const std::vector<size_t>& parts) {
  int decimals = whole.decimals;
  for (size_t i : parts) decimals = std::max(decimals, p.figures[i].decimals);
  double factor = std::pow(10.0, decimals);
  return std::round(absolute / whole.scale * factor) / factor;
}

// The sum printed with the decimals of its most precise part, in the unit of the whole.
std::string format_sum(double absolute, const Figure& whole, const ProseParagraph& p,
                       const std::vector<size_t>& parts) {
  int decimals = 0;
  for (size_t i : parts) decimals = std::max(decimals, p.figures[i].decimals);
  double v = absolute / whole.scale;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  Figure shown = whole;
  shown.number_text = buf;
  return shown.display();
}

bool qualified(const ProseParagraph& p, const Enumeration& e, size_t count) {
  if (p.figures[e.whole].bound != Bound::Exact) return true;
  for (size_t k = 0; k < count && k < e.candidates.size(); ++k)
    if (p.figures[e.candidates[k]].bound != Bound::Exact) return true;
  return false;
}

void verified_sum(const ProseParagraph& p, const Enumeration& e, const Rules& rules,
                  std::vector<Finding>* verified) {
  if (!verified) return;
  std::vector<size_t> parts(e.candidates.begin(), e.candidates.begin() + static_cast<long>(e.matched));
  if (!e.matched) parts.insert(parts.end(), e.candidates.begin(), e.candidates.end());
  parts.insert(parts.end(), e.continued.begin(), e.continued.end());
  const Figure& w = p.figures[e.whole];
  size_t first = std::min(w.begin, p.figures[parts.front()].clause_begin);
  size_t last = std::max(w.end, p.figures[parts.back()].end);
  Finding f = start_finding("text.sum_mismatch", rules);
  f.loc = p.loc_at(w.number_begin);
  f.args["quote"] = statement_quote(p, first, last);
  f.args["total"] = w.number_text;
  f.args["parts"] = join_parts(p, parts);
  verified->push_back(std::move(f));
}

// Parts whose sum exceeds the whole; identical parts and a figure repeating the total right
// after it are named, since they are what a reader has to correct.
void double_count(const ProseParagraph& p, const Enumeration& e, size_t count, const Rules& rules,
                  std::vector<Finding>& out) {
  const Figure& w = p.figures[e.whole];
  std::vector<size_t> parts(e.candidates.begin(), e.candidates.begin() + static_cast<long>(count));
  double sum = 0;
  for (size_t i : parts) sum += p.figures[i].absolute();
  std::string zh, en;
  size_t at = w.number_begin, first = p.figures[parts.front()].clause_begin, last = w.end;
  for (size_t a = 0; a < parts.size(); ++a)
    for (size_t b = a + 1; b < parts.size(); ++b) {
      const Figure& x = p.figures[parts[a]];
      const Figure& y = p.figures[parts[b]];
      if (x.number_text != y.number_text || x.scale != y.scale || !zh.empty()) continue;
      zh = "分项 " + x.display() + " 与 " + y.display() + " 相同，";
      en = "the parts " + x.display() + " and " + y.display() + " are the same; ";
      at = y.clause_begin;
    }
  std::string s = format_sum(sum, w, p, parts);
  zh += "分项之和 " + s + " 超过合计 " + w.display();
  en += "the parts add up to " + s + ", more than the total " + w.display();
  if (e.whole + 1 < p.figures.size()) {
    const Figure& next = p.figures[e.whole + 1];
    if (next.sentence == w.sentence && next.number_text == w.number_text && next.scale == w.scale &&
        next.unit != w.unit) {
      zh += "；随后的 " + next.display() + " 又与合计相同";
      en += "; the " + next.display() + " after it repeats the total";
      last = next.end;
    }
  }
  if (e.kind != Enumeration::Kind::TotalAfter) first = w.begin, last = std::max(last, p.figures[parts.back()].end);
  Finding f = start_finding("text.double_count", rules);
  f.loc = p.loc_at(at);
  f.expected = w.value;
  f.actual = in_whole_unit(sum, w, p, parts);
  f.args["quote"] = statement_quote(p, first, last);
  f.args["total"] = w.display();
  f.args["sum"] = s;
  put(f, "detail", Text{zh, en});
  out.push_back(std::move(f));
}

void sum_mismatch(const ProseParagraph& p, const Enumeration& e, size_t count, const Rules& rules,
                  std::vector<Finding>& out) {
  const Figure& w = p.figures[e.whole];
  std::vector<size_t> parts(e.candidates.begin(), e.candidates.begin() + static_cast<long>(count));
  double sum = 0;
  for (size_t i : parts) sum += p.figures[i].absolute();
  Finding f = start_finding("text.sum_mismatch", rules);
  f.loc = p.loc_at(w.number_begin);
  f.expected = in_whole_unit(sum, w, p, parts);
  f.actual = w.value;
  if (e.kind == Enumeration::Kind::TotalAfter)
    f.args["quote"] = statement_quote(p, p.figures[parts.front()].clause_begin, w.end);
  else
    f.args["quote"] = statement_quote(p, w.begin, p.figures[parts.back()].end);
  f.args["total"] = w.display();
  f.args["sum"] = format_sum(sum, w, p, parts);
  f.args["parts"] = join_parts(p, parts);
  f.args["diff"] = format_sum(std::fabs(sum - w.absolute()), w, p, parts);
  out.push_back(std::move(f));
}

// Whether a part of the list was left without its number ("核准企业资质条"): the list then
// cannot add up, and the blank is what is wrong.
bool has_blank(const ProseParagraph& p, const Enumeration& e, const std::vector<MissingNumber>& blanks) {
  size_t from = p.figures[e.whole].begin, to = p.figures[e.whole].end;
  for (size_t i : e.candidates) from = std::min(from, p.figures[i].clause_begin), to = std::max(to, p.figures[i].end);
  to = std::max(to, p.sentences[p.figures[e.candidates.back()].sentence].end);  // a blank last part
  for (const MissingNumber& m : blanks)
    if (m.unit >= from && m.unit < to) return true;
  return false;
}

}  // namespace

void prose_sums(const ProseContext& prose, const Rules& rules, std::vector<Finding>& out,
                std::vector<Finding>* verified) {
  for (size_t k = 0; k < prose.paragraphs.size(); ++k) {
    const ProseParagraph& p = prose.paragraphs[k];
    const std::vector<MissingNumber> blanks = missing_numbers(p, rules.prose.missing_number);
    for (const Enumeration& e : prose.enumerations[k]) {
      if (e.matched || !e.continued.empty()) {
        verified_sum(p, e, rules, verified);
        continue;
      }
      if (e.kind == Enumeration::Kind::Bracket) continue;
      const Figure& w = p.figures[e.whole];
      // The first prefix of two or more parts that is more than the whole.
      double sum = 0, tol = w.tolerance();
      size_t exceed = 0;
      for (size_t i = 0; i < e.candidates.size() && !exceed; ++i) {
        sum += p.figures[e.candidates[i]].absolute();
        tol += p.figures[e.candidates[i]].tolerance();
        if (i >= 1 && sum > w.absolute() + tol + 1e-9) exceed = i + 1;
      }
      size_t n = e.candidates.size();
      if (exceed && qualified(p, e, exceed)) continue;
      // A complete list after 其中 that runs over is a total that does not add up; parts before
      // their total that run over it count something twice (the seed's 14.6 + 14.6 > 16.51).
      bool listed_whole = e.complete && exceed == n && e.kind == Enumeration::Kind::PartsAfter;
      if (exceed && !listed_whole) double_count(p, e, exceed, rules, out);
      else if (e.complete && e.kind != Enumeration::Kind::Bracket && n >= 2 && !qualified(p, e, n) &&
               !has_blank(p, e, blanks))
        sum_mismatch(p, e, n, rules, out);
    }
  }
}

}  // namespace nianbao::checks
