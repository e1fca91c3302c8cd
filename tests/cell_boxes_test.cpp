// Where every table cell was printed: a PDF's cells carry their box on their page (the box of
// the value, or the place under the column for a blank cell), inside the region of their table;
// inputs without coordinates carry none. JSON adds "box" and "regions" only when present.
#include <gtest/gtest.h>

#include <cmath>

#include "extract/read/reader.h"
#include "nianbao/nianbao.h"
#include "test_paths.h"

namespace nianbao {
namespace {

std::vector<std::string> pdfs() {
  return {test::corpus_path("jiangsu_huaian_shizhengfu_2024.pdf"),
          test::corpus_path("jiangsu_huaian_hongzequ_2023.pdf"),
          test::corpus_path("jiangsu_huaian_hongzequ_2024.pdf"),
          test::source_path("tests/data/pdf/made_2021_wrapped.pdf"),
          test::source_path("tests/data/pdf/made_2019_vertical.pdf")};
}

bool inside(const Box& in, const Box& out) {
  constexpr double kSlack = 0.01;
  return in.x0 >= out.x0 - kSlack && in.y0 >= out.y0 - kSlack && in.x1 <= out.x1 + kSlack &&
         in.y1 <= out.y1 + kSlack;
}

bool overlaps(const Box& a, const Box& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

const PageBox* region_on(const Table& t, int page) {
  for (const auto& r : t.regions)
    if (r.page == page) return &r;
  return nullptr;
}

TEST(CellBoxes, EveryPdfCellHasItsBoxOnItsPageInsideItsTable) {
  for (const auto& path : pdfs()) {
    SCOPED_TRACE(path);
    CheckResult r = check_file(path, test::rules());
    ASSERT_TRUE(r.ok) << r.error_message;
    Document doc = read_document(path, test::rules().headings);
    ASSERT_FALSE(r.report.tables.empty());
    for (const auto& [key, t] : r.report.tables) {
      ASSERT_FALSE(t.regions.empty()) << key;
      for (size_t i = 1; i < t.regions.size(); ++i) EXPECT_LT(t.regions[i - 1].page, t.regions[i].page);
      for (const auto& row : t.rows)
        for (const auto& [col, cell] : row.cells) {
          SCOPED_TRACE(key + "." + row.key + "." + col);
          ASSERT_TRUE(cell.box.has_value());
          EXPECT_EQ(cell.box->page, cell.loc.page);
          EXPECT_LT(cell.box->box.x0, cell.box->box.x1);
          EXPECT_LT(cell.box->box.y0, cell.box->box.y1);
          const PageBox* region = region_on(t, cell.box->page);
          ASSERT_NE(region, nullptr);
          EXPECT_TRUE(inside(cell.box->box, region->box));
          if (cell.state != CellState::Value) continue;
          // A value's box is where the reader saw a word of its line.
          const Line& line = doc.pages[static_cast<size_t>(cell.loc.page - 1)].lines[static_cast<size_t>(cell.loc.line - 1)];
          bool seen = false;
          for (const auto& s : line.spans) seen = seen || overlaps(s.box, cell.box->box);
          EXPECT_TRUE(seen);
        }
    }
  }
}

TEST(CellBoxes, TwoCellsOfARowPrintingTheSameTextHaveTheirOwnBoxes) {
  CheckResult r = check_file(test::corpus_path("jiangsu_huaian_hongzequ_2024.pdf"), test::rules());
  ASSERT_TRUE(r.ok);
  const Table& t = r.report.tables.at("applications");
  int compared = 0;
  for (const auto& row : t.rows)
    for (const auto& [a, ca] : row.cells)
      for (const auto& [b, cb] : row.cells)
        if (a < b && ca.text == cb.text && ca.box && cb.box) {
          EXPECT_FALSE(overlaps(ca.box->box, cb.box->box)) << row.key << " " << a << " " << b;
          ++compared;
        }
  EXPECT_GT(compared, 0);
}

TEST(CellBoxes, InputsWithoutCoordinatesHaveNone) {
  for (const char* path : {"samples/helan-culture-tourism-2020.txt", "samples/html/helan-culture-tourism-2020.html",
                           "samples/docx/helan-culture-tourism-2020.docx"}) {
    SCOPED_TRACE(path);
    CheckResult r = check_file(test::source_path(path), test::rules());
    ASSERT_TRUE(r.ok) << r.error_message;
    ASSERT_FALSE(r.report.tables.empty());
    for (const auto& [key, t] : r.report.tables) {
      EXPECT_TRUE(t.regions.empty());
      for (const auto& row : t.rows)
        for (const auto& [col, cell] : row.cells) EXPECT_FALSE(cell.box.has_value());
    }
    EXPECT_EQ(to_json(r, test::rules().catalog, Lang::Zh).dump().find("\"box\""), std::string::npos);
  }
}

TEST(CellBoxes, JsonOfAPdfCell) {
  CheckResult r = check_file(test::source_path("tests/data/pdf/made_2021_wrapped.pdf"), test::rules());
  ASSERT_TRUE(r.ok);
  auto j = to_json(r, test::rules().catalog, Lang::Zh);
  const auto& tables = j["report"]["tables"];
  const auto& cell = tables["reviews"]["cells"]["review.upheld"];
  ASSERT_TRUE(cell.contains("box")) << cell.dump();
  EXPECT_EQ(cell["box"]["page"], cell["page"]);
  for (const char* k : {"x0", "y0", "x1", "y1"}) EXPECT_TRUE(cell["box"][k].is_number()) << k;
  EXPECT_LT(cell["box"]["x0"].get<double>(), cell["box"]["x1"].get<double>());
  // Rounded to a hundredth of a point.
  double x0 = cell["box"]["x0"].get<double>();
  EXPECT_DOUBLE_EQ(x0, std::round(x0 * 100) / 100);
  ASSERT_TRUE(tables["applications"].contains("regions"));
  EXPECT_EQ(tables["applications"]["regions"].size(), 2u);  // the table runs over two pages
  EXPECT_TRUE(tables["applications"]["rows"][0]["cells"]["natural_person"].contains("box"));
}

}  // namespace
}  // namespace nianbao
