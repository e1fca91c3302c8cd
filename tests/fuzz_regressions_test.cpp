// Every input a fuzzer once crashed on, kept under tests/fuzz/regressions/<harness>/, checked
// through the command line of the normal build (and of the sanitizer build, by make sanitize):
// each is an answer — a report or one clear error — within the time limit, never a crash.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace nianbao {
namespace {

namespace fs = std::filesystem;

// The harnesses that read a file, with the extension that picks their reader.
const std::pair<const char*, const char*> kReaders[] = {
    {"text_reader", ".txt"}, {"html_reader", ".html"}, {"docx_reader", ".docx"}, {"pdf_reader", ".pdf"}};

TEST(FuzzRegressions, EveryKeptInputIsAReportOrAClearError) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("nianbao_regressions_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  int inputs = 0;
  for (const auto& [harness, ext] : kReaders) {
    const fs::path kept = test::source_path(std::string("tests/fuzz/regressions/") + harness);
    if (!fs::is_directory(kept)) continue;
    for (const auto& entry : fs::directory_iterator(kept)) {
      SCOPED_TRACE(entry.path().string());
      const fs::path input = dir / (entry.path().filename().string() + ext);
      fs::copy_file(entry.path(), input, fs::copy_options::overwrite_existing);
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
      ++inputs;
    }
  }
  EXPECT_GE(inputs, 2);  // the two text-reader inputs at least
  fs::remove_all(dir);
}

}  // namespace
}  // namespace nianbao
