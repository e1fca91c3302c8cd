#include "render/render_json.h"
#include "render/render_where.h"

#include <cmath>
#include <utility>

#include "validate/validate.h"

namespace nianbao {

namespace {

using json = nlohmann::ordered_json;

json number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 9e15) return static_cast<long long>(v);
  return v;
}

json value_of(const Cell& c) { return c.value ? number(*c.value) : json(nullptr); }

const char* state_name(CellState s) {
  switch (s) {
    case CellState::Value: return "value";
    case CellState::Empty: return "empty";
    case CellState::Placeholder: return "placeholder";
    case CellState::Unreadable: return "unreadable";
    case CellState::Invalid: return "invalid";
  }
  return "empty";
}

// Points to a hundredth: finer than any print, and the same digits on every machine.
double points(double v) { return std::round(v * 100) / 100; }

json box_json(const PageBox& b) {
  return {{"page", b.page}, {"x0", points(b.box.x0)}, {"y0", points(b.box.y0)},
          {"x1", points(b.box.x1)}, {"y1", points(b.box.y1)}};
}

json cell_json(const Cell& c) {
  json j;
  j["text"] = c.text;
  j["state"] = state_name(c.state);
  j["page"] = c.loc.page;
  j["line"] = c.loc.line;
  if (!c.note.empty()) j["note"] = c.note;
  if (!c.row_text.empty()) j["row_text"] = c.row_text;
  if (c.box) j["box"] = box_json(*c.box);
  return j;
}

// HTML input: the part heading, the row or the paragraph under it, and the whole in words.
json where_json(const Where& w, Lang lang) {
  json j{{"heading", w.heading}, {"text", describe_where(w, lang)}};
  if (!w.row.empty()) j["row"] = w.row;
  if (w.paragraph > 0) j["paragraph"] = w.paragraph;
  return j;
}

json location(const Location& loc) {
  return loc.known() ? json{{"page", loc.page}, {"line", loc.line}} : json::object();
}

// applications: rows with their values; the other tables: flat "row.column" values.
json table_json(const Table& t) {
  json j;
  if (t.key == "applications") {
    j["columns"] = t.columns;
    j["rows"] = json::array();
    for (const auto& r : t.rows) {
      json row{{"key", r.key}, {"label", r.label}, {"found", r.found}};
      row.update(location(r.loc));
      json values = json::object(), cells = json::object();
      for (const auto& col : t.columns) {
        auto it = r.cells.find(col);
        if (it == r.cells.end()) continue;
        values[col] = value_of(it->second);
        cells[col] = cell_json(it->second);
      }
      row["values"] = std::move(values);
      row["cells"] = std::move(cells);
      j["rows"].push_back(std::move(row));
    }
  } else {
    json values = json::object(), cells = json::object(), missing_rows = json::array();
    for (const auto& r : t.rows) {
      if (!r.found) missing_rows.push_back(r.key);
      for (const auto& col : t.columns) {
        auto it = r.cells.find(col);
        if (it == r.cells.end()) continue;
        values[r.key + "." + col] = value_of(it->second);
        cells[r.key + "." + col] = cell_json(it->second);
      }
    }
    j["values"] = std::move(values);
    j["cells"] = std::move(cells);
    if (!missing_rows.empty()) j["missing_rows"] = std::move(missing_rows);
  }
  j.update(location(t.loc));
  if (!t.regions.empty()) {
    j["regions"] = json::array();
    for (const auto& r : t.regions) j["regions"].push_back(box_json(r));
  }
  return j;
}

}  // namespace

json to_json(const Report& report) {
  const Meta& m = report.meta;
  json j;
  j["title"] = m.title;
  j["agency"] = m.agency;
  j["year"] = m.year ? json(*m.year) : json(nullptr);
  j["format_version"] = m.format_version;
  j["published"] = m.published ? json(*m.published) : json(nullptr);
  if (m.period_start) j["period"] = {{"start", *m.period_start}, {"end", *m.period_end}};
  j["summary_report"] = m.summary_report;
  j["sections"] = json::array();
  for (const auto& s : report.sections) {
    json sj{{"number", s.number}, {"title", s.title}, {"page", s.loc.page}, {"line", s.loc.line}};
    if (s.printed != s.number) sj["printed_number"] = s.printed;
    j["sections"].push_back(std::move(sj));
  }
  j["tables"] = json::object();
  for (const char* key : {"proactive", "applications", "reviews"})
    if (auto it = report.tables.find(key); it != report.tables.end()) j["tables"][key] = table_json(it->second);
  return j;
}

json to_json(const Finding& f, const Catalog& catalog, Lang lang) {
  json j;
  j["rule"] = f.rule;
  j["severity"] = to_string(f.severity);
  j["message"] = catalog.format_message(f, lang);
  if (f.loc.known()) {
    j["page"] = f.loc.page;
    j["line"] = f.loc.line;
  }
  if (f.where) j["where"] = where_json(*f.where, lang);
  if (!f.table.empty()) j["table"] = f.table;
  if (!f.row.empty()) j["row"] = f.row;
  if (!f.column.empty()) j["column"] = f.column;
  if (!f.cells.empty()) {
    j["cells"] = json::array();
    for (const CellRef& c : f.cells) {
      json cj{{"row", c.row}, {"column", c.column}};
      if (!c.text.empty()) cj["text"] = c.text;
      j["cells"].push_back(std::move(cj));
    }
  }
  if (f.expected) j["expected"] = number(*f.expected);
  if (f.actual) j["actual"] = number(*f.actual);
  j["concerns"] = f.reading ? "reading" : "report";
  return j;
}

json to_json(const CheckResult& r, const Catalog& catalog, Lang lang) {
  json j;
  j["schema"] = "nianbao/1";
  j["file"] = r.file;
  j["status"] = r.ok ? "ok" : "error";
  if (!r.ok) {
    j["error"] = {{"code", r.error_code}, {"message", r.error_message}};
    return j;
  }
  j["input_format"] = to_string(r.format);
  j["report"] = to_json(r.report);
  j["findings"] = json::array();
  for (const auto& f : r.findings) j["findings"].push_back(to_json(f, catalog, lang));
  // What was checked and holds: rule, message, place.
  j["verified"] = json::array();
  for (const auto& f : r.verified) {
    Finding worded = f;
    worded.rule = verified_rule(f.rule);
    json v{{"rule", f.rule}, {"message", catalog.format_message(worded, lang)}};
    v.update(location(f.loc));
    if (f.where) v["where"] = where_json(*f.where, lang);
    j["verified"].push_back(std::move(v));
  }
  j["summary"] = {{"errors", r.count(Severity::Error)},
                  {"warnings", r.count(Severity::Warning)},
                  {"infos", r.count(Severity::Info)},
                  {"unread_cells", r.unread_cells()}};
  return j;
}

}  // namespace nianbao
