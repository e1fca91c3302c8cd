// Reading the pages of a PDF that are pictures without a text layer (a scanned report). The
// work is done by the OCR module (read/scan/ocr/, Tesseract), which the program loads the first
// time it meets such a page: checking a PDF with a text layer never loads Tesseract. A scanned
// page is given back as the text-layer reader gives a page, words and ruling lines in page
// points, so that lines, tables and checks are built from it as from any PDF.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extract/model/model.h"
#include "extract/read/pdf/pdf_lines.h"
#include "extract/read/scan/grey_image.h"

namespace nianbao {

// A table cell whose figure could not be read with confidence: where it is and what was seen.
struct UnreadCell {
  Box box;           // page points
  std::string seen;  // what the reading made of it ("1?5"), for the message
};

struct ScannedPage {
  std::vector<PdfWord> words;    // page points, y from the top, as the text layer gives them
  std::vector<Ruling> rulings;   // the table borders found on the image, page points
  int numbers_read = 0;          // figures of table cells read with confidence
  std::vector<UnreadCell> unread;
  double skew_degrees = 0;       // how far the page was turned, straightened before reading
  double confidence = 0;         // the lowest confidence of a figure read (0–100)
};

// One reader per thread; the languages are loaded once, when it is made.
class ScanReader {
 public:
  virtual ~ScanReader() = default;
  virtual ScannedPage read(const GreyImage& page) = 0;
};

// The resolution scanned pages are drawn at for reading, whatever their picture's own (a scan
// of 150 or 300 dpi is read as well drawn at 200): Tesseract reads digits of 10.5–12 pt best at
// an x-height of about 20 pixels. A page so large that it can only be drawn below kMinScanDpi
// (within the pixel limit of PdfPageSource) is not read: its digits would be too small.
inline constexpr double kScanDpi = 200.0;
inline constexpr double kMinScanDpi = 100.0;

// A reader from the OCR module; null, with the reason in `why` (a missing module, a missing
// language), when there is none.
std::unique_ptr<ScanReader> make_scan_reader(std::string* why);

}  // namespace nianbao
