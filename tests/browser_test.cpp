// The self-check page driven end to end in a real browser (tests/e2e/browser.mjs): Debian's
// chromium driven by playwright-core. Labelled `chromium` (tests/CMakeLists.txt); it fails,
// never skips, when the browser or the e2e packages are missing: tools/install-deps installs
// both (`make deps`).
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "test_paths.h"

namespace nianbao {
namespace {

namespace fs = std::filesystem;

// Uploads the planted PDF, checks the findings, the marked cell, the boxed page, the over-size
// refusal, and saves a screenshot next to the binary.
TEST(Browser, UploadPageEndToEnd) {
  const std::string e2e = test::source_path("tests/e2e");
  ASSERT_TRUE(fs::exists("/usr/bin/chromium")) << "chromium missing: run tools/install-deps (make deps)";
  ASSERT_EQ(test::run("command -v node >/dev/null"), 0) << "node missing: run tools/install-deps (make deps)";
  ASSERT_TRUE(fs::exists(e2e + "/node_modules/playwright-core/package.json"))
      << e2e << "/node_modules missing: run tools/install-deps (make deps), which runs npm ci there";
  std::string shot = (fs::path(test::binary()).parent_path() / "e2e-upload.png").string();
  fs::remove(shot);
  std::string out;
  int rc = test::run("node '" + e2e + "/browser.mjs' '" + test::binary() + "' '" + e2e +
                         "/data/huaian_2024_planted.pdf' '" + shot + "' 2>&1",
                     &out);
  EXPECT_EQ(rc, 0) << out;
  EXPECT_TRUE(fs::exists(shot));
}

// The index page of a batch run over the test archive, opened from disk: sorting by a header
// and filtering by agency, year, errors, rule and search (tests/e2e/index.mjs).
TEST(Browser, ArchiveIndexSortsAndFilters) {
  const std::string e2e = test::source_path("tests/e2e");
  ASSERT_TRUE(fs::exists("/usr/bin/chromium")) << "chromium missing: run tools/install-deps (make deps)";
  ASSERT_TRUE(fs::exists(e2e + "/node_modules/playwright-core/package.json"))
      << e2e << "/node_modules missing: run tools/install-deps (make deps), which runs npm ci there";
  const fs::path dir = fs::temp_directory_path() / ("nianbao_index_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  test::run(test::binary() + " batch -j 2 --out /dev/null --html-dir '" + (dir / "html").string() + "' " +
            test::source_path("tests/data/archive") + " 2>/dev/null");
  ASSERT_TRUE(fs::exists(dir / "html" / "index.html"));
  std::string out;
  int rc = test::run("node '" + e2e + "/index.mjs' '" + (dir / "html" / "index.html").string() + "' 2>&1", &out);
  EXPECT_EQ(rc, 0) << out;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace nianbao
