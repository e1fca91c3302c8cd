#include "validate/prose/prose_figures.h"

#include "extract/normalize/normalize.h"

#include <re2/re2.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

namespace nianbao {

namespace {

// Units of what reports count. Longest first, so that "人次" wins over "人". Units of time,
// length or area are left out: they are never added up into the totals checked here.
const std::vector<std::string>& units() {
  static const std::vector<std::string> u = {
      "人次", "册次", "件次", "批次", "场次", "万元", "亿元", "%", "件", "条", "个", "项", "篇", "期",
      "场", "家", "份", "起", "宗", "人", "元", "户", "次", "张", "名", "处", "所", "部", "册", "封",
      "通", "批", "类", "本", "套", "台", "辆", "位"};
  return u;
}

bool starts_with_at(const std::string& s, size_t at, const std::string& what) {
  return s.size() >= at + what.size() && s.compare(at, what.size(), what) == 0;
}

bool ends_with_at(const std::string& s, size_t end, const std::string& what) {
  return end >= what.size() && s.compare(end - what.size(), what.size(), what) == 0;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "约", "近", "超过" … before the number; the longest that matches.
Bound bound_before(const std::string& t, size_t at, size_t* begin) {
  static const std::vector<std::pair<std::string, Bound>> words = {
      {"将近", Bound::About}, {"大约", Bound::About}, {"超过", Bound::AtLeast}, {"不到", Bound::AtMost},
      {"不足", Bound::AtMost}, {"约", Bound::About},   {"近", Bound::About},     {"超", Bound::AtLeast},
      {"逾", Bound::AtLeast}, {"突破", Bound::AtLeast}, {"破", Bound::AtLeast}};
  for (const auto& [w, b] : words)
    if (ends_with_at(t, at, w)) {
      *begin = at - w.size();
      return b;
    }
  *begin = at;
  return Bound::Exact;
}

std::optional<Percent> percent_after(const std::string& t, size_t at) {
  static const RE2 re(R"(^(?:,?(?:占比为|占比|占总数的|占总量的|占|比例为)|\()([0-9]+(?:\.[0-9]+)?)%)");
  re2::StringPiece rest(t.data() + at, t.size() - at);
  std::string number;
  if (!RE2::PartialMatch(rest, re, &number)) return std::nullopt;
  std::optional<double> value = digits_value(number);
  if (!value) return std::nullopt;
  Percent p;
  p.text = number;
  p.value = *value;
  size_t dot = number.find('.');
  p.decimals = dot == std::string::npos ? 0 : static_cast<int>(number.size() - dot - 1);
  return p;
}

using Compiled = std::vector<std::unique_ptr<const RE2>>;

// The patterns compiled, once per thread for each list: every paragraph of every report reads
// its figures with the same lists, and compiling them anew each time cost more than reading.
const Compiled& compiled(const std::vector<std::string>& patterns) {
  thread_local std::map<std::vector<std::string>, std::unique_ptr<const Compiled>> cache;
  std::unique_ptr<const Compiled>& slot = cache[patterns];
  if (!slot) {
    auto list = std::make_unique<Compiled>();
    for (const auto& s : patterns) list->push_back(std::make_unique<const RE2>(s));
    slot = std::move(list);
  }
  return *slot;
}

bool matches_any(const std::string& text, const Compiled& patterns) {
  for (const auto& re : patterns)
    if (RE2::PartialMatch(text, *re)) return true;
  return false;
}

// Another year named before the figure in its clause ("2019年…"); the following year is that of
// carried-forward applications ("结转至2026年6件") and of plans, not of a comparison.
bool names_other_year(const std::string& label, int year) {
  if (year == 0) return false;
  static const RE2 re(R"(((?:19|20)[0-9]{2})年)");
  re2::StringPiece in(label);
  std::string y;
  while (RE2::FindAndConsume(&in, re, &y)) {
    int found = std::stoi(y);
    if (found != year && found != year + 1) return true;
  }
  return false;
}

}  // namespace

double Figure::tolerance() const {
  if (decimals == 0 && scale == 1) return 0;
  return 0.5 * std::pow(10.0, -decimals) * scale;
}

std::string Figure::display() const {
  std::string s = number_text;
  if (scale == 1e4) s += "万";
  if (scale == 1e8) s += "亿";
  return s + unit;
}

Location ProseParagraph::loc_at(size_t folded_offset) const {
  return source->loc_at(folded.source_at(folded_offset));
}

std::string ProseParagraph::quote(size_t begin, size_t end, size_t max_chars) const {
  return nianbao::quote(source->text, folded, begin, end, max_chars);
}

size_t ProseParagraph::sentence_of(size_t at) const {
  for (size_t i = 0; i < sentences.size(); ++i)
    if (at < sentences[i].end) return i;
  return sentences.empty() ? 0 : sentences.size() - 1;
}

ProseParagraph read_prose(const Paragraph& p, const FigureContext& context) {
  ProseParagraph out;
  out.source = &p;
  out.folded = fold_mapped(p.text);
  out.sentences = sentences(out.folded.text);
  const std::string& t = out.folded.text;
  const Compiled& other = compiled(context.other_period);
  const Compiled& same = compiled(context.same_period);

  std::vector<int> depth(t.size() + 1, 0);
  for (size_t i = 0, d = 0; i < t.size(); ++i) {
    if (t[i] == '(') ++d;
    depth[i] = static_cast<int>(d);
    if (t[i] == ')' && d > 0) --d;
    depth[i + 1] = static_cast<int>(d);
  }
  size_t previous_end = 0;
  for (size_t i = 0; i < t.size();) {
    bool starts = is_digit(t[i]) && (i == 0 || !(is_digit(t[i - 1]) || t[i - 1] == '.' || is_alpha(t[i - 1])));
    if (!starts) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < t.size() && is_digit(t[j])) ++j;
    // "1,234" only with an ASCII comma as printed: a full-width "，" after a number ends a clause.
    while (j + 3 < t.size() && t[j] == ',' && p.text[out.folded.source_at(j)] == ',' && is_digit(t[j + 1]) &&
           is_digit(t[j + 2]) && is_digit(t[j + 3]) && (j + 4 >= t.size() || !is_digit(t[j + 4])))
      j += 4;
    if (j + 1 < t.size() && t[j] == '.' && is_digit(t[j + 1])) {
      ++j;
      while (j < t.size() && is_digit(t[j])) ++j;
    }
    std::string digits = t.substr(i, j - i);
    size_t k = j;
    Figure f;
    for (const char* more : {"余", "多"})
      if (starts_with_at(t, k, more)) f.bound = Bound::AtLeast, k += std::string(more).size();
    if (starts_with_at(t, k, "万") && !starts_with_at(t, k, "万元")) f.scale = 1e4, k += 3;
    else if (starts_with_at(t, k, "亿") && !starts_with_at(t, k, "亿元")) f.scale = 1e8, k += 3;
    for (const char* more : {"余", "多"})
      if (starts_with_at(t, k, more)) f.bound = Bound::AtLeast, k += std::string(more).size();
    for (const auto& u : units())
      if (starts_with_at(t, k, u)) {
        f.unit = u;
        break;
      }
    size_t first = i;
    if (f.unit.empty() || ends_with_at(t, i, "第")) {
      i = j;
      continue;
    }
    if (f.unit == "万元") f.scale = 1e4, f.unit = "元";
    if (f.unit == "亿元") f.scale = 1e8, f.unit = "元";
    k += starts_with_at(t, k, "万元") || starts_with_at(t, k, "亿元") ? 6 : f.unit.size();
    for (const auto& [w, b] : {std::pair<const char*, Bound>{"以上", Bound::AtLeast}, {"以下", Bound::AtMost},
                               {"左右", Bound::About}, {"余", Bound::AtLeast}, {"多", Bound::AtLeast}})
      if (starts_with_at(t, k, w)) f.bound = b, k += std::string(w).size();
    Bound before = bound_before(t, i, &first);
    if (before != Bound::Exact) f.bound = before;
    std::string plain;
    for (char c : digits)
      if (c != ',') plain += c;
    std::optional<double> value = digits_value(plain);
    if (!value) {  // hundreds of digits: not a figure of a report
      i = j;
      continue;
    }
    f.value = *value;
    size_t dot = plain.find('.');
    f.decimals = dot == std::string::npos ? 0 : static_cast<int>(plain.size() - dot - 1);
    f.number_text = digits;
    f.begin = first;
    f.number_begin = i;
    f.end = k;
    f.depth = depth[i];
    if (f.unit != "%") f.percent = percent_after(t, k);
    // The clause: back to the clause mark or the previous figure, on to the next clause mark.
    size_t cb = first;
    while (cb > previous_end) {
      size_t back = cb - 1;
      while (back > 0 && (static_cast<unsigned char>(t[back]) & 0xC0) == 0x80) --back;
      if (clause_mark_at(t, back)) break;
      cb = back;
    }
    size_t ce = k;
    while (ce < t.size() && !clause_mark_at(t, ce)) ++ce;
    f.clause_begin = cb;
    f.clause_end = ce;
    f.label = t.substr(cb, first - cb);
    f.statement = f.label + "#" + t.substr(k, ce - k);
    f.sentence = out.sentence_of(i);
    f.other_period = (matches_any(f.label, other) && !matches_any(f.label, same)) ||
                     names_other_year(f.label, context.year);
    previous_end = k;
    if (f.percent) {
      // The attached percentage is part of this figure, not one of its own.
      size_t pct = t.find('%', k);
      previous_end = pct + 1 + (pct + 1 < t.size() && t[pct + 1] == ')');
    }
    f.after = previous_end;
    out.figures.push_back(std::move(f));
    i = previous_end > j ? previous_end : j;
  }
  return out;
}

}  // namespace nianbao
