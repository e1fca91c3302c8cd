// Paths the tests read: the repository, its corpus of real reports (tests/corpus), the built
// binary. Every file a test reads is in the repository: a missing or empty one fails the test.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/rules/rules.h"

namespace nianbao::test {

std::string source_path(const std::string& relative);  // <repo>/relative
std::string corpus_path(const std::string& name);       // <repo>/tests/corpus/name, which must exist
std::string binary();                                   // build/nianbao
std::string read_file(const std::string& path);         // fails the test when missing or empty
// The rules of the repository (rules/), loaded once.
const Rules& rules();

// The objects of a JSON Lines file (`check --format json`, `batch --out`), blank lines skipped.
std::vector<nlohmann::json> read_jsonl(const std::string& path);

// An empty directory for one test, under the system's temporary directory, its path without
// symbolic links (messages that name it read the same as the test's expectations):
// <tmp>/nianbao_<name>_<pid>, emptied first when an earlier run left it.
std::string fresh_dir(const std::string& name);

// The message of the RulesError `f` throws; "(no error)" when it throws none.
std::string rules_error_of(const std::function<void()>& f);

// Runs a shell command, returns its exit status and fills `out` with its standard output.
int run(const std::string& command, std::string* out = nullptr);

// Writes a well-formed report of about 90 MB to `path` (under the default file-size limit):
// checking it takes seconds of CPU, for the tests of the time limit.
void write_slow_report(const std::string& path);

}  // namespace nianbao::test
