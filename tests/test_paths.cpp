#include "test_paths.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace nianbao::test {

std::string source_path(const std::string& relative) {
  return std::string(NIANBAO_SOURCE_DIR) + "/" + relative;
}
std::string shared_path(const std::string& relative) {
  return std::string(NIANBAO_SHARED_DIR) + "/" + relative;
}
std::string binary() { return NIANBAO_BINARY; }

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
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

}  // namespace nianbao::test
