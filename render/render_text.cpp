#include "render/render_text.h"

#include "render/render_where.h"

#include <sstream>

#include "validate/validate.h"

namespace nianbao {

namespace {

const char* color_of(Severity s) {
  switch (s) {
    case Severity::Error: return "\033[1;31m";
    case Severity::Warning: return "\033[1;35m";
    case Severity::Info: return "\033[1;36m";
  }
  return "";
}

std::string paint(const std::string& text, const char* code, bool on) {
  return on ? std::string(code) + text + "\033[0m" : text;
}

// ReadError messages start with the file name; the line prefix already shows it.
std::string without_path(const std::string& message, const std::string& file) {
  std::string prefix = file + ": ";
  return message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : message;
}

std::string summary(const CheckResult& r, Lang lang) {
  std::ostringstream s;
  const Meta& m = r.report.meta;
  int e = r.count(Severity::Error), w = r.count(Severity::Warning), i = r.count(Severity::Info);
  if (lang == Lang::Zh) {
    s << (m.agency.empty() ? "（未识别机关）" : m.agency) << " "
      << (m.year ? std::to_string(*m.year) + " 年度报告" : "（未识别年度）") << "，格式 "
      << m.format_version << "：" << e << " 个错误，" << w << " 个警告，" << i << " 条提示";
    // Cells this tool could not read are not the report's problems: counted apart.
    if (int u = r.unread_cells()) s << "；另有 " << u << " 个单元格本工具未能读取，请对照原文查看";
  } else {
    s << (m.agency.empty() ? "(agency not found)" : m.agency) << ", "
      << (m.year ? "report for " + std::to_string(*m.year) : "year not found") << ", format "
      << m.format_version << ": " << e << " error(s), " << w << " warning(s), " << i << " note(s)";
    if (int u = r.unread_cells()) s << "; " << u << " cell(s) this tool could not read, please look at them";
  }
  return s.str();
}

// "FILE:PAGE:LINE" as editors jump to it; a Word document has no lines, only paragraphs:
// "FILE:¶N" (docs/OUTPUT.md: for DOCX the line is the paragraph number).
std::string place(const CheckResult& r, Location loc) {
  std::string where = r.file;
  if (!loc.known()) return where;
  if (r.format == InputFormat::Docx) return where + ":¶" + std::to_string(loc.line);
  where += ':';
  where += std::to_string(loc.page);
  where += ':';
  where += std::to_string(loc.line);
  return where;
}

// An HTML page's line does not show a reader the place (a page on one line has only line 1):
// the heading and row or paragraph follow the message.
std::string in_page(const Finding& f, Lang lang) {
  if (!f.where) return "";
  return lang == Lang::Zh ? "（位置：" + describe_where(*f.where, lang) + "）" : " (at " + describe_where(*f.where, lang) + ")";
}

}  // namespace

std::string render_text(const CheckResult& r, const Catalog& catalog, const TextOptions& opt) {
  std::ostringstream out;
  if (!r.ok) {
    out << paint(r.file, "\033[1m", opt.color) << ": "
        << paint("error[read." + r.error_code + "]", color_of(Severity::Error), opt.color) << ": "
        << without_path(r.error_message, r.file) << "\n";
    return out.str();
  }
  for (const auto& f : r.findings) {
    std::string where = place(r, f.loc);
    out << paint(where, "\033[1m", opt.color) << ": "
        << paint(std::string(to_string(f.severity)) + "[" + f.rule + "]", color_of(f.severity), opt.color)
        << ": " << catalog.format_message(f, opt.lang) << in_page(f, opt.lang) << "\n";
  }
  if (opt.verbose) {
    // The statements of the prose that were checked and hold, in the same line format.
    for (const auto& f : r.verified) {
      Finding worded = f;
      worded.rule = verified_rule(f.rule);
      std::string where = place(r, f.loc);
      out << paint(where, "\033[1m", opt.color) << ": "
          << paint("verified[" + f.rule + "]", "\033[1;32m", opt.color)
          << ": " << catalog.format_message(worded, opt.lang) << in_page(f, opt.lang) << "\n";
    }
    for (const auto& s : r.report.sections)
      out << place(r, s.loc) << ": "
          << (opt.lang == Lang::Zh ? "第" + std::to_string(s.number) + "部分 " : "part " + std::to_string(s.number) + " ")
          << s.title << "\n";
  }
  out << paint(r.file, "\033[1m", opt.color) << ": " << summary(r, opt.lang) << "\n";
  return out.str();
}

}  // namespace nianbao
