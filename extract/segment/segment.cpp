#include "extract/segment/segment.h"

#include <bit>

#include "extract/normalize/normalize.h"
#include "extract/normalize/vocabulary.h"

namespace nianbao {

namespace {

// A paragraph ends where a sentence ends; a line that stops mid-sentence (the seed's
// "…成员的政\n\n府信息公开工作领导小组", or the hard wraps of PDF->Markdown conversions)
// continues on the next prose line, across blank lines and page breaks.
bool ends_with(std::string_view t, std::string_view suffix) {
  return t.size() >= suffix.size() && t.substr(t.size() - suffix.size()) == suffix;
}

// A view, not a copy: the text may be a whole report on one line.
bool ends_sentence(std::string_view t) {
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  // A closing quote or bracket ends a sentence only after sentence punctuation ("…。”");
  // "（此件公开发布）" and headings in brackets end their line too.
  for (std::string_view closer : {"”", "\"", "）", ")", "**"})
    if (ends_with(t, closer)) {
      t.remove_suffix(closer.size());
      if (closer == "）" || closer == ")") return true;
      break;
    }
  for (std::string_view e : {"。", "！", "？", "；", "：", "…", "!", "?", ";", ":"})
    if (ends_with(t, e)) return true;
  return false;
}

void add_piece(Paragraph& p, std::string_view text, Location loc) {
  p.pieces.push_back({p.text.size(), loc});
  p.text += text;
}


struct Builder {
  Segmentation out;
  Paragraph open;
  bool has_open = false;
  int current_part = 0;
  std::vector<size_t> boundaries;  // line index of every part-level heading, in order

  void flush() {
    if (has_open && !open.text.empty()) out.paragraphs.push_back(std::move(open));
    open = Paragraph{};
    has_open = false;
  }
  void prose(std::string_view text, Location loc) {
    if (!has_open) {
      open.section = current_part;
      has_open = true;
    }
    add_piece(open, text, loc);
    if (ends_sentence(text)) flush();
  }
  void part(const Heading& h, Location loc, size_t index) {
    flush();
    if (h.part == 0) {
      boundaries.push_back(index);
      return;
    }
    Section s;
    s.number = h.part;
    s.printed = h.printed;
    s.title = h.text;
    s.loc = loc;
    s.first_line = index;
    boundaries.push_back(index);
    for (const auto& seen : out.sections)
      if (seen.number == h.part) {  // the first heading of a part is the part
        out.repeated.push_back(s);
        return;
      }
    out.sections.push_back(s);
    current_part = h.part;
  }
};

// A heading of a lower level ("1.") whose printed number is the number of the part its title
// names ("2. 主动公开政府信息情况"). Pages whose list numbers are drawn by the browser lose "一、"
// and keep only "1." (LibreOffice's HTML export).
bool numbers_its_part(const Heading& h, const HeadingRules& rules) {
  return h.level != 0 && h.printed >= 1 && h.printed <= 6 && rules.part_of(h.text) == h.printed;
}

// `numbered_parts`: headings that numbers_its_part are taken for parts. `numbered_seen`, when
// given, receives the numbers of those headings, one bit each.
Segmentation segment_pass(const Document& doc, const HeadingRules& rules, bool numbered_parts,
                          unsigned* numbered_seen) {
  Builder b;
  std::vector<const Line*> lines = doc.all_lines();
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = *lines[i];
    if (line.is_table_row()) {
      b.flush();
      continue;
    }
    std::string_view text = trim_right(line.text);
    if (text.empty()) continue;
    size_t chars = utf8_length(text);
    if (chars < rules.inline_scan_min_chars()) {
      if (auto h = rules.classify(std::string(text))) {
        if (numbers_its_part(*h, rules)) {
          if (numbered_seen) *numbered_seen |= 1u << h->printed;
          if (numbered_parts) {
            h->level = 0;
            h->part = h->printed;
          }
        }
        if (h->level == 0 && rules.is_pre2019_heading(h->text)) b.out.pre2019_layout = true;
        if (h->level == 0) {
          b.part(*h, line.loc, i);
          continue;
        }
        // Lower-level headings end the paragraph before them and are prose of their own.
        b.flush();
        b.prose(text, line.loc);
        b.flush();
        continue;
      }
      b.prose(text, line.loc);
      continue;
    }
    // A portal dump: the whole report on one line. Part headings are found inside it and the
    // prose between them becomes one paragraph per part.
    const std::string folded = fold(text);
    const std::string_view prose = folded;
    size_t start = 0;
    for (const auto& hit : rules.scan_inline(folded)) {
      if (hit.offset > start) b.prose(prose.substr(start, hit.offset - start), line.loc);
      if (rules.is_pre2019_heading(hit.heading.text)) b.out.pre2019_layout = true;
      b.part(hit.heading, line.loc, i);
      start = hit.offset;
    }
    b.prose(prose.substr(start), line.loc);
    b.flush();
  }
  b.flush();
  for (size_t k = 0; k < b.out.sections.size(); ++k)
    b.out.sections[k].end_line =
        k + 1 < b.out.sections.size() ? b.out.sections[k + 1].first_line : lines.size();
  // A repeated heading's part runs to the next part-level heading of any kind.
  for (auto& r : b.out.repeated) {
    r.end_line = lines.size();
    for (size_t at : b.boundaries)
      if (at > r.first_line) {
        r.end_line = at;
        break;
      }
  }
  // A dump has every part on the same line: each part then spans that line.
  for (auto* list : {&b.out.sections, &b.out.repeated})
    for (auto& s : *list)
      if (s.end_line <= s.first_line) s.end_line = s.first_line + 1;
  return b.out;
}

// Fewer numbered parts than this and "1."–"6." headings are not taken for the six parts: a
// report without part headings may still number a few items that name a part's subject.
constexpr size_t kMinNumberedParts = 3;

}  // namespace

Segmentation segment(const Document& doc, const HeadingRules& rules) {
  unsigned numbered_seen = 0;
  Segmentation out = segment_pass(doc, rules, false, &numbered_seen);
  if (!out.sections.empty()) return out;
  // Without a part found by the first pass, the second one's parts are the numbers seen: it
  // reads the whole text again (a report on one line of megabytes) only when they are enough.
  if (static_cast<size_t>(std::popcount(numbered_seen)) < kMinNumberedParts) return out;
  Segmentation numbered = segment_pass(doc, rules, true, nullptr);
  return numbered.sections.size() >= kMinNumberedParts ? numbered : out;
}

}  // namespace nianbao
