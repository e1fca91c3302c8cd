// run_batch, run_merge and run_serve as the nianbao program sees them: each loads the archive
// module (archive_module.cpp) and calls its entry point. The module lies beside the program in
// a build tree and in <prefix>/lib/nianbao once installed.
#include <dlfcn.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <string>

#include "app/cli/commands.h"

namespace nianbao {

namespace {

namespace fs = std::filesystem;

constexpr const char* kModule = "libnianbao-archive.so";

// The module's handle; nullptr (said on stderr) when it cannot be loaded.
void* load_module() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  std::string tried;
  for (const fs::path& dir : {self.parent_path(), self.parent_path().parent_path() / "lib" / "nianbao"}) {
    const fs::path module = dir / kModule;
    if (!fs::exists(module, ec)) continue;
    if (void* handle = dlopen(module.c_str(), RTLD_NOW | RTLD_LOCAL)) return handle;
    tried += std::string("; ") + dlerror();
  }
  std::cerr << "nianbao: 找不到或无法加载 " << kModule << "，安装不完整 (cannot load " << kModule
            << ": incomplete installation)" << tried << "\n";
  return nullptr;
}

template <typename Options>
int run_in_module(const char* entry, const Options& options, const Rules& rules) {
  void* module = load_module();
  if (!module) return 2;
  using Entry = int (*)(const Options*, const Rules*);
  auto run = reinterpret_cast<Entry>(dlsym(module, entry));
  if (!run) {
    std::cerr << "nianbao: " << kModule << " 缺少 " << entry << "，安装不完整 (incomplete installation)\n";
    return 2;
  }
  return run(&options, &rules);
}

}  // namespace

int run_batch(const BatchCommandOptions& o, const Rules& r) { return run_in_module("nianbao_module_run_batch", o, r); }
int run_merge(const MergeOptions& o, const Rules& r) { return run_in_module("nianbao_module_run_merge", o, r); }
int run_serve(const ServeCommandOptions& o, const Rules& r) { return run_in_module("nianbao_module_run_serve", o, r); }

}  // namespace nianbao
