#include "extract/read/pdf/pdf_lines.h"

#include <algorithm>

#include "extract/rules/headings.h"
#include "extract/normalize/normalize.h"

namespace nianbao {

namespace {

// Two words are on one line when their vertical extents overlap by this share of the smaller
// height: numbers set in another font sit a little lower than their label, but the next line
// of a wrapped label (one line pitch away) overlaps far less.
constexpr double kSameLineOverlap = 0.5;
// A gap wider than this many font sizes separates cells; prose (even justified) stays below.
constexpr double kCellGapEm = 1.0;
// A gap wider than this many font sizes is shown as a space in the line's text.
constexpr double kSpaceGapEm = 0.2;
// A short line between table rows is part of the table when the rows around it are at most
// this many font sizes apart, its text no longer than kShortLineChars (or kLongLabelChars) and
// its font no larger than kTableFontRatio times the rows' font.
constexpr double kTableSpanEm = 12.0;
// Rows up to kNarrowSpanEm apart when every line between them is at most kNarrowLineChars long.
constexpr double kNarrowSpanEm = 24.0;
constexpr size_t kNarrowLineChars = 6;
constexpr size_t kShortLineChars = 30;
// A row label of the formats is up to 33 characters ("1.申请人无正当理由逾期不补正、…") and a
// group label may share its line: a line up to this long is short too when it holds no
// punctuation of a sentence (a line of prose set small is as long).
constexpr size_t kLongLabelChars = 42;
// A line ending with figures after its label is a table row when the label is at most
// kLongLabelChars long and followed by kRowFigures figures or more, or at most kShortLabelChars
// long (a table of one or two value columns).
constexpr size_t kRowFigures = 3;
constexpr size_t kShortLabelChars = 12;
constexpr double kTableFontRatio = 1.25;
// How many recent lines a word is compared with: lines are built top to bottom.
constexpr size_t kLookBack = 12;

double height(const Box& b) { return b.y1 - b.y0; }

// The measure of the gaps between two words: the smaller height of their boxes (ascent to
// descent: the font size for Chinese text, a little more for Latin digits and for fonts with
// tall ascenders), in which the gap thresholds above are set; at least one point.
double gap_em(const Span& a, const Span& b) { return std::max(1.0, std::min(height(a.box), height(b.box))); }

double overlap(double a0, double a1, double b0, double b1) {
  return std::min(a1, b1) - std::max(a0, b0);
}

// The em of a word set in Chinese when its glyphs are drawn in boxes taller than one and a
// half ems (a Chinese character is one em wide, whatever height the producer gives its box);
// 0 otherwise. A word of characters stacked one under another (a label printed one character
// per line) is tall too, but each of its glyphs is not.
double tall_glyphs_em(const PdfWord& w) {
  double em = 0, glyph_height = 0;
  size_t glyph = 0;
  for (size_t i = 0; i < w.text.size(); ++i) {
    auto lead = static_cast<unsigned char>(w.text[i]);
    if ((lead & 0xC0) == 0x80) continue;  // inside a code point
    if (glyph < w.glyphs.size() && lead >= 0xE3 && lead < 0xF0) {  // U+3000 and up: CJK, fullwidth
      const Box& g = w.glyphs[glyph];
      em = std::max(em, g.x1 - g.x0);
      glyph_height = std::max(glyph_height, g.y1 - g.y0);
    }
    ++glyph;
  }
  return w.glyphs.size() == glyph && em > 0 && glyph_height > 1.5 * em ? em : 0;
}

// The part of a word's box its glyphs fill: a browser printing a heading gives each glyph the
// height of its whole line box, more than two ems, which reaches into the lines above and
// below; the glyphs fill the middle em.
Box ink_band(const PdfWord& w) {
  const Box& b = w.box;
  double em = tall_glyphs_em(w);
  if (em <= 0) return b;
  double mid = (b.y0 + b.y1) / 2;
  return {b.x0, mid - em / 2, b.x1, mid + em / 2};
}

// Whether a word reads top to bottom or bottom to top (a group label turned in its merged cell,
// or set in a vertical text box): two characters or more, one em wide, as tall as its
// characters stacked. Its box spans the rows beside it: taken as the first word of a line it
// would gather every row it spans into one, and whether it comes first depends on nothing more
// than a fraction of a point in where a producer puts its box. It joins, once the other lines
// are built, the first line it spans.
bool reads_vertically(const PdfWord& w) {
  if (w.font_size <= 0) return false;
  const double em = w.font_size;
  const size_t n = utf8_length(w.text);
  return n >= 2 && w.box.x1 - w.box.x0 <= 1.5 * em && w.box.y1 - w.box.y0 >= 0.8 * static_cast<double>(n) * em;
}

struct Building {
  Box seed;  // the first word's ink band: comparing with it keeps a line from creeping downwards
  Box box;
  std::vector<Span> spans;

  void add(Span s) {
    box = box.united(s.box);
    spans.push_back(std::move(s));
  }
};

// The first of `open` (top to bottom) that `vertical` spans: its first word's ink band lies
// mostly within the vertical word's box; null when none does.
Building* first_spanned(std::vector<Building>& open, const Box& vertical) {
  Building* first = nullptr;
  for (auto& b : open) {
    const double h = height(b.seed);
    if (h <= 0 || overlap(b.seed.y0, b.seed.y1, vertical.y0, vertical.y1) < kSameLineOverlap * h) continue;
    if (!first || b.seed.y0 < first->seed.y0) first = &b;
  }
  return first;
}

std::string join(const std::vector<Span>& spans, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    if (i > from) {
      if (spans[i].box.x0 - spans[i - 1].box.x1 > kSpaceGapEm * gap_em(spans[i], spans[i - 1])) out += ' ';
    }
    out += spans[i].text;
  }
  return out;
}

// A number and nothing else ("1520", "12.5", "１５", "+1", "减少2"): a table's figure.
bool bare_number(const std::string& text) { return parse_number(text).has_value(); }

// Where the figures a table row printed tight ends with begin: the first of the numbers, each
// set apart by a visible gap, that end the line after its label (`spans.size()` when it ends
// otherwise). A table drawn without lines and tightly spaced has such rows ("行政许可 1520", a
// space apart). Prose wrapped after a number ("…予以答复。政府信息公开行政复议 351") is told
// from them by its punctuation and its length: a row's label ends no sentence, and when one or
// two figures follow it, it is short and holds no punctuation of a sentence at all.
size_t trailing_figures(const std::vector<Span>& spans) {
  size_t first = spans.size();
  while (first > 1 && bare_number(spans[first - 1].text) &&
         spans[first - 1].box.x0 - spans[first - 2].box.x1 > kSpaceGapEm * gap_em(spans[first - 1], spans[first - 2]))
    --first;
  if (first == spans.size() || bare_number(spans[first - 1].text)) return spans.size();
  const std::string label = compact(join(spans, 0, first));
  if (spans.size() - first >= kRowFigures)  // a row of the applications table, say
    return label.find("。") == std::string::npos && utf8_length(label) <= kLongLabelChars ? first : spans.size();
  return !has_sentence_punctuation(label) && utf8_length(label) <= kShortLabelChars ? first : spans.size();
}

Line finish(Building& b) {
  std::sort(b.spans.begin(), b.spans.end(),
            [](const Span& x, const Span& y) { return x.box.x0 < y.box.x0; });
  Line line;
  line.box = b.box;
  line.text = join(b.spans, 0, b.spans.size());
  std::vector<std::string> cells;
  size_t start = 0;
  const size_t figures = trailing_figures(b.spans);
  for (size_t i = 1; i <= b.spans.size(); ++i) {
    bool cut = i == b.spans.size() || i >= figures;
    if (!cut) {
      cut = b.spans[i].box.x0 - b.spans[i - 1].box.x1 > kCellGapEm * gap_em(b.spans[i], b.spans[i - 1]);
    }
    if (cut) {
      cells.push_back(join(b.spans, start, i));
      start = i;
    }
  }
  if (cells.size() >= 2) line.cells = std::move(cells);
  line.spans = std::move(b.spans);
  return line;
}

double font_of(const Line& l) {
  double f = 0;
  for (const auto& s : l.spans) f = std::max(f, s.font_size);
  return f;
}

bool is_part_heading(const std::string& text, const HeadingRules& headings) {
  auto h = headings.classify(text);
  return h && h->level == 0 && h->part > 0;
}

// Marks the short lines printed between table rows as table lines (see build_lines).
bool table_like(const Line& l, double font, const HeadingRules& headings) {
  std::string t = compact(l.text);
  size_t n = utf8_length(t);
  bool is_short = n <= kShortLineChars || (n <= kLongLabelChars && !has_sentence_punctuation(t));
  return !t.empty() && is_short && font_of(l) <= kTableFontRatio * font && !is_part_heading(l.text, headings);
}

void mark_table_lines(std::vector<Line>& lines, const HeadingRules& headings) {
  std::vector<size_t> rows;
  for (size_t i = 0; i < lines.size(); ++i)
    if (lines[i].cells.size() >= 2) rows.push_back(i);
  for (size_t r = 0; r + 1 < rows.size(); ++r) {
    const Line& above = lines[rows[r]];
    const Line& below = lines[rows[r + 1]];
    double font = std::max(font_of(above), font_of(below));
    double gap = below.box->y0 - above.box->y1;
    if (gap > kTableSpanEm * font) {
      // Farther apart only when all between is the stack of a label column a few characters
      // wide, one row's label wrapped over a dozen lines and more.
      bool narrow = gap <= kNarrowSpanEm * font;
      for (size_t i = rows[r] + 1; narrow && i < rows[r + 1]; ++i)
        narrow = utf8_length(compact(lines[i].text)) <= kNarrowLineChars;
      if (!narrow) continue;
    }
    for (size_t i = rows[r] + 1; i < rows[r + 1]; ++i)
      if (table_like(lines[i], font, headings)) lines[i].cells = {lines[i].text};
  }
  if (rows.empty()) return;
  // A table come over from the page before: the short lines above its first row start the page
  // (a label printed wholly above the row it ends, whose figures ended the page before).
  double head_font = font_of(lines[rows.front()]);
  size_t head = rows.front();
  while (head > 0 && table_like(lines[head - 1], head_font, headings) &&
         lines[head].box->y0 - lines[head - 1].box->y1 <= kTableSpanEm * head_font)
    --head;
  if (head == 0)
    for (size_t i = 0; i < rows.front(); ++i) lines[i].cells = {lines[i].text};
  // A table running on to the next page: the short lines under its last row end the page
  // (the rest of a label broken by the page end).
  double font = font_of(lines[rows.back()]);
  std::vector<size_t> tail;
  for (size_t i = rows.back() + 1; i < lines.size(); ++i) {
    if (!table_like(lines[i], font, headings) || lines[i].box->y0 - lines[i - 1].box->y1 > kTableSpanEm * font) return;
    tail.push_back(i);
  }
  for (size_t i : tail) lines[i].cells = {lines[i].text};
}

}  // namespace

std::vector<Line> build_lines(std::vector<PdfWord> words, const HeadingRules& headings) {
  std::stable_sort(words.begin(), words.end(),
                   [](const PdfWord& a, const PdfWord& b) { return a.box.y0 < b.box.y0; });
  std::vector<Building> open;
  std::vector<PdfWord> vertical;
  for (auto& w : words) {
    if (reads_vertically(w)) {
      vertical.push_back(std::move(w));
      continue;
    }
    Building* best = nullptr;
    double best_share = kSameLineOverlap;
    size_t from = open.size() > kLookBack ? open.size() - kLookBack : 0;
    const Box band = ink_band(w);
    for (size_t i = from; i < open.size(); ++i) {
      double h = std::min(height(open[i].seed), height(band));
      if (h <= 0) continue;
      double share = overlap(open[i].seed.y0, open[i].seed.y1, band.y0, band.y1) / h;
      if (share >= best_share) {
        best_share = share;
        best = &open[i];
      }
    }
    Span s{std::move(w.text), w.box, w.font_size};
    if (!best) {
      open.push_back({band, s.box, {}});
      best = &open.back();
    }
    best->add(std::move(s));
  }
  for (auto& w : vertical) {
    Building* line = first_spanned(open, w.box);
    if (!line) {
      open.push_back({w.box, w.box, {}});
      line = &open.back();
    }
    line->add(Span{std::move(w.text), w.box, w.font_size});
  }
  // Lines in reading order: by their first word's top.
  std::stable_sort(open.begin(), open.end(),
                   [](const Building& a, const Building& b) { return a.seed.y0 < b.seed.y0; });
  std::vector<Line> lines;
  lines.reserve(open.size());
  for (auto& b : open) lines.push_back(finish(b));
  mark_table_lines(lines, headings);
  return lines;
}

}  // namespace nianbao
