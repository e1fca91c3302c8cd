// The names of the report pages of `batch --html-dir` (app/batch/html_pages.h): by agency and
// year, told apart by the content's hash, never a path out of the directory.
#include <gtest/gtest.h>

#include <string>

#include "app/batch/html_pages.h"

namespace nianbao::batch {
namespace {

const std::string kSha = "2b0e2e341e5d5b7d9c0a55aa0123456789abcdef0123456789abcdef01234567";

TEST(PageName, AgencyYearAndTheFirstDigitsOfTheHash) {
  EXPECT_EQ(page_name("淮安市洪泽区人民政府", 2023, kSha), "淮安市洪泽区人民政府-2023-2b0e2e34.html");
  EXPECT_EQ(page_name("淮安市洪泽区人民政府", std::nullopt, kSha), "淮安市洪泽区人民政府-2b0e2e34.html");
  EXPECT_EQ(page_name("", 2023, kSha), "未识别机关-2023-2b0e2e34.html");
  // Two files of one agency and year, a web page and its PDF, get two pages.
  const std::string other = "9" + kSha.substr(1);
  EXPECT_NE(page_name("盐池县人民政府办公室", 2022, kSha), page_name("盐池县人民政府办公室", 2022, other));
}

TEST(PageName, NoPageForWhatIsNotAHexDigest) {
  EXPECT_EQ(page_name("某局", 2023, ""), "");
  EXPECT_EQ(page_name("某局", 2023, "../" + kSha.substr(3)), "");
  EXPECT_EQ(page_name("某局", 2023, kSha.substr(0, 63) + "G"), "");
}

TEST(SafeName, NothingThatLeavesTheDirectoryOrBreaksALink) {
  EXPECT_EQ(safe_name("../../etc/passwd"), "_._.._etc_passwd");
  EXPECT_EQ(safe_name(".hidden"), "_hidden");
  EXPECT_EQ(safe_name("a b\\c:d*e?f\"g<h>i|j#k%l&m'n`o"), "a_b_c_d_e_f_g_h_i_j_k_l_m_n_o");
  EXPECT_EQ(safe_name(std::string("x\ny\x01z")), "x_y_z");
  EXPECT_EQ(safe_name("某局（办公室）"), "某局（办公室）");
  // A byte that is not UTF-8 (a GBK name read as bytes) is replaced, not passed on.
  EXPECT_EQ(safe_name("\xba\xa3局"), "__局");
  EXPECT_EQ(safe_name("\xe5\xb1"), "__");
}

TEST(SafeName, CutOnACharacterBoundary) {
  std::string long_name;
  for (int i = 0; i < 30; ++i) long_name += "县";  // 3 bytes each
  EXPECT_EQ(safe_name(long_name), long_name.substr(0, 60));
  EXPECT_EQ(safe_name(long_name, 10), long_name.substr(0, 9));
}

}  // namespace
}  // namespace nianbao::batch
