// The report pages of `batch --html-dir`: one file per content, named after its SHA-256 and
// never after the input's path, so a hostile file name can neither escape the directory nor
// collide with another page; two names of one content share its page.
#pragma once

#include <string>

namespace nianbao::batch {

// "<first 16 hex digits>.html"; empty when `sha256` is not a hex digest (a merged shard
// database is not trusted to hold one), and such a report gets no page.
std::string page_name(const std::string& sha256);

// Whether the page of `sha256` is in `dir`.
bool page_exists(const std::string& dir, const std::string& sha256);

// Writes `content` to dir/name through a temporary file and a rename, so that a run killed
// while writing never leaves a half page that a rerun would take as done. False on failure.
bool write_atomically(const std::string& dir, const std::string& name, const std::string& content);

// Creates `dir` if needed; throws std::runtime_error when it cannot be created.
void prepare_html_dir(const std::string& dir);

// Whether `file` lies inside `dir` (after resolving "..", symlinks of existing parts): a
// previous run's pages must not be taken as reports to check.
bool inside_dir(const std::string& file, const std::string& dir);

}  // namespace nianbao::batch
