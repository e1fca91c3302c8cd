#include "extract/read/text/text_reader.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "extract/model/errors.h"
#include "test_paths.h"

namespace nianbao {
namespace {

using test::read_file;
using test::corpus_path;
using test::source_path;
using Cells = std::vector<std::string>;

const std::string kSeed = "samples/helan-culture-tourism-2020.txt";

// The stored line with this editor line number, or nullptr.
const Line* line_at(const Document& doc, int line_number) {
  for (const Line* l : doc.all_lines())
    if (l->loc.line == line_number) return l;
  return nullptr;
}

const Line* find_text(const Document& doc, const std::string& text) {
  for (const Line* l : doc.all_lines())
    if (l->text == text) return l;
  return nullptr;
}

// Copies of the stored lines, in reading order.
std::vector<Line> lines_of(const std::string& bytes, const std::string& path = "t.txt") {
  const Document doc = read_text_bytes(bytes, path);
  std::vector<Line> out;
  for (const Line* l : doc.all_lines()) out.push_back(*l);
  return out;
}

std::string convert(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 8, '\0');
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                 utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string error_code_of(const std::string& bytes) {
  try {
    read_text_bytes(bytes, "r.txt");
  } catch (const ReadError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("r.txt: ", 0), 0u) << e.what();
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
    return e.code;
  }
  return "none";
}

std::string file_error_code(const std::string& path) {
  try {
    read_text_file(path);
  } catch (const ReadError& e) {
    EXPECT_EQ(std::string(e.what()).rfind(path + ": ", 0), 0u) << e.what();
    return e.code;
  }
  return "none";
}

class TempDir {
 public:
  TempDir() {
    std::string templ = testing::TempDir() + "text_reader_XXXXXX";
    path_ = mkdtemp(templ.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string write(const std::string& name, const std::string& bytes) const {
    const std::string p = path_ + "/" + name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(TextReader, SeedLineNumbersAndCells) {
  const Document doc = read_text_file(source_path(kSeed));
  EXPECT_EQ(doc.format, InputFormat::Text);
  EXPECT_EQ(doc.path, source_path(kSeed));
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.pages[0].number, 1);

  const Line* title = line_at(doc, 3);
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->text, "贺兰县文化旅游广电局 2020 年政府信息公开工作年度报告");
  EXPECT_FALSE(title->is_table_row());
  EXPECT_EQ(doc.all_lines().front(), title);  // lines 1-2 are blank

  const Line* part1 = find_text(doc, "一、总体情况");
  ASSERT_NE(part1, nullptr);
  EXPECT_EQ(part1->loc, (Location{1, 7}));

  const Line* row = line_at(doc, 69);
  ASSERT_NE(row, nullptr);
  // The line ends with a tab: a last, empty cell.
  ASSERT_EQ(row->cells.size(), 10u);
  EXPECT_EQ(row->cells[0], "一、本年新收政府信息公开申请数量");
  EXPECT_EQ(row->cells[1], "");
  for (size_t i = 2; i < 9; ++i) EXPECT_EQ(row->cells[i], "0") << i;
  EXPECT_EQ(row->cells[9], "");
  EXPECT_EQ(row->text.rfind("一、本年新收政府信息公开申请数量\t\t0\t", 0), 0u);
  EXPECT_NE(row->text.back(), '\t');  // trailing whitespace dropped

  // Empty cells keep the columns aligned, leading and trailing ones alike.
  EXPECT_EQ(line_at(doc, 67)->cells, (Cells{"", "", "自然人", "法人或其他组织", "", "", "", "", "", ""}));
  EXPECT_EQ(line_at(doc, 43)->cells, (Cells{"第二十条第（一）项", "", "", ""}));
  EXPECT_EQ(line_at(doc, 73)->cells,
            (Cells{"", "(三) 不予公开", "1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0"}));
  EXPECT_EQ(line_at(doc, 66)->cells.size(), 10u);
  EXPECT_EQ(line_at(doc, 66)->cells[8], "总计");

  EXPECT_EQ(line_at(doc, 62), nullptr);  // "--------\t---\t----" rule
  EXPECT_EQ(line_at(doc, 60), nullptr);  // blank
  int previous = 0;
  for (const Line* l : doc.all_lines()) {
    EXPECT_EQ(l->loc.page, 1);
    EXPECT_GT(l->loc.line, previous);
    previous = l->loc.line;
  }
}

TEST(TextReader, GbkCopyReadsLikeUtf8) {
  const std::string utf8 = read_file(source_path(kSeed));
  const std::string gbk = convert(utf8, "GB18030");
  ASSERT_NE(gbk, utf8);
  const Document a = read_text_bytes(utf8, "a.txt");
  const Document b = read_text_bytes(gbk, "b.txt");
  const auto la = a.all_lines(), lb = b.all_lines();
  ASSERT_EQ(la.size(), lb.size());
  for (size_t i = 0; i < la.size(); ++i) {
    EXPECT_EQ(la[i]->text, lb[i]->text);
    EXPECT_EQ(la[i]->loc, lb[i]->loc);
    EXPECT_EQ(la[i]->cells, lb[i]->cells);
  }
}

TEST(TextReader, GbkBytes) {
  // "一、总体情况" as GBK, then "\r\n" and "2020年" (年 = C4 EA).
  const Document doc =
      read_text_bytes("\xD2\xBB\xA1\xA2\xD7\xDC\xCC\xE5\xC7\xE9\xBF\xF6\r\n2020\xC4\xEA", "g.txt");
  const auto lines = doc.all_lines();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]->text, "一、总体情况");
  EXPECT_EQ(lines[1]->text, "2020年");
  EXPECT_EQ(lines[1]->loc, (Location{1, 2}));
}

TEST(TextReader, ByteOrderMarks) {
  const std::string text = "标题\n\n一、总体情况";
  for (const std::string& bytes : {"\xEF\xBB\xBF" + text, "\xFF\xFE" + convert(text, "UTF-16LE"),
                                   "\xFE\xFF" + convert(text, "UTF-16BE")}) {
    const auto lines = lines_of(bytes, "bom.txt");
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].text, "标题");
    EXPECT_EQ(lines[0].loc, (Location{1, 1}));
    EXPECT_EQ(lines[1].text, "一、总体情况");
    EXPECT_EQ(lines[1].loc, (Location{1, 3}));
  }
}

TEST(TextReader, CrLfAndLoneCr) {
  const auto crlf = lines_of("甲\r\n\r\n乙\r\n", "c.txt");
  ASSERT_EQ(crlf.size(), 2u);
  EXPECT_EQ(crlf[0].text, "甲");
  EXPECT_EQ(crlf[1].text, "乙");
  EXPECT_EQ(crlf[1].loc.line, 3);
  const auto cr = lines_of("甲\r乙\r\r丙", "c.txt");
  ASSERT_EQ(cr.size(), 3u);
  EXPECT_EQ(cr[1].loc.line, 2);
  EXPECT_EQ(cr[2].text, "丙");
  EXPECT_EQ(cr[2].loc.line, 4);
}

TEST(TextReader, PageNumberLineForms) {
  for (const char* yes : {"-3-", "- 3 -", "— 3 —", "—3—", "第3页", "第 3 页", "第3页 共6页",
                          "第3页/共6页", "共6页 第3页", "3/6", " 3 / 6 ", "－３－", "— ３ —",
                          "－ 3 －", "——3——", "第３页", "  - 12 -\t", "３／６"})
    EXPECT_TRUE(is_page_number_line(yes)) << yes;
  for (const char* no : {"3", "-3", "3-", "6/3", "0/6", "第三页", "第3页内容", "一、总体情况",
                         "— 3 — 主动公开", "2020", "- 3 - 4", "-", "---", "共6页"})
    EXPECT_FALSE(is_page_number_line(no)) << no;
}

TEST(TextReader, PageNumberLinesEndPages) {
  const Document doc =
      read_text_bytes("甲\n— 1 —\n乙\n\n— 2 —\n丙\n-3-\n丁\n第4页 共6页\n戊\n5/6\n\n", "p.txt");
  const auto lines = doc.all_lines();
  ASSERT_EQ(lines.size(), 5u);  // markers are not stored
  EXPECT_EQ(lines[0]->loc, (Location{1, 1}));
  EXPECT_EQ(lines[1]->loc, (Location{2, 3}));
  EXPECT_EQ(lines[2]->text, "丙");
  EXPECT_EQ(lines[2]->loc, (Location{3, 6}));  // after the 2nd marker
  EXPECT_EQ(lines[3]->loc, (Location{4, 8}));
  EXPECT_EQ(lines[4]->loc, (Location{5, 10}));
  ASSERT_EQ(doc.pages.size(), 5u);  // no empty page after the final marker
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(doc.pages[static_cast<size_t>(i)].number, i + 1);
    EXPECT_EQ(doc.pages[static_cast<size_t>(i)].lines.size(), 1u);
  }
}

TEST(TextReader, EmptyPageBetweenMarkersIsKept) {
  const Document doc = read_text_bytes("甲\n- 1 -\n- 2 -\n乙", "p.txt");
  ASSERT_EQ(doc.pages.size(), 3u);
  EXPECT_TRUE(doc.pages[1].lines.empty());
  EXPECT_EQ(doc.pages[2].lines.at(0).loc, (Location{3, 4}));
}

TEST(TextReader, InlineFooterOnlyWhenItIsTheNextPage) {
  const auto lines = lines_of("工作。 — 1 —\n— 2 — 二、主动公开\n共计 — 9 —\n", "i.txt");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].text, "工作。");
  EXPECT_EQ(lines[0].loc, (Location{1, 1}));
  EXPECT_EQ(lines[1].text, "二、主动公开");
  EXPECT_EQ(lines[1].loc, (Location{3, 2}));
  EXPECT_EQ(lines[2].text, "共计 — 9 —");  // not page 3: a figure, kept
  EXPECT_EQ(lines[2].loc, (Location{3, 3}));
}

TEST(TextReader, FormFeedBreaksPages) {
  const auto lines = lines_of("甲\f乙\n\f丙\n- 3 -\n\f丁\f", "f.txt");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].loc, (Location{1, 1}));
  EXPECT_EQ(lines[1].loc, (Location{2, 1}));
  EXPECT_EQ(lines[2].loc, (Location{3, 2}));
  EXPECT_EQ(lines[3].loc, (Location{4, 4}));  // footer + form feed: one break
}

TEST(TextReader, MarkdownTables) {
  const Document doc = read_text_bytes(
      "## 二、主动公开政府信息情况\n"
      "| 信息内容 | 本年制发件数 |\n"
      "|---|---|\n"
      "| 规章 | 0 |\n"
      "| :--- | ---: |\n"
      "| - | - |\n"
      "|  1.属于国家秘密 | 4 |  |\n"
      "| a \\| b | 1 |\n",
      "t.md");
  const auto lines = doc.all_lines();
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_EQ(lines[0]->text, "## 二、主动公开政府信息情况");
  EXPECT_FALSE(lines[0]->is_table_row());
  EXPECT_EQ(lines[1]->cells, (Cells{"信息内容", "本年制发件数"}));
  EXPECT_EQ(lines[1]->text, "| 信息内容 | 本年制发件数 |");
  EXPECT_EQ(lines[2]->cells, (Cells{"规章", "0"}));
  EXPECT_EQ(lines[2]->loc.line, 4);
  EXPECT_EQ(lines[3]->cells, (Cells{"-", "-"}));  // placeholders, not a separator
  EXPECT_EQ(lines[3]->loc.line, 6);
  EXPECT_EQ(lines[4]->cells, (Cells{"1.属于国家秘密", "4", ""}));
  EXPECT_EQ(lines[5]->cells, (Cells{"a | b", "1"}));
}

TEST(TextReader, RuleLinesAreDropped) {
  const auto lines = lines_of("甲\n---\n--- | :---:\n--------\t---\t----\n乙 - 丙\n", "r.md");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].text, "乙 - 丙");
  EXPECT_EQ(lines[1].loc.line, 5);
}

TEST(TextReader, TabIndentedParagraphIsProse) {
  const auto lines = lines_of("\t本报告按照要求编制。\n\t\t0\t1\n", "t.txt");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_FALSE(lines[0].is_table_row());
  EXPECT_EQ(lines[1].cells, (Cells{"", "", "0", "1"}));
}

TEST(TextReader, ShanghaiMarkdownConversion) {
  const Document doc =
      read_text_file(corpus_path("shanghai_shizhengfu_bangongting_2025.md"));
  EXPECT_EQ(doc.pages.size(), 7u);  // "— 7 —" is the last line
  EXPECT_EQ(line_at(doc, 23), nullptr);
  EXPECT_EQ(line_at(doc, 24)->loc.page, 2);
  const Line* header = line_at(doc, 94);
  ASSERT_NE(header, nullptr);
  EXPECT_EQ(header->loc.page, 5);
  EXPECT_EQ(header->cells, (Cells{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"}));
  EXPECT_EQ(line_at(doc, 95), nullptr);
  EXPECT_EQ(line_at(doc, 215)->text, "2025 年度本机关未收取信息公开处理费。");
  EXPECT_EQ(line_at(doc, 215)->loc.page, 7);
}

TEST(TextReader, PortalHeaderBecomesProperties) {
  const Document doc = read_text_file(corpus_path("fujian_pingtan_shiyanqu_2020.txt"));
  EXPECT_EQ(doc.properties.at("发布时间"), "2021-03-05 08:58");
  EXPECT_EQ(doc.properties.at("标题"), "平潭综合实验区2020年度政府信息公开工作年度报告");
  EXPECT_EQ(doc.properties.at("原文链接"),
            "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202103/t20210305_80595.htm");
  EXPECT_EQ(doc.properties.count("文号"), 0u);  // printed empty
  const auto lines = doc.all_lines();
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.front()->loc, (Location{1, 10}));  // header and 正文 line not stored
  EXPECT_EQ(lines.front()->text.rfind("平潭综合实验区2020年政府信息公开工作年度报告", 0), 0u);
}

TEST(TextReader, KeyValueLinesWithoutSeparatorAreBody) {
  const Document doc = read_text_bytes("标题: 某局年度报告\n一、总体情况\n", "k.txt");
  EXPECT_TRUE(doc.properties.empty());
  ASSERT_EQ(doc.all_lines().size(), 2u);
  EXPECT_EQ(doc.all_lines()[0]->text, "标题: 某局年度报告");
}

TEST(TextReader, UnreadableInputs) {
  EXPECT_EQ(error_code_of(""), "empty");
  EXPECT_EQ(error_code_of(" \n\t\r\n\xE3\x80\x80\n"), "empty");
  EXPECT_EQ(error_code_of(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)), "binary");
  EXPECT_EQ(error_code_of("\x01\x02\x03\x04\x05\x06 text \x07\x08"), "binary");
  EXPECT_EQ(error_code_of("\xFF\xFF\xFF\xFE\x80"), "encoding");
  EXPECT_EQ(error_code_of(std::string("\xFF\xFE\x00\xD8", 4)),
            "encoding");                              // UTF-16LE, lone surrogate
  EXPECT_EQ(error_code_of("\xEF\xBB\xBF"), "empty");  // a BOM and nothing else
  try {
    Limits limits;
    limits.max_file_mb = 1;
    read_text_bytes(std::string(1024 * 1024 + 1, 'a'), "big.txt", limits);
    FAIL();
  } catch (const ReadError& e) {
    EXPECT_EQ(e.code, "too_large");
    EXPECT_STREQ(e.what(), "big.txt: 文件大小 1.1 MB 超过上限 1 MB（可用 --max-file-mb 调整） (file size 1.1 MB is "
                           "over the limit of 1 MB; raise it with --max-file-mb)");
  }
  try {
    read_text_bytes(std::string("\0", 1), "x.bin");
    FAIL();
  } catch (const ReadError& e) {
    EXPECT_STREQ(e.what(), "x.bin: 二进制文件，不是文本报告 (binary file, not a text report)");
  }
}

TEST(TextReader, UnreadableFiles) {
  TempDir dir;
  EXPECT_EQ(file_error_code(dir.path() + "/missing.txt"), "not_found");
  EXPECT_EQ(file_error_code(dir.path()), "not_a_file");
  EXPECT_EQ(file_error_code(dir.write("empty.txt", "")), "empty");
  EXPECT_EQ(file_error_code(dir.write("bin.txt", std::string("ab\0cd", 5))), "binary");
  const Document doc = read_text_file(dir.write("ok.txt", "一、总体情况\n"));
  EXPECT_EQ(doc.all_lines().at(0)->text, "一、总体情况");
}

}  // namespace
}  // namespace nianbao
