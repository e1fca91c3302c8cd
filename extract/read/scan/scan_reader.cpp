#include "extract/read/scan/scan_reader.h"

#include <dlfcn.h>
#include <stdlib.h>

#include <filesystem>

namespace nianbao {

namespace {

namespace fs = std::filesystem;

constexpr const char* kModule = "libnianbao-ocr.so";
constexpr const char* kEntry = "nianbao_ocr_new_reader";

// The entry point of the module: beside the program, in <prefix>/lib/nianbao once installed,
// else in the build tree this library was built in (for programs such as the tests, which are
// elsewhere). Loaded once and kept: its languages stay loaded for the next scanned report.
using Entry = ScanReader* (*)(std::string* why);

Entry load_entry(std::string* why) {
  static Entry entry = nullptr;
  static std::string failure;
  static const bool loaded = [] {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    std::vector<fs::path> dirs = {self.parent_path(), self.parent_path().parent_path() / "lib" / "nianbao"};
#ifdef NIANBAO_BUILD_DIR
    dirs.emplace_back(NIANBAO_BUILD_DIR);
#endif
    // Tesseract's OpenMP threads would spin waiting for work beside the one thread a check
    // runs on (three times the CPU time on two cores): one thread, set before the module
    // brings OpenMP in, which reads it once. A user's own setting stays.
    setenv("OMP_THREAD_LIMIT", "1", 0);
    setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
    for (const fs::path& dir : dirs) {
      const fs::path module = dir / kModule;
      if (!fs::exists(module, ec)) continue;
      void* handle = dlopen(module.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (!handle) {
        failure = dlerror();
        continue;
      }
      entry = reinterpret_cast<Entry>(dlsym(handle, kEntry));
      if (entry) return true;
      failure = module.string() + ": no " + kEntry;
    }
    if (failure.empty()) failure = std::string("找不到 ") + kModule + " (" + kModule + " not found)";
    return false;
  }();
  if (!loaded && why) *why = failure;
  return entry;
}

}  // namespace

std::unique_ptr<ScanReader> make_scan_reader(std::string* why) {
  const Entry entry = load_entry(why);
  if (!entry) return nullptr;
  return std::unique_ptr<ScanReader>(entry(why));
}

}  // namespace nianbao
