// A report whose part-3 table is published as a picture: the other tables are still read and
// checked, and the picture is said where it is.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace nianbao {
namespace {

using nlohmann::json;

TEST(ImageTable, PictureInsteadOfPartThreeTableIsSaidAndTheRestIsChecked) {
  std::string out;
  test::run(test::binary() + " check --format json " + test::source_path("tests/data/html/table-as-image.html"), &out);
  json d = json::parse(out);
  json r = d["report"];
  EXPECT_EQ(r["format_version"], "2021");
  EXPECT_FALSE(r["tables"].contains("applications"));
  EXPECT_TRUE(r["tables"].contains("proactive"));
  EXPECT_TRUE(r["tables"].contains("reviews"));
  ASSERT_EQ(d["findings"].size(), 1u) << d["findings"].dump();
  json f = d["findings"][0];
  EXPECT_EQ(f["rule"], "structure.missing_section.table_image");
  EXPECT_EQ(f["severity"], "warning");
  EXPECT_EQ(f["line"], 95);  // the <img> line
}

}  // namespace
}  // namespace nianbao
