// The DOCX reader: paragraphs and runs, Word's numbering, tables with gridSpan and vMerge,
// paragraph numbers and pages, pictures where tables belong, and damaged or hostile files.
#include "extract/read/docx/docx_reader.h"

#include <gtest/gtest.h>
#include <minizip/zip.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "extract/model/errors.h"
#include "test_paths.h"

namespace nianbao {
namespace {

namespace fs = std::filesystem;
using Cells = std::vector<std::string>;

const std::string kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fs::path scratch() {
  const fs::path dir = fs::temp_directory_path() / ("nianbao_docx_test_" + std::to_string(getpid()));
  fs::create_directories(dir);
  return dir;
}

// A DOCX (a ZIP) holding `parts`; word/document.xml gets the WordprocessingML root around
// `body` unless given whole.
std::string make_zip(const std::map<std::string, std::string>& parts) {
  const fs::path file = scratch() / "made.zip";
  fs::remove(file);
  zipFile z = zipOpen(file.c_str(), APPEND_STATUS_CREATE);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, data] : parts) {
    zip_fileinfo info{};
    EXPECT_EQ(zipOpenNewFileInZip(z, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                  Z_DEFAULT_COMPRESSION),
              ZIP_OK);
    EXPECT_EQ(zipWriteInFileInZip(z, data.data(), static_cast<unsigned>(data.size())), ZIP_OK);
    EXPECT_EQ(zipCloseFileInZip(z), ZIP_OK);
  }
  EXPECT_EQ(zipClose(z, nullptr), ZIP_OK);
  std::string bytes = test::read_file(file.string());
  fs::remove_all(scratch());
  return bytes;
}

std::string docx(const std::string& body, std::map<std::string, std::string> extra = {}) {
  extra["word/document.xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"" + kW +
                               "\"><w:body>" + body + "</w:body></w:document>";
  return make_zip(extra);
}

std::string p(const std::string& text, const std::string& ppr = "") {
  return "<w:p><w:pPr>" + ppr + "</w:pPr><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

std::string tc(const std::string& text, const std::string& props = "") {
  return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + (text.empty() ? "<w:p/>" : p(text)) + "</w:tc>";
}

std::vector<const Line*> lines(const Document& doc) { return doc.all_lines(); }

std::vector<std::string> texts(const Document& doc) {
  std::vector<std::string> out;
  for (const Line* l : doc.all_lines()) out.push_back(l->text);
  return out;
}

std::string error_of(const std::string& bytes, std::string* message = nullptr) {
  try {
    read_docx_bytes(bytes, "d.docx", test::rules().headings);
  } catch (const ReadError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("d.docx: ", 0), 0u) << e.what();
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
    if (message) *message = e.what();
    return e.code;
  }
  return "none";
}

TEST(DocxText, RunsJoinAndLineBreaksSplitAndTrackedDeletionsAndFieldCodesDrop) {
  const std::string body =
      "<w:p><w:r><w:t>政府信息</w:t></w:r><w:r><w:t>公开</w:t></w:r><w:del><w:r><w:delText>删除的</w:delText></w:r></w:del>"
      "<w:ins><w:r><w:t>工作</w:t></w:r></w:ins><w:r><w:instrText> PAGE </w:instrText></w:r>"
      "<w:r><w:br/><w:t>第二行</w:t><w:tab/><w:t>末</w:t></w:r></w:p>";
  const Document doc = read_docx_bytes(docx(body), "d.docx", test::rules().headings);
  EXPECT_EQ(texts(doc), (Cells{"政府信息公开工作", "第二行 末"}));
  EXPECT_EQ(lines(doc)[0]->loc, (Location{1, 1}));
  EXPECT_EQ(lines(doc)[1]->loc, (Location{1, 1}));
  EXPECT_EQ(doc.format, InputFormat::Docx);
}

TEST(DocxTable, GridSpanAndVMergeExpandIntoTheGrid) {
  const std::string body =
      p("三、收到和处理政府信息公开申请情况") + "<w:tbl><w:tblGrid><w:gridCol w:w=\"900\"/><w:gridCol w:w=\"900\"/>"
      "<w:gridCol w:w=\"900\"/><w:gridCol w:w=\"900\"/></w:tblGrid>"
      "<w:tr>" + tc("一、本年新收", "<w:gridSpan w:val=\"2\"/>") + tc("5") + tc("5") + "</w:tr>"
      "<w:tr>" + tc("三、本年度办理结果", "<w:vMerge w:val=\"restart\"/>") + tc("（一）予以公开") + tc("3") + tc("") + "</w:tr>"
      "<w:tr>" + tc("", "<w:vMerge/>") +
      "<w:tc><w:p><w:r><w:t>商业</w:t></w:r></w:p><w:p><w:r><w:t>企业</w:t></w:r></w:p></w:tc>" + tc("　") + tc("2 ") + "</w:tr>"
      "</w:tbl>";
  const Document doc = read_docx_bytes(docx(body), "d.docx", test::rules().headings);
  const auto l = lines(doc);
  ASSERT_EQ(l.size(), 4u);
  EXPECT_EQ(l[1]->cells, (Cells{"一、本年新收", "一、本年新收", "5", "5"}));
  EXPECT_EQ(l[2]->cells, (Cells{"三、本年度办理结果", "（一）予以公开", "3", ""}));
  EXPECT_EQ(l[3]->cells, (Cells{"", "商业企业", "", "2"}));
  // Paragraph numbers: the heading is ¶1, each row one more.
  EXPECT_EQ(l[1]->loc.line, 2);
  EXPECT_EQ(l[3]->loc.line, 4);
}

TEST(DocxTable, AHairThinGridColumnIsNoColumn) {
  const std::string body =
      "<w:tbl><w:tblGrid><w:gridCol w:w=\"900\"/><w:gridCol w:w=\"1\"/><w:gridCol w:w=\"900\"/></w:tblGrid>"
      "<w:tr>" + tc("行政复议") + tc("行政诉讼", "<w:gridSpan w:val=\"2\"/>") + "</w:tr>"
      "<w:tr>" + tc("2", "<w:gridSpan w:val=\"2\"/>") + tc("3") + "</w:tr></w:tbl>";
  const Document doc = read_docx_bytes(docx(body), "d.docx", test::rules().headings);
  const auto l = lines(doc);
  ASSERT_EQ(l.size(), 2u);
  EXPECT_EQ(l[0]->cells, (Cells{"行政复议", "行政诉讼"}));
  EXPECT_EQ(l[1]->cells, (Cells{"2", "3"}));
}

TEST(DocxNumbering, WordsOwnNumbersAreRead) {
  const std::string numbering =
      "<w:numbering xmlns:w=\"" + kW + "\"><w:abstractNum w:abstractNumId=\"0\">"
      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>"
      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl>"
      "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/></w:lvl>"
      "</w:abstractNum><w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
  const std::string styles =
      "<w:styles xmlns:w=\"" + kW + "\"><w:style w:type=\"paragraph\" w:styleId=\"H1\"><w:pPr><w:numPr>"
      "<w:numId w:val=\"3\"/></w:numPr></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"H1x\"><w:basedOn w:val=\"H1\"/></w:style></w:styles>";
  const std::string level1 = "<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"3\"/></w:numPr>";
  const std::string body = p("总体情况", "<w:pStyle w:val=\"H1\"/>") + p("主动公开", level1) + p("依申请公开", level1) +
                           p("要点", "<w:numPr><w:ilvl w:val=\"2\"/><w:numId w:val=\"3\"/></w:numPr>") +
                           p("主动公开政府信息情况", "<w:pStyle w:val=\"H1x\"/>") + p("无编号", "<w:pStyle w:val=\"H1\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>");
  const Document doc = read_docx_bytes(docx(body, {{"word/numbering.xml", numbering}, {"word/styles.xml", styles}}), "d.docx", test::rules().headings);
  EXPECT_EQ(texts(doc), (Cells{"一、总体情况", "（一）主动公开", "（二）依申请公开", "要点", "二、主动公开政府信息情况", "无编号"}));
}

TEST(DocxPages, ExplicitBreaksCountWhenWordRecordedNoLayout) {
  const std::string body = p("一") + "<w:p><w:r><w:br w:type=\"page\"/></w:r><w:r><w:t>二</w:t></w:r></w:p>" +
                           p("三", "<w:pageBreakBefore/>") + "<w:p/>" +
                           "<w:p><w:pPr><w:sectPr><w:type w:val=\"nextPage\"/></w:sectPr></w:pPr><w:r><w:t>四</w:t></w:r></w:p>" + p("五");
  const Document doc = read_docx_bytes(docx(body), "d.docx", test::rules().headings);
  const auto l = lines(doc);
  std::vector<Location> locs;
  for (const Line* x : l) locs.push_back(x->loc);
  EXPECT_EQ(locs, (std::vector<Location>{{1, 1}, {2, 2}, {3, 3}, {3, 5}, {4, 6}}));
}

TEST(DocxPages, RecordedLayoutWinsOverExplicitBreaks) {
  const std::string body = p("一") + "<w:p><w:r><w:lastRenderedPageBreak/><w:t>二</w:t></w:r></w:p>" +
                           "<w:p><w:r><w:br w:type=\"page\"/></w:r><w:r><w:lastRenderedPageBreak/><w:t>三</w:t></w:r></w:p>";
  const Document doc = read_docx_bytes(docx(body), "d.docx", test::rules().headings);
  const auto l = lines(doc);
  ASSERT_EQ(l.size(), 3u);
  EXPECT_EQ(l[1]->loc, (Location{2, 2}));
  EXPECT_EQ(l[2]->loc, (Location{3, 3}));
}

TEST(DocxImages, APictureWhereTheTablesBelongIsReported) {
  const std::string pic = "<w:p><w:r><w:drawing/></w:r></w:p>";
  const std::string body = pic + p("二、主动公开政府信息情况") + pic + p("三、收到和处理政府信息公开申请情况") + pic +
                           p("五、存在的主要问题及改进情况") + pic;
  const Document doc = read_docx_bytes(docx(body), "d.docx", test::rules().headings);
  EXPECT_EQ(doc.notes.images, 4);
  EXPECT_EQ(doc.notes.table_image_lines, (std::vector<int>{3, 5}));
}

TEST(DocxBadInput, NotAZipOrTruncated) {
  std::string message;
  EXPECT_EQ(error_of("plain text, not a zip", &message), "corrupt");
  EXPECT_EQ(message, "d.docx: 不是 ZIP 格式，不是有效的 DOCX 文件 (not a ZIP archive, so not a valid DOCX file)");
  const std::string whole = docx(p("一、总体情况"));
  EXPECT_EQ(error_of(whole.substr(0, whole.size() / 2)), "corrupt");
}

TEST(DocxBadInput, ZipBombsStopAtTheLimits) {
  // 300 MB of spaces deflated into 300 KB (made with Python's zipfile).
  std::string message;
  const std::string bomb = test::read_file(test::source_path("tests/data/docx/bomb.docx"));
  EXPECT_EQ(error_of(bomb, &message), "too_large_inflated");
  EXPECT_EQ(message, "d.docx: 解压后的大小（疑似压缩炸弹）超过上限 200 MB（可用 --max-inflated-mb 调整） (the size "
                     "when inflated (a zip bomb?) is over the limit of 200 MB; raise it with --max-inflated-mb)");
  // A lower limit stops it sooner, with the limit in the message.
  Limits limits;
  limits.max_inflated_mb = 10;
  try {
    read_docx_bytes(bomb, "d.docx", test::rules().headings, limits);
    FAIL();
  } catch (const ReadError& e) {
    EXPECT_EQ(e.code, "too_large_inflated");
    EXPECT_NE(std::string(e.what()).find("超过上限 10 MB"), std::string::npos) << e.what();
  }
  std::map<std::string, std::string> many;
  for (int i = 0; i <= 10000; ++i) many[std::string("f").append(std::to_string(i))] = "";
  EXPECT_EQ(error_of(make_zip(many), &message), "too_large");
  EXPECT_EQ(message, "d.docx: 压缩包内文件超过 10000 个 (more than 10000 entries in the archive)");
}

TEST(DocxBadInput, ExternalEntitiesAndEntityExpansionAreRefused) {
  const std::string xxe = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                          "<w:document xmlns:w=\"" + kW + "\"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>";
  std::string message;
  EXPECT_EQ(error_of(make_zip({{"word/document.xml", xxe}}), &message), "corrupt");
  EXPECT_EQ(message, "d.docx: word/document.xml 含有 DTD 声明（Word 不会写入），为安全起见不予读取 "
                     "(word/document.xml declares a DTD, which Word never writes; refused for safety)");
  std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">";
  for (int i = 1; i < 10; ++i)
    laughs += "<!ENTITY lol" + std::to_string(i) + " \"" + std::string(10, ' ') + "\">";
  laughs += "]><w:document xmlns:w=\"" + kW + "\"/>";
  EXPECT_EQ(error_of(make_zip({{"word/document.xml", laughs}})), "corrupt");
}

TEST(DocxBadInput, DamagedOrForeignContent) {
  std::string message;
  EXPECT_EQ(error_of(make_zip({{"word/document.xml", "<w:document><w:body><w:p>"}}), &message), "corrupt");
  EXPECT_EQ(message, "d.docx: word/document.xml 不是完整的 XML，文件已损坏 (word/document.xml is not well-formed XML: damaged file)");
  EXPECT_EQ(error_of(make_zip({{"xl/workbook.xml", "<workbook/>"}}), &message), "corrupt");
  EXPECT_EQ(message, "d.docx: 不是 Word 文档，缺少 word/document.xml (not a Word document: word/document.xml is missing)");
  EXPECT_EQ(error_of(docx("<w:p/><w:p/>")), "empty");
}

TEST(DocxBadInput, AFileOverOneHundredMegabytesIsRefusedUnread) {
  const fs::path big = scratch() / "big.docx";
  { std::ofstream(big) << "PK"; }
  fs::resize_file(big, 100u * 1024 * 1024 + 1);
  try {
    read_docx_file(big.string(), test::rules().headings);
    FAIL() << "no ReadError";
  } catch (const ReadError& e) {
    EXPECT_EQ(e.code, "too_large");
  }
  fs::remove_all(scratch());
}

}  // namespace
}  // namespace nianbao
