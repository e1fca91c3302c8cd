#include "render/render_json.h"
#include "render/json_writer.h"
#include "render/render_where.h"

#include <cmath>

#include "validate/validate.h"

namespace nianbao {

namespace {

using json = nlohmann::ordered_json;

void number(JsonWriter& w, double v) {
  if (std::floor(v) == v && std::fabs(v) < 9e15) w.value(static_cast<long long>(v));
  else w.value(v);
}

void value_of(JsonWriter& w, const Cell& c) {
  if (c.value) number(w, *c.value);
  else w.null();
}

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

void box_json(JsonWriter& w, const PageBox& b) {
  w.begin_object()
      .member("page", b.page)
      .member("x0", points(b.box.x0))
      .member("y0", points(b.box.y0))
      .member("x1", points(b.box.x1))
      .member("y1", points(b.box.y1))
      .end_object();
}

void cell_json(JsonWriter& w, const Cell& c) {
  w.begin_object();
  w.member("text", c.text).member("state", state_name(c.state)).member("page", c.loc.page).member("line", c.loc.line);
  if (!c.note.empty()) w.member("note", c.note);
  if (!c.row_text.empty()) w.member("row_text", c.row_text);
  if (c.box) box_json(w.key("box"), *c.box);
  w.end_object();
}

// HTML input: the part heading, the row or the paragraph under it, and the whole in words.
void where_json(JsonWriter& w, const Where& where, Lang lang) {
  w.begin_object().member("heading", where.heading).member("text", describe_where(where, lang));
  if (!where.row.empty()) w.member("row", where.row);
  if (where.paragraph > 0) w.member("paragraph", where.paragraph);
  w.end_object();
}

// The page and line of `loc`, as members of the object being written, when it is known.
void location(JsonWriter& w, const Location& loc) {
  if (loc.known()) w.member("page", loc.page).member("line", loc.line);
}

// applications: rows with their values; the other tables: flat "row.column" values.
void table_json(JsonWriter& w, const Table& t) {
  w.begin_object();
  if (t.key == "applications") {
    w.key("columns").strings(t.columns);
    w.key("rows").begin_array();
    for (const auto& r : t.rows) {
      w.begin_object().member("key", r.key).member("label", r.label).member("found", r.found);
      location(w, r.loc);
      w.key("values").begin_object();
      for (const auto& col : t.columns)
        if (auto it = r.cells.find(col); it != r.cells.end()) value_of(w.key(col), it->second);
      w.end_object();
      w.key("cells").begin_object();
      for (const auto& col : t.columns)
        if (auto it = r.cells.find(col); it != r.cells.end()) cell_json(w.key(col), it->second);
      w.end_object();
      w.end_object();
    }
    w.end_array();
  } else {
    w.key("values").begin_object();
    for (const auto& r : t.rows)
      for (const auto& col : t.columns)
        if (auto it = r.cells.find(col); it != r.cells.end()) value_of(w.key(r.key + "." + col), it->second);
    w.end_object();
    w.key("cells").begin_object();
    for (const auto& r : t.rows)
      for (const auto& col : t.columns)
        if (auto it = r.cells.find(col); it != r.cells.end()) cell_json(w.key(r.key + "." + col), it->second);
    w.end_object();
    bool any_missing = false;
    for (const auto& r : t.rows) {
      if (r.found) continue;
      if (!any_missing) w.key("missing_rows").begin_array();
      any_missing = true;
      w.value(r.key);
    }
    if (any_missing) w.end_array();
  }
  location(w, t.loc);
  if (!t.regions.empty()) {
    w.key("regions").begin_array();
    for (const auto& r : t.regions) box_json(w, r);
    w.end_array();
  }
  w.end_object();
}

void report_json(JsonWriter& w, const Report& report) {
  const Meta& m = report.meta;
  w.begin_object().member("title", m.title).member("agency", m.agency);
  if (m.year) w.member("year", *m.year);
  else w.key("year").null();
  w.member("format_version", m.format_version);
  if (m.published) w.member("published", *m.published);
  else w.key("published").null();
  if (m.period_start)
    w.key("period").begin_object().member("start", *m.period_start).member("end", *m.period_end).end_object();
  w.member("summary_report", m.summary_report);
  w.key("sections").begin_array();
  for (const auto& s : report.sections) {
    w.begin_object().member("number", s.number).member("title", s.title).member("page", s.loc.page).member("line", s.loc.line);
    if (s.printed != s.number) w.member("printed_number", s.printed);
    w.end_object();
  }
  w.end_array();
  w.key("tables").begin_object();
  for (const char* key : {"proactive", "applications", "reviews"})
    if (auto it = report.tables.find(key); it != report.tables.end()) table_json(w.key(key), it->second);
  w.end_object();
  w.end_object();
}

void finding_json(JsonWriter& w, const Finding& f, const Catalog& catalog, Lang lang) {
  w.begin_object()
      .member("rule", f.rule)
      .member("severity", to_string(f.severity))
      .member("message", catalog.format_message(f, lang));
  location(w, f.loc);
  if (f.where) where_json(w.key("where"), *f.where, lang);
  if (!f.table.empty()) w.member("table", f.table);
  if (!f.row.empty()) w.member("row", f.row);
  if (!f.column.empty()) w.member("column", f.column);
  if (!f.cells.empty()) {
    w.key("cells").begin_array();
    for (const CellRef& c : f.cells) {
      w.begin_object().member("row", c.row).member("column", c.column);
      if (!c.text.empty()) w.member("text", c.text);
      w.end_object();
    }
    w.end_array();
  }
  if (f.expected) number(w.key("expected"), *f.expected);
  if (f.actual) number(w.key("actual"), *f.actual);
  w.member("concerns", f.reading ? "reading" : "report");
  w.end_object();
}

}  // namespace

std::string to_json_text(const CheckResult& r, const Catalog& catalog, Lang lang) {
  JsonWriter w;
  w.begin_object().member("schema", "nianbao/1").member("file", r.file).member("status", r.ok ? "ok" : "error");
  if (!r.ok) {
    w.key("error").begin_object().member("code", r.error_code).member("message", r.error_message).end_object();
    w.end_object();
    return w.text();
  }
  w.member("input_format", to_string(r.format));
  report_json(w.key("report"), r.report);
  w.key("findings").begin_array();
  for (const auto& f : r.findings) finding_json(w, f, catalog, lang);
  w.end_array();
  // What was checked and holds: rule, message, place.
  w.key("verified").begin_array();
  for (const auto& f : r.verified) {
    Finding worded = f;
    worded.rule = verified_rule(f.rule);
    w.begin_object().member("rule", f.rule).member("message", catalog.format_message(worded, lang));
    location(w, f.loc);
    if (f.where) where_json(w.key("where"), *f.where, lang);
    w.end_object();
  }
  w.end_array();
  w.key("summary")
      .begin_object()
      .member("errors", r.count(Severity::Error))
      .member("warnings", r.count(Severity::Warning))
      .member("infos", r.count(Severity::Info))
      .member("unread_cells", r.unread_cells())
      .end_object();
  w.end_object();
  return w.text();
}

json to_json(const CheckResult& r, const Catalog& catalog, Lang lang) {
  return json::parse(to_json_text(r, catalog, lang));
}

}  // namespace nianbao
