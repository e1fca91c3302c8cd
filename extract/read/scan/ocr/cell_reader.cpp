#include "extract/read/scan/ocr/cell_reader.h"

#include <dlfcn.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include "extract/read/scan/ocr/figure_shape.h"

namespace nianbao {
namespace {

// Ruling lines are found by runs of pixels darker than this, so that their grey anti-aliased
// edges go with them.
constexpr std::uint8_t kLight = 200;
// A run along this much of a cell's width (height), in the outer band of the cell, is a ruling.
constexpr double kRulingSpan = 0.9;

// Tesseract reads best with the height of a digit near 30 px and a white margin around the
// line; the two reads of a row differ in size so that they fail differently.
constexpr double kDigitHeights[2] = {30, 46};
// The white between two cells in the strip, in digit heights: about a word space. Wider, and
// Tesseract grows unsure of the characters after it (a gap of two digit heights read 100 of 390
// cells with confidence, 0.6 all of them).
constexpr double kGap = 0.6;
// The height of a Chinese character in the strip of a label: from 20 to 36 px chi_sim misreads
// about the same few characters, from 40 px more.
constexpr double kLabelHeight = 34;
constexpr int kMargin = 16;

// Below this (Tesseract's 0..100), a character is not trusted. Tesseract is unsure now and then
// of the first character of a number it reads right (25 to 60), so the agreement of the two
// reads and the width of the ink do most of the checking.
constexpr double kMinConfidence = 15;

// What a figure in a table may hold: digits, signs, a decimal point, thousands commas, and the
// placeholders "/" and "-" (a long dash reads as "-").
constexpr const char* kFigureCharacters = "0123456789.,+-/";

double px_per_pt(const GreyImage& page) { return (page.dpi > 0 ? page.dpi : 200.0) / 72.0; }

PixelBox clip(const PixelBox& b, const GreyImage& page) {
  return {std::clamp(b.x0, 0, page.width), std::clamp(b.y0, 0, page.height), std::clamp(b.x1, 0, page.width),
          std::clamp(b.y1, 0, page.height)};
}

GreyImage crop(const GreyImage& page, const PixelBox& box) {
  PixelBox b = clip(box, page);
  if (b.empty()) return GreyImage(0, 0, page.dpi);
  GreyImage out(b.width(), b.height(), page.dpi);
  for (int y = 0; y < out.height; ++y)
    std::copy_n(&page.pixels[static_cast<std::size_t>(b.y0 + y) * page.width + b.x0], out.width,
                &out.pixels[static_cast<std::size_t>(y) * out.width]);
  return out;
}

// How far inside the cell's box its ink is looked for: the grid gives the middle of the ruling
// lines, and half a line inside the box is still line.
int border_inset(const GreyImage& page) { return static_cast<int>(std::lround(px_per_pt(page))) + 1; }

// Whether (x, y) or a pixel just above or below it (along a row), or just beside it (along a
// column), is darker than kLight: a line a little off the straight still runs on.
bool lined(const GreyImage& g, bool row, int x, int y) {
  for (int d = -1; d <= 1; ++d) {
    int xx = row ? x : x + d, yy = row ? y + d : y;
    if (xx >= 0 && yy >= 0 && xx < g.width && yy < g.height && g.at(xx, yy) < kLight) return true;
  }
  return false;
}

int longest_run(const GreyImage& g, bool row, int at) {
  int n = row ? g.width : g.height, best = 0, run = 0;
  for (int i = 0; i < n; ++i) {
    run = (row ? lined(g, true, i, at) : lined(g, false, at, i)) ? run + 1 : 0;
    best = std::max(best, run);
  }
  return best;
}

// Paints white the ruling lines of a cell drawn with its borders: a run across nearly all its
// width near its top or bottom, or across nearly all its height near its sides. Text never runs
// the whole cell: a "1" is half its height, a "一" a part of its width.
void clear_rulings(GreyImage& g, int inset, double pt) {
  int band_y = std::min(g.height / 4, inset + static_cast<int>(3 * pt));
  int band_x = std::min(g.width / 4, inset + static_cast<int>(3 * pt));
  auto edge = [](int i, int n, int band) { return i < band || i >= n - band; };
  std::vector<int> rows, columns;
  for (int y = 0; y < g.height; ++y)
    if (edge(y, g.height, band_y) && longest_run(g, true, y) >= kRulingSpan * g.width) rows.push_back(y);
  for (int x = 0; x < g.width; ++x)
    if (edge(x, g.width, band_x) && longest_run(g, false, x) >= kRulingSpan * g.height) columns.push_back(x);
  for (int y : rows) std::fill_n(&g.pixels[static_cast<std::size_t>(y) * g.width], g.width, 255);
  for (int x : columns)
    for (int y = 0; y < g.height; ++y) g.at(x, y) = 255;
}

struct Blob {
  PixelBox box;
  int area = 0;
};

// The 8-connected groups of ink pixels; `label` gets each pixel's blob (-1: paper).
std::vector<Blob> find_blobs(const GreyImage& g, std::vector<int>& label) {
  std::vector<Blob> blobs;
  label.assign(g.pixels.size(), -1);
  std::vector<int> stack;
  for (int start = 0; start < static_cast<int>(g.pixels.size()); ++start) {
    if (g.pixels[start] >= kDark || label[start] >= 0) continue;
    int id = static_cast<int>(blobs.size());
    Blob b{{start % g.width, start / g.width, start % g.width + 1, start / g.width + 1}, 0};
    label[start] = id;
    stack.assign(1, start);
    while (!stack.empty()) {
      int p = stack.back();
      stack.pop_back();
      int x = p % g.width, y = p / g.width;
      ++b.area;
      b.box = {std::min(b.box.x0, x), std::min(b.box.y0, y), std::max(b.box.x1, x + 1), std::max(b.box.y1, y + 1)};
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
          int nx = x + dx, ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= g.width || ny >= g.height) continue;
          int q = ny * g.width + nx;
          if (g.pixels[q] < kDark && label[q] < 0) {
            label[q] = id;
            stack.push_back(q);
          }
        }
    }
    blobs.push_back(b);
  }
  return blobs;
}


CellInk cell_ink(const GreyImage& page, const PixelBox& cell) {
  CellInk ink;
  PixelBox whole = clip(cell, page);
  int inset = border_inset(page);
  if (whole.width() <= 2 * inset || whole.height() <= 2 * inset) return ink;
  double pt = px_per_pt(page);
  GreyImage g = crop(page, whole);
  clear_rulings(g, inset, pt);
  g = crop(g, {inset, inset, g.width - inset, g.height - inset});
  std::vector<int> label;
  std::vector<Blob> blobs = find_blobs(g, label);
  // A speck of dust or of JPEG noise is smaller than a dot (~0.8 pt wide) but is only dropped
  // away from the text: a small mark beside the digits is a decimal point or a comma.
  int speck = std::max(4, static_cast<int>(std::lround(0.5 * pt * pt)));
  int thin = std::max(2, static_cast<int>(std::lround(1.2 * pt)));
  auto near = [](const PixelBox& a, const PixelBox& b, int reach) {
    return a.x0 < b.x1 + reach && b.x0 < a.x1 + reach && a.y0 < b.y1 + reach && b.y0 < a.y1 + reach;
  };
  std::vector<bool> keep(blobs.size());
  for (std::size_t i = 0; i < blobs.size(); ++i) {
    const PixelBox& b = blobs[i].box;
    bool touches = b.x0 == 0 || b.y0 == 0 || b.x1 == g.width || b.y1 == g.height;
    // What remains of a ruling the runs missed (a scan skewed more): thin, at the border, along
    // nearly all of the cell.
    bool ruling = touches && ((b.height() <= thin && b.width() >= 0.8 * whole.width()) ||
                              (b.width() <= thin && b.height() >= 0.8 * whole.height()));
    keep[i] = blobs[i].area >= speck && !ruling;
  }
  for (std::size_t i = 0; i < blobs.size(); ++i) {
    if (keep[i] || blobs[i].area >= speck) continue;
    for (std::size_t j = 0; j < blobs.size() && !keep[i]; ++j)
      if (keep[j] && blobs[j].area >= speck && near(blobs[i].box, blobs[j].box, blobs[j].box.height() / 2))
        keep[i] = true;
  }
  PixelBox all{g.width, g.height, 0, 0};
  for (std::size_t i = 0; i < blobs.size(); ++i) {
    if (!keep[i]) continue;
    const PixelBox& b = blobs[i].box;
    ink.blobs.push_back(b);
    all = {std::min(all.x0, b.x0), std::min(all.y0, b.y0), std::max(all.x1, b.x1), std::max(all.y1, b.y1)};
  }
  if (ink.blobs.empty()) return ink;
  for (std::size_t p = 0; p < g.pixels.size(); ++p)
    if (label[p] >= 0 && !keep[static_cast<std::size_t>(label[p])]) g.pixels[p] = 255;
  ink.image = crop(g, all);
  for (PixelBox& b : ink.blobs) b = {b.x0 - all.x0, b.y0 - all.y0, b.x1 - all.x0, b.y1 - all.y0};
  return ink;
}

// The image `scale` times the size: the mean of the pixels covered when shrinking, bilinear
// when enlarging.
GreyImage resample(const GreyImage& g, double scale) {
  int w = std::max(1, static_cast<int>(std::lround(g.width * scale)));
  int h = std::max(1, static_cast<int>(std::lround(g.height * scale)));
  GreyImage out(w, h, g.dpi * scale);
  double sx = static_cast<double>(g.width) / w, sy = static_cast<double>(g.height) / h;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      double v = 0;
      if (scale < 1) {
        int x0 = static_cast<int>(x * sx), x1 = std::max(x0 + 1, static_cast<int>((x + 1) * sx));
        int y0 = static_cast<int>(y * sy), y1 = std::max(y0 + 1, static_cast<int>((y + 1) * sy));
        x1 = std::min(x1, g.width), y1 = std::min(y1, g.height);
        for (int yy = y0; yy < y1; ++yy)
          for (int xx = x0; xx < x1; ++xx) v += g.at(xx, yy);
        v /= static_cast<double>((x1 - x0) * (y1 - y0));
      } else {
        double fx = std::clamp((x + 0.5) * sx - 0.5, 0.0, g.width - 1.0);
        double fy = std::clamp((y + 0.5) * sy - 0.5, 0.0, g.height - 1.0);
        int x0 = static_cast<int>(fx), y0 = static_cast<int>(fy);
        int x1 = std::min(x0 + 1, g.width - 1), y1 = std::min(y0 + 1, g.height - 1);
        double ax = fx - x0, ay = fy - y0;
        v = (g.at(x0, y0) * (1 - ax) + g.at(x1, y0) * ax) * (1 - ay) + (g.at(x0, y1) * (1 - ax) + g.at(x1, y1) * ax) * ay;
      }
      out.at(x, y) = static_cast<std::uint8_t>(std::lround(v));
    }
  return out;
}

void paste(GreyImage& to, const GreyImage& from, int x, int y) {
  for (int r = 0; r < from.height; ++r)
    std::copy_n(&from.pixels[static_cast<std::size_t>(r) * from.width], from.width,
                &to.pixels[static_cast<std::size_t>(y + r) * to.width + x]);
}

// Quarter turns: a label printed turned a quarter reads along its height.
GreyImage turn(const GreyImage& g, bool clockwise) {
  GreyImage out(g.height, g.width, g.dpi);
  for (int y = 0; y < g.height; ++y)
    for (int x = 0; x < g.width; ++x) {
      if (clockwise)
        out.at(g.height - 1 - y, x) = g.at(x, y);
      else
        out.at(y, g.width - 1 - x) = g.at(x, y);
    }
  return out;
}

struct Glyph {
  std::string text;
  double confidence = 0;
  int x0 = 0, x1 = 0;  // in the strip
};

// Tesseract's LSTM runs its matrix products on four OpenMP threads whatever the machine. For a
// line of a few characters they cost more than they save, and on a busy machine their waiting
// costs several times the reading itself (a row: 24 ms of CPU alone, 90 to 500 ms with the
// threads); a program that wants speed reads several pages at once, one CellReader each.
// Tesseract asks for its threads by number, so only a limit on nested parallelism of zero
// levels keeps every region on the calling thread. The limit is the process's: nothing else
// in this program uses OpenMP.
void one_thread() {
  static const bool done = [] {
    // Looked up rather than linked: libgomp is Tesseract's, present when it uses OpenMP.
    using SetLevels = void (*)(int);
    if (auto set = reinterpret_cast<SetLevels>(dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"))) set(0);
    return true;
  }();
  (void)done;
}

// One line image read by Tesseract, character by character.
std::vector<Glyph> read_line(tesseract::TessBaseAPI& api, const GreyImage& strip) {
  one_thread();
  api.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
  api.SetImage(strip.pixels.data(), strip.width, strip.height, 1, strip.width);
  api.SetSourceResolution(300);
  std::vector<Glyph> glyphs;
  if (api.Recognize(nullptr) != 0) return glyphs;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it) return glyphs;
  do {
    std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_SYMBOL));
    if (!text || !*text.get()) continue;
    Glyph g;
    g.text = text.get();
    g.confidence = it->Confidence(tesseract::RIL_SYMBOL);
    int top = 0, bottom = 0;
    it->BoundingBox(tesseract::RIL_SYMBOL, &g.x0, &top, &g.x1, &bottom);
    glyphs.push_back(std::move(g));
  } while (it->Next(tesseract::RIL_SYMBOL));
  return glyphs;
}


std::vector<CellRead> read_row(tesseract::TessBaseAPI& api, const std::vector<CellInk>& cells, double digit_height,
                               double target) {
  double scale = target / digit_height;
  int gap = static_cast<int>(std::lround(kGap * target));
  std::vector<GreyImage> images(cells.size());
  std::vector<int> slot(cells.size(), -1);
  int width = kMargin, height = 0;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].blank()) continue;
    images[i] = resample(cells[i].image, scale);
    if (width > kMargin) width += gap;
    slot[i] = width;
    width += images[i].width;
    height = std::max(height, images[i].height);
  }
  GreyImage strip(width + kMargin, height + 2 * kMargin, 300);
  for (std::size_t i = 0; i < cells.size(); ++i)
    if (slot[i] >= 0) paste(strip, images[i], slot[i], kMargin + (height - images[i].height) / 2);

  std::vector<CellRead> reads(cells.size());
  double tolerance = 0.3 * target;
  for (const Glyph& g : read_line(api, strip)) {
    double mid = (g.x0 + g.x1) / 2.0;
    int best = -1;
    double best_distance = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (slot[i] < 0) continue;
      double d = std::max({0.0, slot[i] - mid, mid - (slot[i] + images[i].width)});
      if (best < 0 || d < best_distance) best = static_cast<int>(i), best_distance = d;
    }
    if (best < 0) continue;
    CellRead& r = reads[static_cast<std::size_t>(best)];
    if (best_distance > tolerance) {
      r.stray = true;
      continue;
    }
    r.text += g.text;
    r.confidence = std::min(r.confidence, g.confidence);
    r.spans.emplace_back((g.x0 - slot[best]) / scale, (g.x1 - slot[best]) / scale);
  }
  return reads;
}

// What two reads saw, for a message: the first, with '?' where the second differs.
std::string seen_of(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return a.empty() ? b : a;
  std::string s = a;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (a[i] != b[i]) s[i] = '?';
  return s;
}

bool is_ascii(unsigned char c) { return c < 0x80; }

// Tesseract puts spaces between Chinese characters, and gives the ASCII form of the
// punctuation Chinese text prints full width ("(一)" for "（一）", "\" for "、"). Spaces are
// kept between ASCII words only; a mark beside a Chinese character is made full width.
std::string as_chinese(const std::string& text) {
  std::string spaced;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != ' ' && text[i] != '\n' && text[i] != '\r') {
      spaced += text[i];
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\n' || text[j] == '\r')) ++j;
    bool ascii_before = !spaced.empty() && is_ascii(static_cast<unsigned char>(spaced.back()));
    bool ascii_after = j < text.size() && is_ascii(static_cast<unsigned char>(text[j]));
    if (ascii_before && ascii_after) spaced += ' ';
    i = j - 1;
  }
  static const std::pair<char, const char*> kWide[] = {{'(', "（"}, {')', "）"}, {':', "："}, {';', "；"},
                                                       {',', "，"}, {'?', "？"}, {'!', "！"}, {'\\', "、"}};
  std::string out;
  for (std::size_t i = 0; i < spaced.size(); ++i) {
    char c = spaced[i];
    const char* wide = nullptr;
    for (const auto& [narrow, w] : kWide)
      if (c == narrow) wide = w;
    bool chinese_before = i > 0 && !is_ascii(static_cast<unsigned char>(spaced[i - 1]));
    bool chinese_after = i + 1 < spaced.size() && !is_ascii(static_cast<unsigned char>(spaced[i + 1]));
    // "(一)": the ")" follows a Chinese character; "第(一)项": the "(" precedes one.
    if (wide && (chinese_before || chinese_after))
      out += wide;
    else
      out += c;
  }
  return out;
}

struct TextRead {
  std::string text;
  double confidence = 0;  // the mean of its characters'
};

TextRead read_text_line(tesseract::TessBaseAPI& api, const GreyImage& strip) {
  TextRead r;
  std::vector<Glyph> glyphs = read_line(api, strip);
  for (const Glyph& g : glyphs) {
    r.text += g.text;
    r.confidence += g.confidence;
  }
  if (!glyphs.empty()) r.confidence /= static_cast<double>(glyphs.size());
  return r;
}

// An image with a white margin around it, `scale` times the size.
GreyImage framed(const GreyImage& g, double scale) {
  GreyImage s = resample(g, scale);
  GreyImage out(s.width + 2 * kMargin, s.height + 2 * kMargin, s.dpi);
  paste(out, s, kMargin, kMargin);
  return out;
}

// The rows of a label's text lines, [y0, y1) in its ink: runs of inked rows, joined while they
// fit in the height of one character ("三" is three runs).
std::vector<std::pair<int, int>> text_rows(const CellInk& ink, double* char_height) {
  std::vector<int> inked(static_cast<std::size_t>(ink.image.height), 0);
  for (const PixelBox& b : ink.blobs)
    for (int y = b.y0; y < b.y1; ++y) inked[static_cast<std::size_t>(y)] = 1;
  std::vector<std::pair<int, int>> runs;
  for (int y = 0; y < ink.image.height; ++y) {
    if (!inked[static_cast<std::size_t>(y)]) continue;
    if (!runs.empty() && runs.back().second == y)
      runs.back().second = y + 1;
    else
      runs.emplace_back(y, y + 1);
  }
  int h = 0;
  for (const auto& r : runs) h = std::max(h, r.second - r.first);
  *char_height = h;
  std::vector<std::pair<int, int>> lines;
  for (const auto& r : runs) {
    if (!lines.empty() && r.second - lines.back().first <= 1.15 * h)
      lines.back().second = r.second;
    else
      lines.push_back(r);
  }
  return lines;
}

}  // namespace

CellReader::CellReader(const std::string& tessdata_dir) {
  const char* dir = tessdata_dir.empty() ? nullptr : tessdata_dir.c_str();
  // Tesseract writes its notes (and warnings about missing files) to debug_file.
  std::vector<std::string> names = {"debug_file"}, values = {"/dev/null"};
  auto start = [&](const char* language) -> std::unique_ptr<tesseract::TessBaseAPI> {
    auto api = std::make_unique<tesseract::TessBaseAPI>();
    if (api->Init(dir, language, tesseract::OEM_LSTM_ONLY, nullptr, 0, &names, &values, false) != 0) {
      error_ = std::string("cannot load Tesseract language ") + language + " from " +
               (dir ? dir : "Tesseract's default tessdata directory");
      return nullptr;
    }
    return api;
  };
  digits_ = start("eng");
  if (digits_) digits_->SetVariable("tessedit_char_whitelist", kFigureCharacters);
  if (error_.empty()) chinese_ = start("chi_sim");
}

CellReader::~CellReader() = default;

bool CellReader::ready() const { return digits_ && chinese_; }

const std::string& CellReader::error() const { return error_; }

std::vector<NumberRead> CellReader::read_numbers(const GreyImage& page, const std::vector<PixelBox>& cells) {
  std::vector<NumberRead> out(cells.size());
  std::vector<CellInk> inks;
  inks.reserve(cells.size());
  std::vector<int> heights;
  for (const PixelBox& c : cells) {
    inks.push_back(cell_ink(page, c));
    if (!inks.back().blank()) heights.push_back(inks.back().image.height);
  }
  for (std::size_t i = 0; i < cells.size(); ++i) out[i].blank = inks[i].blank();
  if (heights.empty() || !ready()) return out;
  // Digits print the same height: the row's median is the height of its digits, whatever a
  // cell holds besides ("/", "-").
  std::nth_element(heights.begin(), heights.begin() + static_cast<long>(heights.size() / 2), heights.end());
  double digit_height = heights[heights.size() / 2];
  std::vector<CellRead> first = read_row(*digits_, inks, digit_height, kDigitHeights[0]);
  std::vector<CellRead> second = read_row(*digits_, inks, digit_height, kDigitHeights[1]);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (inks[i].blank()) continue;
    const CellRead &a = first[i], &b = second[i];
    NumberRead& r = out[i];
    r.seen = seen_of(a.text, b.text);
    r.confidence = std::min(a.confidence, b.confidence);
    if (a.text.empty() || b.text.empty()) r.confidence = 0;
    const bool agreed = a.text == b.text && !a.stray && !b.stray;
    if (agreed && r.confidence >= kMinConfidence && fits(inks[i], a, digit_height) && fits(inks[i], b, digit_height))
      r.figure = a.text;
  }
  return out;
}

std::string CellReader::read_label(const GreyImage& page, const PixelBox& cell) {
  CellInk ink = cell_ink(page, cell);
  if (ink.blank() || !ready()) return {};
  double h = 0;
  std::vector<std::pair<int, int>> rows = text_rows(ink, &h);
  double scale = kLabelHeight / std::max(1.0, h);
  // The lines end to end, each cut to its own ink, as one line of text.
  std::vector<GreyImage> parts;
  int width = kMargin, height = 0, gap = static_cast<int>(0.3 * kLabelHeight);
  for (const auto& [y0, y1] : rows) {
    PixelBox line{ink.image.width, y0, 0, y1};
    for (const PixelBox& b : ink.blobs)
      if (b.y0 < y1 && b.y1 > y0) line.x0 = std::min(line.x0, b.x0), line.x1 = std::max(line.x1, b.x1);
    if (line.empty()) continue;
    parts.push_back(resample(crop(ink.image, line), scale));
    width += parts.back().width + gap;
    height = std::max(height, parts.back().height);
  }
  GreyImage strip(width - gap + kMargin, height + 2 * kMargin, 300);
  int x = kMargin;
  for (const GreyImage& p : parts) {
    paste(strip, p, x, kMargin + (height - p.height) / 2);
    x += p.width + gap;
  }
  TextRead best = read_text_line(*chinese_, strip);
  // A column of single characters may as well be a line printed turned a quarter; the reading
  // that makes more sense to Tesseract wins.
  bool column = rows.size() >= 3 && ink.image.width <= 1.6 * h;
  if (column) {
    for (bool clockwise : {true, false}) {
      TextRead turned = read_text_line(*chinese_, framed(turn(ink.image, clockwise), scale));
      if (turned.confidence > best.confidence) best = turned;
    }
  }
  return as_chinese(best.text);
}

std::vector<TextLineRead> CellReader::read_lines(const GreyImage& page, const PixelBox& region) {
  std::vector<TextLineRead> out;
  PixelBox b = clip(region, page);
  if (b.empty() || !ready()) return out;
  // chi_sim wants characters at least ~30 px high: a 10.5 pt character is that at 200 dpi.
  double scale = page.dpi > 0 && page.dpi < 200 ? 200 / page.dpi : 1.0;
  GreyImage g = framed(crop(page, b), scale);
  tesseract::TessBaseAPI& api = *chinese_;
  one_thread();
  api.SetPageSegMode(tesseract::PSM_AUTO);
  api.SetImage(g.pixels.data(), g.width, g.height, 1, g.width);
  api.SetSourceResolution(static_cast<int>(std::lround(page.dpi > 0 ? page.dpi * scale : 200)));
  if (api.Recognize(nullptr) != 0) return out;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it) return out;
  auto back = [&](int v, int origin) { return origin + static_cast<int>(std::lround((v - kMargin) / scale)); };
  do {
    std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_TEXTLINE));
    if (!text) continue;
    TextLineRead line;
    line.text = as_chinese(text.get());
    while (!line.text.empty() && line.text.back() == ' ') line.text.pop_back();
    while (!line.text.empty() && line.text.front() == ' ') line.text.erase(0, 1);
    if (line.text.empty()) continue;
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    it->BoundingBox(tesseract::RIL_TEXTLINE, &x0, &y0, &x1, &y1);
    line.box = clip({back(x0, b.x0), back(y0, b.y0), back(x1, b.x0), back(y1, b.y0)}, page);
    line.confidence = it->Confidence(tesseract::RIL_TEXTLINE);
    out.push_back(std::move(line));
  } while (it->Next(tesseract::RIL_TEXTLINE));
  return out;
}

}  // namespace nianbao
