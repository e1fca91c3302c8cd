// Where `nianbao check` writes: standard output, the file of -o, or one file per report under
// --output-dir. An HTML report is a whole page, so several of them are never written to one
// stream.
#pragma once

#include <fstream>
#include <memory>
#include <string>
#include <set>

namespace nianbao {

struct CheckOptions;

class CheckOutput {
 public:
  // Checks the options against the files; on a usage error returns false with the message
  // (Chinese, or English when `english`) in `error`.
  bool open(const CheckOptions& options, bool english, std::string* error);
  // Writes what was rendered for `file`.
  bool write(const std::string& file, const std::string& rendered, std::string* error);

 private:
  std::string dir_, extension_;
  bool english_ = false;
  std::unique_ptr<std::ofstream> file_;
  std::set<std::string> used_;  // names written under dir_, so that reports of one name keep apart

  std::string path_for(const std::string& file);
};

}  // namespace nianbao
