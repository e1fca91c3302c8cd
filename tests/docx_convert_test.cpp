// .doc and .wps files read through LibreOffice (libreoffice-writer-nogui, installed by
// tools/install-deps): the converted report reads like its DOCX, nothing is left in the
// temporary directory, and without soffice the error names the package to install.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "extract/analyze.h"
#include "extract/read/docx/docx_convert.h"
#include "extract/read/docx/docx_reader.h"
#include "extract/model/errors.h"
#include "nianbao/nianbao.h"
#include "test_paths.h"

namespace nianbao {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// TMPDIR pointed at a directory of the test's own, restored afterwards.
class PrivateTmp {
 public:
  PrivateTmp() : dir_(fs::temp_directory_path() / ("nianbao_convert_test_" + std::to_string(getpid()))) {
    fs::create_directories(dir_);
    const char* old = std::getenv("TMPDIR");
    old_ = old ? old : "";
    had_ = old != nullptr;
    setenv("TMPDIR", dir_.c_str(), 1);
  }
  ~PrivateTmp() {
    if (had_) setenv("TMPDIR", old_.c_str(), 1);
    else unsetenv("TMPDIR");
    fs::remove_all(dir_);
  }
  bool empty() const { return fs::is_empty(dir_); }
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
  std::string old_;
  bool had_ = false;
};

json check_json(const std::string& relative) {
  std::string out;
  test::run("cd " + test::source_path("") + " && " + test::binary() + " check --format json " + relative + " 2>/dev/null", &out);
  return json::parse(out);
}

TEST(WordBinary, DocAndWpsReadLikeTheDocxTheyWereSavedFrom) {
  ASSERT_FALSE(find_soffice().empty()) << "tools/install-deps installs libreoffice-writer-nogui";
  const json docx = check_json("samples/docx/rules/correct-2021.docx");
  for (const char* file : {"tests/data/docx/correct-2021.doc", "tests/data/docx/correct-2021.wps"}) {
    const json d = check_json(file);
    ASSERT_EQ(d["status"], "ok") << file << d.dump();
    EXPECT_EQ(d["input_format"], "docx") << file;
    EXPECT_EQ(d["findings"], json::array()) << file;
    EXPECT_EQ(d["report"]["tables"]["applications"]["rows"], docx["report"]["tables"]["applications"]["rows"]) << file;
    EXPECT_EQ(d["report"]["tables"]["reviews"]["values"], docx["report"]["tables"]["reviews"]["values"]) << file;
    EXPECT_EQ(d["report"]["tables"]["proactive"]["values"], docx["report"]["tables"]["proactive"]["values"]) << file;
    EXPECT_EQ(d["report"]["agency"], "示例县交通运输局");
    EXPECT_EQ(d["report"]["year"], 2023);
  }
}

TEST(WordBinary, TheTemporaryDirectoryIsRemovedWhateverHappens) {
  ASSERT_FALSE(find_soffice().empty());
  PrivateTmp tmp;
  const Document doc = read_word_binary_file(test::source_path("tests/data/docx/correct-2021.doc"), test::rules().headings);
  EXPECT_EQ(doc.notes.converted_from, "doc");
  EXPECT_TRUE(tmp.empty());
  // Garbage behind the OLE signature: LibreOffice reads it as text, which holds no report.
  const fs::path bad = tmp.dir().parent_path() / ("nianbao_bad_" + std::to_string(getpid()) + ".doc");
  test::run("printf '\\320\\317\\021\\340\\241\\261\\032\\341garbage' > " + bad.string());
  try {
    analyze(read_word_binary_file(bad.string(), test::rules().headings), test::rules());
    FAIL() << "no ReadError";
  } catch (const ReadError& e) {
    EXPECT_EQ(e.code, "no_report") << e.what();
  }
  fs::remove(bad);
  EXPECT_TRUE(tmp.empty());
}

// The bytes of a .doc or .wps go to LibreOffice's private directory and nowhere else, and read
// like the file.
TEST(WordBinary, CheckBytesIsCheckFile) {
  ASSERT_FALSE(find_soffice().empty());
  PrivateTmp tmp;
  for (const char* file : {"tests/data/docx/correct-2021.doc", "tests/data/docx/correct-2021.wps"}) {
    const std::string path = test::source_path(file);
    const CheckResult from_file = check_file(path, test::rules());
    const CheckResult from_bytes = check_bytes(path, test::read_file(path), test::rules());
    ASSERT_TRUE(from_bytes.ok) << file << " " << from_bytes.error_message;
    EXPECT_EQ(from_bytes.report.notes.converted_from, from_file.report.notes.converted_from) << file;
    EXPECT_EQ(to_json(from_bytes, test::rules().catalog, Lang::Zh), to_json(from_file, test::rules().catalog, Lang::Zh))
        << file;
  }
  EXPECT_TRUE(tmp.empty());
}

TEST(WordBinary, WithoutLibreOfficeTheErrorNamesThePackage) {
  const char* old = std::getenv("PATH");
  const std::string saved = old ? old : "";
  setenv("PATH", "/nonexistent", 1);
  try {
    read_word_binary_file(test::source_path("tests/data/docx/correct-2021.doc"), test::rules().headings);
    ADD_FAILURE() << "no ReadError";
  } catch (const ReadError& e) {
    EXPECT_EQ(e.code, "missing_tool");
    EXPECT_EQ(std::string(e.what()),
              test::source_path("tests/data/docx/correct-2021.doc") +
                  ": 读取 .doc/.wps 文件需要 LibreOffice，请安装软件包 libreoffice-writer-nogui"
                  "（apt-get install libreoffice-writer-nogui） (reading .doc/.wps needs LibreOffice: "
                  "install the package libreoffice-writer-nogui)");
  }
  setenv("PATH", saved.c_str(), 1);
}

}  // namespace
}  // namespace nianbao
