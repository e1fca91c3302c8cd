#include "extract/read/docx/docx_convert.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "extract/model/errors.h"
#include "extract/read/input_file.h"

extern char** environ;

namespace nianbao {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const char* code, const std::string& path, const std::string& zh,
                       const std::string& en) {
  throw ReadError(code, path + ": " + zh + " (" + en + ")");
}

// The private directory: made with mkdtemp (mode 0700), removed whatever happens.
class TempDir {
 public:
  explicit TempDir(const std::string& path) {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/nianbao-XXXXXX";
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (!mkdtemp(buf.data()))
      fail("io", path, "无法创建临时目录", "cannot create a temporary directory");
    dir_ = buf.data();
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return dir_; }

 private:
  std::string dir_;
};

// Runs argv in its own process group with no input and output; kills the whole group (soffice
// starts soffice.bin) when it runs past the deadline. Returns the exit status, -1 on timeout.
int run_with_timeout(const std::vector<std::string>& argv, int seconds) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, args[0], &actions, &attr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) return -2;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  int status = 0;
  while (true) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0) return -2;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  // Helpers soffice may leave in its group.
  kill(-pid, SIGKILL);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -2;
}

}  // namespace

std::string find_soffice() {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t stop = dirs.find(':', start);
    if (stop == std::string::npos) stop = dirs.size();
    const std::string dir = dirs.substr(start, stop - start);
    for (const char* name : {"soffice", "libreoffice"}) {
      const std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
      if (access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    start = stop + 1;
  }
  return {};
}

std::string convert_to_docx(const std::string& bytes, const std::string& path, const Limits& limits) {
  // No limit is a day: LibreOffice is a separate process the per-file limits do not reach.
  const int timeout_seconds = limits.timeout_seconds > 0 ? limits.timeout_seconds : 86400;
  const std::string soffice = find_soffice();
  if (soffice.empty())
    fail("missing_tool", path,
         "读取 .doc/.wps 文件需要 LibreOffice，请安装软件包 libreoffice-writer-nogui"
         "（apt-get install libreoffice-writer-nogui）",
         "reading .doc/.wps needs LibreOffice: install the package libreoffice-writer-nogui");
  TempDir tmp(path);
  // LibreOffice reads files only: the bytes under a plain name (the original name may hold
  // characters a command line or LibreOffice's URL handling mangles, and its extension may be
  // anything).
  const std::string input = tmp.path() + "/input.doc";
  {
    std::ofstream out(input, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) fail("io", path, "无法写入临时文件", "cannot write a temporary file");
  }
  std::error_code ec;
  const std::string out_dir = tmp.path() + "/out";
  const int status = run_with_timeout(
      {soffice, "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
       "-env:UserInstallation=file://" + tmp.path() + "/profile", "--convert-to", "docx",
       "--outdir", out_dir, input},
      timeout_seconds);
  if (status == -1) throw ReadError("timeout", timeout_message(path, limits));
  const std::string output = out_dir + "/input.docx";
  if (!fs::exists(output, ec))
    fail("convert_failed", path, "LibreOffice 无法转换该文件，文件可能已损坏",
         "LibreOffice could not convert the file; it may be damaged");
  return read_input_file(output, limits);
}

}  // namespace nianbao
