#include "extract/html_reader.h"

#include "extract/errors.h"

namespace nianbao {

Document read_html_file(const std::string& path) {
  throw ReadError("unsupported_format", path + ": 暂不支持读取 HTML 文件 (HTML input is not supported by this build)");
}

}  // namespace nianbao
