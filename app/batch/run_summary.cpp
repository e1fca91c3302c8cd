#include "app/batch/run_summary.h"

#include <algorithm>
#include <filesystem>

namespace nianbao::batch {
namespace {

using json = nlohmann::ordered_json;

bool has_error(const json& findings) {
  for (const auto& f : findings)
    if (f.value("severity", "") == "error") return true;
  return false;
}

// A failure's message often begins with the file's own name, which the summary prints already.
std::string without_file(const std::string& message, const std::string& file) {
  const std::string prefix = file + ": ";
  return message.compare(0, prefix.size(), prefix) == 0 ? message.substr(prefix.size()) : message;
}

std::string absolute(const std::string& path) {
  std::error_code ec;
  auto p = std::filesystem::absolute(path, ec);
  return ec ? path : p.lexically_normal().string();
}

}  // namespace

void RunTally::add(const json& r) {
  ++files_;
  const std::string file = r.value("file", "");
  const std::string key = r.value("sha256", file);
  if (r.value("status", "") != "ok") {
    std::string code, message;
    if (auto e = r.find("error"); e != r.end() && e->is_object()) {
      code = e->value("code", "");
      message = e->value("message", "");
    }
    unreadable_.push_back(Unreadable{file, code, without_file(message, file)});
    return;
  }
  reports_.insert(key);
  if (auto fs = r.find("findings"); fs != r.end() && has_error(*fs)) with_errors_.insert(key);
}

void RunTally::add_archive(const std::vector<json>& findings) {
  archive_findings_ += findings.size();
  for (const auto& f : findings) archive_errors_ += f.value("severity", "") == "error";
}

int RunTally::exit_code() const {
  if (!unreadable_.empty()) return 3;
  return !with_errors_.empty() || archive_errors_ > 0 ? 1 : 0;
}

void RunTally::print(std::ostream& err, const OutputPaths& p, const std::string& command, std::size_t checked,
                     std::size_t skipped) const {
  err << "nianbao " << command << " 完成：文件 " << files_ << " 个";
  if (checked + skipped > 0) err << "（本次检查 " << checked << " 个，取自数据库 " << skipped << " 个）";
  err << "，报告 " << reports_.size() << " 份，其中有错误的 " << with_errors_.size() << " 份；无法读取 "
      << unreadable_.size() << " 个；跨报告问题 " << archive_findings_ << " 条（错误 " << archive_errors_ << " 条）\n";
  if (!unreadable_.empty()) {
    // By name, so that two runs of one archive say the same whatever order the workers finished in.
    std::vector<const Unreadable*> sorted;
    for (const auto& u : unreadable_) sorted.push_back(&u);
    std::sort(sorted.begin(), sorted.end(), [](const Unreadable* a, const Unreadable* b) { return a->file < b->file; });
    err << "无法读取的文件：\n";
    for (std::size_t i = 0; i < sorted.size() && i < kNamed; ++i)
      err << "  " << sorted[i]->file << "：" << sorted[i]->message
          << (sorted[i]->code.empty() ? "" : "（" + sorted[i]->code + "）") << "\n";
    if (sorted.size() > kNamed)
      err << "  等，共 " << sorted.size() << " 个（全部见结果中 \"status\": \"error\" 的行）\n";
  }
  err << "输出：\n";
  err << "  结果（JSON Lines）：" << (p.out.empty() ? "标准输出" : absolute(p.out)) << "\n";
  if (!p.db.empty()) err << "  数据库：" << absolute(p.db) << "\n";
  if (!p.xlsx.empty()) err << "  汇总表格：" << absolute(p.xlsx) << "\n";
  if (!p.html_dir.empty())
    err << "  汇总页：" << absolute((std::filesystem::path(p.html_dir) / "index.html").string()) << "\n";
  err.flush();
}

}  // namespace nianbao::batch
