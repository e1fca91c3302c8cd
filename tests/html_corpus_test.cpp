// Real published reports in tests/corpus read through the HTML and DOCX readers,
// against golden files checked by hand against the source.
#include <gtest/gtest.h>

#include <map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace nianbao {
namespace {

using nlohmann::json;

json check_json(const std::string& file) {
  std::string out;
  test::run(test::binary() + " check --format json " + file + " 2>/dev/null", &out);
  return json::parse(out);
}

// Meta, parts and every table value of a report object, in the golden files' shape.
json essence(const json& d) {
  const json& r = d["report"];
  json out;
  for (const char* k : {"title", "agency", "year", "format_version", "published"}) out["meta"][k] = r[k];
  out["sections"] = json::array();
  for (const auto& s : r["sections"]) out["sections"].push_back({{"number", s["number"]}, {"title", s["title"]}});
  out["tables"] = json::object();
  for (const auto& [key, t] : r["tables"].items()) {
    if (t.contains("values")) {
      out["tables"][key] = t["values"];
    } else {
      for (const auto& row : t["rows"]) out["tables"][key][row["key"].get<std::string>()] = row["values"];
    }
  }
  return out;
}

const std::string kShanghai = "shanghai_shizhengfu_bangongting_2019.html";
const std::string kTemplate = "template_guoban2021_nianbao_moban.docx";

TEST(ShanghaiHtml2019, EveryCellMetaAndPartAsPublished) {
  const json d = check_json(test::corpus_path(kShanghai));
  ASSERT_EQ(d["status"], "ok") << d.dump();
  EXPECT_EQ(d["input_format"], "html");
  const json expected = json::parse(test::read_file(test::source_path("tests/data/html/shanghai_2019.expected.json")));
  EXPECT_EQ(essence(d), expected) << "regenerate only after checking the difference by hand";
}

TEST(ShanghaiHtml2019, BlankCellsAreNullAndTheBlankTotalColumnStaysInPlace) {
  const json t = essence(check_json(test::corpus_path(kShanghai)))["tables"];
  EXPECT_EQ(t["applications"]["new"], json::parse(R"({"natural_person":821,"commercial":35,"research":null,
      "social_org":null,"legal_service":2,"other_org":1,"total":859})"));
  // (一)予以公开: its label spans two columns and its 总计 is blank; the numbers keep their columns.
  EXPECT_EQ(t["applications"]["granted"], json::parse(R"({"natural_person":258,"commercial":12,"research":null,
      "social_org":null,"legal_service":1,"other_org":1,"total":null})"));
  EXPECT_EQ(t["applications"]["results_total"]["total"], 805);
  EXPECT_EQ(t["proactive"]["procurement.amount_yuan"], 251000);
  EXPECT_EQ(t["proactive"]["regulations.total_published"], 524);
  EXPECT_EQ(t["reviews"]["litigation_direct.total"], 9);
  EXPECT_TRUE(t["reviews"]["litigation_after_review.total"].is_null());
}

// The blank cells are one warning per table naming each of them; the prose figures that name one
// figure of the table and contradict it (258 予以公开及部分公开 for 275, 265 无法提供 for 337),
// the share that does not follow from its figures (33.9% for 258 of 805) and the claim that all
// cases were upheld (均获维持) while three are pending are errors, listed first; few findings.
TEST(ShanghaiHtml2019, BlankCellsAreOneFindingPerTableAndContradictionsAreErrors) {
  const json d = check_json(test::corpus_path(kShanghai));
  ASSERT_LE(d["findings"].size(), 10u) << d["findings"].dump(1);
  std::map<std::string, size_t> blank_cells;
  std::vector<std::pair<json, json>> errors;
  for (const auto& f : d["findings"]) {
    if (f["rule"] == "table.missing_cell") {
      EXPECT_EQ(blank_cells.count(f["table"]), 0u) << "one finding per table: " << f.dump();
      blank_cells[f["table"]] = f["cells"].size();
      EXPECT_EQ(f["severity"], "warning");
      EXPECT_EQ(f["concerns"], "report");
    }
    if (f["severity"] == "error") {
      EXPECT_TRUE(f["rule"] == "text.table_mismatch" || f["rule"] == "text.table_mismatch.outcome" ||
                  f["rule"] == "text.sum_mismatch.percent")
          << f.dump();
      errors.emplace_back(f["actual"], f["expected"]);
    }
  }
  EXPECT_EQ(blank_cells, (std::map<std::string, size_t>{{"applications", 126}, {"reviews", 9}}));
  EXPECT_EQ(errors, (std::vector<std::pair<json, json>>{{33.9, 32.0}, {258, 275}, {265, 337}, {3, 0}}));
  // Errors come first.
  EXPECT_EQ(d["findings"][0]["severity"], "error");
  EXPECT_EQ(d["findings"][1]["severity"], "error");
  EXPECT_EQ(d["findings"][2]["severity"], "error");
  EXPECT_EQ(d["findings"][3]["severity"], "error");
  EXPECT_EQ(d["summary"]["errors"], 4);
  const json reviews = d["findings"][5];
  ASSERT_EQ(reviews["table"], "reviews") << reviews.dump();
  // Placed at the table's first labelled row above its row of values, whose first cell is a
  // number (5), not a label.
  EXPECT_EQ(reviews["where"]["row"], "结果维持") << reviews.dump();
  EXPECT_EQ(reviews["message"],
            "“政府信息公开行政复议、行政诉讼情况”表有 9 个单元格空白：“行政复议”行“结果纠正”“其他结果”列；"
            "“行政诉讼（未经复议直接起诉）”行“结果纠正”“其他结果”列；“行政诉讼（复议后起诉）”行各列（5 个）。"
            "格式要求填写数字，没有的填 0");
}

TEST(ShanghaiHtml2019, EveryBlankCellIsNamedByAMissingCellFinding) {
  const json d = check_json(test::corpus_path(kShanghai));
  size_t nulls = 0;
  const json tables = essence(d)["tables"];
  for (const auto& [table, values] : tables.items())
    for (const auto& v : values)
      if (v.is_object()) {
        for (const auto& c : v) nulls += c.is_null();
      } else {
        nulls += v.is_null();
      }
  size_t missing = 0;
  for (const auto& f : d["findings"]) {
    if (f["rule"] == "table.missing_cell") missing += f["cells"].size();
    EXPECT_EQ(f["line"], 1) << "the page is one line";
  }
  EXPECT_EQ(missing, nulls);
  EXPECT_EQ(nulls, 135u);
}

// The blank official template is no report: its six parts are there, its tables have no
// figure. What the user sees: the parts, format 2021; each blank table the rebuilding finds said
// once, the part-4 table (which has no number to be found by) as missing; the "（文字描述）" left
// under parts 1, 5 and 6 and the missing agency and year as errors of a draft, each at its
// paragraph.
TEST(TemplateDocx2021, PartsFoundTablesBlankNoYearNoAgency) {
  const json d = check_json(test::corpus_path(kTemplate));
  ASSERT_EQ(d["status"], "ok") << d.dump();
  EXPECT_EQ(d["input_format"], "docx");
  const json r = d["report"];
  EXPECT_TRUE(r["year"].is_null());
  EXPECT_EQ(r["agency"], "");
  EXPECT_EQ(r["format_version"], "2021");
  EXPECT_TRUE(r["published"].is_null());
  std::vector<std::pair<int, int>> parts;
  for (const auto& s : r["sections"]) parts.emplace_back(s["number"], s["line"]);
  // Paragraph numbers as Word counts Enter presses, table rows once each.
  EXPECT_EQ(parts, (std::vector<std::pair<int, int>>{{1, 4}, {2, 7}, {3, 33}, {4, 66}, {5, 75}, {6, 77}}));
  size_t cells = 0;
  const json tables = essence(d)["tables"];
  for (const auto& [table, values] : tables.items())
    for (const auto& v : values)
      if (v.is_object()) {
        for (const auto& c : v) {
          EXPECT_TRUE(c.is_null()) << table;
          ++cells;
        }
      } else {
        EXPECT_TRUE(v.is_null()) << table;
        ++cells;
      }
  EXPECT_EQ(r["tables"]["applications"]["rows"].size(), 25u);
  EXPECT_EQ(r["tables"]["proactive"]["values"].size(), 10u);
  // Not one number anywhere: each blank table is said once, not once per cell.
  EXPECT_EQ(cells, 185u);
  std::vector<std::string> blank_tables;
  std::vector<std::string> draft;
  for (const auto& f : d["findings"]) {
    if (f["rule"] != "table.missing_cell") {
      draft.push_back(f["rule"].get<std::string>() + " " + f["severity"].get<std::string>() + " ¶" +
                      std::to_string(f["line"].get<int>()));
      continue;
    }
    EXPECT_EQ(f["severity"], "warning") << f.dump();
    EXPECT_FALSE(f.contains("row")) << f.dump();
    blank_tables.push_back(f["table"]);
  }
  EXPECT_EQ(blank_tables, (std::vector<std::string>{"proactive", "applications"}));
  // Errors first, then warnings, each in the order of the document.
  EXPECT_EQ(draft, (std::vector<std::string>{"meta.no_agency error ¶2", "meta.no_year error ¶2",
                                             "text.placeholder error ¶5", "text.placeholder error ¶76",
                                             "text.placeholder error ¶78",
                                             "structure.missing_section.table warning ¶66"}));
}

}  // namespace
}  // namespace nianbao
