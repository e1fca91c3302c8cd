// Hostile inputs through the command line, each with its exact outcome: a clear error or a
// correct result, never a crash or a hang. (Readers' own bad inputs — truncated, encrypted and
// scanned PDFs, zip bombs, billion laughs, deep HTML — are in their reader tests.)
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "pdf_bytes.h"
#include "test_paths.h"

namespace nianbao {
namespace {

using nlohmann::json;

struct Placed {
  int x, y;
  std::string text;
};

// UTF-16BE hex of UTF-8 text (BMP only), as a PDF string for an Identity-H font.
std::string utf16_hex(const std::string& utf8) {
  std::string out = "<";
  for (size_t i = 0; i < utf8.size();) {
    auto b = static_cast<unsigned char>(utf8[i]);
    unsigned cp = b;
    size_t n = 1;
    if (b >= 0xE0) cp = b & 0x0F, n = 3;
    else if (b >= 0xC0) cp = b & 0x1F, n = 2;
    for (size_t k = 1; k < n && i + k < utf8.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04X", cp & 0xFFFF);
    out += buf;
    i += n;
  }
  return out + ">";
}

// Pages of Chinese text: a Type0 font with an identity ToUnicode map needs no font file.
std::string cjk_pdf(const std::vector<std::vector<Placed>>& pages) {
  const std::string cmap =
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def\n"
      "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
      "1 beginbfrange <0000> <FFFF> <0000> endbfrange endcmap CMapName currentdict /CMap "
      "defineresource pop end end";
  std::vector<std::string> objects(4);
  objects[0] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>";
  objects[3] = "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>";
  objects.push_back(test::pdf_stream(cmap));
  std::string kids;
  for (const auto& page : pages) {
    std::string content;
    for (const auto& p : page)
      content += "BT /F1 10 Tf " + std::to_string(p.x) + " " + std::to_string(p.y) + " Td " + utf16_hex(p.text) + " Tj ET\n";
    objects.push_back(test::pdf_stream(content));
    size_t contents = objects.size();
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents " +
                      std::to_string(contents) + " 0 R >>");
    kids += std::to_string(objects.size()) + " 0 R ";
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
  return test::pdf_of_objects(objects);
}

class Hostile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "nianbao_hostile_" + std::to_string(::getpid());
    test::run("rm -rf " + dir_ + " && mkdir -p " + dir_);
  }
  void TearDown() override { test::run("rm -rf " + dir_); }
  std::string write(const std::string& name, const std::string& bytes) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  // Runs `check --format json [flags]` on `path`. How long the large inputs take is measured by
  // tools/bench -l and tools/bench-pdf -l (docs/PERFORMANCE.md), not here: a test asserts what
  // comes out, under the default per-file limits.
  json check(const std::string& path, int* status, const std::string& flags = "") {
    std::string out;
    // A guard against a hang, not a time limit: sanitizer builds run these inputs ~30x slower.
    *status = test::run("timeout 900 " + test::binary() + " check --format json " + flags + " " + path + " 2>/dev/null",
                        &out);
    return json::parse(out.empty() ? "{}" : out);
  }
  std::string dir_;
};

TEST_F(Hostile, OneByteIsNoReport) {
  int status = 0;
  json d = check(write("one.txt", "a"), &status);
  EXPECT_EQ(status, 3);
  EXPECT_EQ(d["error"]["code"], "no_report");
}

TEST_F(Hostile, InvalidUtf8IsAnEncodingOrBinaryError) {
  std::string bytes;
  for (int i = 0; i < 3000; ++i) bytes += static_cast<char>(0x80 + (i * 37) % 0x7F);
  int status = 0;
  json d = check(write("bad.txt", bytes), &status);
  EXPECT_EQ(status, 3);
  EXPECT_EQ(d["error"]["code"], "encoding");
}

TEST_F(Hostile, AFifoIsNotAFileAndDoesNotHang) {
  std::string path = dir_ + "/pipe.txt";
  ASSERT_EQ(mkfifo(path.c_str(), 0600), 0);
  int status = 0;
  json d = check(path, &status);
  EXPECT_EQ(status, 3);
  EXPECT_EQ(d["error"]["code"], "not_a_file");
}

// Five stray bytes valid in no encoding, on two lines of a correct report: read with the bad
// bytes replaced, the report checked as usual, and a warning says where they were.
TEST_F(Hostile, StrayInvalidBytesAreReplacedAndSaid) {
  std::string text = test::read_file(test::source_path("samples/rules/correct-2021.txt"));
  const std::string a = "统计期限", b = "扎实";
  ASSERT_NE(text.find(a), std::string::npos);
  text.replace(text.find(a), a.size(), "统计\x80\xff期限");
  text.replace(text.find(b), b.size(), "扎\xff\xfe\x80实");
  int status = 0;
  json d = check(write("stray.txt", text), &status);
  EXPECT_EQ(status, 0);  // a warning: no error
  EXPECT_EQ(d["status"], "ok");
  EXPECT_EQ(d["report"]["year"], 2023);
  ASSERT_EQ(d["findings"].size(), 1u) << d["findings"].dump();
  const json& f = d["findings"][0];
  EXPECT_EQ(f["rule"], "structure.invalid_bytes");
  EXPECT_EQ(f["severity"], "warning");
  EXPECT_EQ(f["line"], 3);
  EXPECT_EQ(f["message"], "第 3, 7 行有 5 处字节无法按文件的编码解读，已替换为“\uFFFD”，这些行的文字和数字可能不完整")
      << f.dump();
}

// Many bad bytes are not a few: still an encoding error.
TEST_F(Hostile, TextWithManyInvalidBytesIsStillAnEncodingError) {
  std::string text = test::read_file(test::source_path("samples/rules/correct-2021.txt"));
  for (size_t at = 100; at < text.size(); at += 40) text[at] = '\xff';
  int status = 0;
  json d = check(write("many.txt", text), &status);
  EXPECT_EQ(status, 3);
  EXPECT_EQ(d["error"]["code"], "encoding");
}

// A 10 MB line of digits holds no Chinese at all: answered before the heavy stages look at it
// (how fast: docs/PERFORMANCE.md, tools/bench -l).
TEST_F(Hostile, TenMegabyteLineOfDigitsIsNoReport) {
  std::string line;
  while (line.size() < 10'000'000) line += "1234567890";
  int status = 0;
  json d = check(write("digits.txt", line + "\n"), &status);
  EXPECT_EQ(status, 3);
  EXPECT_EQ(d["error"]["code"], "no_report");
  EXPECT_EQ(d["error"]["message"], dir_ + "/digits.txt: 文件中没有政府信息公开工作年度报告的内容 "
                                          "(no open-government-information annual report found)");
}

// A page that is one image of a declared 100 000 × 100 000 pixels whose data stops short.
TEST_F(Hostile, ScannedPageWithAGigapixelImageIsAClearError) {
  const std::string page = "q 595 0 0 842 0 0 cm /Im0 Do Q";
  std::string bytes = test::pdf_of_objects(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>",
       test::pdf_stream(page),
       "<< /Type /XObject /Subtype /Image /Width 100000 /Height 100000 /ColorSpace /DeviceGray /BitsPerComponent 8 "
       "/Length 64 >>\nstream\n" + std::string(64, '\x20') + "\nendstream"});
  int status = 0;
  json d = check(write("giga.pdf", bytes), &status);
  EXPECT_EQ(status, 3);
  EXPECT_TRUE(d["error"]["code"] == "no_text_layer" || d["error"]["code"] == "damaged") << d.dump();
}

// A page of pure noise and a JPEG cut in half: nothing read, the scan's error, no crash.
TEST_F(Hostile, NoisePageAndTruncatedJpegAreTheScansError) {
  const std::string noise = dir_ + "/noise.pgm", jpeg = dir_ + "/noise.jpg";
  ASSERT_EQ(test::run("convert -size 1240x1754 xc:white -seed 3 -attenuate 1.5 +noise Random -colorspace Gray " + noise +
                      " && convert " + noise + " -quality 80 -units PixelsPerInch -density 150 " + jpeg +
                      " && img2pdf --output " + dir_ + "/noise.pdf " + jpeg + " 2>/dev/null"),
            0);
  int status = 0;
  json d = check(dir_ + "/noise.pdf", &status);
  EXPECT_EQ(status, 3);
  EXPECT_EQ(d["error"]["code"], "no_text_layer") << d.dump();
  // The same PDF with its JPEG stream cut to a third.
  std::string bytes = test::read_file(dir_ + "/noise.pdf");
  const size_t from = bytes.find("stream\n") + 7, to = bytes.find("endstream");
  ASSERT_LT(from, to);
  bytes.erase(from + (to - from) / 3, (to - from) - (to - from) / 3 - 1);
  d = check(write("cut.pdf", bytes), &status);
  EXPECT_EQ(status, 3);
  EXPECT_TRUE(d["error"]["code"] == "no_text_layer" || d["error"]["code"] == "damaged") << d.dump();
}

TEST_F(Hostile, FourHundredDigitNumberInATableIsAnInvalidValue) {
  std::string text = test::read_file(test::source_path("samples/rules/correct-2021.txt"));
  std::string row = "1.属于国家秘密\t0\t";
  size_t at = text.find(row);
  ASSERT_NE(at, std::string::npos);
  text.replace(at + row.size() - 2, 1, std::string(400, '9'));
  int status = 0;
  json d = check(write("digits.txt", text), &status);
  EXPECT_EQ(status, 1);
  bool said = false;
  for (const auto& f : d["findings"])
    if (f["row"] == "denied.state_secret" && f["column"] == "natural_person")
      said = f["rule"] == "table.invalid_value" && f["severity"] == "error";
  EXPECT_TRUE(said) << d["findings"].dump();
}

TEST_F(Hostile, FourHundredDigitFiguresInTheProseAreNotFigures) {
  std::string digits(400, '9');
  std::string text = "某局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n全年共公开信息" + digits +
                     "条，其中网站" + digits + "条，占" + digits + "%。共受理" + digits + "件,办结" + digits +
                     "件,办结率100%。\n";
  int status = 0;
  json d = check(write("prose.txt", text), &status);
  EXPECT_EQ(d["status"], "ok") << d.dump().substr(0, 300);
  for (const auto& f : d["findings"]) EXPECT_NE(f["rule"].get<std::string>().rfind("text.", 0), 0u) << f.dump();
}

TEST_F(Hostile, TenMegabyteSingleLineIsRead) {
  std::string seed = test::read_file(test::corpus_path("fujian_pingtan_shiyanqu_2020.txt"));
  std::string body = seed.substr(seed.find("平潭综合实验区2020年政府信息公开"));
  body.erase(std::remove(body.begin(), body.end(), '\n'), body.end());
  std::string line;
  while (line.size() < 10'000'000) line += body;
  int status = 0;
  // What is asserted is that it is read; how fast is docs/PERFORMANCE.md's (no time limit here).
  json d = check(write("line.txt", line + "\n"), &status, "--timeout 0");
  EXPECT_EQ(d["status"], "ok") << d.dump().substr(0, 300);
  EXPECT_EQ(d["report"]["year"], 2020);
}

TEST_F(Hostile, PdfPageTreeWithACycleIsAClearError) {
  std::string bytes = test::pdf_of_objects({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                           "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"});
  int status = 0;
  const std::string path = write("cycle.pdf", bytes);
  json d = check(path, &status);
  EXPECT_EQ(status, 3);
  EXPECT_EQ(d["error"]["code"], "damaged");
  EXPECT_EQ(d["error"]["message"], path + ": PDF 文件已损坏：1 页中 1 页无法读取 (damaged PDF: 1 of 1 pages cannot be read)");
}

TEST_F(Hostile, EmptyFileAndDirectoryAreClearErrors) {
  int status = 0;
  const std::string empty = write("empty.pdf", "");
  json d = check(empty, &status);
  EXPECT_EQ(status, 3);
  EXPECT_EQ(d["error"]["code"], "empty");  // empty, whatever its name says it is
  EXPECT_EQ(d["error"]["message"], empty + ": 文件为空 (empty file)");
  const std::string empty_text = write("empty.txt", "");
  d = check(empty_text, &status);
  EXPECT_EQ(status, 3);
  EXPECT_EQ(d["error"]["code"], "empty");
  EXPECT_EQ(d["error"]["message"], empty_text + ": 文件为空 (empty file)");
  d = check(dir_, &status);
  EXPECT_EQ(status, 3);
  EXPECT_EQ(d["error"]["code"], "not_a_file");
  EXPECT_EQ(d["error"]["message"], dir_ + ": 是目录，不是文件；检查目录中的全部报告请用 nianbao batch " + dir_ +
                                      " (a directory: to check every report in it, use nianbao batch)");
}

TEST_F(Hostile, HtmlNestedAHundredThousandLevelsIsRead) {
  const std::string report = "<p>某某局2023年政府信息公开工作年度报告</p><h2>一、总体情况</h2>";
  std::string page = "<html><body>";
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page += report + "<h2>二、主动公开政府信息情况</h2><p>全年主动公开政府信息12条。</p>";
  for (int i = 0; i < 100000; ++i) page += "</div>";
  int status = 0;
  json d = check(write("deep.html", page + "</body></html>"), &status);
  EXPECT_EQ(status, 1);  // read: parts 3 to 6 are missing
  EXPECT_EQ(d["report"]["agency"], "某某局");
  ASSERT_EQ(d["report"]["sections"].size(), 2u);
  EXPECT_EQ(d["report"]["sections"][1]["title"], "主动公开政府信息情况");
}

TEST_F(Hostile, GbkTextWithoutADeclarationReadsLikeItsUtf8) {
  const std::string seed = test::source_path("samples/helan-culture-tourism-2020.txt");
  const std::string gbk = dir_ + "/gbk.txt";
  ASSERT_EQ(test::run("iconv -f UTF-8 -t GB18030 " + seed + " > " + gbk), 0);
  int status = 0, utf8_status = 0;
  json a = check(gbk, &status);
  json b = check(seed, &utf8_status);
  EXPECT_EQ(status, utf8_status);
  EXPECT_EQ(a["report"], b["report"]);
  EXPECT_EQ(a["findings"], b["findings"]);
}

TEST_F(Hostile, PdfWithThousandsOfTinyTextBoxes) {
  std::vector<Placed> page = {{72, 800, "某某局2023年政府信息公开工作年度报告"}, {72, 780, "一、总体情况"}};
  const char* chars[] = {"公", "开", "申", "请", "件"};
  for (int i = 0; i < 6000; ++i) page.push_back({20 + (i % 100) * 5, 760 - (i / 100) * 12, chars[i % 5]});
  int status = 0;
  json d = check(write("boxes.pdf", cjk_pdf({page})), &status);
  EXPECT_EQ(d["status"], "ok");
  EXPECT_EQ(d["report"]["year"], 2023);
}

// Over the default page limit (300) it is refused before any page is read; with the limit
// raised it is read.
TEST_F(Hostile, FiveHundredPagePdfMadeAtTestTime) {
  std::vector<std::vector<Placed>> pages;
  pages.push_back({{72, 800, "某某局2023年政府信息公开工作年度报告"}, {72, 770, "一、总体情况"}});
  for (int n = 2; n <= 500; ++n)
    pages.push_back({{72, 800, "本页记述第" + std::to_string(n) + "项工作，全年主动公开政府信息。"},
                     {280, 40, "- " + std::to_string(n) + " -"}});
  const std::string path = write("long.pdf", cjk_pdf(pages));
  int status = 0;
  json d = check(path, &status);
  EXPECT_EQ(status, 3);
  EXPECT_EQ(d["error"]["code"], "too_many_pages");
  EXPECT_EQ(d["error"]["message"], path + ": 页数 500 超过上限 300（可用 --max-pages 调整） (page count 500 is over "
                                          "the limit of 300; raise it with --max-pages)");
  d = check(path, &status, "--max-pages 500");
  EXPECT_EQ(status, 1);  // read: its five missing parts are error findings
  EXPECT_EQ(d["status"], "ok") << d.dump().substr(0, 300);
  EXPECT_EQ(d["report"]["agency"], "某某局");
}

}  // namespace
}  // namespace nianbao
