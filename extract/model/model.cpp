#include "extract/model/model.h"

#include <algorithm>

#include "extract/model/check_result.h"

namespace nianbao {

const char* to_string(InputFormat f) {
  switch (f) {
    case InputFormat::Text: return "text";
    case InputFormat::Pdf: return "pdf";
    case InputFormat::Html: return "html";
    case InputFormat::Docx: return "docx";
  }
  return "text";
}

Box Box::united(const Box& o) const {
  return {std::min(x0, o.x0), std::min(y0, o.y0), std::max(x1, o.x1), std::max(y1, o.y1)};
}

std::vector<const Line*> Document::all_lines() const {
  std::vector<const Line*> out;
  for (const auto& p : pages)
    for (const auto& l : p.lines) out.push_back(&l);
  return out;
}

Location Document::locate_line(int line) const {
  for (const auto& p : pages)
    for (const auto& l : p.lines)
      if (l.loc.line == line) return {l.loc.page, line};
  return {1, line};
}

Location Paragraph::loc_at(size_t offset) const {
  Location loc;
  for (const auto& piece : pieces) {
    if (piece.offset > offset) break;
    loc = piece.loc;
  }
  return loc;
}

const TableRow* Table::row(const std::string& k) const {
  auto it = std::find_if(rows.begin(), rows.end(), [&](const TableRow& r) { return r.key == k; });
  return it == rows.end() ? nullptr : &*it;
}

TableRow* Table::row(const std::string& k) {
  auto it = std::find_if(rows.begin(), rows.end(), [&](const TableRow& r) { return r.key == k; });
  return it == rows.end() ? nullptr : &*it;
}

const Cell* Table::cell(const std::string& r, const std::string& c) const {
  const TableRow* tr = row(r);
  if (!tr) return nullptr;
  auto it = tr->cells.find(c);
  return it == tr->cells.end() ? nullptr : &it->second;
}

const Section* Report::section(int number) const {
  for (const auto& s : sections)
    if (s.number == number) return &s;
  return nullptr;
}

int CheckResult::count(Severity s) const {
  int n = 0;
  for (const auto& f : findings) n += f.severity == s && !f.reading;
  return n;
}

int CheckResult::unread_cells() const {
  int n = 0;
  for (const auto& f : findings)
    if (f.reading) n += static_cast<int>(f.cells.size());
  return n;
}

}  // namespace nianbao
