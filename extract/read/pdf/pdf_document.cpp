#include "extract/read/pdf/pdf_document.h"

#include <Annot.h>
#include <DateInfo.h>
#include <Error.h>
#include <ErrorCodes.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <UTF.h>

#include <cmath>
#include <ctime>
#include <mutex>

#include "extract/normalize/normalize.h"
#include "extract/read/pdf/jbig2_extent.h"
#include "extract/read/pdf/pdf_errors.h"
#include "extract/read/pdf/pdf_rulings.h"

namespace nianbao {

namespace {

thread_local int g_poppler_errors = 0;

// Poppler's text extraction, as pdftotext and poppler-cpp configure it (reading order, no
// physical layout), which also collects the ruling lines of the paths painted on the page.
// Annotations are drawn after the page's content: their text is read, their lines are not
// part of the page's tables.
class PageDevice : public TextOutputDev {
 public:
  PageDevice() : TextOutputDev(nullptr, false, 0, false, false) {}

  RulingCollector rulings;
  bool in_annotations = false;

  void startPage(int number, GfxState* state, XRef* xref) override {
    TextOutputDev::startPage(number, state, xref);
    rulings.start(state ? state->getPageWidth() : 0, state ? state->getPageHeight() : 0);
    in_annotations = false;
  }
  void stroke(GfxState* state) override {
    TextOutputDev::stroke(state);
    if (!in_annotations) rulings.stroke(*state);
  }
  void fill(GfxState* state) override {
    TextOutputDev::fill(state);
    if (!in_annotations) rulings.fill(*state);
  }
  void eoFill(GfxState* state) override {
    TextOutputDev::eoFill(state);
    if (!in_annotations) rulings.fill(*state);
  }
};

// The most of a JBIG2 stream's data looked at for its segment headers, so that looking costs
// little even when the stream is also compressed otherwise (a Flate bomb around it).
constexpr size_t kMaxJbig2Bytes = 64u << 20;

// The bytes of the data under a JBIG2 stream, up to kMaxJbig2Bytes.
std::string jbig2_bytes(Stream* str) {
  std::string bytes;
  Stream* data = str->getNextStream();
  if (!data) return bytes;
  data->reset();
  unsigned char buf[4096];
  int n;
  while (bytes.size() < kMaxJbig2Bytes && (n = data->doGetChars(sizeof buf, buf)) > 0)
    bytes.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
  data->close();
  return bytes;
}

// The pixels drawing a picture of `width` × `height` decodes: for JBIG2, the bitmaps its own
// data asks for, when they are more.
double decoded_pixels(Stream* str, int width, int height) {
  const double declared = static_cast<double>(width) * height;
  if (!str || str->getKind() != strJBIG2) return declared;
  return std::max(declared, jbig2_declared_pixels(jbig2_bytes(str)));
}

// The pixels of the pictures a page draws, none of them decoded: what drawing the page will
// cost is the pixels its pictures say they have, whatever their data holds. (The text pass
// above never sees a picture: Poppler gives a text device none.) Pattern cells are left out:
// Poppler's renderer draws a cell once, while running one here would run it for every tile.
class PictureSurvey : public OutputDev {
 public:
  double pixels = 0;

  bool upsideDown() override { return true; }
  bool useDrawChar() override { return false; }
  bool interpretType3Chars() override { return false; }
  bool useTilingPatternFill() override { return true; }
  bool tilingPatternFill(GfxState*, Gfx*, Catalog*, GfxTilingPattern*, const double*, int, int, int, int, double,
                         double) override {
    return true;
  }
  void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* map,
                 bool interpolate, const int* mask_colors, bool inline_image) override {
    // Poppler's own skips the data of an inline picture.
    OutputDev::drawImage(state, ref, str, width, height, map, interpolate, mask_colors, inline_image);
    pixels += decoded_pixels(str, width, height);
  }
  // A black-and-white scan is often a stencil (JBIG2, CCITT fax): a picture all the same.
  void drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height, bool invert, bool interpolate,
                     bool inline_image) override {
    OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inline_image);
    pixels += decoded_pixels(str, width, height);
  }
  // A picture with its mask: both are decoded when the page is drawn.
  void drawMaskedImage(GfxState*, Object*, Stream* str, int width, int height, GfxImageColorMap*, bool,
                       Stream* mask, int mask_width, int mask_height, bool, bool) override {
    pixels += decoded_pixels(str, width, height) + decoded_pixels(mask, mask_width, mask_height);
  }
  void drawSoftMaskedImage(GfxState*, Object*, Stream* str, int width, int height, GfxImageColorMap*, bool,
                           Stream* mask, int mask_width, int mask_height, GfxImageColorMap*, bool) override {
    pixels += decoded_pixels(str, width, height) + decoded_pixels(mask, mask_width, mask_height);
  }
};

// Called by Poppler before it draws each annotation of a page.
bool draw_annotation(Annot*, void* device) {
  static_cast<PageDevice*>(device)->in_annotations = true;
  return true;
}

PdfWord to_word(const TextWord& w) {
  PdfWord out;
  std::unique_ptr<GooString> text(w.getText());
  out.text = text->toStr();
  double x0, y0, x1, y1;
  w.getBBox(&x0, &y0, &x1, &y1);
  out.box = {x0, y0, x1, y1};
  out.font_size = w.getFontSize();
  out.baseline = w.getBaseline();
  // One box per code point of the text, or none when they do not match.
  const int n = w.getLength();
  if (n <= 0 || utf8_length(out.text) != static_cast<size_t>(n)) return out;
  out.glyphs.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    w.getCharBBox(i, &x0, &y0, &x1, &y1);
    if (x1 <= x0 && y1 <= y0) {
      out.glyphs.clear();
      break;
    }
    out.glyphs.push_back({x0, y0, x1, y1});
  }
  return out;
}

// A PDF text string (UTF-16 with its byte order mark, or PDFDocEncoding) in UTF-8.
std::string text_string(const GooString& s) {
  Unicode* ucs4 = nullptr;
  int n = TextStringToUCS4(s.toStr(), &ucs4);
  std::string out;
  for (int i = 0; i < n; ++i)
    if (ucs4[i] <= 0x10FFFF && (ucs4[i] < 0xD800 || ucs4[i] > 0xDFFF)) append_utf8(out, ucs4[i]);
  gfree(ucs4);
  return out;
}

}  // namespace

void count_poppler_error(ErrorCategory, Goffset, const char*) { ++g_poppler_errors; }
int poppler_errors() { return g_poppler_errors; }
void reset_poppler_errors() { g_poppler_errors = 0; }

struct PdfDocument::Impl {
  GlobalParamsIniter params{count_poppler_error};
  std::unique_ptr<PDFDoc> doc;
  PageDevice device;
};

PdfDocument::PdfDocument(const std::string& bytes) {
  impl_ = std::make_unique<Impl>();
  // Poppler's global state outlives a document while another (a page source) holds it: the
  // callback is set again rather than left to whichever set it up first.
  setErrorCallback(count_poppler_error);
  reset_poppler_errors();
  // From memory: Poppler reads a file through a buffer of 256 bytes, a system call each.
  auto* stream = new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  impl_->doc = std::make_unique<PDFDoc>(stream);  // owns the stream
  if (impl_->doc->isOk()) status_ = Status::ok;
  else if (impl_->doc->getErrorCode() == errEncrypted) status_ = Status::encrypted;
  open_errors_ = g_poppler_errors;
}

PdfDocument::~PdfDocument() = default;

int PdfDocument::pages() const { return status_ == Status::ok ? impl_->doc->getNumPages() : 0; }

std::map<std::string, std::string> PdfDocument::info() const {
  std::map<std::string, std::string> out;
  if (status_ != Status::ok) return out;
  PDFDoc& doc = *impl_->doc;
  for (const char* key : {"Title", "Author", "Subject", "Creator", "Producer"}) {
    std::unique_ptr<GooString> v = doc.getDocInfoStringEntry(key);
    if (!v) continue;
    std::string s = text_string(*v);
    if (!s.empty()) out[key] = s;
  }
  for (const char* key : {"CreationDate", "ModDate"}) {
    std::unique_ptr<GooString> v = doc.getDocInfoStringEntry(key);
    if (!v) continue;
    time_t t = dateStringToTime(v.get());
    if (t <= 0) continue;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    out[key] = buf;
  }
  return out;
}

std::optional<PdfPageContent> PdfDocument::page(int index) {
  if (index < 0 || index >= pages()) return std::nullopt;
  ::Page* page = impl_->doc->getPage(index + 1);
  if (!page) return std::nullopt;
  PdfPageContent out;
  out.height = page->getCropHeight();
  PageDevice& device = impl_->device;
  // 72 dpi, the crop box, the page's own rotation: the device space is in points.
  impl_->doc->displayPageSlice(&device, index + 1, 72, 72, 0, false, false, false, -1, -1, -1, -1, nullptr,
                               nullptr, draw_annotation, &device);
  if (std::unique_ptr<TextWordList> list = device.makeWordList()) {
    out.words.reserve(static_cast<size_t>(list->getLength()));
    for (int i = 0; i < list->getLength(); ++i) out.words.push_back(to_word(*list->get(i)));
  }
  out.rulings = device.rulings.take();
  return out;
}

double PdfDocument::picture_pixels(int index) {
  if (index < 0 || index >= pages()) return 0;
  PictureSurvey survey;
  impl_->doc->displayPageSlice(&survey, index + 1, 72, 72, 0, false, false, false, -1, -1, -1, -1);
  return survey.pixels;
}

}  // namespace nianbao
