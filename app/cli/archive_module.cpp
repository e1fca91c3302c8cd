// The entry points of the archive module (libnianbao-archive.so): batch, merge and serve, which
// need SQLite, libxlsxwriter, cpp-httplib and OpenSSL. The nianbao program loads the module only
// for those commands (archive_loader.cpp), so that `check` does not load those libraries.
#include "app/cli/commands.h"

#define NIANBAO_MODULE_ENTRY extern "C" __attribute__((visibility("default")))

NIANBAO_MODULE_ENTRY int nianbao_module_run_batch(const nianbao::BatchCommandOptions* o, const nianbao::Rules* r) {
  return nianbao::run_batch(*o, *r);
}

NIANBAO_MODULE_ENTRY int nianbao_module_run_merge(const nianbao::MergeOptions* o, const nianbao::Rules* r) {
  return nianbao::run_merge(*o, *r);
}

NIANBAO_MODULE_ENTRY int nianbao_module_run_serve(const nianbao::ServeCommandOptions* o, const nianbao::Rules* r) {
  return nianbao::run_serve(*o, *r);
}
