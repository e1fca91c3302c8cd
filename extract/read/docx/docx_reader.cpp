#include "extract/read/docx/docx_reader.h"

#include <re2/re2.h>

#include <algorithm>

#include "extract/read/docx/docx_body.h"
#include "extract/read/docx/docx_convert.h"
#include "extract/read/docx/docx_numbering.h"
#include "extract/read/docx/docx_xml.h"
#include "extract/model/errors.h"
#include "extract/rules/headings.h"
#include "extract/read/input_file.h"
#include "extract/read/docx/zip_archive.h"

namespace nianbao {
namespace {

// The main part named by the package relationships; Word always calls it word/document.xml.
std::string main_part(ZipArchive& zip) {
  if (auto rels = zip.read("_rels/.rels")) {
    static const RE2 rel("<Relationship\\b[^>]*?Type=\"[^\"]*/officeDocument\"[^>]*?Target=\"/?([^\"]+)\"");
    static const RE2 rel_reversed("<Relationship\\b[^>]*?Target=\"/?([^\"]+)\"[^>]*?Type=\"[^\"]*/officeDocument\"");
    std::string target;
    if ((RE2::PartialMatch(*rels, rel, &target) || RE2::PartialMatch(*rels, rel_reversed, &target)) &&
        zip.has(target))
      return target;
  }
  return "word/document.xml";
}

// Part headings as the segmentation will see them: where the tables of parts 2–4 belong.
std::pair<size_t, size_t> tables_range(const std::vector<Line>& lines, const HeadingRules& rules) {
  size_t begin = lines.size(), end = lines.size();
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].is_table_row()) continue;
    auto h = rules.classify(lines[i].text);
    if (!h || h->level != 0) continue;
    if (h->part == 2 && begin == lines.size()) begin = i;
    if ((h->part == 5 || h->part == 6) && begin < i && end == lines.size()) end = i;
  }
  return {begin, end};
}

bool is_ole(const std::string& bytes) { return bytes.rfind("\xD0\xCF\x11\xE0", 0) == 0; }

}  // namespace

Document read_docx_bytes(const std::string& bytes, const std::string& path, const HeadingRules& headings,
                         const Limits& limits) {
  check_file_size(path, bytes.size(), limits);
  ZipArchive zip(bytes, path, limits);
  const std::string part = main_part(zip);
  auto xml = zip.read(part);
  if (!xml)
    throw ReadError("corrupt", path + ": 不是 Word 文档，缺少 word/document.xml "
                                      "(not a Word document: word/document.xml is missing)");
  XmlDocPtr document = parse_part(*xml, part, path);
  xml.reset();
  XmlDocPtr numbering, styles;
  if (auto n = zip.read("word/numbering.xml")) numbering = parse_part(*n, "word/numbering.xml", path);
  if (auto s = zip.read("word/styles.xml")) styles = parse_part(*s, "word/styles.xml", path);
  DocxNumbering labels(numbering.get(), styles.get());
  DocxBody body = read_docx_body(document.get(), labels);
  if (body.lines.empty())
    throw ReadError("empty", path + ": 文档中没有文字 (the document holds no text)");

  Document doc;
  doc.path = path;
  doc.format = InputFormat::Docx;
  int pages = body.pages;
  for (const Line& l : body.lines) pages = std::max(pages, l.loc.page);
  doc.pages.resize(static_cast<size_t>(pages));
  for (int p = 0; p < pages; ++p) doc.pages[static_cast<size_t>(p)].number = p + 1;

  const auto [begin, end] = tables_range(body.lines, headings);
  doc.notes.images = static_cast<int>(body.images.size());
  for (const auto& img : body.images)
    if (img.before > begin && img.before <= end) doc.notes.table_image_lines.push_back(img.paragraph);
  for (Line& l : body.lines)
    doc.pages[static_cast<size_t>(std::clamp(l.loc.page, 1, pages) - 1)].lines.push_back(std::move(l));
  return doc;
}

Document read_docx_file(const std::string& path, const HeadingRules& headings, const Limits& limits) {
  const std::string bytes = read_input_file(path, limits);
  // A .doc saved under a .docx name.
  if (is_ole(bytes)) return read_word_binary_bytes(bytes, path, headings, limits);
  return read_docx_bytes(bytes, path, headings, limits);
}

Document read_word_binary_file(const std::string& path, const HeadingRules& headings, const Limits& limits) {
  // The checks (exists, regular, size) before starting LibreOffice.
  return read_word_binary_bytes(read_input_file(path, limits), path, headings, limits);
}

Document read_word_binary_bytes(const std::string& bytes, const std::string& path, const HeadingRules& headings,
                                const Limits& limits) {
  check_file_size(path, bytes.size(), limits);
  if (bytes.rfind("PK\x03\x04", 0) == 0) return read_docx_bytes(bytes, path, headings, limits);
  Document doc = read_docx_bytes(convert_to_docx(bytes, path, limits), path, headings, limits);
  const auto dot = path.find_last_of('.');
  std::string ext = dot == std::string::npos ? "doc" : path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  doc.notes.converted_from = ext == "wps" ? "wps" : "doc";
  return doc;
}

}  // namespace nianbao
