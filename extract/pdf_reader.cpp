#include "extract/pdf_reader.h"

#include "extract/errors.h"

namespace nianbao {

Document read_pdf_file(const std::string& path) {
  throw ReadError("unsupported_format", path + ": 暂不支持读取 PDF 文件 (PDF input is not supported by this build)");
}

}  // namespace nianbao
