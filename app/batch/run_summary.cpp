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

ResultBrief ResultBrief::of(const json& r) {
  ResultBrief b;
  b.file = r.value("file", "");
  b.sha256 = r.value("sha256", "");
  b.status = r.value("status", "");
  if (auto e = r.find("error"); e != r.end() && e->is_object()) {
    b.error_code = e->value("code", "");
    b.error_message = e->value("message", "");
  }
  if (auto fs = r.find("findings"); fs != r.end()) b.has_errors = has_error(*fs);
  return b;
}

json ResultBrief::to_json() const {
  json j{{"status", status}, {"has_errors", has_errors}};
  if (!error_code.empty() || !error_message.empty()) j["error"] = {{"code", error_code}, {"message", error_message}};
  return j;
}

ResultBrief ResultBrief::from_json(const json& j, const std::string& file, const std::string& sha256) {
  ResultBrief b = of(j);
  b.file = file;
  b.sha256 = sha256;
  b.has_errors = j.value("has_errors", false);
  return b;
}

void RunTally::add(const ResultBrief& r) {
  ++files_;
  const std::string key = r.sha256.empty() ? r.file : r.sha256;
  if (r.status != "ok") {
    unreadable_.push_back(Unreadable{r.file, r.error_code, without_file(r.error_message, r.file)});
    return;
  }
  reports_.insert(key);
  if (r.has_errors) with_errors_.insert(key);
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
