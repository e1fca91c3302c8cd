// The geometry table rebuilding from positions works on: the words of a part with their boxes,
// the values among them, the columns the values stand in, the header words above them and the
// row labels left of them (a label may wrap over several lines, share its lines with a group
// label printed one character per line, or continue on the next page).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extract/model/model.h"
#include "extract/rules/schema.h"

namespace nianbao {

struct Token {
  std::string text;  // as printed
  std::string m;     // match form
  Box box;
  double font = 0;
  Location loc;
  size_t line = 0;     // index into Document::all_lines()
  bool value = false;  // a cell value: a number (with unit) or a placeholder ("/", "—", "无")
  bool table_line = false;  // on a line the reader saw as part of a table
  double height() const { return box.y1 - box.y0; }
  double cx() const { return (box.x0 + box.x1) / 2; }
  double cy() const { return (box.y0 + box.y1) / 2; }
};

// The words of lines [first, end), page by page: result[k] holds the words of page `pages[k]`.
struct PageTokens {
  int page = 0;
  std::vector<Token> tokens;
};
std::vector<PageTokens> tokens_of(const std::vector<const Line*>& lines, size_t first, size_t end);

bool is_cell_value_text(const std::string& folded);

// A column: where its values stand and what its header says.
struct Column {
  double x0 = 0, x1 = 0;  // extent of its values (or its header when it has no values)
  double left = 0, right = 0;  // the band it owns: half-way to its neighbours
  std::string header;          // header text stacked top to bottom
  std::optional<std::string> key;
  double center() const { return (x0 + x1) / 2; }
};

// Columns from the values of one page (tokens with value = true, right of `label_edge`):
// values stand aligned on their left edge, centre or right edge; the alignment that gives the
// fewest columns is the one used.
std::vector<Column> columns_from_values(const std::vector<const Token*>& values);

// Columns from header words alone (a table without any value): words stacked over each other
// make one column; a word spanning others (a group heading) is left out.
std::vector<Column> columns_from_header(const std::vector<const Token*>& header);

// Sets left/right of each column: half-way to its neighbours; the first reaches `label_edge`,
// the last the page edge.
void set_bands(std::vector<Column>& cols, double label_edge);

// The column whose band holds a value, or -1 when it sits too close to a border to tell.
int column_of(const std::vector<Column>& cols, const Token& t);

// The named columns a value that column_of could not place may belong to: those whose band
// its box reaches into, else the nearest named one. Only their cells are unreadable for it;
// the rest of its row is read.
std::vector<int> columns_near(const std::vector<Column>& cols, const Token& t);

// Stacks the header words that fall in one column's band (wider words are group headings,
// returned in `groups`) and names the columns of `table` they print.
void name_columns(std::vector<Column>& cols, const std::vector<const Token*>& header,
                  const Schema& schema, const std::string& table,
                  std::vector<const Token*>* groups);

// Splits each column whose band holds a header word that is the labels of several columns of
// `st` printed without a gap ("本年制发件数本年废止件数现行有效件数") into those columns, each over
// its share of the word's width; true when one was split (the bands are then to be set again).
bool split_joined_heads(std::vector<Column>& cols, const std::vector<const Token*>& header,
                        const SchemaTable& st);
// Names the columns (found from the values under them) that a header word printing a run of
// heads without gaps stands over: each head names the column holding its middle.
void name_by_joined_heads(std::vector<Column>& cols, const std::vector<const Token*>& header,
                          const SchemaTable& st);
// Whether a word (match form) is such a run of heads: a header word wherever it starts, and
// on a line of its own (one cell) all the same.
bool is_joined_heads(const std::string& m, const SchemaTable& st);

// A row label: words left of the values, on one or more lines, in one label column.
struct LabelCell {
  std::string text;
  std::string m;
  Box box;
  int page = 0;
  Location loc;  // its first line
  std::optional<std::string> row;  // the schema row it names
};

// Label cells from the words left of `label_edge`. A line continues the cell above it when it
// stands in the same label column right under it, does not start with an item number, does
// not name a row of its own (under a row's label, or under a header's "信息" "内容" printed
// tight above the first row) and, when `figures` (the figures by line) is given, is not a second
// line of figures for the cell (a row's figures stand on its first line when its label wraps: a
// label line beside figures starts a row, in a table whose lines are set tight).
std::vector<LabelCell> label_cells(const std::vector<const Token*>& words, const Schema& schema,
                                   const std::string& table,
                                   const std::map<size_t, std::vector<const Token*>>* figures = nullptr);

// Texts that start with an item number: "1.", "1、", "（一）", "一、".
bool starts_numbered(const std::string& m);

}  // namespace nianbao
