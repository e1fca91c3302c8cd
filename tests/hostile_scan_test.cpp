// Hostile pictures on the pages of a PDF without text, the pages that are drawn and read by OCR:
// pictures whose data is corrupt (JBIG2, JPEG 2000, CCITT fax), pictures and pages that ask for
// billions of pixels, odd picture parameters, and scans of 300 pages. Each has its exact outcome
// through the command line: one clear error, or what was read; never a crash or a hang. (A
// gigapixel picture without data and a cut JPEG are in hostile_test.cpp.)
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "extract/read/pdf/jbig2_extent.h"
#include "pdf_bytes.h"
#include "test_paths.h"

namespace nianbao {
namespace {

using nlohmann::json;

// An image XObject: its dictionary's entries (size, colour space, filter…) and its data.
std::string picture(const std::string& entries, const std::string& data) {
  return "<< /Type /XObject /Subtype /Image " + entries + " /Length " + std::to_string(data.size()) +
         " >>\nstream\n" + data + "\nendstream";
}

std::string size(long width, long height) {
  return "/Width " + std::to_string(width) + " /Height " + std::to_string(height) + " ";
}
// The entries of a grey picture of 8 bits and of one of 1 bit, then `more`.
std::string grey(long width, long height, const std::string& more = "") {
  return size(width, height) + "/ColorSpace /DeviceGray /BitsPerComponent 8 " + more;
}
std::string bilevel(long width, long height, const std::string& more = "") {
  return size(width, height) + "/ColorSpace /DeviceGray /BitsPerComponent 1 " + more;
}

// A PDF of `pages` A4 pages, each showing object 4 (a picture) over the whole page; `more` are
// objects 5, 6… (a soft mask).
std::string picture_pdf(const std::string& shown, int pages = 1, const std::vector<std::string>& more = {}) {
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", "",
                                      test::pdf_stream("q 595 0 0 842 0 0 cm /Im0 Do Q"), shown};
  objects.insert(objects.end(), more.begin(), more.end());
  std::string kids;
  for (int n = 0; n < pages; ++n) {
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                      "/Resources << /XObject << /Im0 4 0 R >> >> /Contents 3 0 R >>");
    kids += std::to_string(objects.size()) + " 0 R ";
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>";
  return test::pdf_of_objects(objects);
}

// One page `side` points square showing a picture over all of it.
std::string square_page_pdf(long side, const std::string& shown) {
  const std::string s = std::to_string(side);
  return test::pdf_of_objects({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + s + " " + s +
                                   "] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>",
                               test::pdf_stream("q " + s + " 0 0 " + s + " 0 0 cm /Im0 Do Q"), shown});
}

std::string big_endian(std::uint32_t v) {
  std::string out;
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
  return out;
}

// A JBIG2 segment as a PDF embeds it (T.88 7.2): number, type, no segment referred to, page 1.
std::string jbig2_segment(std::uint32_t number, char type, const std::string& data) {
  return big_endian(number) + type + '\0' + '\1' + big_endian(static_cast<std::uint32_t>(data.size())) + data;
}

// A JBIG2 page of `page_w` × `page_h` holding one generic region of `region_w` × `region_h`
// (template 0, arithmetic coding) whose coded data is 64 zero bytes, then the end of the page:
// segments of 30, 101 and 11 bytes.
std::string jbig2(std::uint32_t page_w, std::uint32_t page_h, std::uint32_t region_w, std::uint32_t region_h) {
  const std::string page_info = big_endian(page_w) + big_endian(page_h) + std::string(11, '\0');
  const std::string region = big_endian(region_w) + big_endian(region_h) + std::string(10, '\0') +
                             "\x03\xFF\xFD\xFF\x02\xFE\xFE\xFE" + std::string(64, '\0');
  return jbig2_segment(0, 48, page_info) + jbig2_segment(1, 38, region) + jbig2_segment(2, 49, "");
}

// 4 KB of bytes that are no picture in any format.
std::string garbage() {
  std::string out;
  std::uint32_t x = 12345;
  for (int i = 0; i < 4096; ++i) {
    x = x * 1103515245u + 12345u;
    out += static_cast<char>(x >> 24);
  }
  return out;
}

const std::string kBlack200(40000, '\0');  // 200 × 200 grey pixels

// How a PDF of one page that is a picture ends, and its message after the file's name.
enum class Outcome { damaged, scanned, blank };

class HostileScan : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = test::fresh_dir("hostile_scan"); }
  void TearDown() override { test::run("rm -rf " + dir_); }
  std::string write(const std::string& name, const std::string& bytes) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  // `check --format json [flags] paths`: one object per file. The `timeout` is a guard against
  // a hang, not a time limit: sanitizer builds are ~30x slower.
  std::vector<json> check(const std::string& paths, int* status, const std::string& flags = "") {
    std::string out;
    *status = test::run("timeout 900 " + test::binary() + " check --format json " + flags + " " + paths +
                            " 2>/dev/null",
                        &out);
    std::vector<json> objects;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);)
      if (!line.empty()) objects.push_back(json::parse(line));
    return objects;
  }
  // `bytes` written as `name` and checked: status 3 and the error of `outcome`.
  void expect(Outcome outcome, const std::string& name, const std::string& bytes) {
    int status = 0;
    const std::vector<json> d = check(write(name, bytes), &status);
    EXPECT_EQ(status, 3) << name;
    ASSERT_EQ(d.size(), 1u) << name;
    const std::string path = dir_ + "/" + name;
    switch (outcome) {
      case Outcome::damaged:
        EXPECT_EQ(d[0]["error"]["code"], "damaged") << name;
        EXPECT_EQ(d[0]["error"]["message"], path + ": PDF 文件已损坏：1 页中 1 页无法读取 (damaged PDF: 1 of 1 pages "
                                                   "cannot be read)");
        break;
      case Outcome::scanned:
        EXPECT_EQ(d[0]["error"]["code"], "no_text_layer") << name;
        EXPECT_EQ(d[0]["error"]["message"], path + ": 扫描件，没有文字层：1 页中 1 页只有图像 (scanned PDF without a "
                                                   "text layer: 1 of 1 pages)");
        break;
      case Outcome::blank:
        EXPECT_EQ(d[0]["error"]["code"], "no_text_layer") << name;
        EXPECT_EQ(d[0]["error"]["message"], path + ": PDF 文件所有页面都是空白 (every page of the PDF is blank)");
        break;
    }
  }
  std::string dir_;
};

// A picture Poppler cannot decode leaves its page white while it complains: the page is not
// blank but cannot be read, and the PDF is damaged, as with a page Poppler cannot parse.
TEST_F(HostileScan, CorruptJbig2JpxAndFaxPicturesAreDamagedPages) {
  expect(Outcome::damaged, "jbig2.pdf", picture_pdf(picture(bilevel(2480, 3508, "/Filter /JBIG2Decode"), garbage())));
  // Sound segment headers, the region's data cut after 20 of its 90 bytes.
  expect(Outcome::damaged, "jbig2_cut.pdf",
         picture_pdf(picture(bilevel(2480, 3508, "/Filter /JBIG2Decode"), jbig2(2480, 3508, 2480, 3508).substr(0, 61))));
  expect(Outcome::damaged, "jpx.pdf", picture_pdf(picture(grey(2480, 3508, "/Filter /JPXDecode"), garbage())));
  expect(Outcome::damaged, "fax.pdf",
         picture_pdf(picture(bilevel(2480, 3508, "/Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 2480 >>"),
                             garbage())));
}

// The same after a page of text: the report is not read without the page.
TEST_F(HostileScan, ACorruptPicturePageAfterAPageOfTextIsADamagedPdf) {
  const std::string bytes = test::pdf_of_objects(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 8 0 R >> >> /Contents 7 0 R >>",
       test::pdf_stream("q 595 0 0 842 0 0 cm /Im0 Do Q"),
       picture(bilevel(2480, 3508, "/Filter /JBIG2Decode"), garbage()),
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>",
       test::pdf_stream("BT /F1 24 Tf 72 700 Td (Annual report on government information 2023) Tj ET"),
       "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"});
  int status = 0;
  const std::string path = write("two.pdf", bytes);
  const std::vector<json> d = check(path, &status);
  EXPECT_EQ(status, 3);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]["error"]["code"], "damaged");
  EXPECT_EQ(d[0]["error"]["message"], path + ": PDF 文件已损坏：2 页中 1 页无法读取 (damaged PDF: 1 of 2 pages cannot be read)");
}

// Pictures that ask for billions of pixels, in their dictionary or, for JBIG2, in their own
// segments (Poppler decodes those sizes whatever the dictionary says: 1.25 GB, and minutes for
// a region of 100 000 × 100 000), are not drawn: the page is a scanned page not read, said at once.
TEST_F(HostileScan, PicturesAskingForBillionsOfPixelsAreNotDrawn) {
  const std::string a4_jbig2 = bilevel(2480, 3508, "/Filter /JBIG2Decode");
  expect(Outcome::scanned, "jbig2_page.pdf", picture_pdf(picture(a4_jbig2, jbig2(100000, 100000, 100, 100))));
  expect(Outcome::scanned, "jbig2_region.pdf", picture_pdf(picture(a4_jbig2, jbig2(2480, 3508, 100000, 100000))));
  expect(Outcome::scanned, "jbig2.pdf",
         picture_pdf(picture(bilevel(100000, 100000, "/Filter /JBIG2Decode"), garbage())));
  expect(Outcome::scanned, "jpx.pdf", picture_pdf(picture(grey(100000, 100000, "/Filter /JPXDecode"), garbage())));
  expect(Outcome::scanned, "fax.pdf",
         picture_pdf(picture(bilevel(1000000, 1000000, "/Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 1000000 >>"),
                             garbage())));
  expect(Outcome::scanned, "stencil.pdf", picture_pdf(picture(size(1000000, 1000000) + "/ImageMask true", garbage())));
  // A small picture whose soft mask asks for them.
  expect(Outcome::scanned, "smask.pdf",
         picture_pdf(picture(grey(200, 200, "/SMask 5 0 R"), kBlack200), 1, {picture(grey(1000000, 1000000), garbage())}));
}

// A JPEG 2000 code stream whose own header asks for 60 000 × 60 000 pixels in a picture of
// 64 × 64: OpenJPEG gives nothing and the page cannot be read.
TEST_F(HostileScan, AJpxOf60000PixelsSquareInsideASmallPictureIsADamagedPage) {
  const std::string j2k = dir_ + "/small.j2k";
  ASSERT_EQ(test::run("convert -size 64x64 xc:white -fill black -draw 'rectangle 10,10 50,50' -colorspace Gray " + j2k), 0);
  std::string code = test::read_file(j2k);
  ASSERT_EQ(code.substr(0, 4), "\xFF\x4F\xFF\x51");                 // SOC, then SIZ
  code.replace(8, 8, big_endian(60000) + big_endian(60000));   // Xsiz, Ysiz
  code.replace(24, 8, big_endian(60000) + big_endian(60000));  // XTsiz, YTsiz
  expect(Outcome::damaged, "jpx_inner.pdf", picture_pdf(picture(grey(64, 64, "/Filter /JPXDecode"), code)));
}

// A page 200 inches square (the largest PDF allows) or 28 km square is drawn for the ink test
// with no more pixels than an A2 page at 300 dpi, and not read: at 100 dpi, the least its
// figures are readable at, it would be 400 million pixels (before: gigabytes, out_of_memory).
TEST_F(HostileScan, AHugePageIsNotDrawnLargerThanThePixelLimit) {
  const std::string black = picture(grey(20, 20), std::string(400, '\0'));
  expect(Outcome::scanned, "poster.pdf", square_page_pdf(14400, black));
  expect(Outcome::scanned, "giant.pdf", square_page_pdf(2000000, black));
}

// Odd pictures are drawn as Poppler draws them: a black page holds nothing OCR can read (a
// scanned page not read), a picture made white by its Decode array or its soft mask is a blank
// page, and parameters Poppler refuses leave a page that cannot be read.
TEST_F(HostileScan, OddPictureParametersAreReadOrSaid) {
  expect(Outcome::scanned, "1x100000.pdf", picture_pdf(picture(grey(1, 100000), std::string(100000, '\0'))));
  expect(Outcome::scanned, "100000x1.pdf", picture_pdf(picture(grey(100000, 1), std::string(100000, '\0'))));
  expect(Outcome::scanned, "bits1.pdf", picture_pdf(picture(bilevel(200, 200), std::string(5000, '\0'))));
  expect(Outcome::scanned, "bits16.pdf",
         picture_pdf(picture(size(200, 200) + "/ColorSpace /DeviceGray /BitsPerComponent 16", std::string(80000, '\0'))));
  expect(Outcome::scanned, "palette.pdf",
         picture_pdf(picture(size(200, 200) + "/ColorSpace [/Indexed /DeviceGray 1 <00FF>] /BitsPerComponent 1",
                             std::string(5000, '\0'))));
  expect(Outcome::damaged, "width0.pdf", picture_pdf(picture(grey(0, 100), std::string(100, '\0'))));
  // A palette of 256 colours given one byte.
  expect(Outcome::damaged, "short_palette.pdf",
         picture_pdf(picture(size(200, 200) + "/ColorSpace [/Indexed /DeviceRGB 255 <00>] /BitsPerComponent 8", kBlack200)));
  // A soft mask that is the page's content stream, not a picture.
  expect(Outcome::damaged, "mask_no_picture.pdf", picture_pdf(picture(grey(200, 200, "/SMask 3 0 R"), kBlack200)));
  expect(Outcome::blank, "inverted.pdf", picture_pdf(picture(grey(200, 200, "/Decode [1 0]"), kBlack200)));
  // A soft mask that lets nothing through; the picture as its own soft mask.
  expect(Outcome::blank, "transparent.pdf",
         picture_pdf(picture(grey(200, 200, "/SMask 5 0 R"), kBlack200), 1, {picture(grey(200, 200), kBlack200)}));
  expect(Outcome::blank, "self_mask.pdf", picture_pdf(picture(grey(200, 200, "/SMask 4 0 R"), kBlack200)));
}

// 300 pages of a scanner's blank sheet (one white picture shown by every page): each is drawn
// coarsely, found without ink and passed over; OCR is never started.
TEST_F(HostileScan, ThreeHundredBlankScannedPagesAreBlank) {
  int status = 0;
  const std::string path = write("blank300.pdf", picture_pdf(picture(grey(124, 175), std::string(124 * 175, '\xFF')), 300));
  const std::vector<json> d = check(path, &status);
  EXPECT_EQ(status, 3);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]["error"]["code"], "no_text_layer");
  EXPECT_EQ(d[0]["error"]["message"], path + ": PDF 文件所有页面都是空白 (every page of the PDF is blank)");
}

// 300 pages of a page of a real report at 100 dpi: reading them takes about 4 s of CPU each, far
// more than a check may take. The time limit stops OCR inside Tesseract (the CPU limit's
// SIGXCPU): the file gets the one-line timeout error, and the next file is checked.
TEST_F(HostileScan, AThreeHundredPageScanEndsWithTheTimeoutAndTheNextFileIsChecked) {
  const std::string page = dir_ + "/page";
  ASSERT_EQ(test::run("pdftoppm -gray -singlefile -f 2 -l 2 -scale-to-x 827 -scale-to-y 1170 " +
                      test::source_path("tests/data/pdf/made_2021_hard.pdf") + " " + page + " && convert " + page +
                      ".pgm -quality 75 " + page + ".jpg"),
            0);
  const std::string scan =
      write("scan300.pdf", picture_pdf(picture(grey(827, 1170, "/Filter /DCTDecode"), test::read_file(page + ".jpg")), 300));
  const std::string timed_out = scan + ": 检查用时超过上限 2 秒（可用 --timeout 调整） (checking took longer than the "
                                       "limit of 2 s; raise it with --timeout)";
  int status = 0;
  std::vector<json> d = check(scan, &status, "--timeout 2");  // one file: checked in the program itself
  EXPECT_EQ(status, 3);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]["error"]["code"], "timeout");
  EXPECT_EQ(d[0]["error"]["message"], timed_out);

  const std::string next = test::source_path("samples/helan-culture-tourism-2020.txt");
  d = check(scan + " " + next, &status, "--timeout 2");  // each file in a child process
  EXPECT_EQ(status, 3);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0]["error"]["code"], "timeout");
  EXPECT_EQ(d[0]["error"]["message"], timed_out);
  EXPECT_EQ(d[1]["status"], "ok");
  EXPECT_EQ(d[1]["report"]["year"], 2020);
}

TEST(Jbig2Extent, PagesAndRegionsAreAddedUpAndAHeaderCutShortEndsTheCount) {
  EXPECT_EQ(jbig2_declared_pixels(jbig2(2480, 3508, 100, 50)), 2480.0 * 3508 + 100.0 * 50);
  EXPECT_EQ(jbig2_declared_pixels(jbig2(100000, 100000, 100000, 100000)), 2e10);
  // A page of a height not yet known (given stripe by stripe) counts for its regions alone.
  EXPECT_EQ(jbig2_declared_pixels(jbig2(2480, 0xFFFFFFFF, 100, 50)), 5000.0);
  // The region's header cut short (5 of its 11 bytes): the page alone is known.
  EXPECT_EQ(jbig2_declared_pixels(jbig2(2480, 3508, 100000, 100000).substr(0, 30 + 5)), 2480.0 * 3508);
  EXPECT_EQ(jbig2_declared_pixels(""), 0.0);
  EXPECT_GE(jbig2_declared_pixels(garbage()), 0.0);  // whatever it finds, no byte beyond the data is read
}

}  // namespace
}  // namespace nianbao
