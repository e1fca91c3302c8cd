// The summary page of an archive run, in Chinese like the rest of batch's output, styled and
// escaped by the report page's own helpers (render/render_html.h).
#include "app/batch/html_index.h"

#include <sqlite3.h>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "app/batch/html_pages.h"
#include "app/batch/store.h"
#include "render/render_html.h"
#include "validate/validate.h"

namespace nianbao::batch {
namespace {

using json = nlohmann::ordered_json;

// One file name: the stored report of its content, or a failure that never got stored.
struct Row {
  std::string file, sha256, agency, agency_key, format_version, status, error_code, error_message;
  std::optional<long long> year;
  long long errors = 0, warnings = 0, infos = 0;
};

std::string text_col(sqlite3_stmt* q, int i) {
  auto p = sqlite3_column_text(q, i);
  return p ? reinterpret_cast<const char*>(p) : "";
}

// From the columns the store keeps beside the JSON: no result object is parsed.
std::vector<Row> stored_rows(const Store& store) {
  const char* sql =
      "SELECT n.file, n.sha256, r.agency, r.agency_key, r.year, r.format_version, r.status, r.error_code, "
      "r.error_message, r.errors, r.warnings, r.infos FROM names n JOIN reports r ON r.sha256=n.sha256 "
      "ORDER BY n.file";
  sqlite3* db = store.handle();
  sqlite3_stmt* q = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &q, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db));
  std::vector<Row> rows;
  while (sqlite3_step(q) == SQLITE_ROW) {
    Row r;
    r.file = text_col(q, 0);
    r.sha256 = text_col(q, 1);
    r.agency = text_col(q, 2);
    r.agency_key = text_col(q, 3);
    if (sqlite3_column_type(q, 4) != SQLITE_NULL) r.year = sqlite3_column_int64(q, 4);
    r.format_version = text_col(q, 5);
    r.status = text_col(q, 6);
    r.error_code = text_col(q, 7);
    r.error_message = text_col(q, 8);
    r.errors = sqlite3_column_int64(q, 9);
    r.warnings = sqlite3_column_int64(q, 10);
    r.infos = sqlite3_column_int64(q, 11);
    rows.push_back(std::move(r));
  }
  sqlite3_finalize(q);
  return rows;
}

Row unstored_row(const json& failure) {
  Row r;
  r.file = failure.value("file", "");
  r.status = "error";
  if (auto e = failure.find("error"); e != failure.end() && e->is_object()) {
    r.error_code = e->value("code", "");
    r.error_message = e->value("message", "");
  }
  return r;
}

struct Group {
  std::string agency;  // as the first of its reports names it; empty: not recognised
  std::vector<const Row*> rows;
};

// By the store's agency key, so spellings of one agency fall together; the files without an
// agency (unreadable ones among them) come last. Within a group: by year, then by name.
std::vector<Group> groups_of(const std::vector<Row>& rows) {
  std::map<std::string, Group> by_key;
  for (const auto& r : rows) {
    Group& g = by_key[r.agency_key];
    if (g.agency.empty()) g.agency = r.agency;
    g.rows.push_back(&r);
  }
  std::vector<Group> out;
  for (auto& [key, g] : by_key) {
    std::stable_sort(g.rows.begin(), g.rows.end(), [](const Row* a, const Row* b) {
      auto year = [](const Row* r) { return r->year.value_or(std::numeric_limits<long long>::max()); };
      return std::pair(year(a), a->file) < std::pair(year(b), b->file);
    });
    if (!key.empty()) out.push_back(std::move(g));
  }
  if (auto none = by_key.find(""); none != by_key.end()) out.push_back(std::move(none->second));
  return out;
}

const char* severity_word(const std::string& s) {
  return s == "error" ? "错误" : s == "warning" ? "警告" : "提示";
}

struct Page {
  const std::string& dir;
  const Rules& rules;
  std::map<std::string, std::string> sha_of;  // file name -> content hash, for the findings' links
  std::map<std::string, bool> present;        // content hash -> its page is in dir

  bool has_page(const std::string& sha) {
    auto it = present.find(sha);
    if (it == present.end()) it = present.emplace(sha, page_exists(dir, sha)).first;
    return it->second;
  }

  // The file's name, linked to its report page when there is one.
  std::string file_link(const std::string& file, const std::string& sha) {
    if (!sha.empty() && has_page(sha)) return "<a href=\"" + page_name(sha) + "\">" + html_escape(file) + "</a>";
    if (sha.empty()) return html_escape(file);
    return html_escape(file) + " <span class=\"where\">（报告页面未生成）</span>";
  }

  std::string file_link(const std::string& file) {
    auto it = sha_of.find(file);
    return file_link(file, it == sha_of.end() ? "" : it->second);
  }

  std::string row_html(const Row& r) {
    const bool ok = r.status == "ok";
    std::ostringstream o;
    o << "<tr class=\"file\" data-status=\"" << html_escape(r.status) << "\"><td class=\"year\">"
      << (r.year ? std::to_string(*r.year) : "—") << "</td><td class=\"name\">" << file_link(r.file, r.sha256)
      << "</td><td class=\"format\">"
      << (ok ? html_escape(rules.labels.format_version_name(r.format_version).in(Lang::Zh)) : "—")
      << "</td><td class=\"status\">";
    if (ok) o << "正常";
    else o << "<span class=\"sev error\">无法读取</span> <code>" << html_escape(r.error_code) << "</code>";
    o << "</td><td class=\"cell errors\">" << r.errors << "</td><td class=\"cell warnings\">" << r.warnings
      << "</td><td class=\"cell infos\">" << r.infos << "</td><td class=\"note\">";
    if (!ok) o << "<span class=\"error-box\">" << html_escape(r.error_message) << "</span>";
    o << "</td></tr>";
    return o.str();
  }

  std::string archive_html(const std::vector<json>& archive) {
    std::ostringstream o;
    o << "<section class=\"archive\" id=\"archive\"><h3>跨报告问题（" << archive.size() << "）</h3>";
    if (archive.empty()) {
      o << "<p class=\"none\">没有发现跨报告问题</p></section>";
      return o.str();
    }
    o << "<div class=\"scroll\"><table class=\"official\"><tr><th>严重程度</th><th>规则</th><th>机关</th><th>年度</th>"
         "<th>文件</th><th>对照文件</th><th>说明</th></tr>";
    for (const auto& f : archive) {
      const std::string sev = f.value("severity", "");
      auto year = f.find("year");
      o << "<tr class=\"archive-finding\"><td><span class=\"sev " << html_escape(sev) << "\">" << severity_word(sev)
        << "</span></td><td><code>" << html_escape(f.value("rule", "")) << "</code></td><td>"
        << html_escape(f.value("agency", "")) << "</td><td>"
        << (year != f.end() && year->is_number() ? std::to_string(year->get<long long>()) : "—") << "</td><td>"
        << file_link(f.value("file", "")) << "</td><td>" << file_link(f.value("related_file", "")) << "</td><td>"
        << html_escape(f.value("message", "")) << "</td></tr>";
    }
    o << "</table></div></section>";
    return o.str();
  }

  std::string files_html(const std::vector<Group>& groups) {
    std::ostringstream o;
    o << "<section class=\"files\" id=\"files\"><h3>各机关的报告</h3>";
    for (const auto& g : groups) {
      o << "<h4 class=\"part agency\">" << (g.agency.empty() ? "未识别机关" : html_escape(g.agency)) << "（"
        << g.rows.size() << " 个文件）</h4><div class=\"scroll\"><table class=\"official\"><tr><th>年度</th>"
        << "<th>文件</th><th>格式</th><th>状态</th><th>错误</th><th>警告</th><th>提示</th><th>说明</th></tr>";
      for (const Row* r : g.rows) o << row_html(*r);
      o << "</table></div>";
    }
    o << "</section>";
    return o.str();
  }
};

}  // namespace

void write_html_index(const Store& store, const std::string& dir, const std::vector<json>& archive,
                      const std::vector<json>& unstored, const Rules& rules) {
  std::vector<Row> rows = stored_rows(store);
  for (const auto& f : unstored) rows.push_back(unstored_row(f));
  Page page{dir, rules, {}, {}};
  long long unreadable = 0, errors = 0, warnings = 0, infos = 0;
  for (const auto& r : rows) {
    if (!r.sha256.empty()) page.sha_of.emplace(r.file, r.sha256);
    unreadable += r.status != "ok";
    errors += r.errors;
    warnings += r.warnings;
    infos += r.infos;
  }
  const std::vector<Group> groups = groups_of(rows);
  size_t agencies = 0;
  for (const auto& g : groups) agencies += !g.agency.empty();
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
       "<meta name=\"viewport\" content=\"width=device-width\"><title>年报检查汇总</title><style>"
    << html_style() << "</style></head><body>\n<div class=\"nb-report nb-index\" lang=\"zh-CN\"><header>"
    << "<h2>政府信息公开工作年度报告检查汇总</h2><p class=\"summary\">文件 " << rows.size() << " 个（无法读取 "
    << unreadable << " 个） · 机关 " << agencies << " 个 · <b class=\"error\">" << errors
    << " 错误</b> · <b class=\"warning\">" << warnings << " 警告</b> · <b class=\"info\">" << infos
    << " 提示</b> · <a href=\"#archive\">跨报告问题 " << archive.size() << " 条</a></p><p class=\"meta\">"
    << "点击文件名打开该文件的检查报告；同一内容的多个文件名共用一份报告。</p></header>"
    << page.archive_html(archive) << page.files_html(groups) << "</div>\n</body></html>\n";
  if (!write_atomically(dir, "index.html", o.str())) throw std::runtime_error("无法写入 " + dir + "/index.html");
}

}  // namespace nianbao::batch
