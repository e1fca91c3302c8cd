#include "test_paths.h"

#include "extract/model/errors.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace nianbao::test {

std::string source_path(const std::string& relative) {
  return std::string(NIANBAO_SOURCE_DIR) + "/" + relative;
}
std::string corpus_path(const std::string& name) {
  const std::string path = source_path("tests/corpus/" + name);
  std::error_code ec;
  // A report missing from the corpus would otherwise show as an error object or an empty read
  // that some assertions accept.
  if (!std::filesystem::is_regular_file(path, ec) || std::filesystem::file_size(path, ec) == 0)
    ADD_FAILURE() << "test data missing or empty: " << path;
  return path;
}
std::string binary() { return NIANBAO_BINARY; }

std::string rules_error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const RulesError& e) {
    return e.what();
  }
  return "(no error)";
}

const Rules& rules() {
  static const Rules loaded = Rules::load(source_path("rules"));
  return loaded;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return "";
  }
  std::stringstream ss;
  ss << in.rdbuf();
  if (ss.str().empty()) ADD_FAILURE() << "empty file: " << path;
  return ss.str();
}

std::vector<nlohmann::json> read_jsonl(const std::string& path) {
  std::vector<nlohmann::json> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  return out;
}

std::string fresh_dir(const std::string& name) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("nianbao_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return fs::canonical(dir).string();
}

int run(const std::string& command, std::string* out) {
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return -1;
  std::string buf;
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, pipe)) > 0) buf.append(chunk, n);
  int status = pclose(pipe);
  if (out) *out = buf;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void write_slow_report(const std::string& path) {
  std::string text = "某某局2023年政府信息公开工作年度报告\n一、总体情况\n";
  const std::string line = "本年度共主动公开政府信息123条，其中规章1件，规范性文件2件，通过网站公开98条。\n";
  text.reserve(90u << 20);
  while (text.size() < (90u << 20)) text += line;
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace nianbao::test
