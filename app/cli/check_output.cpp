#include "app/cli/check_output.h"

#include <filesystem>
#include <iostream>

#include "app/cli/commands.h"

namespace nianbao {

namespace fs = std::filesystem;

bool CheckOutput::open(const CheckOptions& o, bool english, std::string* error) {
  english_ = english;
  extension_ = o.format == "html" ? ".html" : o.format == "json" ? ".jsonl" : ".txt";
  if (o.format == "html" && o.files.size() > 1 && o.output_dir.empty()) {
    *error = english ? "--format html writes one whole page per report: with several files give --output-dir DIR"
                     : "--format html 为每份报告生成一个完整的网页：检查多个文件时请用 --output-dir 目录";
    return false;
  }
  if (!o.output_dir.empty()) {
    std::error_code ec;
    fs::create_directories(o.output_dir, ec);
    if (ec || !fs::is_directory(o.output_dir)) {
      *error = (english ? "cannot create the directory " : "无法创建目录 ") + o.output_dir;
      return false;
    }
    dir_ = o.output_dir;
  } else if (!o.output.empty()) {
    file_ = std::make_unique<std::ofstream>(o.output, std::ios::binary | std::ios::trunc);
    if (!*file_) {
      *error = (english ? "cannot write " : "无法写入 ") + o.output;
      return false;
    }
  }
  return true;
}

// DIR/<name of the report without its extension>.<format's extension>; a second report of the
// same name gets "-2", and so on, so that none overwrites another.
std::string CheckOutput::path_for(const std::string& file) {
  std::string stem = fs::path(file).stem().string();
  if (stem.empty()) stem = "report";
  std::string name = stem + extension_;
  for (int n = 2; used_.count(name); ++n) name = stem + "-" + std::to_string(n) + extension_;
  used_.insert(name);
  return (fs::path(dir_) / name).string();
}

bool CheckOutput::write(const std::string& file, const std::string& rendered, std::string* error) {
  if (file_) {
    *file_ << rendered;
    file_->flush();
    if (!*file_) *error = english_ ? "write error" : "写入出错";
    return static_cast<bool>(*file_);
  }
  if (dir_.empty()) {
    std::cout << rendered;
    std::cout.flush();
    return true;
  }
  const std::string path = path_for(file);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << rendered;
  if (!out) {
    *error = (english_ ? "cannot write " : "无法写入 ") + path;
    return false;
  }
  std::cerr << "nianbao: " << (english_ ? "written " : "已写入 ") << path << "\n";
  return true;
}

}  // namespace nianbao
