// SQLite storage of the archive. The full result object is kept as JSON beside the flattened
// cells and findings, so the JSONL of a resumed run can be rewritten byte for byte.
#include "app/batch/store.h"

#include <sqlite3.h>

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "extract/normalize/normalize.h"

namespace nianbao::batch {
namespace {

const char* kSchema = R"(
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
CREATE TABLE IF NOT EXISTS reports(sha256 TEXT PRIMARY KEY, file TEXT, status TEXT, error_code TEXT,
  error_message TEXT, input_format TEXT, agency TEXT, agency_key TEXT, year INTEGER, format_version TEXT,
  errors INTEGER, warnings INTEGER, infos INTEGER, json TEXT, prose TEXT);
CREATE TABLE IF NOT EXISTS names(sha256 TEXT, file TEXT, PRIMARY KEY(sha256, file));
CREATE TABLE IF NOT EXISTS cells(sha256 TEXT, tbl TEXT, row TEXT, col TEXT, value REAL, text TEXT,
  page INTEGER, line INTEGER);
CREATE INDEX IF NOT EXISTS cells_sha ON cells(sha256);
CREATE TABLE IF NOT EXISTS findings(sha256 TEXT, rule TEXT, severity TEXT, message TEXT, page INTEGER,
  line INTEGER, tbl TEXT, row TEXT, col TEXT, expected REAL, actual REAL);
CREATE INDEX IF NOT EXISTS findings_sha ON findings(sha256);
CREATE TABLE IF NOT EXISTS archive_findings(rule TEXT, severity TEXT, message TEXT, file TEXT,
  related_file TEXT, agency TEXT, year INTEGER, json TEXT);
)";

struct Stmt {
  sqlite3_stmt* s = nullptr;
  Stmt(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db));
  }
  ~Stmt() { sqlite3_finalize(s); }
  Stmt& text(int i, const std::string& v) {
    sqlite3_bind_text(s, i, v.c_str(), int(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  // A JSON value: number, string, or NULL.
  Stmt& value(int i, const nlohmann::ordered_json& v) {
    if (v.is_number()) sqlite3_bind_double(s, i, v.get<double>());
    else if (v.is_string()) text(i, v.get<std::string>());
    else sqlite3_bind_null(s, i);
    return *this;
  }
  bool step() {
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(sqlite3_db_handle(s)));
    sqlite3_reset(s);
    return false;
  }
  std::string col(int i) const {
    auto p = sqlite3_column_text(s, i);
    return p ? reinterpret_cast<const char*>(p) : "";
  }
};

const nlohmann::ordered_json kNull;
const nlohmann::ordered_json& get(const nlohmann::ordered_json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

// A cell's page and line as the report's JSON gives them (its "cells" entry, else its row's),
// NULL where unknown (0: an HTML or Word input has no pages).
const nlohmann::ordered_json& where(const nlohmann::ordered_json& cell, const nlohmann::ordered_json& row,
                                    const char* key) {
  const auto& v = get(cell, key);
  if (v.is_number() && v.get<double>() > 0) return v;
  const auto& r = get(row, key);
  return r.is_number() && r.get<double>() > 0 ? r : kNull;
}

void put_cells(sqlite3* db, const std::string& sha, const nlohmann::ordered_json& tables) {
  Stmt ins(db, "INSERT INTO cells VALUES(?,?,?,?,?,?,?,?)");
  for (auto& [tbl, t] : tables.items()) {
    if (t.contains("rows")) {
      for (const auto& row : t["rows"]) {
        const auto& cells = get(row, "cells");
        for (auto& [col, v] : get(row, "values").items()) {
          const auto& cell = get(cells, col.c_str());
          ins.text(1, sha).text(2, tbl).text(3, row.value("key", "")).text(4, col).value(5, v);
          ins.value(6, get(cell, "text")).value(7, where(cell, row, "page")).value(8, where(cell, row, "line"));
          ins.step();
        }
      }
    } else {
      const auto& cells = get(t, "cells");
      for (auto& [key, v] : get(t, "values").items()) {
        const auto& cell = get(cells, key.c_str());
        ins.text(1, sha).text(2, tbl).text(3, key).text(4, "").value(5, v).value(6, get(cell, "text"));
        ins.value(7, where(cell, kNull, "page")).value(8, where(cell, kNull, "line")).step();
      }
    }
  }
}

}  // namespace

std::string agency_key(const std::string& agency) {
  std::string c = compact(agency), out;
  // Drop ASCII punctuation (fold() has made full-width forms ASCII) and the CJK brackets and
  // marks that fold leaves, keeping letters, digits and ideographs.
  static const char* kMarks[] = {"、", "。", "《", "》", "【", "】", "〔", "〕", "·", "“", "”", "‘", "’"};
  for (size_t i = 0; i < c.size();) {
    bool skipped = false;
    for (const char* m : kMarks) {
      std::string_view mv(m);
      if (c.compare(i, mv.size(), mv) == 0) { i += mv.size(); skipped = true; break; }
    }
    if (skipped) continue;
    unsigned char ch = static_cast<unsigned char>(c[i]);
    if (ch < 0x80 && !std::isalnum(ch)) { ++i; continue; }
    out += c[i++];
  }
  return out;
}

Store::Store(const std::string& path) {
  if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw std::runtime_error("无法打开数据库 " + path + "：" + msg);
  }
  // The workers of a run write to one database, each report in a short transaction: a writer
  // that finds it locked retries after a tenth of a millisecond, for up to a minute (SQLite's
  // own timeout sleeps up to 100 ms between tries, leaving a core idle most of that time).
  sqlite3_busy_handler(
      db_, [](void*, int tries) -> int {
        if (tries >= 600000) return 0;
        ::usleep(100);
        return 1;
      },
      nullptr);
  exec(kSchema);
}

Store::~Store() { sqlite3_close(db_); }

TemporaryDatabase::TemporaryDatabase() {
  std::error_code ec;
  std::string dir = std::filesystem::temp_directory_path(ec).string();
  std::string name = (dir.empty() ? std::string("/tmp") : dir) + "/nianbao-batch-XXXXXX";
  const int fd = mkstemp(name.data());
  if (fd < 0) throw std::runtime_error("无法创建临时数据库 " + name + "：" + std::strerror(errno));
  ::close(fd);
  path_ = name;
}

TemporaryDatabase::~TemporaryDatabase() {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) ::unlink((path_ + suffix).c_str());
}


void Store::exec(const std::string& sql) const {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "?";
    sqlite3_free(err);
    throw std::runtime_error("数据库错误：" + msg);
  }
}

bool Store::has(const std::string& sha256) const {
  Stmt q(db_, "SELECT 1 FROM reports WHERE sha256=?");
  q.text(1, sha256);
  return q.step();
}

void Store::add_name(const std::string& sha256, const std::string& file) {
  Stmt ins(db_, "INSERT OR IGNORE INTO names VALUES(?,?)");
  ins.text(1, sha256).text(2, file).step();
}

void Store::put(const std::string& sha, const std::string& file, const nlohmann::ordered_json& r,
                const std::string& text, const std::string& prose) {
  exec("BEGIN IMMEDIATE");
  try {
    const auto& report = get(r, "report");
    const auto& err = get(r, "error");
    int counts[3] = {0, 0, 0};
    for (const auto& f : get(r, "findings")) {
      // A note on cells this tool could not read is not one of the report's problems.
      if (f.value("concerns", "") == "reading") continue;
      std::string s = f.value("severity", "");
      ++counts[s == "error" ? 0 : s == "warning" ? 1 : 2];
    }
    Stmt ins(db_, "INSERT OR REPLACE INTO reports VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    std::string agency = report.is_object() ? report.value("agency", "") : "";
    ins.text(1, sha).text(2, file).value(3, get(r, "status")).value(4, get(err, "code"));
    ins.value(5, get(err, "message")).value(6, get(r, "input_format")).text(7, agency).text(8, agency_key(agency));
    ins.value(9, get(report, "year")).value(10, get(report, "format_version"));
    for (int i = 0; i < 3; ++i) sqlite3_bind_int(ins.s, 11 + i, counts[i]);
    ins.text(14, text).text(15, prose).step();
    Stmt(db_, "DELETE FROM cells WHERE sha256=?").text(1, sha).step();
    Stmt(db_, "DELETE FROM findings WHERE sha256=?").text(1, sha).step();
    if (report.is_object()) put_cells(db_, sha, get(report, "tables"));
    Stmt fi(db_, "INSERT INTO findings VALUES(?,?,?,?,?,?,?,?,?,?,?)");
    for (const auto& f : get(r, "findings")) {
      fi.text(1, sha).value(2, get(f, "rule")).value(3, get(f, "severity")).value(4, get(f, "message"));
      fi.value(5, get(f, "page")).value(6, get(f, "line")).value(7, get(f, "table")).value(8, get(f, "row"));
      fi.value(9, get(f, "column")).value(10, get(f, "expected")).value(11, get(f, "actual")).step();
    }
    add_name(sha, file);
    exec("COMMIT");
  } catch (...) {
    exec("ROLLBACK");
    throw;
  }
}

std::vector<Stored> Store::reports(Detail detail) const {
  using json = nlohmann::ordered_json;
  // Keys left out of a result for the cross-report pass: the findings (depth 1) and every
  // cell's text, state and place (the "cells" of the tables and of their rows).
  const json::parser_callback_t cross = [](int depth, json::parse_event_t event, json& parsed) {
    if (event != json::parse_event_t::key) return true;
    const auto& key = parsed.get_ref<const std::string&>();
    return depth == 1 ? key != "findings" && key != "verified" : key != "cells";
  };
  std::vector<Stored> out;
  Stmt q(db_, "SELECT sha256, file, agency_key, json, prose FROM reports ORDER BY file, sha256");
  while (q.step()) {
    auto text = sqlite3_column_text(q.s, 3);
    const char* begin = text ? reinterpret_cast<const char*>(text) : "null";
    const char* end = begin + (text ? sqlite3_column_bytes(q.s, 3) : 4);
    out.push_back(Stored{q.col(0), q.col(1), q.col(2), q.col(4),
                         detail == Detail::Full ? json::parse(begin, end) : json::parse(begin, end, cross)});
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> Store::names() const {
  std::vector<std::pair<std::string, std::string>> out;
  Stmt q(db_, "SELECT sha256, file FROM names ORDER BY file, sha256");
  while (q.step()) out.emplace_back(q.col(0), q.col(1));
  return out;
}

void Store::put_archive_findings(const std::vector<nlohmann::ordered_json>& findings) {
  exec("BEGIN IMMEDIATE; DELETE FROM archive_findings;");
  Stmt ins(db_, "INSERT INTO archive_findings VALUES(?,?,?,?,?,?,?,?)");
  for (const auto& f : findings) {
    ins.value(1, get(f, "rule")).value(2, get(f, "severity")).value(3, get(f, "message")).value(4, get(f, "file"));
    ins.value(5, get(f, "related_file")).value(6, get(f, "agency")).value(7, get(f, "year")).text(8, f.dump());
    ins.step();
  }
  exec("COMMIT");
}

std::vector<nlohmann::ordered_json> Store::archive_findings() const {
  std::vector<nlohmann::ordered_json> out;
  Stmt q(db_, "SELECT json FROM archive_findings ORDER BY rowid");
  while (q.step()) out.push_back(nlohmann::ordered_json::parse(q.col(0)));
  return out;
}

void Store::absorb(const std::string& other) {
  Stmt(db_, "ATTACH DATABASE ? AS other").text(1, other).step();
  try {
    exec(R"(BEGIN IMMEDIATE;
      INSERT INTO cells SELECT * FROM other.cells WHERE sha256 NOT IN (SELECT sha256 FROM main.reports);
      INSERT INTO findings SELECT * FROM other.findings WHERE sha256 NOT IN (SELECT sha256 FROM main.reports);
      INSERT OR IGNORE INTO names SELECT * FROM other.names;
      INSERT OR IGNORE INTO reports SELECT * FROM other.reports;
      COMMIT;)");
  } catch (...) {
    exec("ROLLBACK");
    exec("DETACH DATABASE other");
    throw;
  }
  exec("DETACH DATABASE other");
}

}  // namespace nianbao::batch
