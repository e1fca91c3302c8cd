// nianbao batch --html-dir: a report page per content and an index of every file, checked
// against the JSON Lines of the same run; reruns, shards, dead workers and hostile names.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "test_paths.h"
#include "render/render_html.h"
#include "render/render_html_tables.h"

namespace fs = std::filesystem;
using nlohmann::json;
using nianbao::html_escape;
using nianbao::test::binary;
using nianbao::test::fresh_dir;
using nianbao::test::read_file;
using nianbao::test::run;

namespace {

const std::string kArchive = "tests/data/archive";

int batch(const std::string& args) { return run(binary() + " batch " + args + " 2>/dev/null"); }

// The per-file lines of a JSONL output, by file name; the archive line under "".
std::map<std::string, json> results(const std::string& path) {
  std::map<std::string, json> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    json j = json::parse(line);
    out[j.value("kind", "") == "archive" ? "" : j["file"].get<std::string>()] = j;
  }
  return out;
}

// The content of the first <td class="cls" …> of `row`.
std::string td(const std::string& row, const std::string& cls) {
  const std::string open = "<td class=\"" + cls + "\"";
  auto at = row.find(open);
  if (at == std::string::npos) return "";
  at = row.find('>', at) + 1;
  return row.substr(at, row.find("</td>", at) - at);
}

struct IndexRow {
  std::string status, year, name_cell, href, format, status_cell, note;
  int errors = -1, warnings = -1, infos = -1;  // -1: shown as "—" (a file not checked has none)
};

int count_cell(const std::string& cell) { return cell == "—" ? -1 : std::stoi(cell); }

// The file rows of the index's overview, by the (escaped) full file name of their title.
std::map<std::string, IndexRow> index_rows(const std::string& html) {
  std::map<std::string, IndexRow> out;
  const std::string marker = "<tr class=\"file\" data-status=\"";
  for (auto at = html.find(marker); at != std::string::npos; at = html.find(marker, at + 1)) {
    const std::string row = html.substr(at, html.find("</tr>", at) - at);
    IndexRow r;
    r.status = row.substr(marker.size(), row.find('"', marker.size()) - marker.size());
    r.year = td(row, "year");
    r.name_cell = td(row, "name");
    r.format = td(row, "format");
    r.status_cell = td(row, "status");
    r.errors = count_cell(td(row, "cell errors"));
    r.warnings = count_cell(td(row, "cell warnings"));
    r.infos = count_cell(td(row, "cell infos"));
    r.note = td(row, "note");
    const std::string& cell = r.name_cell;
    if (cell.rfind("<a href=\"", 0) == 0) r.href = cell.substr(9, cell.find('"', 9) - 9);
    const auto title = cell.find("title=\"") + 7;
    const std::string name = cell.substr(title, cell.find('"', title) - title);
    EXPECT_EQ(out.count(name), 0u) << "listed twice: " << name;
    out[name] = r;
  }
  return out;
}

int count(const json& result, const std::string& severity) {
  int n = 0;
  for (const auto& f : result.value("findings", json::array())) n += f["severity"] == severity;
  return n;
}

// Every href of the index: a page in `dir` named after its agency, year and content hash, or an
// anchor.
void expect_links_exist(const std::string& dir, const std::string& index) {
  static const std::regex href("href=\"([^\"]*)\"");
  static const std::regex page("[^/]+-[0-9a-f]{8}\\.html");
  for (auto it = std::sregex_iterator(index.begin(), index.end(), href); it != std::sregex_iterator(); ++it) {
    const std::string target = (*it)[1];
    if (target.rfind('#', 0) == 0) continue;
    EXPECT_TRUE(std::regex_match(target, page)) << target;
    EXPECT_TRUE(fs::is_regular_file(fs::path(dir) / target)) << target;
  }
}

// The opening tag of the element with `id`.
std::string tag_of(const std::string& html, const std::string& id) {
  auto at = html.find("id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  auto open = html.rfind('<', at);
  return html.substr(open, html.find('>', at) - open + 1);
}

// Only report pages and the index in `dir`: nothing else written there, nothing left over.
void expect_only_pages(const std::string& dir) {
  static const std::regex page("[^/]+-[0-9a-f]{8}\\.html|index\\.html");
  for (const auto& e : fs::directory_iterator(dir))
    EXPECT_TRUE(std::regex_match(e.path().filename().string(), page)) << e.path();
}

}  // namespace

TEST(BatchHtml, IndexListsEveryFileWithItsStatusCountsAndPage) {
  auto dir = fresh_dir("html_index");
  const std::string html = dir + "/html";
  const std::vector<std::string> inputs = {
      kArchive + "/a00_2021.txt",  kArchive + "/copy_of_a00_2021.txt", kArchive + "/a01_2022.html",
      kArchive + "/a01_2023.txt",  kArchive + "/a02_2022.txt",         kArchive + "/made_2021_wrapped.pdf",
      kArchive + "/broken_truncated.pdf", dir + "/missing.txt"};
  std::string args;
  for (const auto& f : inputs) args += " " + f;
  EXPECT_EQ(batch("-j 2 --out " + dir + "/r.jsonl --html-dir " + html + args), 3);
  auto lines = results(dir + "/r.jsonl");
  ASSERT_EQ(lines.size(), inputs.size() + 1);
  const std::string index = read_file(html + "/index.html");
  ASSERT_FALSE(index.empty());
  EXPECT_NE(index.find("<html lang=\"zh-CN\">"), std::string::npos);
  for (const char* label : {"机关", "年度", "格式", "状态", "错误", "警告", "提示", "跨报告问题"})
    EXPECT_NE(index.find(label), std::string::npos) << label;
  expect_links_exist(html, index);
  expect_only_pages(html);

  auto rows = index_rows(index);
  EXPECT_EQ(rows.size(), inputs.size());
  for (const auto& file : inputs) {
    const json& r = lines[file];
    ASSERT_TRUE(rows.count(html_escape(file))) << file;
    const IndexRow& row = rows[html_escape(file)];
    EXPECT_EQ(row.status, r["status"]) << file;
    if (r["status"] == "ok") {
      EXPECT_EQ(row.errors, count(r, "error")) << file;
      EXPECT_EQ(row.warnings, count(r, "warning")) << file;
      EXPECT_EQ(row.infos, count(r, "info")) << file;
      EXPECT_EQ(row.status_cell, "正常") << file;
      EXPECT_EQ(row.year, std::to_string(r["report"]["year"].get<int>())) << file;
      EXPECT_NE(row.format, "—") << file;
      ASSERT_FALSE(row.href.empty()) << file;
      // The file's own report: every finding's rule, every cell it names marked.
      const std::string page = read_file(html + "/" + row.href);
      EXPECT_NE(page.find("nb-report"), std::string::npos) << file;
      for (const auto& f : r["findings"]) {
        EXPECT_NE(page.find("data-rule=\"" + f["rule"].get<std::string>() + "\""), std::string::npos)
            << file << " " << f;
        if (f.contains("table") && f.contains("row") && f.contains("column")) {
          std::string cell = tag_of(page, nianbao::cell_id(f["table"], f["row"], f["column"]));
          EXPECT_NE(cell.find(" bad "), std::string::npos) << file << " " << f << " " << cell;
        }
      }
    } else {
      EXPECT_EQ(row.errors, -1) << file << ": a file not checked shows no counts";
      EXPECT_EQ(row.warnings, -1) << file;
      EXPECT_NE(row.status_cell.find("无法读取"), std::string::npos) << file;
      EXPECT_NE(row.status_cell.find("<code>" + r["error"]["code"].get<std::string>() + "</code>"), std::string::npos)
          << file;
      EXPECT_NE(row.note.find(html_escape(r["error"]["message"])), std::string::npos) << file;
    }
  }
  // Some finding names a cell, so the marking was checked at least once.
  size_t cell_findings = 0;
  for (const auto& [file, r] : lines)
    for (const auto& f : r.value("findings", json::array())) cell_findings += f.contains("column");
  EXPECT_GT(cell_findings, 0u);

  // The unreadable file has a page with its error; a missing one (never hashed) none.
  const IndexRow& broken = rows[kArchive + "/broken_truncated.pdf"];
  ASSERT_FALSE(broken.href.empty());
  const std::string broken_page = read_file(html + "/" + broken.href);
  EXPECT_NE(broken_page.find("error-box"), std::string::npos);
  EXPECT_NE(broken_page.find(html_escape(lines[kArchive + "/broken_truncated.pdf"]["error"]["message"])),
            std::string::npos);
  EXPECT_TRUE(rows[html_escape(dir + "/missing.txt")].href.empty());

  // The very page `check --format html` prints, page images of the PDF included.
  for (const char* f : {"/a02_2022.txt", "/made_2021_wrapped.pdf"}) {
    std::string printed;
    run(binary() + " check --format html " + kArchive + f + " 2>/dev/null", &printed);
    EXPECT_EQ(read_file(html + "/" + rows[kArchive + f].href), printed) << f;
  }
  EXPECT_NE(read_file(html + "/" + rows[kArchive + "/made_2021_wrapped.pdf"].href).find("data:image/png;base64,"),
            std::string::npos);

  // Two names of one content share its page.
  EXPECT_EQ(rows[kArchive + "/a00_2021.txt"].href, rows[kArchive + "/copy_of_a00_2021.txt"].href);
  const json& a00 = lines[kArchive + "/a00_2021.txt"];
  EXPECT_EQ(rows[kArchive + "/a00_2021.txt"].href, a00["report"]["agency"].get<std::string>() + "-2021-" +
                                                         a00["sha256"].get<std::string>().substr(0, 8) + ".html");
  EXPECT_EQ(broken.href, "未识别机关-" + lines[kArchive + "/broken_truncated.pdf"]["sha256"].get<std::string>().substr(0, 8) +
                             ".html");

  // Every cross-report finding listed; one agency's years in order.
  const json& archive = lines[""];
  ASSERT_FALSE(archive["findings"].empty());
  size_t listed = 0;
  for (auto at = index.find("<tr class=\"archive-finding\">"); at != std::string::npos;
       at = index.find("<tr class=\"archive-finding\">", at + 1))
    ++listed;
  EXPECT_EQ(listed, archive["findings"].size());
  for (const auto& f : archive["findings"])
    EXPECT_NE(index.find("<code>" + f["rule"].get<std::string>() + "</code>"), std::string::npos) << f;
  const std::string files = index.substr(index.find("id=\"files\""));
  EXPECT_LT(files.find("title=\"" + kArchive + "/a01_2022.html"), files.find("title=\"" + kArchive + "/a01_2023.txt"));
  EXPECT_LT(files.find("id=\"files\""), index.find("id=\"archive\"")) << "the overview comes first";
  fs::remove_all(dir);
}

// A rerun with --db checks nothing, yet lists every file; it writes the page that is missing
// and leaves the others. The pages under an input directory are not taken as reports.
TEST(BatchHtml, RerunWithDbKeepsTheIndexCompleteAndRestoresMissingPages) {
  auto dir = fresh_dir("html_rerun");
  const std::string in = dir + "/in", html = in + "/html", db = dir + "/a.sqlite";
  fs::create_directories(in);
  for (const char* f : {"a00_2021.txt", "a00_2022.txt", "a03_2023.html", "broken_not_a_pdf.pdf"})
    fs::copy_file(kArchive + "/" + f, in + "/" + f);
  const std::string args = "--db " + db + " --html-dir " + html + " " + in;
  EXPECT_EQ(batch("--out " + dir + "/r1.jsonl " + args), 3);
  const auto first = index_rows(read_file(html + "/index.html"));
  ASSERT_EQ(first.size(), 4u);

  const std::string gone = html + "/" + first.at(in + "/a00_2022.txt").href;
  const std::string kept = html + "/" + first.at(in + "/a00_2021.txt").href;
  const std::string page = read_file(gone);
  fs::remove(gone);
  std::ofstream(kept) << "kept";
  EXPECT_EQ(batch("--out " + dir + "/r2.jsonl " + args), 3);
  auto lines = results(dir + "/r2.jsonl");
  EXPECT_EQ(lines[""]["checked"], 0);
  EXPECT_EQ(lines.size(), 5u) << "the pages in html/ are not inputs";
  const std::string index = read_file(html + "/index.html");
  auto again = index_rows(index);
  ASSERT_EQ(again.size(), first.size());
  for (const auto& [name, row] : first) {
    ASSERT_TRUE(again.count(name)) << name;
    EXPECT_EQ(again[name].status, row.status) << name;
    EXPECT_EQ(again[name].errors, row.errors) << name;
    EXPECT_EQ(again[name].warnings, row.warnings) << name;
    EXPECT_EQ(again[name].href, row.href) << name;
  }
  expect_links_exist(html, index);
  EXPECT_EQ(read_file(gone), page);
  EXPECT_EQ(read_file(kept), "kept");

  // A rerun given one file still lists every file of the database.
  EXPECT_EQ(batch("--out " + dir + "/r3.jsonl " + "--db " + db + " --html-dir " + html + " " + in + "/a00_2021.txt"), 0);
  EXPECT_EQ(index_rows(read_file(html + "/index.html")).size(), first.size());
  fs::remove_all(dir);
}

// Shards writing into one directory, then merge --html-dir: one index over both, all linked.
TEST(BatchHtml, ShardsShareOneDirectoryAndMergeWritesTheIndex) {
  auto dir = fresh_dir("html_shards");
  const std::string html = dir + "/html";
  const std::string files = kArchive + "/a01_2021.txt " + kArchive + "/a01_2022.html " + kArchive + "/a01_2023.txt " +
                            kArchive + "/a04_2022.html";
  for (int k : {1, 2})
    batch("--shard " + std::to_string(k) + "/2 --out /dev/null --db " + dir + "/s" + std::to_string(k) +
          ".sqlite --html-dir " + html + " " + files);
  EXPECT_EQ(run(binary() + " merge --db " + dir + "/m.sqlite --out " + dir + "/m.jsonl --html-dir " + html + " " +
                dir + "/s1.sqlite " + dir + "/s2.sqlite 2>/dev/null"),
            1);  // the planted carry-over error
  const std::string index = read_file(html + "/index.html");
  auto rows = index_rows(index);
  EXPECT_EQ(rows.size(), 4u);
  for (const auto& [name, row] : rows) EXPECT_FALSE(row.href.empty()) << name;
  expect_links_exist(html, index);
  expect_only_pages(html);
  EXPECT_NE(index.find("<code>archive.carry_over</code>"), std::string::npos);
  fs::remove_all(dir);
}

// A name made of markup and a path through "..": the page is named after the content, inside
// DIR, and the name is escaped wherever it is shown.
TEST(BatchHtml, HostileNamesStayInsideTheDirectoryAndAreEscaped) {
  auto dir = fresh_dir("html_hostile");
  const std::string name = "\"><img src=x onerror=alert(1)>'&.txt";
  fs::create_directories(dir + "/in/sub");
  fs::create_directories(dir + "/out");
  fs::copy_file(kArchive + "/a00_2022.txt", dir + "/in/" + name);
  const std::string path = dir + "/in/sub/../" + name;
  std::ofstream(dir + "/list.txt") << path << "\n";
  EXPECT_EQ(batch("--out " + dir + "/r.jsonl --html-dir " + dir + "/out/html @" + dir + "/list.txt"), 0);
  const std::string html = dir + "/out/html";
  expect_only_pages(html);
  std::set<std::string> out_entries, in_entries;
  for (const auto& e : fs::directory_iterator(dir + "/out")) out_entries.insert(e.path().filename().string());
  for (const auto& e : fs::directory_iterator(dir + "/in")) in_entries.insert(e.path().filename().string());
  EXPECT_EQ(out_entries, std::set<std::string>{"html"});
  EXPECT_EQ(in_entries, (std::set<std::string>{"sub", name}));
  EXPECT_TRUE(fs::is_empty(dir + "/in/sub"));

  const std::string index = read_file(html + "/index.html");
  EXPECT_EQ(index.find("<img src=x"), std::string::npos);
  EXPECT_NE(index.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;&amp;.txt"), std::string::npos);
  auto rows = index_rows(index);
  ASSERT_EQ(rows.size(), 1u);
  const IndexRow& row = rows.begin()->second;
  EXPECT_EQ(rows.begin()->first, html_escape(path));
  ASSERT_FALSE(row.href.empty());
  expect_links_exist(html, index);
  const std::string page = read_file(html + "/" + row.href);
  EXPECT_EQ(page.find("<img src=x"), std::string::npos);
  EXPECT_NE(page.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  fs::remove_all(dir);
}

// A worker stopped by --timeout writes nothing; the parent writes the short page of the error.
TEST(BatchHtml, TimedOutFileGetsAPageWithItsError) {
  auto dir = fresh_dir("html_timeout");
  nianbao::test::write_slow_report(dir + "/slow.txt");
  const std::string html = dir + "/html";
  EXPECT_EQ(batch("--timeout 1 --out " + dir + "/r.jsonl --html-dir " + html + " " + dir + "/slow.txt"), 3);
  fs::remove(dir + "/slow.txt");
  auto lines = results(dir + "/r.jsonl");
  const json& r = lines[dir + "/slow.txt"];
  ASSERT_EQ(r["error"]["code"], "timeout");
  auto rows = index_rows(read_file(html + "/index.html"));
  const IndexRow& row = rows[html_escape(dir + "/slow.txt")];
  EXPECT_NE(row.status_cell.find("<code>timeout</code>"), std::string::npos);
  ASSERT_FALSE(row.href.empty());
  const std::string page = read_file(html + "/" + row.href);
  EXPECT_NE(page.find("data-code=\"timeout\""), std::string::npos);
  EXPECT_NE(page.find(html_escape(r["error"]["message"])), std::string::npos);
  expect_only_pages(html);
  fs::remove_all(dir);
}
