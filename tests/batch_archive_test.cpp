// nianbao batch on the committed generated archive (tests/data/archive, tools/make-archive):
// every planted problem found, every broken file reported, reruns and killed runs complete.
#include "app/isolate/asan.h"
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "test_paths.h"


namespace fs = std::filesystem;
using nlohmann::json;
using nianbao::test::read_jsonl;
using nianbao::test::binary;
using nianbao::test::fresh_dir;
using nianbao::test::run;
using nianbao::test::source_path;

namespace {

// The single-value answer of an SQL query, as text.
std::string query(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  sqlite3_stmt* q = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &q, nullptr) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW &&
      sqlite3_column_text(q, 0))
    out = reinterpret_cast<const char*>(sqlite3_column_text(q, 0));
  sqlite3_finalize(q);
  sqlite3_close(h);
  return out;
}

const std::string kArchive = "tests/data/archive";

json manifest() {
  std::ifstream in(source_path(kArchive + "/MANIFEST.json"));
  return json::parse(in);
}

int batch(const std::string& args) { return run(binary() + " batch " + args + " 2>/dev/null"); }

std::string base(const std::string& p) { return fs::path(p).filename().string(); }

}  // namespace

TEST(BatchArchive, FindsEveryPlantedProblemAndReportsEveryBrokenFile) {
  auto dir = fresh_dir("archive");
  int rc = batch("-j 2 --out " + dir + "/r.jsonl --db " + dir + "/a.sqlite " + kArchive);
  EXPECT_EQ(rc, 3);  // broken inputs
  auto lines = read_jsonl(dir + "/r.jsonl");
  ASSERT_FALSE(lines.empty());
  json last = lines.back();
  ASSERT_EQ(last["kind"], "archive");
  std::map<std::string, json> by_file;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    EXPECT_EQ(by_file.count(base(lines[i]["file"])), 0u) << "twice: " << lines[i]["file"];
    by_file[base(lines[i]["file"])] = lines[i];
  }
  json m = manifest();
  for (const auto& f : m["good"]) {
    ASSERT_TRUE(by_file.count(f.get<std::string>())) << f;
    EXPECT_EQ(by_file[f.get<std::string>()]["status"], "ok") << f;
  }
  for (const auto& f : m["broken"]) {
    ASSERT_TRUE(by_file.count(f.get<std::string>())) << f;
    const json& r = by_file[f.get<std::string>()];
    EXPECT_EQ(r["status"], "error") << f;
    EXPECT_FALSE(r["error"]["message"].get<std::string>().empty()) << f;
  }
  // Planted problems, each with the report it was compared with.
  std::set<std::tuple<std::string, std::string, std::string>> found;
  for (const auto& f : last["findings"]) found.insert({f["rule"], base(f["file"]), base(f["related_file"])});
  auto has = [&](const std::string& rule, const std::string& file, const std::string& related) {
    for (const auto& [r, f, rel] : found)
      if (r == rule && f.rfind(file, 0) == 0 && rel.rfind(related, 0) == 0) return true;
    return false;
  };
  EXPECT_TRUE(has("archive.carry_over", m["carry_over"][0], "a01_2022"));
  EXPECT_TRUE(has("archive.in_force", m["in_force"][0], "a02_2022"));
  EXPECT_TRUE(has("archive.copied", m["copied"][0][0], m["copied"][0][1]));
  EXPECT_TRUE(has("archive.duplicate", m["duplicate"][0][0], m["duplicate"][0][1]));
  EXPECT_TRUE(has("archive.missing_year", "a05_2023", "a05_2021"));
  size_t copied = 0;
  for (const auto& [r, f, rel] : found) copied += r == "archive.copied";
  EXPECT_EQ(copied, 1u) << "only the planted copy";
  // The database holds every report once; the duplicate shares its content hash.
  std::string db = dir + "/a.sqlite";
  EXPECT_EQ(query(db, "SELECT count(*) FROM names"), std::to_string(m["good"].size() + m["broken"].size() + 1));
  EXPECT_EQ(query(db, "SELECT count(*) FROM reports WHERE status='ok'"), std::to_string(m["good"].size() - 1));
  EXPECT_EQ(query(db, "SELECT count(*) FROM archive_findings WHERE rule='archive.carry_over'"), "2");
  EXPECT_NE(query(db, "SELECT count(*) FROM cells"), "0");

  // A rerun with the same database checks nothing and prints the same results.
  rc = batch("-j 2 --out " + dir + "/r2.jsonl --db " + db + " " + kArchive);
  EXPECT_EQ(rc, 3);
  auto again = read_jsonl(dir + "/r2.jsonl");
  EXPECT_EQ(again.back()["checked"], 0);
  EXPECT_EQ(again.size(), lines.size());
  EXPECT_EQ(again.back()["findings"], last["findings"]);
}

TEST(BatchArchive, KilledRunResumesWithNothingMissingOrDuplicated) {
  auto dir = fresh_dir("killed");
  std::string db = dir + "/a.sqlite";
  // The first run is killed (SIGKILL, no chance to clean up) as soon as it has printed a result,
  // which it does after storing it: the store then holds some of the files, not all.
  const std::string first = dir + "/r.jsonl";
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    ::execl(binary().c_str(), "nianbao", "batch", "-j", "1", "--db", db.c_str(), "--out", first.c_str(),
            kArchive.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int wait_status = 0;
  while (::waitpid(pid, &wait_status, WNOHANG) == 0) {
    std::error_code ec;
    if (fs::file_size(first, ec) > 0 && !ec) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &wait_status, 0);
      break;
    }
    ::usleep(1000);
  }
  ASSERT_TRUE(WIFSIGNALED(wait_status) && WTERMSIG(wait_status) == SIGKILL)
      << "the first run ended on its own before it was killed (status " << wait_status << ")";
  const int stored = std::stoi(query(db, "SELECT count(*) FROM reports"));

  batch("-j 2 --db " + db + " --out " + dir + "/r2.jsonl " + kArchive);
  auto lines = read_jsonl(dir + "/r2.jsonl");
  ASSERT_FALSE(lines.empty());
  json m = manifest();
  std::set<std::string> files;
  for (size_t i = 0; i + 1 < lines.size(); ++i) EXPECT_TRUE(files.insert(base(lines[i]["file"])).second);
  for (const auto& f : m["good"]) EXPECT_TRUE(files.count(f.get<std::string>())) << f;
  for (const auto& f : m["broken"]) EXPECT_TRUE(files.count(f.get<std::string>())) << f;
  EXPECT_EQ(query(db, "SELECT count(*) FROM reports"), query(db, "SELECT count(DISTINCT sha256) FROM names"));
  EXPECT_EQ(query(db, "SELECT count(*) FROM (SELECT 1 FROM cells GROUP BY sha256, tbl, row, col HAVING count(*)>1)"),
            "0");
  EXPECT_EQ(query(db, "SELECT count(*) FROM reports WHERE status='ok'"), std::to_string(m["good"].size() - 1));
  // The kill left work undone, and the rerun did exactly that work: what was stored is reused,
  // everything else is checked once.
  const int contents = std::stoi(query(db, "SELECT count(*) FROM reports"));
  EXPECT_GE(stored, 1);
  EXPECT_LT(stored, contents) << "the store was complete when the first run was killed";
  EXPECT_EQ(lines.back()["skipped"], stored);
  EXPECT_EQ(lines.back()["checked"], contents - stored);
}

TEST(BatchArchive, MemoryLimitIsReportedAndTheBatchGoesOn) {
#if NIANBAO_ASAN
  GTEST_SKIP() << "AddressSanitizer builds run without an address-space limit";
#endif
  auto dir = fresh_dir("memory");
  int rc = batch("--max-memory-mb 1 --out " + dir + "/r.jsonl " + kArchive + "/a00_2021.txt " + kArchive +
                 "/a01_2021.txt");
  EXPECT_EQ(rc, 3);
  auto lines = read_jsonl(dir + "/r.jsonl");
  ASSERT_EQ(lines.size(), 3u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(lines[i]["status"], "error");
    EXPECT_EQ(lines[i]["error"]["code"], "out_of_memory");
    EXPECT_NE(lines[i]["error"]["message"].get<std::string>().find("--max-memory-mb"), std::string::npos);
  }
}

// A file that takes longer than --timeout is a timeout error naming the flag; the others are
// checked and stored.
TEST(BatchArchive, TimeLimitIsReportedAndTheBatchGoesOn) {
  auto dir = fresh_dir("timeout");
  nianbao::test::write_slow_report(dir + "/slow.txt");
  int rc = batch("--timeout 1 --db " + dir + "/a.sqlite --out " + dir + "/r.jsonl " + dir + "/slow.txt " + kArchive +
                 "/a00_2021.txt");
  EXPECT_EQ(rc, 3);
  std::map<std::string, json> by_file;
  for (const auto& l : read_jsonl(dir + "/r.jsonl"))
    if (l.contains("file")) by_file[fs::path(l["file"].get<std::string>()).filename().string()] = l;
  ASSERT_EQ(by_file.size(), 2u);
  EXPECT_EQ(by_file["slow.txt"]["error"]["code"], "timeout");
  EXPECT_EQ(by_file["slow.txt"]["error"]["message"],
            dir + "/slow.txt: 检查用时超过上限 1 秒（可用 --timeout 调整） (checking took longer than the limit of 1 s; "
                  "raise it with --timeout)");
  EXPECT_EQ(by_file["a00_2021.txt"]["status"], "ok");
  EXPECT_EQ(query(dir + "/a.sqlite", "SELECT count(*) FROM reports WHERE status='ok'"), "1");
  fs::remove_all(dir);
}
