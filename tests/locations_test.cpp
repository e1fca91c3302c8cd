// Where a finding points, as a person looks there: in a web page written on one line (every
// place on line 1) the part heading and the table row or paragraph; in a Word document the
// paragraph number, the same beside findings and beside the rebuilt table's rows.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace nianbao {
namespace {

using nlohmann::json;

class Locations : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "nianbao_locations_" + std::to_string(::getpid());
    test::run("rm -rf " + dir_ + " && mkdir -p " + dir_);
  }
  void TearDown() override { test::run("rm -rf " + dir_); }

  // The HTML sample with its line breaks taken out: the whole page on line 1.
  std::string one_line(const std::string& sample) {
    std::string page = test::read_file(test::source_path("samples/html/rules/" + sample));
    std::erase(page, '\n');
    const std::string path = dir_ + "/" + sample;
    std::ofstream(path, std::ios::binary) << page;
    return path;
  }
  std::string check(const std::string& args) {
    std::string out;
    test::run("cd " + dir_ + " && " + test::binary() + " check --color never " + args, &out);
    return out;
  }
  std::string dir_;
};

TEST_F(Locations, OneLineHtmlNamesTheHeadingAndTheRow) {
  one_line("table-missing_cell.html");
  EXPECT_EQ(check("table-missing_cell.html"),
            "table-missing_cell.html:1:1: warning[table.missing_cell]: “收到和处理政府信息公开申请情况”表有 1 个单元格空白："
            "“（三）不予公开 8.属于行政查询事项”行“科研机构”列。格式要求填写数字，没有的填 0"
            "（位置：“三、收到和处理政府信息公开申请情况”中“8.属于行政查询事项”行）\n"
            "table-missing_cell.html:1:1: warning[table.missing_cell]: “收到和处理政府信息公开申请情况”表有 2 个单元格填的不是数字："
            "“（四）无法提供 3.补正后申请内容仍不明确”行“其他”列（印有“---”）；“（五）不予处理 4.无正当理由大量反复申请”行"
            "“法律服务机构”列（印有“/”）。格式要求填写数字，没有的填 0"
            "（位置：“三、收到和处理政府信息公开申请情况”中“3.补正后申请内容仍不明确”行）\n"
            "table-missing_cell.html: 示例县交通运输局 2023 年度报告，格式 2021：0 个错误，2 个警告，0 条提示\n");
  one_line("applications-balance.html");
  EXPECT_EQ(check("--lang en applications-balance.html"),
            "applications-balance.html:1:1: error[applications.balance]: column \"natural person\": new+carried over = 24, "
            "results total+carried forward = 25, difference 1 (at row \"四、结转下年度继续办理\" under "
            "\"三、收到和处理政府信息公开申请情况\")\n"
            "applications-balance.html:1:1: error[applications.balance]: column \"total\": new+carried over = 28, "
            "results total+carried forward = 29, difference 1 (at row \"四、结转下年度继续办理\" under "
            "\"三、收到和处理政府信息公开申请情况\")\n"
            "applications-balance.html: 示例县交通运输局, report for 2023, format 2021: 2 error(s), 0 warning(s), 0 note(s)\n");
  const json d = json::parse(check("--format json applications-balance.html"));
  EXPECT_EQ(d["findings"][0]["where"],
            json::parse(R"({"heading": "三、收到和处理政府信息公开申请情况", "row": "四、结转下年度继续办理",
                            "text": "“三、收到和处理政府信息公开申请情况”中“四、结转下年度继续办理”行"})"));
}

// A finding on a heading names the heading; one in the prose, the paragraph under its heading.
TEST_F(Locations, OneLineHtmlHeadingsAndParagraphs) {
  one_line("structure-order.html");
  EXPECT_EQ(check("structure-order.html"),
            "structure-order.html:1:1: warning[structure.order]: “五、存在的主要问题及改进情况”出现在“六、其他需要报告的事项”之后，"
            "顺序不对（位置：标题“五、存在的主要问题及改进情况”）\n"
            "structure-order.html: 示例县交通运输局 2023 年度报告，格式 2021：0 个错误，1 个警告，0 条提示\n");
  one_line("meta-late.html");
  EXPECT_EQ(check("meta-late.html"),
            "meta-late.html:1:1: error[meta.late]: 发布日期2024年2月20日晚于本机关年度报告的法定期限2024年1月31日，迟了20天"
            "（位置：“六、其他需要报告的事项”下第 3 段）\n"
            "meta-late.html: 示例县交通运输局 2023 年度报告，格式 2021：1 个错误，0 个警告，0 条提示\n");
  const json d = json::parse(check("--format json meta-late.html"));
  EXPECT_EQ(d["findings"][0]["where"],
            json::parse(R"({"heading": "六、其他需要报告的事项", "paragraph": 3,
                            "text": "“六、其他需要报告的事项”下第 3 段"})"));
}

TEST_F(Locations, WordParagraphNumbersAreTheSameBesideFindingsAndTableRows) {
  const std::string docx = test::source_path("samples/docx/rules/table-missing_cell.docx");
  EXPECT_EQ(check(docx).rfind(docx + ":¶43: warning[table.missing_cell]", 0), 0u);
  check("--format html -o page.html " + docx);
  std::ifstream in(dir_ + "/page.html");
  const std::string page((std::istreambuf_iterator<char>(in)), {});
  EXPECT_NE(page.find("<code>table.missing_cell</code> <span class=\"where\">第 43 段</span> <span class=\"msg\">"
                      "“收到和处理政府信息公开申请情况”表有 1 个单元格空白：“（三）不予公开 8.属于行政查询事项”行“科研机构”列"),
            std::string::npos);
  EXPECT_NE(page.find("<th class=\"rowname\">（三）不予公开 8.属于行政查询事项 <span class=\"where\">第 43 段</span></th>"),
            std::string::npos);
  EXPECT_NE(page.find("<h3>二、主动公开政府信息情况 <span class=\"where\">第 11 段</span></h3>"), std::string::npos);
  EXPECT_EQ(page.find("<span class=\"where\">1:"), std::string::npos) << "no page:line for a Word document";
}

}  // namespace
}  // namespace nianbao
