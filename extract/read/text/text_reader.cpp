#include "extract/read/text/text_reader.h"

#include <re2/re2.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <vector>

#include "extract/read/text/encoding.h"
#include "extract/model/errors.h"
#include "extract/read/input_file.h"
#include "extract/normalize/vocabulary.h"

namespace nianbao {
namespace {

// A portal header block is a handful of lines; a separator further down is body text.
constexpr size_t kMaxHeaderLines = 30;

bool is_blank(std::string_view s) { return trim(s).empty(); }

// ASCII and full-width digits to a number ("１２" → 12).
int digits_value(std::string_view s) {
  int v = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') {
      v = v * 10 + (s[i] - '0');
    } else if (i + 2 < s.size() && s.substr(i, 2) == "\xEF\xBC") {  // U+FF10..FF19
      v = v * 10 + (static_cast<unsigned char>(s[i + 2]) - 0x90);
      i += 2;
    }
  }
  return v;
}

#define NB_SP "[\\s\\x{3000}\\x{00A0}]*"
#define NB_DIGITS "[0-9\\x{FF10}-\\x{FF19}]"
#define NB_DASH "[\\-\\x{2010}-\\x{2015}\\x{2212}\\x{FF0D}\\x{2500}\\x{2501}\\x{FE58}\\x{FE63}]"
#define NB_WIDE_DASH "[\\x{2013}-\\x{2015}\\x{FF0D}]"

// The page number printed by a page-number line, when the line is one.
std::optional<int> printed_page_number(std::string_view text) {
  // "- 3 -", "— 3 —", "－３－": the footer of Word documents printed to PDF and converted back.
  static const RE2 dashes("^" NB_SP NB_DASH "+" NB_SP "(" NB_DIGITS "{1,4})" NB_SP NB_DASH
                          "+" NB_SP "$");
  // "第3页", "第 3 页", "第3页 共6页", "第3页/共6页".
  static const RE2 di("^" NB_SP "第" NB_SP "(" NB_DIGITS "{1,4})" NB_SP "页(?:" NB_SP
                      "[,\\x{FF0C}\\x{3001}/\\x{FF0F}]?" NB_SP "共" NB_SP NB_DIGITS "{1,4}" NB_SP
                      "页)?" NB_SP "$");
  // "共6页 第3页".
  static const RE2 gong("^" NB_SP "共" NB_SP NB_DIGITS "{1,4}" NB_SP "页" NB_SP
                        "[,\\x{FF0C}\\x{3001}/\\x{FF0F}]?" NB_SP "第" NB_SP "(" NB_DIGITS
                        "{1,4})" NB_SP "页" NB_SP "$");
  // "3/6": only when it reads as page of pages.
  static const RE2 fraction("^" NB_SP "(" NB_DIGITS "{1,4})" NB_SP "[/\\x{FF0F}]" NB_SP
                            "(" NB_DIGITS "{1,4})" NB_SP "$");
  std::string number, total;
  if (RE2::FullMatch(text, dashes, &number) || RE2::FullMatch(text, di, &number) ||
      RE2::FullMatch(text, gong, &number))
    return digits_value(number);
  if (RE2::FullMatch(text, fraction, &number, &total)) {
    const int n = digits_value(number), m = digits_value(total);
    if (n >= 1 && n <= m) return n;
  }
  return std::nullopt;
}

// Whether `text`, spaces aside, starts or ends with a dash a marker is drawn with (NB_WIDE_DASH):
// a line without one holds no marker, and the patterns are not run over it (it may be megabytes).
bool wide_dash_at_an_end(std::string_view text) {
  const std::string_view t = trim(text);
  for (std::string_view dash : {"\u2013", "\u2014", "\u2015", "\uFF0D"})
    if (t.starts_with(dash) || t.ends_with(dash)) return true;
  return false;
}

// A footer glued to a line of prose by a Markdown conversion: "…改进工作。 — 4 —" or
// "— 4 — 二、主动公开…". Only the em-dash form, only when its number is the expected next page:
// a number in the prose is data and stays.
struct InlineMarker {
  std::string rest;  // the line without the marker
  int printed = 0;
  bool at_end = false;
};
std::optional<InlineMarker> inline_page_marker(std::string_view text, int page,
                                               int last_printed) {
  if (!wide_dash_at_an_end(text)) return std::nullopt;
  static const RE2 at_end("^(.*\\S)[\\s\\x{3000}]+" NB_WIDE_DASH "{1,2}" NB_SP "(" NB_DIGITS
                          "{1,3})" NB_SP NB_WIDE_DASH "{1,2}" NB_SP "$");
  static const RE2 at_start("^" NB_SP NB_WIDE_DASH "{1,2}" NB_SP "(" NB_DIGITS "{1,3})" NB_SP
                            NB_WIDE_DASH "{1,2}[\\s\\x{3000}]+(.*\\S.*)$");
  std::string rest, number;
  InlineMarker m;
  if (RE2::FullMatch(text, at_end, &rest, &number)) {
    m.at_end = true;
  } else if (!RE2::FullMatch(text, at_start, &number, &rest)) {
    return std::nullopt;
  }
  m.printed = digits_value(number);
  if (m.printed != page && m.printed != last_printed + 1) return std::nullopt;
  m.rest = std::string(trim_right(rest));
  return m;
}

#undef NB_SP
#undef NB_DIGITS
#undef NB_DASH
#undef NB_WIDE_DASH

// Cells of a Markdown table line "| a | b |"; `\|` is a pipe inside a cell.
std::vector<std::string> split_pipes(std::string_view line) {
  line.remove_prefix(1);
  if (line.ends_with('|') && !line.ends_with("\\|")) line.remove_suffix(1);
  std::vector<std::string> cells;
  std::string cell;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
      cell += '|';
      ++i;
    } else if (line[i] == '|') {
      cells.emplace_back(trim(cell));
      cell.clear();
    } else {
      cell += line[i];
    }
  }
  cells.emplace_back(trim(cell));
  return cells;
}

// The trimmed pieces of `line` between `separator`s.
std::vector<std::string> split_cells(std::string_view line, char separator) {
  std::vector<std::string> cells;
  while (true) {
    const size_t at = line.find(separator);
    cells.emplace_back(trim(line.substr(0, at)));
    if (at == std::string_view::npos) break;
    line.remove_prefix(at + 1);
  }
  return cells;
}

// Cells of a tab-separated line (a Word or HTML table pasted as text). Empty cells stand for
// merged or blank cells and keep the columns aligned, the ones at the end of the line too: a
// blank last column (上海 2019: “总计” left empty) is a cell, and only the table's schema can
// tell it from a stray tab.
std::vector<std::string> split_tabs(std::string_view line) { return split_cells(line, '\t'); }

// "|---|:---:|", "--------\t---\t----": table rules, not content. A single "-" is a placeholder
// cell ("| - | - |" in the Shuyang conversion), so a rule needs three dashes or a colon.
bool is_rule(const std::vector<std::string>& cells) {
  bool any = false;
  for (const auto& c : cells) {
    if (c.empty()) continue;
    std::string_view v = c;
    const bool colon = v.starts_with(':') || v.ends_with(':');
    if (v.starts_with(':')) v.remove_prefix(1);
    if (v.ends_with(':')) v.remove_suffix(1);
    if (v.empty() || v.find_first_not_of('-') != std::string_view::npos) return false;
    if (v.size() < 3 && !colon) return false;
    any = true;
  }
  return any;
}

// Whether `line` may be a rule: it holds nothing but dashes, colons, bars and the bytes of what
// trim() takes for space. Asked before the line is split into cells to find out, which copies it
// (a line may be megabytes).
bool may_be_rule(std::string_view line) {
  return line.find_first_not_of("-:| \t\n\v\f\r\xE3\x80\xC2\xA0\xEF\xBB\xBF") == std::string_view::npos;
}

// "标题: …" in the header of a portal text dump.
bool parse_key_value(std::string_view line, std::string* key, std::string* value) {
  static const RE2 kv("^[\\s\\x{3000}]*([^\\s:\\x{FF1A}|#]{1,16})[\\s\\x{3000}]*[:\\x{FF1A}](.*)$");
  std::string v;
  if (!RE2::FullMatch(line, kv, key, &v)) return false;
  *value = std::string(trim(v));
  return true;
}

bool is_body_separator(std::string_view line) {
  static const RE2 sep("^\\s*[=\\-]{3,}\\s*正文\\s*[=\\-]{3,}\\s*$");
  return RE2::FullMatch(line, sep);
}

// The portal dumps (Pingtan) open with "标题: …", "发布时间: …", "原文链接: …" and a
// "==== 正文 ====" line. Returns how many physical lines the header takes (0: no header).
size_t read_portal_header(const std::vector<std::string_view>& lines,
                          std::map<std::string, std::string>* properties) {
  size_t first = 0;
  while (first < lines.size() && is_blank(lines[first])) ++first;
  std::string key, value;
  if (first == lines.size() || !parse_key_value(lines[first], &key, &value)) return 0;
  for (size_t i = first; i < lines.size() && i < first + kMaxHeaderLines; ++i) {
    if (!is_body_separator(lines[i])) continue;
    for (size_t j = first; j < i; ++j) {
      // An empty value ("文号: ") says nothing; leaving it out keeps "absent" meaning unknown.
      if (parse_key_value(lines[j], &key, &value) && !value.empty())
        properties->emplace(key, value);
    }
    return i + 1;
  }
  return 0;
}

// Collects lines into pages as page breaks (page-number lines, form feeds) come by.
class PageBuilder {
 public:
  int page() const { return page_; }
  int last_printed() const { return last_printed_; }
  void page_number_line(int printed) {
    last_printed_ = printed;
    ++page_;
    after_marker_ = true;
  }
  // pdftotext puts a form feed after the footer of the page: one break, not two.
  void form_feed() {
    if (!after_marker_) ++page_;
    after_marker_ = true;
  }
  void add(std::string text, int line_number, std::vector<std::string> cells = {}) {
    Line line;
    line.text = std::move(text);
    line.loc = {page_, line_number};
    line.cells = std::move(cells);
    lines_.push_back(std::move(line));
    after_marker_ = false;
  }
  std::vector<Page> finish() && {
    // No trailing empty page after the last footer.
    const int count = std::max(1, after_marker_ ? page_ - 1 : page_);
    std::vector<Page> pages(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) pages[static_cast<size_t>(i)].number = i + 1;
    for (auto& line : lines_)
      pages[static_cast<size_t>(std::min(line.loc.page, count) - 1)].lines.push_back(
          std::move(line));
    return pages;
  }

 private:
  int page_ = 1;
  int last_printed_ = 0;
  bool after_marker_ = false;
  std::vector<Line> lines_;
};

void add_piece(std::string_view piece, int line_number, PageBuilder* out) {
  if (is_blank(piece)) return;
  if (auto printed = printed_page_number(piece)) {
    out->page_number_line(*printed);
    return;
  }
  const std::string_view text = trim_right(piece);
  const std::string_view content = trim(piece);
  if (content.starts_with('|')) {
    auto cells = split_pipes(content);
    if (!is_rule(cells)) out->add(std::string(text), line_number, std::move(cells));
    return;
  }
  if (piece.find('\t') != std::string_view::npos) {
    auto cells = split_tabs(piece);
    if (is_rule(cells)) return;
    // A paragraph indented with a tab is prose, not a one-cell row.
    const bool indented_prose =
        content.find('\t') == std::string_view::npos && content.find("。") != std::string_view::npos;
    if (!indented_prose) {
      out->add(std::string(text), line_number, std::move(cells));
      return;
    }
  } else if (may_be_rule(content) && is_rule(split_cells(content, '|'))) {
    return;  // "--------", or a Markdown separator written without the outer pipes

  }
  if (auto marker = inline_page_marker(text, out->page(), out->last_printed())) {
    if (!marker->at_end) out->page_number_line(marker->printed);
    out->add(std::move(marker->rest), line_number);
    if (marker->at_end) out->page_number_line(marker->printed);
    return;
  }
  out->add(std::string(text), line_number);
}

// Where each of `lines` (ascending) is, in one walk over the document, whose lines are in order
// too: a large file may have thousands of lines with a replaced byte (Document::locate_line
// walks the document once per line). A line the model does not keep is placed on page 1.
std::vector<Location> locate_lines(const Document& doc, const std::vector<int>& lines) {
  std::vector<Location> out;
  out.reserve(lines.size());
  size_t next = 0;
  for (const auto& page : doc.pages)
    for (const auto& line : page.lines) {
      for (; next < lines.size() && lines[next] < line.loc.line; ++next) out.push_back({1, lines[next]});
      if (next < lines.size() && lines[next] == line.loc.line) out.push_back({line.loc.page, lines[next++]});
    }
  for (; next < lines.size(); ++next) out.push_back({1, lines[next]});
  return out;
}

[[noreturn]] void fail(const char* code, const std::string& path, const std::string& zh,
                       const std::string& en) {
  throw ReadError(code, path + ": " + zh + " (" + en + ")");
}

}  // namespace

bool is_page_number_line(std::string_view text) { return printed_page_number(text).has_value(); }

Document read_text_bytes(const std::string& bytes, const std::string& path, const Limits& limits) {
  check_file_size(path, bytes.size(), limits);
  if (bytes.empty()) fail("empty", path, "文件为空", "empty file");
  const DecodedText decoded = decode_text(bytes, path);
  if (is_blank(decoded.text)) fail("empty", path, "文件只有空白", "file holds only whitespace");

  std::vector<std::string_view> lines;
  std::string_view rest = decoded.text;
  while (true) {
    const size_t nl = rest.find('\n');
    lines.push_back(rest.substr(0, nl));
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }

  Document doc;
  doc.path = path;
  doc.format = InputFormat::Text;
  PageBuilder builder;
  for (size_t i = read_portal_header(lines, &doc.properties); i < lines.size(); ++i) {
    const int line_number = static_cast<int>(i + 1);
    std::string_view line = lines[i];
    // A form feed (pdftotext's page break) starts a new page within the same editor line.
    for (size_t ff = line.find('\f'); ff != std::string_view::npos; ff = line.find('\f')) {
      add_piece(line.substr(0, ff), line_number, &builder);
      builder.form_feed();
      line.remove_prefix(ff + 1);
    }
    add_piece(line, line_number, &builder);
  }
  doc.pages = std::move(builder).finish();
  doc.notes.replaced_bytes = decoded.replaced;
  doc.notes.replaced_at = locate_lines(doc, decoded.replaced_lines);
  return doc;
}

Document read_text_file(const std::string& path, const Limits& limits) {
  return read_text_bytes(read_input_file(path, limits), path, limits);
}

}  // namespace nianbao
