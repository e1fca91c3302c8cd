// check_bytes: a document in memory (an upload) is checked as its file is, without a file of
// its own: the same result for every sample type, the same reasons for bad inputs, and the
// pages of a PDF drawn from the bytes it was given.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "nianbao/nianbao.h"
#include "render/page_images.h"
#include "test_paths.h"

namespace nianbao {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> files_in(const std::string& dir, const std::string& ext) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(test::source_path(dir)))
    if (e.path().extension() == ext) out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> samples() {
  std::vector<std::string> out;
  for (const auto& [dir, ext] : std::vector<std::pair<std::string, std::string>>{
           {"samples", ".txt"}, {"samples/rules", ".txt"}, {"samples/prose", ".txt"}, {"samples/html", ".html"},
           {"samples/html/rules", ".html"}, {"samples/docx", ".docx"}, {"samples/docx/rules", ".docx"}}) {
    auto files = files_in(dir, ext);
    out.insert(out.end(), files.begin(), files.end());
  }
  for (const char* pdf : {"jiangsu_huaian_shizhengfu_2024.pdf", "jiangsu_huaian_hongzequ_2023.pdf"})
    out.push_back(test::corpus_path(pdf));
  out.push_back(test::source_path("tests/data/pdf/made_2021_wrapped.pdf"));
  return out;
}

std::string json_of(const CheckResult& r) { return to_json(r, test::rules().catalog, Lang::Zh).dump(); }

TEST(CheckBytes, EverySampleTypeGivesWhatItsFileGives) {
  int types[4] = {};
  for (const auto& path : samples()) {
    SCOPED_TRACE(path);
    const CheckResult from_file = check_file(path, test::rules());
    const CheckResult from_bytes = check_bytes(path, test::read_file(path), test::rules());
    ASSERT_TRUE(from_file.ok) << from_file.error_message;
    EXPECT_EQ(from_bytes.file, path);
    EXPECT_EQ(from_bytes.format, from_file.format);
    ASSERT_EQ(from_bytes.findings.size(), from_file.findings.size());
    EXPECT_EQ(json_of(from_bytes), json_of(from_file));  // findings, tables, cells and boxes
    ++types[static_cast<int>(from_bytes.format)];
  }
  for (int n : types) EXPECT_GT(n, 0);  // text, PDF, HTML and DOCX all compared
}

TEST(CheckBytes, TheContentPicksTheReaderWhereItCan) {
  const std::string pdf = test::read_file(test::source_path("tests/data/pdf/made_2021_wrapped.pdf"));
  CheckResult r = check_bytes("upload", pdf, test::rules());
  ASSERT_TRUE(r.ok) << r.error_message;
  EXPECT_EQ(r.format, InputFormat::Pdf);
  const std::string docx = test::read_file(test::source_path("samples/docx/helan-culture-tourism-2020.docx"));
  r = check_bytes("report.txt", docx, test::rules());
  ASSERT_TRUE(r.ok) << r.error_message;
  EXPECT_EQ(r.format, InputFormat::Docx);
  // HTML and text look alike: the name says which.
  const std::string html = test::read_file(test::source_path("samples/html/helan-culture-tourism-2020.html"));
  EXPECT_EQ(check_bytes("report.html", html, test::rules()).format, InputFormat::Html);
}

TEST(CheckBytes, BadInputsHaveTheReasonsOfTheirFiles) {
  struct Case {
    std::string name, bytes, code;
  };
  const std::vector<Case> cases = {
      {"empty.pdf", "", "empty"},
      {"empty.txt", "", "empty"},
      {"empty.docx", "", "empty"},
      {"truncated.pdf", test::read_file(test::source_path("tests/data/pdf/truncated.pdf")), "damaged"},
      {"encrypted.pdf", test::read_file(test::source_path("tests/data/pdf/encrypted.pdf")), "encrypted"},
      {"scanned.pdf", test::read_file(test::source_path("tests/data/pdf/scanned.pdf")), "no_text_layer"},
      {"bomb.docx", test::read_file(test::source_path("tests/data/docx/bomb.docx")), "too_large_inflated"},
  };
  for (const auto& c : cases) {
    const CheckResult r = check_bytes(c.name, c.bytes, test::rules());
    EXPECT_FALSE(r.ok) << c.name;
    EXPECT_EQ(r.error_code, c.code) << c.name << ": " << r.error_message;
    EXPECT_EQ(r.error_message.rfind(c.name + ": ", 0), 0u) << r.error_message;
  }
}

TEST(CheckBytes, LimitsApplyToTheBytes) {
  Limits limits;
  limits.max_pages = 3;
  const std::string pdf = test::read_file(test::source_path("tests/data/pdf/made_2021_wrapped.pdf"));
  EXPECT_EQ(check_bytes("r.pdf", pdf, test::rules(), limits).error_code, "too_many_pages");
  limits = {};
  limits.max_file_mb = 1;
  EXPECT_EQ(check_bytes("r.txt", std::string((1u << 20) + 1, 'x'), test::rules(), limits).error_code, "too_large");
}

// TMPDIR pointed at an empty directory of the test's own: nothing may appear in it.
TEST(CheckBytes, NothingIsWrittenToDiskAndPagesAreDrawnFromTheBytes) {
  const fs::path dir = fs::temp_directory_path() / ("nianbao_check_bytes_test_" + std::to_string(getpid()));
  fs::create_directories(dir);
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old ? old : "";
  setenv("TMPDIR", dir.c_str(), 1);
  const std::string planted = test::read_file(test::source_path("tests/e2e/data/huaian_2024_planted.pdf"));
  const CheckResult r = check_bytes("planted.pdf", planted, test::rules());
  ASSERT_TRUE(r.ok) << r.error_message;
  const auto images = render_page_images(r);
  EXPECT_FALSE(images.empty());
  for (const auto& path : samples()) check_bytes(path, test::read_file(path), test::rules());
  EXPECT_TRUE(fs::is_empty(dir));
  if (old) setenv("TMPDIR", saved.c_str(), 1);
  else unsetenv("TMPDIR");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace nianbao
