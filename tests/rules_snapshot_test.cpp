// Rules files kept as snapshots between runs (extract/rules/rules_snapshot.h, rules_cache.h): a
// file read back from its snapshot is the file as parsed, to every value and every line a
// message names; a damaged snapshot is refused, never trusted; an edited file is parsed again.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>

#include "extract/model/errors.h"
#include "extract/rules/rules_cache.h"
#include "extract/rules/rules_file.h"
#include "extract/rules/rules_snapshot.h"
#include "nianbao/nianbao.h"
#include "test_paths.h"

namespace nianbao {
namespace {

namespace fs = std::filesystem;

// Every node of `a` and `b` side by side: the same kind, value and line, at the same place.
void expect_same_tree(const toml::node& a, const toml::node& b, const std::string& where) {
  ASSERT_EQ(a.type(), b.type()) << where;
  EXPECT_EQ(line_of(a), line_of(b)) << where;
  EXPECT_GT(line_of(b), 0) << where;
  if (const toml::table* ta = a.as_table()) {
    const toml::table& tb = *b.as_table();
    ASSERT_EQ(ta->size(), tb.size()) << where;
    EXPECT_EQ(ta->is_inline(), tb.is_inline()) << where;
    for (auto&& [key, value] : *ta) {
      const toml::node* other = tb.get(key.str());
      ASSERT_NE(other, nullptr) << where << "." << key.str();
      expect_same_tree(value, *other, where + "." + std::string(key.str()));
    }
  } else if (const toml::array* aa = a.as_array()) {
    const toml::array& ab = *b.as_array();
    ASSERT_EQ(aa->size(), ab.size()) << where;
    for (std::size_t i = 0; i < aa->size(); ++i)
      expect_same_tree((*aa)[i], ab[i], where + "[" + std::to_string(i) + "]");
  }
}

std::vector<fs::path> rules_files() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(test::source_path("rules")))
    if (e.path().extension() == ".toml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(RulesSnapshot, EveryRulesFileReadsBackAsParsed) {
  const std::vector<fs::path> files = rules_files();
  ASSERT_GE(files.size(), 8u);
  for (const fs::path& path : files) {
    const toml::table parsed = parse_rules_text(test::read_file(path.string()), path.string());
    const std::optional<std::string> snapshot = encode_snapshot(parsed);
    ASSERT_TRUE(snapshot) << path;
    const std::optional<toml::table> read = decode_snapshot(*snapshot);
    ASSERT_TRUE(read) << path;
    EXPECT_EQ(parsed, *read) << path;
    for (auto&& [key, value] : parsed) expect_same_tree(value, *read->get(key.str()), path.filename().string() + ":" + std::string(key.str()));
  }
}

TEST(RulesSnapshot, DamagedSnapshotsAreRefused) {
  const std::string text = test::read_file(test::source_path("rules/relations.toml"));
  const std::string snapshot = *encode_snapshot(parse_rules_text(text, "relations.toml"));
  EXPECT_FALSE(decode_snapshot(""));
  EXPECT_FALSE(decode_snapshot("not a snapshot"));
  // Cut anywhere short of its end, it is refused.
  for (std::size_t n = 0; n < snapshot.size(); n += 7) EXPECT_FALSE(decode_snapshot(snapshot.substr(0, n))) << n;
  EXPECT_FALSE(decode_snapshot(snapshot + "x"));
  // A byte changed anywhere gives a refusal or some table, and never reads out of bounds
  // (the sanitizer build runs this too).
  for (std::size_t i = 15; i < snapshot.size(); i += 3) {
    std::string damaged = snapshot;
    damaged[i] = static_cast<char>(damaged[i] ^ 0xFF);
    (void)decode_snapshot(damaged);
  }
  // Nesting deeper than the parser allows is refused before it exhausts the stack.
  std::string deep = snapshot.substr(0, 15);
  deep += '\x01';  // one entry
  for (int i = 0; i < 100000; ++i) deep += std::string("\x01" "a" "\x03\x01\x01", 5);  // key "a", array of 1
  EXPECT_FALSE(decode_snapshot(deep));
}

// A temporary cache directory for the test, and NIANBAO_CACHE_DIR pointing at it.
class RulesCache : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::fresh_dir("rules_cache");
    const char* old = std::getenv("NIANBAO_CACHE_DIR");
    had_ = old != nullptr;
    if (had_) old_ = old;
    ::setenv("NIANBAO_CACHE_DIR", (dir_ + "/cache").c_str(), 1);
  }
  void TearDown() override {
    if (had_) ::setenv("NIANBAO_CACHE_DIR", old_.c_str(), 1);
    else ::unsetenv("NIANBAO_CACHE_DIR");
  }
  std::size_t snapshots() const {
    if (!fs::exists(dir_ + "/cache")) return 0;
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir_ + "/cache"), fs::directory_iterator()));
  }
  std::string rules_copy() {
    fs::copy(test::source_path("rules"), dir_ + "/rules", fs::copy_options::recursive);
    return dir_ + "/rules";
  }
  void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

  std::string dir_, old_;
  bool had_ = false;
};

TEST_F(RulesCache, RulesLoadedFromSnapshotsCheckAReportAlike) {
  const std::string report = test::source_path("samples/helan-culture-tourism-2020.txt");
  const Rules parsed = load_rules(test::source_path("rules"));
  const std::size_t kept = snapshots();
  EXPECT_GE(kept, 8u) << "one snapshot per rules file read";
  const Rules cached = load_rules(test::source_path("rules"));
  EXPECT_EQ(snapshots(), kept) << "the second load read them, it wrote none";
  EXPECT_EQ(to_json(check_file(report, cached, Limits{}), cached.catalog, Lang::Zh),
            to_json(check_file(report, parsed, Limits{}), parsed.catalog, Lang::Zh));
  ASSERT_EQ(cached.relations.all().size(), parsed.relations.all().size());
  for (std::size_t i = 0; i < parsed.relations.all().size(); ++i)
    EXPECT_EQ(cached.relations.all()[i].line, parsed.relations.all()[i].line) << i;
}

TEST_F(RulesCache, AnErrorNamesTheSameLineFromTheSnapshot) {
  // Well-formed TOML, so kept as a snapshot, but not a valid relation: the loader's message names
  // the entry's line whether the file was parsed or read back.
  const std::string rules = rules_copy();
  write(rules + "/relations.toml", "# one relation\n\n[[relation]]\nid = \"x\"\n");
  const std::string first = test::rules_error_of([&] { load_rules(rules); });
  EXPECT_NE(first.find("relations.toml:3: "), std::string::npos) << first;
  EXPECT_GE(snapshots(), 1u);
  EXPECT_EQ(test::rules_error_of([&] { load_rules(rules); }), first);
}

TEST_F(RulesCache, AnEditedFileIsParsedAgain) {
  const std::string rules = rules_copy();
  const std::string doc_before = load_rules(rules).catalog.rules().front().doc_en;
  std::string text = test::read_file(rules + "/checks.toml");
  const std::size_t at = text.find(doc_before);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, doc_before.size(), "Edited after the first load.");
  write(rules + "/checks.toml", text);
  EXPECT_EQ(load_rules(rules).catalog.rules().front().doc_en, "Edited after the first load.");
}

// The syntax of prose.toml's patterns is checked once per text: a run that found them sound
// marks the text so, and the next run trusts the mark. An edited file is another text, checked
// again: a pattern broken by the edit is still reported at load, with its line.
TEST_F(RulesCache, PatternsFoundSoundAreNotCheckedAgainButAnEditedOneIs) {
  const std::string rules = rules_copy();
  const std::string text = test::read_file(rules + "/prose.toml");
  EXPECT_FALSE(cached_as_sound(text, "patterns"));
  load_rules(rules);
  EXPECT_TRUE(cached_as_sound(text, "patterns"));
  const std::string pattern = "pattern = '(?:未|没有)(?:收到|受理|接到|接收)[^。;,]{0,30}?申请'";
  const std::size_t at = text.find(pattern);
  ASSERT_NE(at, std::string::npos);
  std::string broken = text;
  broken.replace(at, pattern.size(), "pattern = '(?:未|没有'");
  write(rules + "/prose.toml", broken);
  const std::string error = test::rules_error_of([&] { load_rules(rules); });
  EXPECT_NE(error.find("prose.toml:"), std::string::npos) << error;
  EXPECT_NE(error.find("does not compile"), std::string::npos) << error;
  EXPECT_FALSE(cached_as_sound(broken, "patterns"));
}

TEST_F(RulesCache, ADamagedSnapshotIsParsedFromTheText) {
  const std::string path = test::source_path("rules/meta.toml");
  const toml::table parsed = parse_rules_file(path);
  ASSERT_EQ(snapshots(), 1u);
  for (const auto& e : fs::directory_iterator(dir_ + "/cache")) {
    std::string bytes = test::read_file(e.path().string());
    write(e.path().string(), bytes.substr(0, bytes.size() / 2));
  }
  EXPECT_EQ(parse_rules_file(path), parsed);
}

TEST_F(RulesCache, NoCacheWhenItsDirectoryCannotBeMadeOrIsTurnedOff) {
  write(dir_ + "/file", "x");
  ::setenv("NIANBAO_CACHE_DIR", (dir_ + "/file/cache").c_str(), 1);
  const toml::table parsed = parse_rules_file(test::source_path("rules/meta.toml"));
  EXPECT_EQ(parse_rules_file(test::source_path("rules/meta.toml")), parsed);
  ::setenv("NIANBAO_CACHE_DIR", "", 1);
  EXPECT_EQ(rules_cache_dir(), "");
  EXPECT_EQ(parse_rules_file(test::source_path("rules/meta.toml")), parsed);
  EXPECT_EQ(snapshots(), 0u);
}

}  // namespace
}  // namespace nianbao
