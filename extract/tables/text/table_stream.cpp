#include "extract/tables/text/table_stream.h"

#include <algorithm>
#include <cstdint>
#include <set>

#include "extract/normalize/normalize.h"
#include "extract/normalize/text_search.h"
#include "extract/normalize/vocabulary.h"

namespace nianbao {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool has_digit(std::string_view s) { return std::any_of(s.begin(), s.end(), is_digit); }
bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// A cell that belongs to the label area: printed text that is neither a number nor a
// placeholder ("（三）不", "缴纳费用、").
bool is_text_cell(std::string_view folded) {
  std::string_view t = trim(folded);
  return !t.empty() && !has_digit(t) && !is_placeholder(t);
}

// Length of the numeric material at the start of `s`: digits, spaces, signs, points, commas,
// slashes, then optionally a money unit.
size_t numeric_prefix(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (is_digit(c) || c == ' ' || c == '.' || c == ',' || c == '+' || c == '-' || c == '/') {
      ++i;
      continue;
    }
    if (s.substr(i, 6) == "万元") return i + 6;
    if (s.substr(i, 3) == "元") return i + 3;
    break;
  }
  return i;
}

// Prose numbers ("2024年", "3件", "47%") are not table cells.
bool followed_by_unit(std::string_view rest) {
  static const char* units[] = {"年", "月", "日", "件", "人", "个", "%", "条", "项", "次", "家"};
  for (const char* u : units)
    if (rest.substr(0, std::char_traits<char>::length(u)) == u) return true;
  return false;
}

// Every place a match text of a row of `table` occurs in the part, in order of row, of the row's
// texts and of place: the order in which overlaps are settled.
std::vector<LabelHit> label_hits(const TextStream& s, const SchemaTable& table) {
  std::vector<std::string_view> texts;
  std::vector<int> row_of;
  for (size_t r = 0; r < table.rows.size(); ++r)
    for (const auto& pat : table.rows[r].match) {
      texts.push_back(pat);
      row_of.push_back(static_cast<int>(r));
    }
  std::vector<std::pair<size_t, size_t>> found;  // (text, place)
  TextSearch(texts).find_all(s.m(), s.begin, s.end, [&](size_t text, size_t at) { found.emplace_back(text, at); });
  std::sort(found.begin(), found.end());
  std::vector<LabelHit> hits;
  hits.reserve(found.size());
  for (const auto& [text, at] : found) {
    LabelHit h;
    h.row = row_of[text];
    h.begin = at;
    h.end = at + texts[text].size();
    hits.push_back(h);
  }
  return hits;
}

size_t find_heading(const std::string& m, const std::vector<std::string>& titles, size_t from) {
  for (const auto& t : titles) {
    if (t.empty()) continue;
    size_t p = m.find(match_form(t), from);
    if (p != std::string::npos) return p;
  }
  return std::string::npos;
}

}  // namespace

size_t TextStream::piece_at(size_t pos) const {
  if (pos >= m().size()) return pieces().empty() ? 0 : pieces().size() - 1;
  // The last piece starting at or before `pos`: a piece that adds nothing to m starts where the
  // next one does, and comes before it.
  auto after = std::upper_bound(piece_start().begin(), piece_start().end(), pos);
  return static_cast<size_t>(after - piece_start().begin()) - 1;
}

size_t TextStream::offset_at(size_t pos) const {
  auto after = std::upper_bound(text->runs.begin(), text->runs.end(), pos,
                                [](size_t p, const MatchRun& r) { return p < r.at; });
  const MatchRun& run = *(after - 1);
  const std::string& folded = pieces()[piece_at(pos)].folded;
  size_t offset = run.from + (pos - run.at);
  while (offset > run.from && is_continuation(folded[offset])) --offset;
  return offset;
}

size_t TextStream::position_of(size_t piece, size_t offset) const {
  const size_t first = piece_start()[piece];
  const size_t last = piece + 1 < piece_start().size() ? piece_start()[piece + 1] : m().size();
  auto before = [](const MatchRun& r, size_t p) { return r.at < p; };
  auto own = std::lower_bound(text->runs.begin(), text->runs.end(), first, before);
  auto own_end = std::lower_bound(own, text->runs.end(), last, before);
  // A piece's runs go forward in m and in its folded text alike.
  auto after = std::upper_bound(own, own_end, offset,
                                [](size_t o, const MatchRun& r) { return o < r.from; });
  if (after != own) {
    const MatchRun& run = *(after - 1);
    const size_t run_end = after == text->runs.end() ? m().size() : after->at;
    const std::string& folded = pieces()[piece].folded;
    size_t k = offset - run.from;
    while (run.from + k < folded.size() && is_continuation(folded[run.from + k])) ++k;
    if (run.at + k < run_end) return run.at + k;
  }
  return after != own_end ? after->at : first;
}

std::string TextStream::printed(size_t from, size_t to) const {
  std::string out;
  if (from >= to || to > m().size()) return out;
  for (size_t i = piece_at(from); i < pieces().size() && piece_start()[i] < to; ++i) {
    size_t a = std::max(from, piece_start()[i]);
    size_t b = std::min(to, i + 1 < pieces().size() ? piece_start()[i + 1] : m().size());
    bool whole = a == piece_start()[i] && b == (i + 1 < pieces().size() ? piece_start()[i + 1] : m().size());
    if (whole) out += trim(pieces()[i].printed);
    else if (b > a) out += m().substr(a, b - a);
  }
  return out;
}

std::shared_ptr<const StreamText> stream_text(const std::vector<const Line*>& lines, size_t first, size_t end) {
  auto s = std::make_shared<StreamText>();
  auto add = [&](size_t li, const Line& l, int cell, std::string_view text) {
    StreamPiece p{li, l.loc, cell, fold(text), text};
    s->piece_start.push_back(s->m.size());
    s->m += match_form_folded(p.folded, &s->runs, s->m.size());
    s->pieces.push_back(std::move(p));
  };
  for (size_t i = first; i < end && i < lines.size(); ++i) {
    const Line& l = *lines[i];
    if (l.cells.empty()) {
      add(i, l, -1, l.text);
    } else {
      for (size_t c = 0; c < l.cells.size(); ++c) add(i, l, static_cast<int>(c), l.cells[c]);
    }
  }
  return s;
}

TextStream narrow_stream(std::shared_ptr<const StreamText> text, const std::vector<std::string>& start,
                         const std::vector<std::string>& stop) {
  TextStream s(std::move(text));
  if (!start.empty()) {
    size_t p = find_heading(s.m(), start, 0);
    if (p != std::string::npos) s.begin = p;
  }
  if (!stop.empty()) {
    size_t p = find_heading(s.m(), stop, s.begin + 1);
    if (p != std::string::npos) s.end = p;
  }
  return s;
}

StreamScan scan_stream(const TextStream& s, const SchemaTable& table) {
  StreamScan out;
  const std::string& m = s.m();
  // Labels: every place a match text of a row occurs, the longer label winning on overlap.
  std::vector<LabelHit> raw = label_hits(s, table);
  std::sort(raw.begin(), raw.end(), [](const LabelHit& a, const LabelHit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  // Sorted by start, longer first: a hit overlaps a kept one exactly when it starts before the
  // furthest end kept so far.
  size_t kept_end = 0;
  for (const auto& h : raw) {
    if (!out.hits.empty() && h.begin < kept_end) continue;
    out.hits.push_back(h);
    kept_end = std::max(kept_end, h.end);
  }
  for (auto& h : out.hits) {
    const SchemaRow& row = table.rows[static_cast<size_t>(h.row)];
    size_t piece = s.piece_at(h.begin);
    h.line = s.pieces()[piece].line;
    h.loc = s.pieces()[piece].loc;
    // "…00000002.其他法律…": the item number belongs to the label, not to the numbers before.
    std::string prefix = row.number.empty() ? "" : row.number + ".";
    if (!prefix.empty() && h.begin >= s.begin + prefix.size() &&
        m.compare(h.begin - prefix.size(), prefix.size(), prefix) == 0)
      h.begin -= prefix.size();
    // A note in brackets right after the label is part of it ("部分公开（区分处理的，…）").
    if (h.end < s.end && m[h.end] == '(') {
      size_t close = m.find(')', h.end);
      if (close != std::string::npos && close < s.end && close - h.end < 200 &&
          !has_digit(std::string_view(m).substr(h.end, close - h.end)))
        h.end = close + 1;
    }
  }

  std::set<size_t> hit_lines;
  for (const auto& h : out.hits)
    for (size_t p = s.piece_at(h.begin); p <= s.piece_at(h.end - 1); ++p)
      hit_lines.insert(s.pieces()[p].line);

  auto cell_group = [&](size_t from_piece, size_t line, size_t stop_pos,
                        int hit) -> std::optional<NumberGroup> {
    NumberGroup g;
    g.from_cells = true;
    g.hit = hit;
    size_t i = from_piece;
    if (hit < 0)  // unlabeled: skip the label fragments in front
      while (i < s.pieces().size() && s.pieces()[i].line == line && is_text_cell(s.pieces()[i].folded))
        ++i;
    for (; i < s.pieces().size() && s.pieces()[i].line == line; ++i) {
      if (stop_pos != std::string::npos && s.piece_start()[i] >= stop_pos &&
          s.piece_start()[i] < m.size() && !s.pieces()[i].folded.empty())
        break;
      if (g.cells.empty()) {
        g.pos = s.piece_start()[i];
        g.line = line;
        g.loc = s.pieces()[i].loc;
      }
      g.cells.emplace_back(trim(s.pieces()[i].folded));
    }
    bool numeric = std::any_of(g.cells.begin(), g.cells.end(), [](const std::string& c) {
      return has_digit(c) || is_placeholder(c);
    });
    if (!numeric) return std::nullopt;
    return g;
  };

  if (!table.wide) {
    for (size_t k = 0; k < out.hits.size(); ++k) {
      LabelHit& h = out.hits[k];
      size_t next = k + 1 < out.hits.size() ? out.hits[k + 1].begin : s.end;
      size_t pe = s.piece_at(h.end - 1);
      const StreamPiece& piece = s.pieces()[pe];
      std::optional<NumberGroup> g;
      if (piece.cell >= 0) {
        g = cell_group(pe + 1, piece.line, next, static_cast<int>(k));
        if (!g) {
          // Text where the numbers belong ("若干") is still the row's content when it fills
          // exactly the row's cells.
          NumberGroup text;
          text.from_cells = true;
          text.hit = static_cast<int>(k);
          text.line = piece.line;
          text.loc = piece.loc;
          text.pos = h.end;
          for (size_t i = pe + 1; i < s.pieces().size() && s.pieces()[i].line == piece.line; ++i) {
            if (s.piece_start()[i] >= next && !s.pieces()[i].folded.empty()) break;
            text.cells.emplace_back(trim(s.pieces()[i].folded));
          }
          if (fit_group(text, table.rows[static_cast<size_t>(h.row)].columns.size())) g = text;
        }
      } else if (h.end < s.end && s.piece_at(h.end) == pe) {
        size_t a = s.offset_at(h.end);
        size_t b = (next < m.size() && s.piece_at(next) == pe) ? s.offset_at(next)
                                                               : piece.folded.size();
        std::string_view rest = std::string_view(piece.folded).substr(a, b > a ? b - a : 0);
        while (!rest.empty() && (rest[0] == ' ' || rest[0] == ':')) rest.remove_prefix(1);
        std::string run(trim(rest.substr(0, numeric_prefix(rest))));
        if (!has_digit(run)) {
          // The rest of a long label may sit between the matched text and its numbers
          // ("逾期不补正、行政机关不再处理其政府信息公开申请0000000").
          size_t d = 0;
          while (d < rest.size() && !is_digit(rest[d])) ++d;
          if (d < rest.size() && d <= 120) {
            rest.remove_prefix(d);
            run = std::string(trim(rest.substr(0, numeric_prefix(rest))));
          }
        }
        if (has_digit(run)) {
          g = NumberGroup{h.end, piece.line, piece.loc, false, {}, std::move(run), static_cast<int>(k)};
        }
      }
      if (g) {
        h.anchored = true;
        h.group = static_cast<int>(out.groups.size());
        out.groups.push_back(std::move(*g));
      }
    }
  }

  // Numbers on lines without a label (rows layout), or every run of numbers (wide layout). A wide
  // table is read from all its numbers in order: more groups than it has cells are not one
  // table, which the first of them tell (a line of megabytes may hold millions of runs).
  const size_t wide_enough = table.wide ? table.cells() + 1 : SIZE_MAX;
  for (size_t i = s.piece_at(s.begin); i < s.pieces().size() && out.groups.size() < wide_enough; ++i) {
    const StreamPiece& p = s.pieces()[i];
    if (s.piece_start()[i] >= s.end) break;
    bool first_of_line = i == 0 || s.pieces()[i - 1].line != p.line;
    if (!table.wide && hit_lines.count(p.line)) continue;
    if (p.cell >= 0) {
      if (!first_of_line && i != s.piece_at(s.begin)) continue;
      if (auto g = cell_group(i, p.line, s.end, -1)) out.groups.push_back(std::move(*g));
      continue;
    }
    std::string_view text = p.folded;
    size_t a = s.piece_start()[i] < s.begin ? s.offset_at(s.begin) : 0;
    size_t b = (s.end < m.size() && s.piece_at(s.end) == i) ? s.offset_at(s.end) : text.size();
    if (!table.wide) {
      std::string_view t = trim(text.substr(a, b - a));
      bool page_mark = !t.empty() && t.front() == '-' && t.back() == '-';
      if (!t.empty() && numeric_prefix(t) == t.size() && has_digit(t) && !page_mark)
        out.groups.push_back(NumberGroup{s.piece_start()[i], p.line, p.loc, false, {}, std::string(t), -1});
      continue;
    }
    for (size_t j = a; j < b && out.groups.size() < wide_enough;) {
      if (!is_digit(text[j])) {
        ++j;
        continue;
      }
      size_t len = numeric_prefix(text.substr(j, b - j));
      std::string run(trim(text.substr(j, len)));
      if (!followed_by_unit(text.substr(j + len)) && has_digit(run)) {
        // The stream position of the run, found by search (a portal dump is one piece of
        // hundreds of kilobytes).
        out.groups.push_back(NumberGroup{s.position_of(i, j), p.line, p.loc, false, {}, std::move(run), -1});
      }
      j += std::max<size_t>(len, 1);
    }
  }
  std::stable_sort(out.groups.begin(), out.groups.end(),
                   [](const NumberGroup& x, const NumberGroup& y) { return x.pos < y.pos; });
  for (size_t g = 0; g < out.groups.size(); ++g)
    if (out.groups[g].hit >= 0) out.hits[static_cast<size_t>(out.groups[g].hit)].group = static_cast<int>(g);
  return out;
}

std::optional<std::vector<std::string>> run_tokens(const NumberGroup& g, size_t most) {
  std::vector<std::string> tokens;
  size_t i = 0;
  while (i < g.run.size()) {
    while (i < g.run.size() && g.run[i] == ' ') ++i;
    size_t j = i;
    while (j < g.run.size() && g.run[j] != ' ') ++j;
    if (j > i) tokens.push_back(g.run.substr(i, j - i));
    // One more than `most` may be a unit; past that the run is too long, however long it is.
    if (tokens.size() > most + 1) return std::nullopt;
    i = j;
  }
  // A unit printed apart ("2315831.33 元") belongs to the number before it.
  if (tokens.size() > 1 && !has_digit(tokens.back())) {
    std::string u = tokens.back();
    tokens.pop_back();
    tokens.back() += u;
  }
  if (tokens.size() > most) return std::nullopt;
  return tokens;
}

std::optional<std::vector<std::string>> fit_group(const NumberGroup& g, size_t n) {
  if (!g.from_cells) {
    auto tokens = run_tokens(g, n);
    if (tokens && tokens->size() == n) return tokens;
    return std::nullopt;
  }
  std::vector<std::string> v = g.cells;
  while (v.size() > n && v.back().empty()) v.pop_back();
  size_t lead = 0;
  while (v.size() - lead > n && v[lead].empty()) ++lead;
  v.erase(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(lead));
  if (v.size() == n) return v;
  std::vector<std::string> filled;
  for (const auto& c : g.cells)
    if (!c.empty()) filled.push_back(c);
  if (filled.size() == n) return filled;
  return std::nullopt;
}

std::string run_digits(const NumberGroup& g, std::string* unit) {
  std::string joined;
  if (g.from_cells)
    for (const auto& c : g.cells) joined += c;
  std::string_view r = g.from_cells ? joined : g.run;  // the run is not copied: it may be megabytes
  std::string_view u;
  for (std::string_view c : {"万元", "元"})
    if (r.ends_with(c)) {
      u = c;
      r.remove_suffix(c.size());
      break;
    }
  if (unit) *unit = u;
  std::string out;
  out.reserve(r.size());
  for (char c : r)
    if (c != ' ' && c != ',') out += c;
  return out;
}

}  // namespace nianbao
