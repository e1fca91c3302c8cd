#include "validate/prose/prose_enumerations.h"

#include <cmath>

namespace nianbao {

namespace {

bool starts_with(const std::string& s, const std::string& w) { return s.rfind(w, 0) == 0; }

// The label without what opens a list item ("以及其他…" -> "其他…").
std::string item_label(std::string label) {
  for (const char* lead : {"以及", "和", "及", "与"})
    if (starts_with(label, lead)) return label.substr(std::string(lead).size());
  return label;
}

bool label_opens(const std::string& label, const std::vector<std::string>& words) {
  for (const auto& w : words)
    if (starts_with(label, w)) return true;
  return false;
}

bool countable(const Figure& f) { return f.unit != "%" && !f.other_period; }

// The candidates' first prefix that adds up to the whole; 0 when none of two or more does.
size_t matching_prefix(const ProseParagraph& p, const Enumeration& e) {
  double sum = 0, tol = p.figures[e.whole].tolerance();
  for (size_t k = 0; k < e.candidates.size(); ++k) {
    const Figure& f = p.figures[e.candidates[k]];
    sum += f.absolute();
    tol += f.tolerance();
    if (k >= 1 && adds_up(sum, tol, p.figures[e.whole])) return k + 1;
  }
  return 0;
}

// Parts in the sentences after the list's own that complete the sum ("…1592条，占76.9%。
// 各乡镇…477条"): only ever used to confirm, never to find a fault.
void continue_into_next_sentences(const ProseParagraph& p, Enumeration& e) {
  if (e.candidates.empty()) return;
  const Figure& whole = p.figures[e.whole];
  double sum = 0, tol = whole.tolerance();
  for (size_t i : e.candidates) sum += p.figures[i].absolute(), tol += p.figures[i].tolerance();
  size_t last_sentence = p.figures[e.candidates.back()].sentence;
  std::vector<size_t> more;
  for (size_t i = e.candidates.back() + 1; i < p.figures.size(); ++i) {
    const Figure& f = p.figures[i];
    if (f.sentence > last_sentence + 2 || sum > whole.absolute() + tol) return;
    if (f.depth != whole.depth || !countable(f) || !same_kind(f, whole)) continue;
    more.push_back(i);
    sum += f.absolute();
    tol += f.tolerance();
    if (adds_up(sum, tol, whole)) {
      e.continued = more;
      return;
    }
  }
}

void parts_after(const ProseParagraph& p, const EnumerationWords& words, std::vector<Enumeration>& out) {
  const std::string& t = p.folded.text;
  auto find_markers = [&](const std::vector<std::string>& markers, bool adjacent) {
    for (const auto& m : markers)
      for (size_t at = t.find(m); at != std::string::npos; at = t.find(m, at + m.size())) {
        size_t s = p.sentence_of(at);
        int depth = 0;
        for (size_t i = 0; i < at; ++i) depth += t[i] == '(' ? 1 : t[i] == ')' ? -1 : 0;
        // The whole: the last figure before the marker, in its sentence, or at the end of the
        // sentence before when the marker opens its own ("…45条。其中，…32条；…13条。").
        // Figures in brackets before the marker are asides ("28件（含上年结转2件），其中…").
        std::optional<size_t> whole;
        bool figure_before = false;
        for (size_t i = 0; i < p.figures.size() && p.figures[i].end <= at; ++i) {
          if (p.figures[i].sentence != s) continue;
          figure_before = true;
          if (countable(p.figures[i]) && p.figures[i].depth <= depth) whole = i;
        }
        if (!whole && !figure_before && s > 0)
          for (size_t i = 0; i < p.figures.size() && p.figures[i].end <= at; ++i)
            if (p.figures[i].sentence + 1 == s && countable(p.figures[i]) && p.figures[i].depth <= depth)
              whole = i;
        if (!whole) continue;
        const Figure& w = p.figures[*whole];
        // "涉及" and the like name parts only right after the whole ("75件，涉及自然人72件").
        if (adjacent && (at < w.after || t.substr(w.after, at - w.after).find_first_not_of(",") != std::string::npos))
          continue;
        Enumeration e;
        e.whole = *whole;
        e.marker = at;
        e.complete = m.find("分别") != std::string::npos;
        for (size_t i = *whole + 1; i < p.figures.size(); ++i) {
          const Figure& f = p.figures[i];
          if (f.begin < at) continue;
          if (f.sentence != s || f.depth < depth) break;
          if (f.depth > depth || !countable(f) || !same_kind(f, w)) continue;
          std::string label = item_label(f.label);
          bool another = label.find("其中") != std::string::npos && f.clause_begin > at + m.size();
          if (!e.candidates.empty() && (another || label_opens(label, words.ends_parts) ||
                                        label_opens(label, words.total_words)))
            break;
          e.candidates.push_back(i);
        }
        if (e.candidates.empty()) continue;
        std::string last = item_label(p.figures[e.candidates.back()].label);
        if (label_opens(last, words.complete) || label_opens(last, {"其中"})) {
          std::string rest = starts_with(last, "其中") ? last.substr(std::string("其中").size()) : last;
          while (!rest.empty() && (rest[0] == ',' || rest[0] == ':')) rest.erase(0, 1);
          e.complete = e.complete || label_opens(item_label(rest), words.complete);
        }
        e.matched = matching_prefix(p, e);
        if (!e.matched) continue_into_next_sentences(p, e);
        out.push_back(std::move(e));
      }
  };
  find_markers(words.parts_after, false);
  find_markers(words.parts_after_adjacent, true);
}

// "…14.6万人次，…14.6万人次；全年总计16.51万人次": a total word right before the figure, and at
// least two figures of its kind before it in the sentence.
void total_after(const ProseParagraph& p, const EnumerationWords& words, std::vector<Enumeration>& out) {
  for (size_t i = 0; i < p.figures.size(); ++i) {
    const Figure& w = p.figures[i];
    if (!countable(w)) continue;
    bool marked = false;
    for (const auto& word : words.total_after) {
      size_t at = w.label.rfind(word);
      // The word closes the label but for a verb or two ("合计为", "总计达到").
      if (at != std::string::npos && w.label.size() - at - word.size() <= 6) marked = true;
    }
    if (!marked) continue;
    Enumeration e;
    e.kind = Enumeration::Kind::TotalAfter;
    e.whole = i;
    e.marker = w.begin;
    for (size_t k = 0; k < i; ++k) {
      const Figure& f = p.figures[k];
      if (f.sentence != w.sentence || f.depth != w.depth || !countable(f) || !same_kind(f, w)) continue;
      e.candidates.push_back(k);
    }
    if (e.candidates.size() < 2) continue;
    double sum = 0, tol = w.tolerance();
    for (size_t k : e.candidates) sum += p.figures[k].absolute(), tol += p.figures[k].tolerance();
    if (adds_up(sum, tol, w)) e.matched = e.candidates.size();
    // "网站X条、微博Y条、微信Z条，共计W条" gives its parts as the whole; "其中…" or "…等" before
    // the total makes them a selection, which may fall short.
    const Range& sentence = p.sentences[w.sentence];
    std::string before = p.folded.text.substr(sentence.begin, w.begin - sentence.begin);
    e.complete = true;
    for (const auto& word : words.partial_list) e.complete = e.complete && before.find(word) == std::string::npos;
    out.push_back(std::move(e));
  }
}

// "197条（政府预决算32条、部门预决算公开165条）": the bracket right after a figure holds parts of it.
void bracket(const ProseParagraph& p, const EnumerationWords& words, std::vector<Enumeration>& out) {
  const std::string& t = p.folded.text;
  for (size_t i = 0; i < p.figures.size(); ++i) {
    const Figure& w = p.figures[i];
    if (!countable(w) || w.percent || w.end >= t.size() || t[w.end] != '(') continue;
    std::string inside = t.substr(w.end + 1, 12);
    if (label_opens(inside, words.parts_after) || label_opens(inside, {"含", "包括", "包含"})) continue;
    Enumeration e;
    e.kind = Enumeration::Kind::Bracket;
    e.whole = i;
    e.marker = w.end;
    for (size_t k = i + 1; k < p.figures.size() && p.figures[k].depth > w.depth; ++k)
      if (p.figures[k].depth == w.depth + 1 && countable(p.figures[k]) && same_kind(p.figures[k], w))
        e.candidates.push_back(k);
    if (e.candidates.size() < 2) continue;
    e.matched = matching_prefix(p, e) == e.candidates.size() ? e.candidates.size() : 0;
    out.push_back(std::move(e));
  }
}

}  // namespace

bool same_kind(const Figure& a, const Figure& b) { return a.unit == b.unit && a.unit != "%"; }

bool adds_up(double sum, double tolerance, const Figure& whole) {
  return std::fabs(sum - whole.absolute()) <= tolerance + 1e-9 * std::max(1.0, whole.absolute());
}

std::vector<Enumeration> find_enumerations(const ProseParagraph& p, const EnumerationWords& words) {
  std::vector<Enumeration> out;
  parts_after(p, words, out);
  total_after(p, words, out);
  bracket(p, words, out);
  // One list per whole: a marker found twice ("其中" in "其中包括") gives the same list.
  std::vector<Enumeration> unique;
  for (auto& e : out) {
    bool seen = false;
    for (const auto& u : unique) seen = seen || (u.whole == e.whole && u.candidates == e.candidates);
    if (!seen) unique.push_back(std::move(e));
  }
  return unique;
}

}  // namespace nianbao
