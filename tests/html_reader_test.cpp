// The HTML reader: charsets, the report found inside a portal page, prose lines with their
// source lines, tables as grids, Word-exported markup, pictures where tables belong, the numbers
// browsers draw beside ordered list items, bad input.
#include "extract/read/html/html_reader.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <filesystem>
#include <fstream>

#include "extract/analyze.h"
#include "extract/model/errors.h"
#include "extract/read/text/text_reader.h"
#include "test_paths.h"

namespace nianbao {
namespace {

using Cells = std::vector<std::string>;

std::vector<Line> lines_of(const Document& doc) {
  std::vector<Line> out;
  for (const Line* l : doc.all_lines()) out.push_back(*l);
  return out;
}

std::vector<std::string> texts(const Document& doc) {
  std::vector<std::string> out;
  for (const Line* l : doc.all_lines()) out.push_back(l->text);
  return out;
}

std::vector<Cells> rows(const Document& doc) {
  std::vector<Cells> out;
  for (const Line* l : doc.all_lines())
    if (l->is_table_row()) out.push_back(l->cells);
  return out;
}

std::string error_code_of(const std::string& bytes) {
  try {
    read_html_bytes(bytes, "p.html", test::rules().headings);
  } catch (const ReadError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("p.html: ", 0), 0u) << e.what();
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
    return e.code;
  }
  return "none";
}

std::string to_charset(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 8, '\0');
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                 utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status));
  out.resize(static_cast<size_t>(n));
  return out;
}

const std::string kReport =
    "<h2>一、总体情况</h2><p>本机关主动公开信息12条。</p>"
    "<h2>二、主动公开政府信息情况</h2><p>见下表。</p>"
    "<h2>三、收到和处理政府信息公开申请情况</h2><p>本年新收申请3件。</p>";

TEST(HtmlCharset, DeclaredGb2312IsReadAsGb18030) {
  const std::string page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                           "</head><body><p>政府信息公开工作年度报告（镕）</p></body></html>";
  const Document doc = read_html_bytes(to_charset(page, "GB18030"), "p.html", test::rules().headings);
  EXPECT_EQ(texts(doc), Cells{"政府信息公开工作年度报告（镕）"});
  EXPECT_EQ(doc.notes.charset, "GB18030");
}

TEST(HtmlCharset, UndeclaredGbkIsDetected) {
  const std::string page = "<p>本年新收政府信息公开申请数量</p>";
  EXPECT_EQ(texts(read_html_bytes(to_charset(page, "GBK"), "p.html", test::rules().headings)), Cells{"本年新收政府信息公开申请数量"});
}

TEST(HtmlCharset, Utf8UnderAWrongGb2312DeclarationAndWithBom) {
  const std::string wrong = "<meta charset=\"gb2312\"><p>予以公开</p>";
  EXPECT_EQ(texts(read_html_bytes(wrong, "p.html", test::rules().headings)), Cells{"予以公开"});
  EXPECT_EQ(texts(read_html_bytes("\xEF\xBB\xBF<p>予以公开</p>", "p.html", test::rules().headings)), Cells{"予以公开"});
}

TEST(HtmlCharset, DeclaredBig5) {
  const std::string page = "<meta charset=big5><p>政府資訊公開</p>";
  EXPECT_EQ(texts(read_html_bytes(to_charset(page, "Big5"), "p.html", test::rules().headings)), Cells{"政府資訊公開"});
}

TEST(HtmlProse, LinesStartWhereTheirFirstCharacterIs) {
  std::string page = "<html><body>\n\n<p>";
  for (int i = 0; i < 30; ++i) page += "政府信息公开工作第" + std::to_string(i) + "项\n";
  page += "</p>\n<p>\nA<br>B&nbsp;&nbsp;C</p>\n";
  const auto lines = lines_of(read_html_bytes(page, "p.html", test::rules().headings));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].loc, (Location{1, 3, 1}));  // libxml2 alone stamps the text at line 25
  EXPECT_EQ(lines[1].text, "A");
  EXPECT_EQ(lines[1].loc, (Location{1, 35, 2}));
  EXPECT_EQ(lines[2].text, "B C");
}

TEST(HtmlProse, SourceLineBreaksVanishBetweenChineseAndStaySpacesElsewhere) {
  const auto t = texts(read_html_bytes("<p>　　政府信息\n公开 2020\n年，共\n12 件&#12288;</p>", "p.html", test::rules().headings));
  EXPECT_EQ(t, Cells{"政府信息公开 2020 年，共 12 件"});
}

TEST(HtmlContent, PortalFurnitureIsLeftOut) {
  const std::string page =
      "<html><head><title>某局2023年政府信息公开工作年度报告_某县人民政府</title>"
      "<meta name=\"PubDate\" content=\"2024-01-25 09:30\"><script>var s='<p>一、总体情况</p>';</script></head><body>"
      "<div class=\"top\"><ul><li><a href=\"/\">首页</a></li><li><a href=\"/nb\">政府信息公开年报</a></li></ul></div>"
      "<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; 年报</div>"
      "<div class=\"title\"><h1>某局2023年政府信息公开工作年度报告</h1>"
      "<p>发布时间：2024-01-25 【字体：<a href=\"#\">大</a> <a href=\"#\">中</a> <a href=\"#\">小</a>】</p></div>"
      "<div class=\"content\">" + kReport +
      "<p style=\"display:none\">隐藏</p><p>某局</p><p>2024年1月25日</p></div>"
      "<div>【<a href=\"#\">打印本页</a>】【<a href=\"#\">关闭窗口</a>】</div>"
      "<div><h3>相关链接</h3><ul><li><a href=\"/a\">某局2022年政府信息公开工作年度报告</a> 2023-01-20</li></ul></div>"
      "<div class=\"foot\">主办单位：某县人民政府 网站标识码：123</div></body></html>";
  const Document doc = read_html_bytes(page, "p.html", test::rules().headings);
  EXPECT_EQ(texts(doc), (Cells{"某局2023年政府信息公开工作年度报告", "发布时间：2024-01-25",
                               "一、总体情况", "本机关主动公开信息12条。", "二、主动公开政府信息情况",
                               "见下表。", "三、收到和处理政府信息公开申请情况", "本年新收申请3件。",
                               "某局", "2024年1月25日"}));
  EXPECT_EQ(doc.properties.at("html_title"), "某局2023年政府信息公开工作年度报告_某县人民政府");
  EXPECT_EQ(doc.properties.at("发布时间"), "2024-01-25");
  EXPECT_EQ(doc.format, InputFormat::Html);
}

TEST(HtmlContent, ArticleTitleMetaNamesAReportShownWithoutItsTitle) {
  const std::string page = "<head><meta name=\"ArticleTitle\" content=\"某局2023年政府信息公开工作年度报告\"></head>"
                           "<body><div>" + kReport + "</div></body>";
  EXPECT_EQ(read_html_bytes(page, "p.html", test::rules().headings).properties.at("标题"), "某局2023年政府信息公开工作年度报告");
}

TEST(HtmlTable, RowspanAndColspanExpandIntoTheGrid) {
  const std::string page =
      "<table><tr><td colspan=3 rowspan=2>（本列数据的勾稽关系为…）</td><td colspan=2>申请人情况</td></tr>"
      "<tr><td>自然人</td><td>总计</td></tr>"
      "<tr><td colspan=3><p><span>一、本年新收</span><span>政府信息公开申请数量</span></p></td><td>5</td><td>5</td></tr>"
      "<tr><td rowspan=2>三、本年度办理结果</td><td colspan=2>（一）予以公开</td><td>3</td><td>&nbsp;</td></tr>"
      "<tr><td>（三）不予公开</td><td>1.属于<br>国家秘密</td><td colspan=2> 0 </td></tr></table>";
  EXPECT_EQ(rows(read_html_bytes(page, "p.html", test::rules().headings)),
            (std::vector<Cells>{
                {"（本列数据的勾稽关系为…）", "（本列数据的勾稽关系为…）", "（本列数据的勾稽关系为…）", "申请人情况", "申请人情况"},
                {"", "", "", "自然人", "总计"},
                {"一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量", "5", "5"},
                {"三、本年度办理结果", "（一）予以公开", "（一）予以公开", "3", ""},
                {"", "（三）不予公开", "1.属于国家秘密", "0", ""}}));
}

// LibreOffice's export splits a column where one header border is off by a hair: every other
// row spans the sliver. It is no column of the table.
TEST(HtmlTable, AColumnEveryRowSpansAcrossIsNoColumn) {
  const std::string page =
      "<table><tr><td colspan=2>行政复议</td><td colspan=3>行政诉讼</td></tr>"
      "<tr><td rowspan=2>维持</td><td rowspan=2 colspan=2>总计</td><td colspan=2>直接起诉</td></tr>"
      "<tr><td>维持</td><td>总计</td></tr>"
      "<tr><td>1</td><td colspan=2>1</td><td>0</td><td>0</td></tr></table>";
  EXPECT_EQ(rows(read_html_bytes(page, "p.html", test::rules().headings)),
            (std::vector<Cells>{{"行政复议", "行政诉讼", "行政诉讼", "行政诉讼"},
                                {"维持", "总计", "直接起诉", "直接起诉"},
                                {"", "", "维持", "总计"},
                                {"1", "1", "0", "0"}}));
}

TEST(HtmlTable, RowTextJoinsItsCellsWithTabsAndKeepsItsLine) {
  const auto lines = lines_of(read_html_bytes("<table>\n<tr>\n<td>规章</td>\n<td>13</td></tr></table>", "p.html", test::rules().headings));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "规章\t13");
  EXPECT_EQ(lines[0].loc, (Location{1, 3, 1}));
}

TEST(HtmlTable, ALayoutTableIsReadAsProseAroundItsDataTables) {
  std::string long_text(200, 'x');
  long_text = "本机关" + long_text + "。";
  const std::string page = "<table><tr><td><a href=\"/\">首页</a></td></tr><tr><td>" + kReport + "<p>" + long_text +
                           "</p><table><tr><td>规章</td><td>1</td></tr></table></td></tr></table>";
  const Document doc = read_html_bytes(page, "p.html", test::rules().headings);
  EXPECT_EQ(rows(doc), (std::vector<Cells>{{"规章", "1"}}));
  EXPECT_EQ(texts(doc).front(), "一、总体情况");
}

TEST(HtmlWord, ExportedMarkupWithConditionalsAndDeepNestingReadsFully) {
  std::string page = "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><style>p.MsoNormal{}</style>"
                     "<!--[if gte mso 9]><xml><o:DocumentProperties></o:DocumentProperties></xml><![endif]--></head>"
                     "<body lang=ZH-CN><div class=WordSection1>";
  page += "<p class=MsoListParagraph><![if !supportLists]><span>一、<span style='font:7.0pt'>&nbsp;</span></span><![endif]>"
          "<span style='font-family:黑体'>总体情况<o:p></o:p></span></p>";
  for (int i = 0; i < 300; ++i) page += "<span style='mso-bidi-font-size:10.5pt'>";
  page += "深层文字";
  for (int i = 0; i < 300; ++i) page += "</span>";
  for (int i = 0; i < 300; ++i) page += "<div>";
  page += "<p>二、主动公开政府信息情况</p>";
  page += "</div></body></html>";
  EXPECT_EQ(texts(read_html_bytes(page, "p.html", test::rules().headings)), (Cells{"一、 总体情况", "深层文字", "二、主动公开政府信息情况"}));
}

TEST(HtmlImages, APictureWhereTheTablesBelongIsReported) {
  const std::string page = "<div><img src=\"/logo.png\" width=200 height=40>" + kReport.substr(0, kReport.find("<h2>三")) +
                           "<p><img src=\"/upload/table2.png\" width=600></p>"
                           "<img src=\"/images/share_icon.gif\"><h2>五、存在的主要问题及改进情况</h2><p>无。</p>"
                           "<p><img src=\"/upload/photo.jpg\"></p></div>";
  const Document doc = read_html_bytes(page, "p.html", test::rules().headings);
  EXPECT_EQ(doc.notes.table_image_lines, std::vector<int>{1});
  EXPECT_EQ(doc.notes.images, 2);
}

TEST(HtmlBadInput, MalformedAndTruncatedMarkupIsRecovered) {
  const Document doc = read_html_bytes("<html><body><p>一、总体情况<p>二、主动公开<table><tr><td>规章<td>13<tr><td>规范性文件<td", "p.html", test::rules().headings);
  EXPECT_EQ(texts(doc), (Cells{"一、总体情况", "二、主动公开", "规章\t13", "规范性文件\t"}));
}

TEST(HtmlBadInput, APageWithoutAReportIsNoReport) {
  const Document doc = read_html_bytes("<html><body><h1>关于开展植树活动的通知</h1><p>各单位：定于3月12日开展植树活动。</p></body></html>", "p.html", test::rules().headings);
  try {
    analyze(doc, test::rules());
    FAIL() << "no ReadError";
  } catch (const ReadError& e) {
    EXPECT_EQ(e.code, "no_report");
  }
}

TEST(HtmlBadInput, EntityDeclarationsAreNeverExpanded) {
  const std::string page =
      "<!DOCTYPE html [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
         "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
         "<html><body><p>&lol3;</p><p>&#x26;ok</p></body></html>";
  const Document doc = read_html_bytes(page, "p.html", test::rules().headings);
  // libxml2's HTML parser knows no internal subset: the declarations are left as text and the
  // references stay references.
  const auto t = texts(doc);
  EXPECT_NE(std::find(t.begin(), t.end(), "&lol3;"), t.end());
  EXPECT_EQ(t.back(), "&ok");
  for (const auto& line : t) EXPECT_EQ(line.find("lollol"), std::string::npos) << line;
}

TEST(HtmlBadInput, ClearErrors) {
  EXPECT_EQ(error_code_of(""), "empty");
  EXPECT_EQ(error_code_of("<html><body><script>x()</script>  </body></html>"), "empty");
  EXPECT_EQ(error_code_of(std::string("<p>\0\0\0</p>", 10)), "binary");
  Limits one_mb;
  one_mb.max_file_mb = 1;
  try {
    read_html_bytes(std::string(1024 * 1024 + 1, ' '), "big.html", test::rules().headings, one_mb);
    FAIL() << "no ReadError";
  } catch (const ReadError& e) {
    EXPECT_EQ(e.code, "too_large");
  }
}

TEST(HtmlBadInput, AFileOverTheSizeLimitIsRefusedUnread) {
  const auto dir = std::filesystem::temp_directory_path() / "nianbao_html_test";
  std::filesystem::create_directories(dir);
  const auto big = dir / "big.html";
  { std::ofstream(big) << "<p>x</p>"; }
  std::filesystem::resize_file(big, 100u * 1024 * 1024 + 1);  // sparse: no disk, no memory
  try {
    read_html_file(big.string(), test::rules().headings);
    FAIL() << "no ReadError";
  } catch (const ReadError& e) {
    EXPECT_EQ(e.code, "too_large");
    EXPECT_EQ(std::string(e.what()), big.string() + ": 文件大小 101 MB 超过上限 100 MB（可用 --max-file-mb 调整） "
                                                    "(file size 101 MB is over the limit of 100 MB; raise it with "
                                                    "--max-file-mb)");
  }
  std::filesystem::remove_all(dir);
}

// Ordered lists: the number a browser draws beside an item is not in the markup, yet a part
// heading saved as `<ol><li><h1>总体情况</h1></li></ol>` is read with it.
TEST(HtmlLists, CjkIdeographicHeadingsGetTheChineseNumberAndItsComma) {
  const std::string page =
      "<ol style=\"list-style-type: cjk-ideographic\"><li><h2>总体情况</h2></li><li><h2>主动公开政府信息情况</h2></li></ol>"
      "<p>见下表。</p>"
      "<ol start=\"3\" style=\"list-style-type:cjk-ideographic\"><li><h2>收到和处理政府信息公开申请情况</h2></li></ol>"
      "<ol start=\"11\" style=\"LIST-STYLE: cjk-ideographic inside\"><li><p>信息发布</p></li><li>政策解读</li></ol>"
      "<ol start=\"10\" style=\"list-style-type: cjk-decimal\"><li>平台建设</li></ol>";
  EXPECT_EQ(texts(read_html_bytes(page, "p.html", test::rules().headings)),
            (Cells{"一、总体情况", "二、主动公开政府信息情况", "见下表。", "三、收到和处理政府信息公开申请情况",
                   "十一、信息发布", "十二、政策解读", "一〇、平台建设"}));
}

TEST(HtmlLists, APlainOlDrawsDecimalAndTheTypeAttributeLettersAndRomans) {
  const std::string page =
      "<ol><li>总体情况</li><li><p>主动公开</p></li></ol>"
      "<ol type=\"I\" start=\"4\"><li>信息发布</li></ol>"
      "<ol type=\"i\" start=\"9\"><li>政策解读</li></ol>"
      "<ol type=\"a\" start=\"27\"><li>平台建设</li></ol>"
      "<ol type=\"A\"><li>监督保障</li></ol>"
      "<ol type=\"a\" style=\"list-style-type: decimal\"><li>样式优先</li></ol>"
      "<ol style=\"list-style-type: upper-roman\"><li type=\"1\">条目自己的类型</li></ol>";
  EXPECT_EQ(texts(read_html_bytes(page, "p.html", test::rules().headings)),
            (Cells{"1. 总体情况", "2. 主动公开", "IV. 信息发布", "ix. 政策解读", "aa. 平台建设", "A. 监督保障",
                   "1. 样式优先", "1. 条目自己的类型"}));
}

TEST(HtmlLists, StartValueAndReversedCountAsInABrowser) {
  const std::string page =
      "<ol start=\"5\"><li>甲</li><li value=\"9\">乙</li><li>丙</li></ol>"
      "<ol start=\"x\"><li>无效的起始值</li></ol>"
      "<ol reversed><li>三项之一</li><li>三项之二</li><li>三项之三</li></ol>"
      "<ol start=\"0\"><li>零</li></ol>";
  EXPECT_EQ(texts(read_html_bytes(page, "p.html", test::rules().headings)),
            (Cells{"5. 甲", "9. 乙", "10. 丙", "1. 无效的起始值", "3. 三项之一", "2. 三项之二", "1. 三项之三",
                   "0. 零"}));
}

// A list inside a cjk-ideographic list counts on its own, in decimal: the browser's style sheet
// gives every <ol> decimal. "（一）" is what Word would number, not what the page shows.
TEST(HtmlLists, ANestedListCountsOnItsOwnInDecimalUnlessItSaysOtherwise) {
  const std::string page =
      "<ol style=\"list-style-type: cjk-ideographic\">"
      "<li><h2>总体情况</h2><ol><li>主动公开</li><li>依申请公开</li></ol></li>"
      "<li>主动公开政府信息情况<ol style=\"list-style-type: lower-alpha\"><li>规章</li></ol></li>"
      "<li><h2>收到和处理政府信息公开申请情况</h2></li></ol>";
  EXPECT_EQ(texts(read_html_bytes(page, "p.html", test::rules().headings)),
            (Cells{"一、总体情况", "1. 主动公开", "2. 依申请公开", "二、主动公开政府信息情况", "a. 规章",
                   "三、收到和处理政府信息公开申请情况"}));
}

// An item whose marker is hidden still counts: the next one is 2.
TEST(HtmlLists, BulletsAndHiddenMarkersDrawNoNumber) {
  const std::string page =
      "<ul><li>总体情况</li><li><h2>主动公开</h2></li></ul>"
      "<ol style=\"list-style: none\"><li>无编号</li></ol>"
      "<ol><li style=\"list-style-type:none\">隐藏编号</li><li>政策解读</li></ol>"
      "<ol style=\"list-style-type: '※'\"><li>符号</li></ol>"
      "<li>列表之外</li>";
  EXPECT_EQ(texts(read_html_bytes(page, "p.html", test::rules().headings)),
            (Cells{"总体情况", "主动公开", "无编号", "隐藏编号", "2. 政策解读", "符号", "列表之外"}));
}

// LibreOffice's XHTML export and hand-made pages write the number into the text of the item.
TEST(HtmlLists, ANumberAlreadyInTheTextIsNotDrawnAgain) {
  const std::string page =
      "<ol style=\"list-style-type: cjk-ideographic\"><li><h2>一、总体情况</h2></li>"
      "<li><h2><span style=\"float:left\">二、</span>主动公开政府信息情况</h2></li>"
      "<li>（三）依申请公开</li><li>４．其他</li><li>①说明</li><li>第六部分 其他需要报告的事项</li>"
      "<li>2023年工作</li><li>1.5万元</li></ol>";
  EXPECT_EQ(texts(read_html_bytes(page, "p.html", test::rules().headings)),
            (Cells{"一、总体情况", "二、主动公开政府信息情况", "（三）依申请公开", "４．其他", "①说明",
                   "第六部分 其他需要报告的事项", "七、2023年工作", "八、1.5万元"}));
}

// A long line of prose is quoted as it reads; a heading is numbered however long it is.
TEST(HtmlLists, OnlyHeadingsAndShortLinesAreNumbered) {
  std::string prose;
  for (int i = 0; i < 8; ++i) prose += "本机关认真落实政府信息公开条例，";
  prose += "成效明显。";
  const std::string page = "<ol><li>" + prose + "</li><li><h3>" + prose + "</h3></li><li>短行<br>第二行</li>"
                           "<li><table><tr><td>规章</td><td>1</td></tr></table>表后文字</li></ol>";
  EXPECT_EQ(texts(read_html_bytes(page, "p.html", test::rules().headings)),
            (Cells{prose, "2. " + prose, "3. 短行", "第二行", "规章\t1", "表后文字"}));
}

// What LibreOffice 7.4 writes when it saves samples/docx/rules/correct-2021.docx as HTML (its
// part headings numbered "一、" in Word's numbering): one <ol start="N"><li><h1> per heading and
// no list type, so the browser draws 1. to 6.; the "一、" of the document is lost.
const std::string kLibreOfficePage = "tests/data/html/libreoffice-correct-2021.html";

std::vector<std::string> part_lines(const Document& doc) {
  std::vector<std::string> out;
  for (const std::string& t : texts(doc))
    for (const char* part : {"总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
                             "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"})
      if (t.ends_with(part)) out.push_back(t);
  return out;
}

TEST(HtmlLists, LibreOfficeExportShowsItsHeadingsNumberedInDecimal) {
  const Document doc = read_html_file(test::source_path(kLibreOfficePage), test::rules().headings);
  EXPECT_EQ(part_lines(doc), (Cells{"1. 总体情况", "2. 主动公开政府信息情况", "3. 收到和处理政府信息公开申请情况",
                                    "4. 政府信息公开行政复议、行政诉讼情况", "5. 存在的主要问题及改进情况",
                                    "6. 其他需要报告的事项"}));
}

// Every cell of every table, its state and value, keyed "table/row/column"; the parts as
// (number, printed number, title); the meta. What two readings of one report must share.
std::vector<std::string> comparable(const Report& r) {
  std::vector<std::string> out;
  for (const auto& [key, table] : r.tables)
    for (const TableRow& row : table.rows)
      for (const auto& [column, cell] : row.cells)
        out.push_back(key + "/" + row.key + "/" + column + " = " + std::to_string(static_cast<int>(cell.state)) +
                      " " + (cell.value ? std::to_string(*cell.value) : "-"));
  for (const Section& s : r.sections)
    out.push_back("part " + std::to_string(s.number) + " " + std::to_string(s.printed) + " " + s.title);
  out.push_back("meta " + r.meta.title + " | " + r.meta.agency + " | " + std::to_string(r.meta.year.value_or(0)) +
                " | " + r.meta.format_version + " | " + r.meta.published.value_or("-"));
  return out;
}

// The same page as a web editor saves it, the list drawn in Chinese numerals: the six parts and
// every table come out as from the text the report was made from.
TEST(HtmlLists, AWholeReportWithCjkListHeadingsReadsLikeItsText) {
  std::string page = test::read_file(test::source_path(kLibreOfficePage));
  for (size_t at = page.find("<ol"); at != std::string::npos; at = page.find("<ol", at + 1))
    page.insert(at + 3, " style=\"list-style-type: cjk-ideographic\"");
  const Report html = analyze(read_html_bytes(page, "p.html", test::rules().headings), test::rules());
  const Report text = analyze(read_text_file(test::source_path("samples/rules/correct-2021.txt")), test::rules());
  ASSERT_EQ(html.sections.size(), 6u);
  for (int k = 0; k < 6; ++k) {
    EXPECT_EQ(html.sections[static_cast<size_t>(k)].number, k + 1);
    EXPECT_EQ(html.sections[static_cast<size_t>(k)].printed, k + 1);
  }
  EXPECT_EQ(html.tables.size(), 3u);
  EXPECT_EQ(comparable(html), comparable(text));
}

}  // namespace
}  // namespace nianbao
