// What a batch or merge run says on standard error when it ends, whether or not standard error
// is a terminal: how many files and reports, how many with errors, which files could not be
// read and why, and where each output was written. A run sent to a log or a scheduler (the
// usual way a portal archive is checked) otherwise ends in silence and an exit status.
#pragma once

#include <cstddef>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace nianbao::batch {

// Where the outputs went: empty for an output not asked for; `out` empty means standard output.
struct OutputPaths {
  std::string out, db, xlsx, html_dir;
};

// What the tally needs of one result line: a worker sends it beside the line, so that this
// process need not parse the line.
struct ResultBrief {
  std::string file, sha256, status, error_code, error_message;
  bool has_errors = false;  // a finding of severity error

  static ResultBrief of(const nlohmann::ordered_json& result);
  nlohmann::ordered_json to_json() const;  // without file and sha256, which the receiver knows
  static ResultBrief from_json(const nlohmann::ordered_json& brief, const std::string& file, const std::string& sha256);
};

// Tallies every result line the run writes (one per file name), then the cross-report
// findings, and gives the exit status as docs/OUTPUT.md says.
class RunTally {
 public:
  // At most this many unreadable files are named, the first by name; the rest are counted.
  static constexpr std::size_t kNamed = 10;

  void add(const nlohmann::ordered_json& result) { add(ResultBrief::of(result)); }
  void add(const ResultBrief& result);
  void add_archive(const std::vector<nlohmann::ordered_json>& findings);
  // 3 an input unreadable, else 1 an error finding (in a report or across reports), else 0.
  int exit_code() const;
  // The summary, in Chinese, several lines, each ending in '\n'. `checked`/`skipped`: files
  // checked by this run and taken from the database (a merge passes neither).
  void print(std::ostream& err, const OutputPaths& paths, const std::string& command, std::size_t checked,
             std::size_t skipped) const;

 private:
  struct Unreadable {
    std::string file, code, message;
  };
  std::size_t files_ = 0, archive_findings_ = 0, archive_errors_ = 0;
  std::set<std::string> reports_, with_errors_;  // content hashes (or file names without one)
  std::vector<Unreadable> unreadable_;           // in the order they came
};

}  // namespace nianbao::batch
