// The samples rendered as web pages and Word documents (tools/make-renderings, committed under
// samples/html and samples/docx) and the Word documents printed to PDF by LibreOffice
// (tools/make-pdf-renderings, samples/pdf) give the same tables, meta, parts and findings as
// the text they were rendered from; only the locations differ. So do the web pages printed to
// PDF by Chromium (tools/make-chromium-renderings, samples/pdf-chromium): Type 3 fonts, borders
// filled as rectangles, the portal's navigation above the title, tables over page ends, print
// scales below 100 % (<name>.scale60.pdf …) and tables without any border (<name>.borderless.pdf,
// read from the words' positions alone).
#include <gtest/gtest.h>

#include <dirent.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace nianbao {
namespace {

using nlohmann::json;

json check_json(const std::string& relative) {
  std::string out;
  test::run("cd " + test::source_path("") + " && " + test::binary() + " check --format json " +
                relative + " 2>/dev/null",
            &out);
  return json::parse(out);
}

// Text without its spaces: a PDF does not say whether a line ended at a space, so the prose a
// message quotes across a line break may lose one ("总计 16.51" printed "总计" | "16.51").
std::string without_spaces(std::string s) {
  std::erase(s, ' ');
  return s;
}

// Everything but locations: table values, meta, parts, and each finding's rule, severity,
// table, row, column, expected and actual values and message (without spaces when `loose`).
json comparable(const json& d, bool loose = false) {
  json out;
  out["status"] = d["status"];
  const json& r = d["report"];
  for (const char* k : {"title", "agency", "year", "format_version", "published"}) out["meta"][k] = r[k];
  for (const auto& s : r["sections"]) out["sections"].push_back({s["number"], s["title"]});
  for (const auto& [key, t] : r["tables"].items()) {
    if (t.contains("values")) {
      out["tables"][key] = t["values"];
    } else {
      for (const auto& row : t["rows"]) out["tables"][key][row["key"].get<std::string>()] = row["values"];
    }
  }
  std::vector<std::string> findings;
  for (const auto& f : d["findings"]) {
    json g;
    for (const char* k : {"rule", "severity", "table", "row", "column", "expected", "actual", "message"})
      if (f.contains(k)) g[k] = loose && f[k].is_string() ? json(without_spaces(f[k])) : f[k];
    findings.push_back(g.dump());
  }
  std::sort(findings.begin(), findings.end());
  out["findings"] = findings;
  return out;
}

std::vector<std::string> text_samples() {
  std::vector<std::string> out{"samples/helan-culture-tourism-2020.txt"};
  DIR* dir = opendir(test::source_path("samples/rules").c_str());
  while (dir)
    if (dirent* e = readdir(dir)) {
      std::string name = e->d_name;
      if (name.size() > 4 && name.ends_with(".txt")) out.push_back("samples/rules/" + name);
    } else {
      closedir(dir);
      break;
    }
  std::sort(out.begin(), out.end());
  return out;
}

std::string rendering(const std::string& text_sample, const std::string& kind) {
  std::string rest = text_sample.substr(std::string("samples/").size());
  return "samples/" + kind + "/" + rest.substr(0, rest.size() - 4) + "." + kind;
}

// The Chromium prints of the rule samples: samples/pdf-chromium/rules/<name>[.<variant>].pdf,
// each with the text sample it was printed from (samples/rules/<name>.txt).
std::map<std::string, std::string> chromium_prints() {
  std::map<std::string, std::string> out;
  DIR* dir = opendir(test::source_path("samples/pdf-chromium/rules").c_str());
  while (dir)
    if (dirent* e = readdir(dir)) {
      std::string name = e->d_name;
      if (name.size() > 4 && name.ends_with(".pdf"))
        out["samples/pdf-chromium/rules/" + name] = "samples/rules/" + name.substr(0, name.find('.')) + ".txt";
    } else {
      closedir(dir);
      break;
    }
  return out;
}

class Renderings : public testing::TestWithParam<std::string> {};

TEST_P(Renderings, HtmlDocxAndPdfGiveWhatTheTextGives) {
  const json source = check_json(GetParam());
  const json text = comparable(source);
  ASSERT_EQ(text["status"], "ok");
  for (const char* kind : {"html", "docx", "pdf"}) {
    const std::string file = rendering(GetParam(), kind);
    const json d = check_json(file);
    EXPECT_EQ(d["input_format"], kind) << file;
    const bool pdf = std::string(kind) == "pdf";
    EXPECT_EQ(comparable(d, pdf), comparable(source, pdf)) << file << " differs from " << GetParam();
  }
}

INSTANTIATE_TEST_SUITE_P(Samples, Renderings, testing::ValuesIn(text_samples()),
                         [](const testing::TestParamInfo<std::string>& sample) {
                           std::string name = sample.param.substr(sample.param.find_last_of('/') + 1);
                           name = name.substr(0, name.size() - 4);
                           std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                           return name;
                         });

TEST(Renderings, EverySampleHasItsRenderings) {
  for (const auto& s : text_samples())
    for (const char* kind : {"html", "docx", "pdf"})
      EXPECT_FALSE(test::read_file(test::source_path(rendering(s, kind))).empty()) << rendering(s, kind);
  // Every rule sample printed by Chromium, and the variants: scaled down, without borders.
  const auto prints = chromium_prints();
  for (const auto& s : text_samples()) {
    if (!s.starts_with("samples/rules/")) continue;
    std::string name = s.substr(std::string("samples/rules/").size());
    name = name.substr(0, name.size() - 4);
    EXPECT_TRUE(prints.count("samples/pdf-chromium/rules/" + name + ".pdf")) << name;
  }
  for (const char* variant : {"correct-2021.scale60.pdf", "correct-2019.scale80.pdf",
                              "applications-balance.scale75.pdf", "correct-2021.borderless.pdf",
                              "correct-2019.borderless.pdf", "structure-format_version-row.borderless.pdf",
                              "table-invalid_value.borderless.pdf", "table-missing_row.borderless.pdf",
                              "structure-format_version-row.borderless-scale60.pdf"})
    EXPECT_TRUE(prints.count(std::string("samples/pdf-chromium/rules/") + variant)) << variant;
}

class ChromiumPrints : public testing::TestWithParam<std::pair<const std::string, std::string>> {};

TEST_P(ChromiumPrints, GiveWhatTheTextGives) {
  const auto& [pdf, text] = GetParam();
  ASSERT_FALSE(test::read_file(test::source_path(text)).empty()) << text;
  const json d = check_json(pdf);
  EXPECT_EQ(d["input_format"], "pdf") << pdf;
  EXPECT_EQ(comparable(d, true), comparable(check_json(text), true)) << pdf << " differs from " << text;
}

INSTANTIATE_TEST_SUITE_P(Samples, ChromiumPrints, testing::ValuesIn(chromium_prints()),
                         [](const testing::TestParamInfo<std::pair<const std::string, std::string>>& p) {
                           std::string name = p.param.first.substr(p.param.first.find_last_of('/') + 1);
                           name = name.substr(0, name.size() - 4);
                           std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                           return name;
                         });

// The clean samples printed by Chromium, at any scale and without borders, are clean.
TEST(Renderings, CleanSamplesPrintedByChromiumHaveNothingToReport) {
  for (const char* name : {"samples/pdf-chromium/rules/correct-2021.pdf", "samples/pdf-chromium/rules/correct-2019.pdf",
                           "samples/pdf-chromium/rules/correct-2021.scale60.pdf",
                           "samples/pdf-chromium/rules/correct-2019.scale80.pdf",
                           "samples/pdf-chromium/rules/correct-2021.borderless.pdf",
                           "samples/pdf-chromium/rules/correct-2019.borderless.pdf"}) {
    const json d = check_json(name);
    ASSERT_EQ(d["status"], "ok") << name;
    for (const auto& f : d["findings"])
      EXPECT_TRUE(f["severity"] != "error" && f["severity"] != "warning") << name << ": " << f.dump();
  }
}

// Locations are those of each format: the editor line for HTML, the paragraph number for DOCX
// (part 3 starts on page 2 after the page break the rendering puts before it).
TEST(Renderings, FindingsPointIntoEachFormat) {
  const json html = check_json("samples/html/rules/applications-balance.html");
  const json docx = check_json("samples/docx/rules/applications-balance.docx");
  ASSERT_EQ(html["findings"].size(), 2u);
  ASSERT_EQ(docx["findings"].size(), 2u);
  const int html_line = html["findings"][0]["line"];
  EXPECT_GT(html_line, 100);
  EXPECT_EQ(html["findings"][0]["page"], 1);
  EXPECT_EQ(docx["findings"][0]["page"], 2);
  EXPECT_EQ(docx["findings"][0]["line"], 56);  // the row 四、结转下年度继续办理
}

// The clean samples printed to PDF are clean: no error, no warning (a lost cell of a ruled table
// would be a missing cell on a correct report).
TEST(Renderings, CleanSamplesAsPdfHaveNothingToReport) {
  for (const char* name : {"samples/pdf/rules/correct-2021.pdf", "samples/pdf/rules/correct-2019.pdf"}) {
    const json d = check_json(name);
    ASSERT_EQ(d["status"], "ok") << name;
    for (const auto& f : d["findings"])
      EXPECT_TRUE(f["severity"] != "error" && f["severity"] != "warning") << name << ": " << f.dump();
  }
}

// A PDF finding points at the page and line of the PDF: the row 四、结转下年度继续办理 on the
// page LibreOffice printed it on.
TEST(Renderings, PdfFindingsPointIntoThePdf) {
  const json pdf = check_json("samples/pdf/rules/applications-balance.pdf");
  ASSERT_EQ(pdf["findings"].size(), 2u);
  EXPECT_EQ(pdf["findings"][0]["page"], 3);
  EXPECT_EQ(pdf["findings"][0]["line"], 51);
}

}  // namespace
}  // namespace nianbao
