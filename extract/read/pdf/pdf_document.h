// A PDF as Poppler's core reads it, from memory: its info, and for each page, in one pass over
// the page's content, its words with the geometry of every glyph (font size and baseline from
// the text matrix, a box per glyph) and its ruling lines (pdf_rulings.h).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extract/model/model.h"
#include "extract/read/pdf/pdf_lines.h"

namespace nianbao {

// What one page holds, in points with the origin at the top left of its crop box (y downwards).
struct PdfPageContent {
  double height = 0;  // of the crop box
  std::vector<PdfWord> words;  // in Poppler's reading order
  std::vector<Ruling> rulings;
};

class PdfDocument {
 public:
  enum class Status { ok, damaged, encrypted };

  // Opens the PDF in `bytes`, which the caller keeps while this document lives.
  explicit PdfDocument(const std::string& bytes);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  Status status() const { return status_; }
  // How many complaints Poppler made about the file's syntax while opening it: a sound file has
  // none.
  int open_errors() const { return open_errors_; }
  int pages() const;
  // Title, Author, Subject, Creator, Producer (UTF-8) and CreationDate, ModDate (ISO 8601, UTC)
  // when the file says them.
  std::map<std::string, std::string> info() const;
  // Page `index` (0-based); none when the page cannot be read.
  std::optional<PdfPageContent> page(int index);
  // The pixels the pictures of page `index` (0-based) and their masks declare, all together:
  // what drawing the page decodes, found without decoding any in a second pass over the page
  // (for a page without text, which may be drawn).
  double picture_pixels(int index);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  Status status_ = Status::damaged;
  int open_errors_ = 0;
};

}  // namespace nianbao
