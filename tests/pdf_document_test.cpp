// The one pass over a PDF page (extract/read/pdf/pdf_document.h): each word with the geometry of
// its glyphs as the content stream sets them, and the page's ruling lines after the CTM.
#include <gtest/gtest.h>

#include "extract/read/pdf/pdf_document.h"
#include "extract/read/pdf/pdf_reader.h"
#include "pdf_bytes.h"
#include "test_paths.h"

namespace nianbao {
namespace {

std::string data(const std::string& name) { return test::read_file(test::source_path("tests/data/pdf/" + name)); }

const PdfWord* find_word(const PdfPageContent& page, const std::string& text) {
  for (const PdfWord& w : page.words)
    if (w.text == text) return &w;
  return nullptr;
}

// A one-page PDF (595 × 842) with `content` as its content stream and Helvetica as /F1.
std::string one_page(const std::string& content) {
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
      "/Contents 4 0 R >>",
      test::pdf_stream(content),
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  };
  return test::pdf_of_objects(objects);
}

// The title of made_2021_wrapped.pdf is set `233.8 754.889 Td /F1 16 Tf`, its body text at 12
// points: the font size and baseline come from the text state, not from the glyph boxes (which
// are 1.3 times as high in this font).
TEST(PdfDocument, WordsCarryTheirFontSizeAndBaseline) {
  const std::string bytes = data("made_2021_wrapped.pdf");
  PdfDocument pdf(bytes);
  ASSERT_EQ(pdf.status(), PdfDocument::Status::ok);
  EXPECT_EQ(pdf.open_errors(), 0);
  std::optional<PdfPageContent> page = pdf.page(0);
  ASSERT_TRUE(page);
  EXPECT_NEAR(page->height, 841.89, 0.01);
  const PdfWord* title = find_word(*page, "示例市交通运输局");
  ASSERT_NE(title, nullptr);
  EXPECT_NEAR(title->font_size, 16.0, 1e-6);
  EXPECT_NEAR(title->baseline, page->height - 754.889, 0.01);
  EXPECT_GT(title->box.y1, title->baseline);  // the descent is below the baseline
  EXPECT_LT(title->box.y0, title->baseline - 0.8 * title->font_size);
  ASSERT_EQ(title->glyphs.size(), 8u);
  EXPECT_NEAR(title->glyphs.front().x0, 233.8, 0.01);
  for (const Box& g : title->glyphs) EXPECT_NEAR(g.x1 - g.x0, 16.0, 0.01);  // full-width glyphs
  bool body = false;
  for (const PdfWord& w : page->words)
    if (w.text.starts_with("本报告根据")) {
      body = true;
      EXPECT_NEAR(w.font_size, 12.0, 1e-6);
      EXPECT_NEAR(w.baseline, page->height - 721.089, 0.01);
    }
  EXPECT_TRUE(body);
}

// The reader's lines carry the same sizes: the title's span is 16 points though its box is higher.
TEST(PdfDocument, TheReadersSpansCarryTheFontSize) {
  Document doc = read_pdf_file(test::source_path("tests/data/pdf/made_2021_wrapped.pdf"), test::rules().headings);
  ASSERT_FALSE(doc.pages.empty());
  const Line& title = doc.pages[0].lines[0];
  ASSERT_EQ(title.text, "示例市交通运输局");
  ASSERT_EQ(title.spans.size(), 1u);
  EXPECT_NEAR(title.spans[0].font_size, 16.0, 1e-6);
  EXPECT_NEAR(title.spans[0].box.y1 - title.spans[0].box.y0, 20.8, 0.01);
}

TEST(PdfDocument, TheSizeIsTheTextMatrixTimesTheCtm) {
  const std::string bytes = one_page("q 2 0 0 2 0 0 cm BT /F1 10 Tf 1.5 0 0 1.5 50 300 Tm (Total) Tj ET Q");
  PdfDocument pdf(bytes);
  std::optional<PdfPageContent> page = pdf.page(0);
  ASSERT_TRUE(page);
  const PdfWord* w = find_word(*page, "Total");
  ASSERT_NE(w, nullptr);
  EXPECT_NEAR(w->font_size, 30.0, 1e-6);
  EXPECT_NEAR(w->baseline, 842 - 600, 1e-6);
  EXPECT_NEAR(w->box.x0, 100, 1e-6);
  EXPECT_EQ(w->glyphs.size(), 5u);
}

TEST(PdfDocument, RulingsAreReadInTheSamePass) {
  // A stroked line and a thin filled rectangle, drawn under a CTM that doubles and moves them.
  const std::string bytes =
      one_page("BT /F1 12 Tf 72 760 Td (Rows) Tj ET\n"
               "q 2 0 0 2 10 20 cm 0 0 m 100 0 l S 20 10 0.5 50 re f Q\n");
  PdfDocument pdf(bytes);
  std::optional<PdfPageContent> page = pdf.page(0);
  ASSERT_TRUE(page);
  EXPECT_NE(find_word(*page, "Rows"), nullptr);
  ASSERT_EQ(page->rulings.size(), 2u);
  EXPECT_EQ(page->rulings[0], (Ruling{true, 842 - 20, 10, 210}));
  const Ruling& v = page->rulings[1];
  EXPECT_FALSE(v.horizontal);
  EXPECT_NEAR(v.at, 50.5, 1e-6);
  EXPECT_NEAR(v.from, 842 - 140, 1e-6);
  EXPECT_NEAR(v.to, 842 - 40, 1e-6);
}

TEST(PdfDocument, ARealTableHasItsBorders) {
  const std::string bytes = test::read_file(test::corpus_path("jiangsu_huaian_hongzequ_2023.pdf"));
  PdfDocument pdf(bytes);
  size_t horizontal = 0, vertical = 0;
  for (int i = 0; i < pdf.pages(); ++i) {
    std::optional<PdfPageContent> page = pdf.page(i);
    ASSERT_TRUE(page);
    for (const Ruling& r : page->rulings) (r.horizontal ? horizontal : vertical)++;
  }
  EXPECT_GT(horizontal, 20u);
  EXPECT_GT(vertical, 20u);
}

// A page drawing more lines than a page of tables has: its text is read, its lines are not.
TEST(PdfDocument, APageOfTooManyLinesHasNoRulingsButItsText) {
  std::string content = "BT /F1 12 Tf 72 760 Td (Drawing) Tj ET\n";
  for (int i = 0; i < 25000; ++i) content += "10 " + std::to_string(20 + i % 700) + " m 500 " + std::to_string(20 + i % 700) + " l S\n";
  const std::string bytes = one_page(content);
  PdfDocument pdf(bytes);
  std::optional<PdfPageContent> page = pdf.page(0);
  ASSERT_TRUE(page);
  EXPECT_NE(find_word(*page, "Drawing"), nullptr);
  EXPECT_TRUE(page->rulings.empty());
}

TEST(PdfDocument, StatusOfFilesThatCannotBeRead) {
  const std::string encrypted = data("encrypted.pdf");
  EXPECT_EQ(PdfDocument(encrypted).status(), PdfDocument::Status::encrypted);
  const std::string truncated = data("truncated.pdf");
  EXPECT_EQ(PdfDocument(truncated).status(), PdfDocument::Status::damaged);
  EXPECT_EQ(PdfDocument(truncated).pages(), 0);
}

}  // namespace
}  // namespace nianbao
