// The text of one part of a report as a stream for table rebuilding: cells and lines in reading
// order, the labels of a schema table found in it, and the groups of numbers printed there.
//
// Labels are found on the folded, space-free text of all pieces joined, so a label broken over
// cells or lines ("（三）不 | 予公开", "2.其他法律行政法规禁\n止公开") is still one label, and a
// report flattened to one line (平潭 portal dumps) is handled like any other.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/model/model.h"
#include "extract/rules/schema.h"

namespace nianbao {

struct StreamPiece {
  size_t line = 0;  // index into Document::all_lines()
  Location loc;
  int cell = -1;  // index of the cell in its line, -1 for a line without cells
  std::string folded;
  std::string_view printed;  // the cell or line as printed (the Document's text)
};

// The text of some lines as pieces and in match form. Parts printed on the same lines (a portal
// dump's one line) share it, each with its own extent: it is made once, not once per part.
struct StreamText {
  std::vector<StreamPiece> pieces;
  std::string m;                    // match form of all pieces joined
  std::vector<size_t> piece_start;  // per piece: its first byte in m
  std::vector<MatchRun> runs;       // where m's bytes are in their piece's folded text, in order
};

// Positions of m are mapped back to their pieces by search, not by a table per byte of m: a
// report flattened to one line of 10 MB made three such tables of 80 MB each per part.
struct TextStream {
  std::shared_ptr<const StreamText> text;  // never null
  size_t begin = 0, end = 0;               // the part's extent in m

  TextStream() : text(std::make_shared<const StreamText>()) {}
  explicit TextStream(std::shared_ptr<const StreamText> of) : text(std::move(of)), end(text->m.size()) {}
  const std::vector<StreamPiece>& pieces() const { return text->pieces; }
  const std::string& m() const { return text->m; }
  const std::vector<size_t>& piece_start() const { return text->piece_start; }

  size_t piece_at(size_t pos) const;  // the piece a position of m falls in
  // The byte offset, in the folded text of its piece, of the character m[pos] comes from.
  size_t offset_at(size_t pos) const;
  // The position in m of byte `offset` of piece `piece`'s folded text: the first position at or
  // after it that m keeps, or the piece's start when m keeps nothing from there on.
  size_t position_of(size_t piece, size_t offset) const;
  // The text of m's range [begin, end) as printed: the pieces it covers whole as printed, the
  // parts of the others in match form.
  std::string printed(size_t begin, size_t end) const;
};

// The text of lines [first, end).
std::shared_ptr<const StreamText> stream_text(const std::vector<const Line*>& lines, size_t first, size_t end);

// The stream of `text`. `start` / `stop`, when not empty, narrow it to the text from the first
// found of the `start` headings to the first found of the `stop` headings after it (portal dumps
// print all parts on one line).
TextStream narrow_stream(std::shared_ptr<const StreamText> text, const std::vector<std::string>& start,
                         const std::vector<std::string>& stop);

// A label of a schema row found in the stream.
struct LabelHit {
  int row = 0;
  size_t begin = 0, end = 0;  // in m; begin includes the item number, end a following note
  size_t line = 0;
  Location loc;
  bool anchored = false;  // numbers are printed right after it, on its line
  int group = -1;         // its own numbers (index into groups)
};

// Numbers printed together: the value cells of one table row, or one run of numbers in a line.
struct NumberGroup {
  size_t pos = 0;  // in m, for ordering
  size_t line = 0;
  Location loc;
  bool from_cells = false;
  std::vector<std::string> cells;  // from_cells: the cells after the label, empties included
  std::string run;                 // otherwise: the run as printed (folded)
  int hit = -1;                    // the label it was printed with, -1 when unlabeled
};

struct StreamScan {
  std::vector<LabelHit> hits;  // by position
  std::vector<NumberGroup> groups;  // by position
};

// Finds the labels of `table` and the groups of numbers. For a "wide" table every run of numbers
// is a group (its labels are headers), up to one more than the table has cells; otherwise only
// numbers printed after a label on its line, or on a line of numbers alone.
StreamScan scan_stream(const TextStream& s, const SchemaTable& table);

// The cells of a group fitted to `n` columns, when that is possible without guessing: exactly n
// cells, or n after dropping padding empty cells; for a run, exactly n space-separated tokens.
std::optional<std::vector<std::string>> fit_group(const NumberGroup& g, size_t n);

// The space-separated tokens of a run (not from cells), a unit printed apart ("2315831.33 元")
// joined to the number before it; nothing when there are more than `most`, which is known
// without reading on (a run may be a line of megabytes).
std::optional<std::vector<std::string>> run_tokens(const NumberGroup& g, size_t most);

// The run of a group with spaces removed and its unit ("元", "万元") taken off, for splitting.
std::string run_digits(const NumberGroup& g, std::string* unit);

}  // namespace nianbao
