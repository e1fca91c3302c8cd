#include "extract/read/reader.h"

#include <sys/stat.h>

#include <algorithm>

#include "extract/model/errors.h"
#include "extract/read/docx/docx_reader.h"
#include "extract/read/html/html_reader.h"
#include "extract/read/input_file.h"
#include "extract/read/pdf/pdf_reader.h"
#include "extract/read/text/text_reader.h"

namespace nianbao {

namespace {

std::string lower_extension(const std::string& name) {
  auto slash = name.find_last_of('/');
  auto dot = name.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  std::string ext = name.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

bool starts_with(const std::string& bytes, const char* magic) { return bytes.rfind(magic, 0) == 0; }

// The kind of image `bytes` hold ("PNG"), or null: a picture saved beside the reports of a portal
// (a scanned page without a text layer, a banner) holds no report this program can read.
const char* image_kind(const std::string& bytes) {
  if (starts_with(bytes, "\x89PNG")) return "PNG";
  if (starts_with(bytes, "\xFF\xD8\xFF")) return "JPEG";
  if (starts_with(bytes, "GIF87a") || starts_with(bytes, "GIF89a")) return "GIF";
  if (bytes.size() >= 12 && starts_with(bytes, "RIFF") && bytes.compare(8, 4, "WEBP") == 0) return "WebP";
  return nullptr;
}

Document read_by_format(std::string bytes, const std::string& name, const HeadingRules& headings,
                        const Limits& limits) {
  const std::string ext = lower_extension(name);
  // The content decides where it can (a report saved as .txt that is really a PDF), the name
  // where it cannot (HTML and plain text look alike).
  // Said here for every format alike: an empty .pdf is empty, not "not a PDF".
  if (bytes.empty()) throw ReadError("empty", name + ": 文件为空 (empty file)");
  if (const char* image = image_kind(bytes))
    throw ReadError("no_report", name + ": 图片文件（" + image + "），其中没有可读取文字的报告 (an image (" + image +
                                     "): no report with text to read)");
  if (starts_with(bytes, "%PDF") || ext == "pdf") return read_pdf_bytes(std::move(bytes), name, headings, limits);
  if (starts_with(bytes, "PK\x03\x04") || ext == "docx") {
    // A .doc saved under a .docx name.
    if (starts_with(bytes, "\xD0\xCF\x11\xE0")) return read_word_binary_bytes(bytes, name, headings, limits);
    return read_docx_bytes(bytes, name, headings, limits);
  }
  if (starts_with(bytes, "\xD0\xCF\x11\xE0") || ext == "doc" || ext == "wps")
    return read_word_binary_bytes(bytes, name, headings, limits);
  if (ext == "html" || ext == "htm" || ext == "shtml" || ext == "xhtml") return read_html_bytes(bytes, name, headings, limits);
  return read_text_bytes(bytes, name, limits);
}

}  // namespace

Document read_document(const std::string& path, const HeadingRules& headings, const Limits& limits) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0)
    throw ReadError("not_found", path + ": 文件不存在 (no such file)");
  // A directory is most often an archive to check: say which command does that.
  if (S_ISDIR(st.st_mode))
    throw ReadError("not_a_file", path + ": 是目录，不是文件；检查目录中的全部报告请用 nianbao batch " + path +
                                      " (a directory: to check every report in it, use nianbao batch)");
  if (!S_ISREG(st.st_mode))
    throw ReadError("not_a_file", path + ": 不是普通文件 (not a regular file)");
  return read_document_bytes(read_input_bytes(path, limits), path, headings, limits);
}

Document read_document_bytes(std::string bytes, const std::string& name, const HeadingRules& headings,
                             const Limits& limits) {
  check_file_size(name, bytes.size(), limits);
  Document doc = read_by_format(std::move(bytes), name, headings, limits);
  // The PDF reader says it before reading any page; text and Word count their pages as read.
  check_page_count(name, doc.pages.size(), limits);
  return doc;
}

}  // namespace nianbao
