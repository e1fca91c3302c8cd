#include "extract/docx_reader.h"

#include "extract/errors.h"

namespace nianbao {

Document read_docx_file(const std::string& path) {
  throw ReadError("unsupported_format", path + ": 暂不支持读取 DOCX 文件 (DOCX input is not supported by this build)");
}

Document read_word_binary_file(const std::string& path) {
  throw ReadError("unsupported_format", path + ": 暂不支持读取 DOC/WPS 文件 (DOC/WPS input is not supported by this build)");
}

}  // namespace nianbao
