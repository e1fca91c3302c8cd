#include "extract/read/reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>

#include "extract/model/errors.h"
#include "extract/read/docx/docx_reader.h"
#include "extract/read/html/html_reader.h"
#include "extract/read/pdf/pdf_reader.h"
#include "extract/read/text/text_reader.h"

namespace nianbao {

namespace {

std::string lower_extension(const std::string& path) {
  auto slash = path.find_last_of('/');
  auto dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  std::string ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

std::string magic(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char buf[8] = {};
  in.read(buf, sizeof buf);
  return std::string(buf, static_cast<size_t>(in.gcount()));
}

Document read_by_format(const std::string& path, const HeadingRules& headings, const Limits& limits) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0)
    throw ReadError("not_found", path + ": 文件不存在 (no such file)");
  if (!S_ISREG(st.st_mode))
    throw ReadError("not_a_file", path + ": 不是普通文件 (not a regular file)");
  std::string ext = lower_extension(path);
  std::string head = magic(path);
  // The content decides where it can (a report saved as .txt that is really a PDF), the name
  // where it cannot (HTML and plain text look alike).
  if (head.rfind("%PDF", 0) == 0 || ext == "pdf") return read_pdf_file(path, headings, limits);
  if (head.rfind("PK\x03\x04", 0) == 0 || ext == "docx") return read_docx_file(path, headings, limits);
  if (head.rfind("\xD0\xCF\x11\xE0", 0) == 0 || ext == "doc" || ext == "wps")
    return read_word_binary_file(path, headings, limits);
  if (ext == "html" || ext == "htm" || ext == "shtml" || ext == "xhtml") return read_html_file(path, headings, limits);
  return read_text_file(path, limits);
}

}  // namespace

Document read_document(const std::string& path, const HeadingRules& headings, const Limits& limits) {
  Document doc = read_by_format(path, headings, limits);
  // The PDF reader says it before reading any page; text and Word count their pages as read.
  check_page_count(path, doc.pages.size(), limits);
  return doc;
}

}  // namespace nianbao
