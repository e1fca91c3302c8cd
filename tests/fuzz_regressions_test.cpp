// Every input a fuzzer once crashed on, kept under tests/fuzz/regressions/<harness>/ (with a
// seed from the samples where none was kept), checked through the command line of the normal
// build (and of the sanitizer build, by make sanitize): each is an answer — a report or one
// clear error — within the time limit, never a crash.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace nianbao {
namespace {

namespace fs = std::filesystem;

// The harnesses that read a file, with the extension that picks their reader.
const std::pair<const char*, const char*> kReaders[] = {
    {"text_reader", ".txt"}, {"html_reader", ".html"}, {"docx_reader", ".docx"}, {"pdf_reader", ".pdf"}};
// Every harness of tests/fuzz (the Makefile's FUZZERS); the others' inputs are replayed by
// `make fuzz` and `make fuzz-smoke` only.
const char* const kHarnesses[] = {"text_reader",     "html_reader", "docx_reader", "pdf_reader",
                                  "table_positions", "prose",       "rules"};

// The inputs kept for a harness: non-empty regular files, not dotfiles (a `.keep` is no input).
std::vector<fs::path> kept_inputs(const std::string& harness) {
  std::vector<fs::path> out;
  const fs::path kept = test::source_path("tests/fuzz/regressions/" + harness);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(kept, ec)) {
    const std::string name = entry.path().filename().string();
    if (name[0] != '.' && entry.is_regular_file() && entry.file_size() > 0) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Each harness starts from real inputs: those that once crashed it, or a seed from the samples
// when none was kept, so that the replay of every run is never empty.
TEST(FuzzRegressions, EveryHarnessHasKeptInputs) {
  for (const char* harness : kHarnesses) EXPECT_FALSE(kept_inputs(harness).empty()) << harness;
  EXPECT_GE(kept_inputs("text_reader").size(), 2u);  // the two text-reader crashes at least
}

TEST(FuzzRegressions, EveryKeptInputIsAReportOrAClearError) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("nianbao_regressions_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (const auto& [harness, ext] : kReaders) {
    const auto inputs = kept_inputs(harness);
    EXPECT_FALSE(inputs.empty()) << harness;
    for (const auto& kept : inputs) {
      SCOPED_TRACE(kept.string());
      const fs::path input = dir / (kept.filename().string() + ext);
      fs::copy_file(kept, input, fs::copy_options::overwrite_existing);
      std::string out;
      const int status =
          test::run(test::binary() + " check --format json --timeout 20 " + input.string() + " 2>/dev/null", &out);
      EXPECT_TRUE(status == 0 || status == 1 || status == 3) << "exit status " << status;
      const auto j = nlohmann::json::parse(out, nullptr, false);
      ASSERT_FALSE(j.is_discarded()) << out.substr(0, 300);
      if (j["status"] == "error") {
        const std::string code = j["error"]["code"];
        EXPECT_NE(code, "crashed");
        EXPECT_NE(code, "internal");
        EXPECT_NE(code, "timeout");
      }
    }
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace nianbao
