// The summary page of an archive run, in Chinese like the rest of batch's output, styled and
// escaped by the report page's own helpers (render/render_html.h).
#include "app/batch/html_index.h"

#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "app/batch/html_index_script.h"
#include "app/batch/html_pages.h"
#include "app/batch/listing.h"
#include "app/batch/store.h"
#include "render/render_html.h"
#include "validate/validate.h"

namespace nianbao::batch {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

const char* severity_word(const std::string& s) {
  return s == "error" ? "错误" : s == "warning" ? "警告" : "提示";
}

// The directory every listed file lies in, so the page shows paths from there on rather than
// absolute paths that take the width of the table. Empty when they share none.
fs::path common_dir(const std::vector<FileRow>& rows) {
  std::optional<fs::path> common;
  for (const auto& r : rows) {
    const fs::path dir = fs::path(r.file).lexically_normal().parent_path();
    if (!common) {
      common = dir;
      continue;
    }
    fs::path shared;
    for (auto a = common->begin(), b = dir.begin(); a != common->end() && b != dir.end() && *a == *b; ++a, ++b)
      shared /= *a;
    common = shared;
  }
  return common.value_or(fs::path());
}

// The rule ids each file name is concerned by: its report's findings and the cross-report ones
// that name it, for the rule filter.
std::map<std::string, std::set<std::string>> rules_by_sha(const Store& store) {
  std::map<std::string, std::set<std::string>> out;
  sqlite3* db = store.handle();
  sqlite3_stmt* q = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT DISTINCT sha256, rule FROM findings", -1, &q, nullptr) != SQLITE_OK)
    throw std::runtime_error(sqlite3_errmsg(db));
  while (sqlite3_step(q) == SQLITE_ROW) {
    auto text = [&](int i) {
      auto p = sqlite3_column_text(q, i);
      return std::string(p ? reinterpret_cast<const char*>(p) : "");
    };
    out[text(0)].insert(text(1));
  }
  sqlite3_finalize(q);
  return out;
}

struct Page {
  const std::string& dir;
  const Rules& rules;
  fs::path root;                            // common_dir of the files
  std::map<std::string, const FileRow*> by_file;
  std::map<std::string, bool> present;      // page name -> it is in dir

  bool has_page(const std::string& name) {
    auto it = present.find(name);
    if (it == present.end()) it = present.emplace(name, page_exists(dir, name)).first;
    return it->second;
  }

  // The file's path from the common directory; the whole path in its title.
  std::string shown(const std::string& file) const {
    const fs::path rel = fs::path(file).lexically_normal().lexically_relative(root);
    return rel.empty() || *rel.begin() == ".." ? file : rel.generic_string();
  }

  // The file's name, linked to its report page when there is one.
  std::string file_link(const std::string& file) {
    auto it = by_file.find(file);
    const FileRow* r = it == by_file.end() ? nullptr : it->second;
    const std::string name = html_escape(shown(file));
    if (r && !r->page.empty() && has_page(r->page))
      return "<a href=\"" + html_escape(r->page) + "\" title=\"" + html_escape(file) + "\">" + name + "</a>";
    if (!r || r->sha256.empty()) return "<span title=\"" + html_escape(file) + "\">" + name + "</span>";
    return "<span title=\"" + html_escape(file) + "\">" + name + "</span> <span class=\"where\">（报告页面未生成）</span>";
  }

  std::string row_html(const FileRow& r, const std::set<std::string>& rule_ids) {
    const bool ok = r.ok();
    std::string ids;
    for (const auto& id : rule_ids) ids += (ids.empty() ? "" : " ") + id;
    const std::string year = r.year ? std::to_string(*r.year) : "";
    std::ostringstream o;
    o << "<tr class=\"file\" data-status=\"" << html_escape(r.status) << "\" data-agency=\""
      << html_escape(r.agency_key) << "\" data-year=\"" << year << "\" data-errors=\"" << (ok ? r.errors : 0)
      << "\" data-rules=\"" << html_escape(ids) << "\"><td class=\"agency\">"
      << (r.agency.empty() ? "<span class=\"where\">未识别</span>" : html_escape(r.agency))
      << "</td><td class=\"year\" data-sort=\"" << year << "\">" << (year.empty() ? "—" : year)
      << "</td><td class=\"format\">"
      << (ok ? html_escape(rules.labels.format_version_name(r.format_version).in(Lang::Zh)) : "—")
      << "</td><td class=\"status\">";
    if (ok) o << "正常";
    else o << "<span class=\"sev error\">无法读取</span> <code>" << html_escape(r.error_code) << "</code>";
    // A file that could not be checked has no counts, not zeros.
    auto count = [&](const char* cls, long long n) {
      o << "<td class=\"cell " << cls << "\" data-sort=\"" << (ok ? std::to_string(n) : "") << "\">"
        << (ok ? std::to_string(n) : "—") << "</td>";
    };
    o << "</td>";
    count("errors", r.errors);
    count("warnings", r.warnings);
    count("infos", r.infos);
    o << "<td class=\"name\">" << file_link(r.file) << "</td><td class=\"note\">";
    if (!ok) o << "<span class=\"error-box\">" << html_escape(r.error_message) << "</span>";
    o << "</td></tr>";
    return o.str();
  }

  // A <select> of the values seen, each with its label.
  static std::string select(const char* id, const char* label, const char* all,
                            const std::vector<std::pair<std::string, std::string>>& options) {
    std::ostringstream o;
    o << "<label>" << label << " <select id=\"" << id << "\"><option value=\"\">" << all << "</option>";
    for (const auto& [value, text] : options)
      o << "<option value=\"" << html_escape(value) << "\">" << html_escape(text) << "</option>";
    o << "</select></label>";
    return o.str();
  }

  std::string overview_html(const std::vector<FileRow>& rows, const std::map<std::string, std::set<std::string>>& rules_of,
                            const std::map<std::string, std::set<std::string>>& archive_rules_of) {
    std::map<std::string, std::string> agencies;  // key -> the name its first file gives
    std::set<long long> years;
    std::set<std::string> all_rules;
    for (const auto& r : rows) {
      if (!r.agency_key.empty()) agencies.emplace(r.agency_key, r.agency);
      if (r.year) years.insert(*r.year);
    }
    std::vector<std::set<std::string>> ids(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      if (auto it = rules_of.find(rows[i].sha256); it != rules_of.end()) ids[i] = it->second;
      if (auto it = archive_rules_of.find(rows[i].file); it != archive_rules_of.end())
        ids[i].insert(it->second.begin(), it->second.end());
      all_rules.insert(ids[i].begin(), ids[i].end());
    }
    std::vector<std::pair<std::string, std::string>> agency_options(agencies.begin(), agencies.end()), year_options,
        rule_options;
    for (long long y : years) year_options.emplace_back(std::to_string(y), std::to_string(y));
    for (const auto& id : all_rules) rule_options.emplace_back(id, id);
    std::ostringstream o;
    o << "<section class=\"files\" id=\"files\"><h3>报告一览</h3><div class=\"filters\">"
      << select("f-agency", "机关", "全部机关", agency_options) << select("f-year", "年度", "全部年度", year_options)
      << select("f-errors", "问题", "全部",
                {{"errors", "有错误"}, {"clean", "没有错误"}, {"failed", "无法读取"}})
      << select("f-rule", "规则", "全部规则", rule_options)
      << "<label>搜索 <input type=\"search\" id=\"f-search\" placeholder=\"机关、文件名…\"></label>"
      << "<span>显示 <b id=\"shown\">" << rows.size() << "</b> / " << rows.size() << " 个文件</span></div>";
    if (!root.empty()) o << "<p class=\"meta\">文件路径相对于 <code>" << html_escape(root.generic_string()) << "</code></p>";
    o << "<div class=\"scroll\"><table class=\"official overview\" id=\"overview\"><thead><tr>"
      << "<th>机关</th><th data-type=\"number\">年度</th><th>格式</th><th>状态</th><th data-type=\"number\">错误</th>"
      << "<th data-type=\"number\">警告</th><th data-type=\"number\">提示</th><th>文件</th><th>说明</th></tr></thead><tbody>";
    for (size_t i = 0; i < rows.size(); ++i) o << row_html(rows[i], ids[i]);
    o << "</tbody></table></div></section>";
    return o.str();
  }

  // The cross-report findings under the agency they concern, agencies in the overview's order.
  std::string archive_html(const std::vector<json>& archive, const std::vector<FileRow>& rows) {
    std::ostringstream o;
    o << "<section class=\"archive\" id=\"archive\"><h3>跨报告问题（" << archive.size() << "）</h3>";
    if (archive.empty()) {
      o << "<p class=\"none\">没有发现跨报告问题</p></section>";
      return o.str();
    }
    std::vector<std::string> order;
    std::map<std::string, std::vector<const json*>> by_agency;
    for (const auto& r : rows)
      if (!r.agency.empty() && !by_agency.count(r.agency)) {
        by_agency[r.agency];
        order.push_back(r.agency);
      }
    for (const auto& f : archive) {
      const std::string agency = f.value("agency", "");
      if (!by_agency.count(agency)) order.push_back(agency);
      by_agency[agency].push_back(&f);
    }
    for (const auto& agency : order) {
      const auto& list = by_agency[agency];
      if (list.empty()) continue;
      o << "<h4 class=\"part agency\">" << (agency.empty() ? "未识别机关" : html_escape(agency)) << "（" << list.size()
        << " 条）</h4><div class=\"scroll\"><table class=\"official\"><tr><th>严重程度</th><th>规则</th><th>年度</th>"
           "<th>文件</th><th>对照文件</th><th>说明</th></tr>";
      for (const json* f : list) {
        const std::string sev = f->value("severity", "");
        auto year = f->find("year");
        o << "<tr class=\"archive-finding\"><td><span class=\"sev " << html_escape(sev) << "\">" << severity_word(sev)
          << "</span></td><td><code>" << html_escape(f->value("rule", "")) << "</code></td><td>"
          << (year != f->end() && year->is_number() ? std::to_string(year->get<long long>()) : "—") << "</td><td>"
          << file_link(f->value("file", "")) << "</td><td>" << file_link(f->value("related_file", ""))
          << "</td><td>" << html_escape(f->value("message", "")) << "</td></tr>";
      }
      o << "</table></div>";
    }
    o << "</section>";
    return o.str();
  }
};

}  // namespace

void write_html_index(const Store& store, const std::string& dir, const std::vector<json>& archive,
                      const std::vector<json>& unstored, const Rules& rules) {
  std::vector<FileRow> rows = file_rows(store, rules);
  for (const auto& f : unstored) rows.push_back(unstored_row(f));
  sort_rows(rows);
  Page page{dir, rules, common_dir(rows), {}, {}};
  long long unreadable = 0, errors = 0, warnings = 0, infos = 0;
  std::set<std::string> agencies;
  for (const auto& r : rows) {
    page.by_file.emplace(r.file, &r);
    unreadable += !r.ok();
    errors += r.errors;
    warnings += r.warnings;
    infos += r.infos;
    if (!r.agency_key.empty()) agencies.insert(r.agency_key);
  }
  std::map<std::string, std::set<std::string>> archive_rules;
  for (const auto& f : archive) archive_rules[f.value("file", "")].insert(f.value("rule", ""));
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
       "<meta name=\"viewport\" content=\"width=device-width\"><title>年报检查汇总</title><style>"
    << html_style() << kIndexStyle << "</style></head><body>\n<div class=\"nb-report nb-index\" lang=\"zh-CN\"><header>"
    << "<h2>政府信息公开工作年度报告检查汇总</h2><p class=\"summary\">文件 " << rows.size() << " 个（无法读取 "
    << unreadable << " 个） · 机关 " << agencies.size() << " 个 · <b class=\"error\">" << errors
    << " 错误</b> · <b class=\"warning\">" << warnings << " 警告</b> · <b class=\"info\">" << infos
    << " 提示</b> · <a href=\"#archive\">跨报告问题 " << archive.size() << " 条</a></p><p class=\"meta\">"
    << "点击表头排序；点击文件名打开该文件的检查报告，同一内容的多个文件名共用一份报告。</p></header>"
    << page.overview_html(rows, rules_by_sha(store), archive_rules) << page.archive_html(archive, rows)
    << "</div>\n<script>" << kIndexScript << "</script>\n</body></html>\n";
  if (!write_atomically(dir, "index.html", o.str())) throw std::runtime_error("无法写入 " + dir + "/index.html");
}

}  // namespace nianbao::batch
