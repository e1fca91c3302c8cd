#include "app/cli/commands.h"
#include "app/serve/server.h"

namespace nianbao {

int run_serve(const ServeCommandOptions& o, const Rules& rules) {
  ServeOptions options;
  options.bind = o.bind;
  options.port = o.port;
  options.max_upload_bytes = static_cast<size_t>(o.max_upload_mb) << 20;
  options.limits = o.limits;
  return serve(rules, options);
}

}  // namespace nianbao
