// The archive database (SQLite): reports, their cells and findings, keyed by the SHA-256 of
// the file's content, and the cross-report findings. Each report is written in its own
// transaction, so a killed run loses only the files in progress.
#pragma once

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

struct sqlite3;

namespace nianbao::batch {

struct Stored {
  std::string sha256, file, agency_key, prose;
  nlohmann::ordered_json result;
};

class Store {
 public:
  // Opens or creates the database; ":memory:" keeps it in memory. Throws std::runtime_error.
  explicit Store(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  bool has(const std::string& sha256) const;
  // Records one more name of a content already stored (the same file saved twice).
  void add_name(const std::string& sha256, const std::string& file);
  // `text` is `result` as one line of JSON, as the JSONL has it.
  void put(const std::string& sha256, const std::string& file, const nlohmann::ordered_json& result,
           const std::string& text, const std::string& prose);
  // What of each result reports() parses: all of it, or what the cross-report checks read
  // (status, error, the report's meta and its tables' values), without the findings and the
  // cells' provenance, which are most of a result and, over ten thousand reports, gigabytes.
  enum class Detail { Full, Cross };
  std::vector<Stored> reports(Detail detail = Detail::Full) const;  // every report, ordered by file
  // Every (sha256, file) name, ordered by file.
  std::vector<std::pair<std::string, std::string>> names() const;
  void put_archive_findings(const std::vector<nlohmann::ordered_json>& findings);
  std::vector<nlohmann::ordered_json> archive_findings() const;
  // Copies every report of another database not yet here (merge of shards).
  void absorb(const std::string& other_path);

  void exec(const std::string& sql) const;
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// A database file of one run, removed with its journal files when the run ends: `batch`
// without --db, whose workers write to the database while the run's own process reads it.
class TemporaryDatabase {
 public:
  TemporaryDatabase();  // throws std::runtime_error
  ~TemporaryDatabase();
  TemporaryDatabase(const TemporaryDatabase&) = delete;
  TemporaryDatabase& operator=(const TemporaryDatabase&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The grouping key of an agency: compact width-folded form without spaces or punctuation, so
// “平潭综合实验区管委会” and “平潭综合实验区 管委会（ ）” fall together.
std::string agency_key(const std::string& agency);

}  // namespace nianbao::batch
