// The report pages of `batch --html-dir`: one file per content, named after the report's agency
// and year so that a person finds a report among the files, with the first 8 hex digits of its
// SHA-256 after them: two files of one agency and year (a web page and its PDF) never share a
// page, and the name follows from the content alone, so workers writing side by side, a resumed
// run and shards writing into one directory all agree on it without asking each other. The
// input's path plays no part, so a hostile file name can neither escape the directory nor
// collide with another page; two names of one content share its page.
#pragma once

#include <optional>
#include <string>

namespace nianbao::batch {

// "<agency>-<year>-<8 hex digits>.html" ("洪泽区人民政府-2023-2b0e2e34.html"); the agency as a safe
// file name (safe_name), "未识别机关" when there is none, and no year when there is none. Empty
// when `sha256` is not a hex digest (a merged shard database is not trusted to hold one), and
// such a report gets no page.
std::string page_name(const std::string& agency, std::optional<long long> year, const std::string& sha256);

// `text` as part of a file name: every character that a file system, a URL or a shell treats
// specially (/ \ : * ? " < > | # % & and controls, spaces) and every byte that is not valid
// UTF-8 becomes "_", a leading "." too, and it is cut to at most `max_bytes` on a character
// boundary.
std::string safe_name(const std::string& text, std::size_t max_bytes = 60);

// Whether the page `name` (page_name) is in `dir`; false for an empty name.
bool page_exists(const std::string& dir, const std::string& name);

// Writes `content` to dir/name through a temporary file and a rename, so that a run killed
// while writing never leaves a half page that a rerun would take as done. False on failure.
bool write_atomically(const std::string& dir, const std::string& name, const std::string& content);

// Creates `dir` if needed; throws std::runtime_error when it cannot be created.
void prepare_html_dir(const std::string& dir);

// Whether `file` lies inside `dir` (after resolving "..", symlinks of existing parts): a
// previous run's pages must not be taken as reports to check.
bool inside_dir(const std::string& file, const std::string& dir);

}  // namespace nianbao::batch
