// The document model: what every reader produces and everything after the readers consumes.
//
// Readers (text, PDF, HTML, DOCX) fill a Document: pages of lines, each line with its place in
// the source. Segmentation, table rebuilding and validation only ever see the Document and the
// Report built from it, so a new reader plugs in without touching what comes after it.
#pragma once

#include <compare>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/model/page_source.h"

namespace nianbao {

// A box in page coordinates (points, origin top-left), for sources that have coordinates.
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  // The smallest box holding both.
  Box united(const Box& o) const;
};

// A box on one page of the source (PDF): where a table cell or a table was printed.
struct PageBox {
  int page = 0;  // 1-based
  Box box;
};

// Where something is in the source. `page` is 1-based. `line` is what docs/OUTPUT.md defines per
// input type: the line on the page for PDF, the line in the file for text and HTML, the
// paragraph number for DOCX. 0 means unknown.
struct Location {
  int page = 0;
  int line = 0;
  // The line's place in reading order (1-based) where line numbers do not tell lines apart:
  // an HTML page keeps its source line in `line`, and a page written on one line has them all
  // on line 1. 0 for the other sources.
  int block = 0;
  bool known() const { return line > 0; }
  auto operator<=>(const Location&) const = default;
};

// A run of text with its own box: a word or a glyph run of a PDF page, kept so that tables
// can be rebuilt from positions. Sources without coordinates have none.
struct Span {
  std::string text;
  Box box;
  double font_size = 0;
};

struct Line {
  std::string text;  // as printed (original width, punctuation, spacing)
  Location loc;
  std::optional<Box> box;
  std::vector<Span> spans;  // in reading order; empty when the source has no coordinates
  // When the source marks cell boundaries (tabs in text, pipes in Markdown, <td> in HTML,
  // w:tc in DOCX, column gaps in PDF) the cells of this line, in order, empty ones included.
  // Empty when the line is plain prose.
  std::vector<std::string> cells;
  bool is_table_row() const { return !cells.empty(); }
};

// A ruling line printed on a PDF page (a table border), in page coordinates: horizontal at
// y = `at` from x = `from` to x = `to`, or vertical at x = `at` from y = `from` to y = `to`.
struct Ruling {
  bool horizontal = true;
  double at = 0, from = 0, to = 0;
  bool operator==(const Ruling&) const = default;
};

struct Page {
  int number = 1;
  std::vector<Line> lines;
  std::vector<Ruling> rulings;  // PDF only: where the page draws table borders
};

enum class InputFormat { Text, Pdf, Html, Docx };
const char* to_string(InputFormat f);

// What a reader learns about the source besides its lines, for the checks and renderers.
struct SourceNotes {
  // The character set the text was decoded from, when the reader had to choose one (HTML).
  std::optional<std::string> charset;
  int images = 0;  // pictures in the report (HTML, DOCX)
  // The pictures printed where the tables belong (between the headings of parts 2 and 5): a
  // table published as an image. Each is its line as Location::line counts it (the source
  // line for HTML, the paragraph number for DOCX), in document order.
  std::vector<int> table_image_lines;
  // Pages of a PDF that are pictures without a text layer (the rest of it has one), 1-based.
  std::vector<int> scanned_pages;
  // Pages of a PDF that are pictures read by OCR (extract/read/scan/), 1-based; the figures of
  // their tables read with confidence, and the lowest confidence of one of them (0–100).
  std::vector<int> ocr_pages;
  int ocr_figures = 0;
  double ocr_confidence = 0;
  // "doc" or "wps": the file was an old binary Word file converted by LibreOffice.
  std::optional<std::string> converted_from;
  // Byte sequences of a text file valid in no encoding, replaced by U+FFFD, and where the lines
  // that hold them are.
  int replaced_bytes = 0;
  std::vector<Location> replaced_at;
};

struct Document {
  std::string path;
  InputFormat format = InputFormat::Text;
  std::vector<Page> pages;
  // Free-form metadata the source carries outside the report body: PDF info dictionary, HTML
  // <title> and <meta>, the header block of a portal text dump ("发布时间: 2021-03-05 08:58").
  std::map<std::string, std::string> properties;
  SourceNotes notes;
  // The pages as pictures (PDF: the loaded document), for renderers; null for other sources.
  std::shared_ptr<const PageSource> page_source;

  // All lines in reading order, across pages.
  std::vector<const Line*> all_lines() const;
  // Where source line `line` is (its page), or page 1 when no line of the model is on it.
  Location locate_line(int line) const;
};

// A paragraph of prose joined across line and page breaks ("政\n\n府信息公开…" becomes one
// paragraph), keeping where every piece came from.
struct Paragraph {
  struct Piece {
    size_t offset = 0;  // byte offset in `text` where this piece starts
    Location loc;
  };
  std::string text;
  std::vector<Piece> pieces;
  int section = 0;  // 1..6, or 0 before the first part
  Location loc_at(size_t offset) const;
  Location loc() const { return pieces.empty() ? Location{} : pieces.front().loc; }
};

// One of the six parts of the report.
struct Section {
  int number = 0;     // 1..6 (the canonical part), as identified by keywords
  int printed = 0;    // the number printed in its heading (一 = 1 …), 0 when none
  std::string title;  // heading text as printed, without its number
  Location loc;
  size_t first_line = 0;  // index into Document::all_lines() of the heading
  size_t end_line = 0;    // one past the last line of the part
};

// U+FFFD in text a reader gives: a character that could not be read (a byte no encoding reads,
// a figure OCR was not sure of). A table cell holding one is unreadable.
inline constexpr std::string_view kUnreadMark = "\xEF\xBF\xBD";

// What a table cell holds.
enum class CellState {
  Value,        // a number was read
  Empty,        // nothing printed
  Placeholder,  // "/", "—", "-", "无": the format asks for 0
  Unreadable,   // something printed that could not be read with confidence (flattened digits)
  Invalid,      // text that is not a number
};

struct Cell {
  std::optional<double> value;
  std::string text;  // as printed
  CellState state = CellState::Empty;
  Location loc;
  // Where it was printed, for sources with coordinates: the box of its text, or for a cell
  // with nothing printed, the place under its column on its row's line. Empty for text,
  // HTML and Word, and where a rebuilder could not tell.
  std::optional<PageBox> box;
  std::string note;  // e.g. unit conversion applied ("251000元 → 25.1万元")
  // For an Unreadable cell whose own text is unknown: the numbers printed for its row, as
  // printed ("693665" for three cells), so that a reader is shown what to look at.
  std::string row_text;
  // Unreadable because a character of it could not be recognised (kUnreadMark: OCR unsure of a
  // figure, a byte no encoding reads), not because of where its text stood.
  bool unrecognised = false;
  bool present() const { return value.has_value(); }
};

// A rebuilt table: rows × columns of the schema of its format version.
// applications: rows new … carried_forward, columns natural_person … total.
// reviews:      rows review / litigation_direct / litigation_after_review, columns upheld … total.
// proactive:    rows regulations, normative_docs, licensing, …; columns per sub-table.
struct TableRow {
  std::string key;
  std::string label;  // label as printed in the report
  Location loc;
  bool found = false;  // false: the row of the format is absent from the report
  std::map<std::string, Cell> cells;  // column key -> cell (only the row's own columns)
};

struct Table {
  std::string key;  // "proactive", "applications", "reviews"
  Location loc;     // the table's first line
  std::vector<std::string> columns;  // canonical column keys in order (union over rows)
  std::vector<TableRow> rows;        // in schema order
  // For sources with coordinates, per page the table is printed on (in page order), the box
  // holding its header, row labels and cells. Empty for text, HTML and Word.
  std::vector<PageBox> regions;
  const TableRow* row(const std::string& key) const;
  TableRow* row(const std::string& key);
  const Cell* cell(const std::string& row, const std::string& column) const;
};

struct Meta {
  std::string title;
  Location title_loc;
  std::string agency;
  std::optional<int> year;          // the year the report covers
  // A schema's version ("2019", "2021"), "pre2019" (before every format) or "unknown" (see
  // extract/rules/rules.h).
  std::string format_version = "unknown";
  std::optional<std::string> published;    // ISO date
  Location published_loc;
  // The statistics period sentence, when printed ("统计期限自2020年1月1日起至2020年12月31日止").
  std::optional<std::string> period_start, period_end;
  Location period_loc;
  bool summary_report = false;  // 本级政府汇总 report (deadline 31 March)
};

struct Report {
  Meta meta;
  std::vector<Section> sections;  // in document order
  std::map<std::string, Table> tables;  // only tables present in the report
  std::vector<Paragraph> paragraphs;    // the prose, joined
  // The source's metadata and the readers' notes about it (Document::properties, notes).
  std::map<std::string, std::string> properties;
  SourceNotes notes;
  // What a renderer needs to show the report's pages with its places marked, without reading
  // the input again: the pages (Document::page_source) and the box of every line that has one,
  // by its place. Null and empty for sources without pages to draw.
  std::shared_ptr<const PageSource> page_source;
  std::map<Location, Box> line_boxes;
  const Section* section(int number) const;
};

}  // namespace nianbao
