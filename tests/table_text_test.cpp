// Rebuilding the tables of parts 2–4 from text: tab rows, Markdown conversions, portal dumps.
#include <gtest/gtest.h>

#include "extract/tables/text/table_text.h"
#include "extract/read/text/text_reader.h"
#include "test_paths.h"

using namespace nianbao;

namespace {

// The parts located by their heading text (first line holding it, from the previous part on);
// parts of one-line portal dumps share that line.
std::vector<Section> parts(const Document& doc, const std::vector<std::string>& titles) {
  auto lines = doc.all_lines();
  std::vector<Section> out;
  size_t from = 0;
  for (size_t k = 0; k < titles.size(); ++k) {
    for (size_t i = from; i < lines.size(); ++i)
      if (lines[i]->text.find(titles[k]) != std::string::npos) {
        Section s;
        s.number = static_cast<int>(k) + 2;
        s.title = titles[k];
        s.first_line = i;
        s.loc = lines[i]->loc;
        out.push_back(s);
        from = i;
        break;
      }
  }
  for (size_t k = 0; k < out.size(); ++k)
    out[k].end_line = k + 1 < out.size() ? std::max(out[k + 1].first_line, out[k].first_line + 1)
                                         : lines.size();
  return out;
}

const std::vector<std::string> kTitles = {"主动公开政府信息情况", "收到和处理政府信息公开申请情况",
                                          "政府信息公开行政复议", "存在的主要问题"};

TableExtraction extract(const std::string& file, int year,
                        const std::vector<std::string>& titles = kTitles) {
  Document d = read_text_file(test::source_path(file));
  return rebuild_tables_from_text(d, test::rules(), parts(d, titles), year);
}

// The row's values in column order; -1 for a cell without a value.
std::vector<double> values(const Table& t, const std::string& row) {
  std::vector<double> out;
  const TableRow* r = t.row(row);
  if (!r) return out;
  for (const auto& c : t.columns)
    if (auto it = r->cells.find(c); it != r->cells.end())
      out.push_back(it->second.value.value_or(-1));
  return out;
}
using V = std::vector<double>;
const std::vector<std::string> kAppCols = {"natural_person", "commercial", "research", "social_org",
                                           "legal_service",  "other_org",  "total"};
// Applications rows in the table's column order (natural … total).
std::vector<double> app(const Table& t, const std::string& row) {
  std::vector<double> out;
  for (const auto& c : kAppCols) {
    const Cell* cell = t.cell(row, c);
    out.push_back(cell && cell->value ? *cell->value : -1);
  }
  return out;
}
std::vector<double> rev(const Table& t, const std::string& row) {
  std::vector<double> out;
  for (const char* c : {"upheld", "corrected", "other", "pending", "total"}) {
    const Cell* cell = t.cell(row, c);
    out.push_back(cell && cell->value ? *cell->value : -1);
  }
  return out;
}

}  // namespace

TEST(TableText, SeedReport2019TabRows) {
  auto x = extract("samples/helan-culture-tourism-2020.txt", 2020);
  EXPECT_EQ(x.format_version, "2019");
  ASSERT_EQ(x.tables.size(), 3u);
  const Table& a = x.tables.at("applications");
  EXPECT_EQ(a.loc.line, 66);
  ASSERT_EQ(a.rows.size(), 23u);
  int line = 69;
  for (const auto& r : a.rows) {
    EXPECT_TRUE(r.found) << r.key;
    if (r.key == "rejected.repeated") line = 86;  // a blank line splits (五) in the seed
    EXPECT_EQ(r.loc.line, line++) << r.key;
    ASSERT_EQ(r.cells.size(), 7u) << r.key;
    for (const auto& [col, cell] : r.cells) {
      EXPECT_EQ(cell.state, CellState::Value) << r.key << "." << col;
      EXPECT_EQ(cell.value, 0.0) << r.key << "." << col;
      EXPECT_EQ(cell.loc.line, r.loc.line);
    }
  }
  EXPECT_EQ(a.rows.back().key, "carried_forward");
  EXPECT_EQ(a.rows[20].key, "other");

  const Table& rv = x.tables.at("reviews");
  EXPECT_EQ(rv.loc.line, 96);
  for (const char* c : {"upheld", "corrected", "other", "pending", "total"}) {
    const Cell* review = rv.cell("review", c);
    ASSERT_TRUE(review);
    EXPECT_EQ(review->state, CellState::Empty) << c;
    EXPECT_FALSE(review->value) << c;
    EXPECT_EQ(review->loc.line, 99);
    for (const char* row : {"litigation_direct", "litigation_after_review"}) {
      EXPECT_EQ(rv.cell(row, c)->value, 0.0);
      EXPECT_EQ(rv.cell(row, c)->loc.line, 99);
    }
  }

  const Table& p = x.tables.at("proactive");
  EXPECT_EQ(p.loc.line, 43);
  ASSERT_EQ(p.rows.size(), 8u);
  EXPECT_EQ(p.cell("procurement", "items")->value, 1.0);
  const Cell* amount = p.cell("procurement", "amount_yuan");
  EXPECT_DOUBLE_EQ(*amount->value, 2315831.33);
  EXPECT_EQ(amount->loc.line, 61);
  EXPECT_EQ(p.row("fees")->cells.size(), 2u);
  EXPECT_EQ(p.cell("fees", "previous")->value, 0.0);
  EXPECT_EQ(p.cell("fees", "change")->value, 0.0);
  for (const char* r : {"regulations", "normative_docs"})
    for (const char* c : {"made", "published", "total_published"})
      EXPECT_EQ(p.cell(r, c)->value, 0.0) << r << c;
  EXPECT_EQ(p.row("licensing")->loc.line, 49);
}

TEST(TableText, HandBuilt2021TabRowsWithUnitsAndPlaceholders) {
  Document d;
  Page page;
  int n = 0;
  auto add = [&](std::string text, std::vector<std::string> cells = {}) {
    Line l;
    l.text = std::move(text);
    l.loc = Location{1, ++n};
    l.cells = std::move(cells);
    page.lines.push_back(l);
  };
  add("二、主动公开政府信息情况");
  add("第二十条第（一）项", {"第二十条第（一）项", "", "", ""});
  add("h", {"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"});
  add("r", {"规章", "1", "0", "5"});
  add("r", {"行政规范性文件", "3", "/", "40"});
  add("r", {"行政许可", "120"});
  add("r", {"行政处罚", "—"});
  add("r", {"行政强制", "若干"});
  add("r", {"行政事业性收费", "251000元"});
  add("三、收到和处理政府信息公开申请情况");
  add("h", {"", "", "", "申请人情况"});
  const std::vector<std::string> labels = {
      "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开",
      "（二）部分公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
      "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
      "7.属于行政执法案卷", "8.属于行政查询事项", "1.本机关不掌握相关政府信息",
      "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确", "1.信访举报投诉类申请",
      "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
      "5.要求行政机关确认或重新出具已获取信息",
      "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
      "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他",
      "（七）总计", "四、结转下年度继续办理"};
  for (size_t i = 0; i < labels.size(); ++i) {
    std::string v = std::to_string(i);
    add("r", {labels[i], v, "0", "0", "0", "0", "0", v});
  }
  add("四、政府信息公开行政复议、行政诉讼情况");
  add("h", {"行政复议", "", "", "", "", "行政诉讼"});
  add("r", {"1", "0", "0", "0", "1", "0", "0", "0", "2", "2", "0", "0", "0", "0", "0"});
  d.pages.push_back(page);
  std::vector<Section> secs(3);
  secs[0] = Section{2, 2, "主动公开政府信息情况", {1, 1}, 0, 9};
  secs[1] = Section{3, 3, "收到和处理政府信息公开申请情况", {1, 10}, 9, 36};
  secs[2] = Section{4, 4, "政府信息公开行政复议、行政诉讼情况", {1, 37}, 36, 39};

  auto x = rebuild_tables_from_text(d, test::rules(), secs, 2021);
  EXPECT_EQ(x.format_version, "2021");
  const Table& p = x.tables.at("proactive");
  EXPECT_EQ(p.loc.line, 2);
  EXPECT_EQ(values(p, "regulations").size(), 3u);
  EXPECT_EQ(p.cell("regulations", "in_force")->value, 5.0);
  EXPECT_EQ(p.cell("normative_docs", "abolished")->state, CellState::Placeholder);
  EXPECT_EQ(p.cell("licensing", "decisions")->value, 120.0);
  EXPECT_EQ(p.cell("penalty", "decisions")->state, CellState::Placeholder);
  EXPECT_EQ(p.cell("enforcement", "decisions")->state, CellState::Invalid);
  const Cell* fee = p.cell("fees", "amount_wan");
  EXPECT_DOUBLE_EQ(*fee->value, 25.1);
  EXPECT_FALSE(fee->note.empty());
  EXPECT_EQ(fee->text, "251000元");

  const Table& a = x.tables.at("applications");
  ASSERT_EQ(a.rows.size(), 25u);
  for (size_t i = 0; i < a.rows.size(); ++i) {
    EXPECT_TRUE(a.rows[i].found) << a.rows[i].key;
    EXPECT_EQ(a.rows[i].loc.line, static_cast<int>(12 + i)) << a.rows[i].key;
    double v = static_cast<double>(i);
    EXPECT_EQ(app(a, a.rows[i].key), (V{v, 0, 0, 0, 0, 0, v})) << a.rows[i].key;
  }
  const Table& r = x.tables.at("reviews");
  EXPECT_EQ(rev(r, "review"), (V{1, 0, 0, 0, 1}));
  EXPECT_EQ(rev(r, "litigation_direct"), (V{0, 0, 0, 2, 2}));
  EXPECT_EQ(rev(r, "litigation_after_review"), (V{0, 0, 0, 0, 0}));
}

TEST(TableText, ShuyangPerRowMarkdownTables) {
  auto x = extract("tests/corpus/jiangsu_suqian_shuyangxian_2025.txt", 2025);
  EXPECT_EQ(x.format_version, "2021");
  const Table& a = x.tables.at("applications");
  EXPECT_EQ(app(a, "new"), (V{705, 3, 0, 0, 5, 0, 713}));
  EXPECT_EQ(a.row("new")->loc.line, 99);
  EXPECT_EQ(app(a, "carried_over"), (V{36, 0, 0, 0, 0, 0, 36}));
  EXPECT_EQ(app(a, "partly_granted"), (V{99, 0, 0, 0, 2, 0, 101}));
  EXPECT_EQ(app(a, "other.no_fee"), (V{7, 0, 0, 0, 0, 0, 7}));  // after the spurious header
  EXPECT_EQ(app(a, "other.misc"), (V{142, 1, 0, 0, 0, 0, 143}));
  EXPECT_EQ(app(a, "results_total"), (V{710, 3, 0, 0, 5, 0, 718}));
  EXPECT_EQ(app(a, "carried_forward"), (V{31, 0, 0, 0, 0, 0, 31}));
  for (const auto& r : a.rows) EXPECT_TRUE(r.found) << r.key;
  const Table& r = x.tables.at("reviews");
  EXPECT_EQ(rev(r, "review"), (V{27, 10, 9, 15, 61}));
  EXPECT_EQ(rev(r, "litigation_direct"), (V{3, 0, 0, 0, 3}));
  EXPECT_EQ(rev(r, "litigation_after_review"), (V{8, 0, 1, 1, 10}));
  EXPECT_DOUBLE_EQ(*x.tables.at("proactive").cell("fees", "amount_wan")->value, 4068.208);
}

TEST(TableText, ShanghaiMarkdownWithDetachedLabels) {
  auto x = extract("tests/corpus/shanghai_shizhengfu_bangongting_2025.md", 2025);
  EXPECT_EQ(x.format_version, "2021");
  const Table& a = x.tables.at("applications");
  EXPECT_EQ(app(a, "new"), (V{1259, 36, 0, 0, 0, 0, 1295}));
  EXPECT_EQ(app(a, "carried_over"), (V{170, 15, 0, 0, 4, 0, 189}));
  EXPECT_EQ(app(a, "partly_granted"), (V{2, 0, 0, 0, 0, 0, 2}));  // numbers under the label
  EXPECT_EQ(app(a, "denied.third_party"), (V{0, 0, 0, 0, 0, 0, 0}));  // "（三）不 | 4.保护…"
  EXPECT_EQ(app(a, "denied.internal"), (V{8, 0, 0, 0, 1, 0, 9}));
  // Between 4.无正当理由 and 3.其他 three unlabeled rows sit for three rows: in order.
  EXPECT_EQ(app(a, "rejected.confirmation"), (V{0, 0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(a.row("rejected.confirmation")->loc.line, 154);
  EXPECT_EQ(app(a, "other.no_correction"), (V{40, 1, 0, 0, 2, 0, 43}));
  EXPECT_EQ(app(a, "other.no_fee"), (V{0, 0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(a.row("other.no_fee")->loc.line, 160);  // its label, above its numbers
  EXPECT_EQ(app(a, "other.misc"), (V{264, 12, 0, 0, 0, 0, 276}));
  EXPECT_EQ(app(a, "results_total"), (V{1139, 48, 0, 0, 4, 0, 1191}));
  EXPECT_EQ(app(a, "carried_forward"), (V{290, 3, 0, 0, 0, 0, 293}));
  for (const auto& r : a.rows) EXPECT_TRUE(r.found) << r.key;
  const Table& r = x.tables.at("reviews");
  EXPECT_EQ(rev(r, "review"), (V{40, 0, 10, 5, 55}));
  EXPECT_EQ(rev(r, "litigation_direct"), (V{2, 0, 4, 6, 12}));
  EXPECT_EQ(rev(r, "litigation_after_review"), (V{6, 0, 9, 7, 22}));
  EXPECT_EQ(r.cell("review", "total")->loc.line, 180);
  // Part 2: "| 规章 | 22 | 235 |" lost a cell: the row is there but not readable.
  const Table& p = x.tables.at("proactive");
  EXPECT_TRUE(p.row("regulations")->found);
  EXPECT_EQ(p.cell("regulations", "issued")->state, CellState::Unreadable);
  EXPECT_EQ(p.cell("licensing", "decisions")->value, 0.0);
}

TEST(TableText, KeweiMarkdownLabelsAfterTheirNumbers) {
  auto x = extract("tests/corpus/shanghai_kewei_2024.md", 2024,
                   {"主动公开", "收到和处理政府信息公开申请情况", "政府信息公开行政复议", "主要问题"});
  const Table& a = x.tables.at("applications");
  EXPECT_EQ(app(a, "granted"), (V{9, 0, 0, 0, 0, 0, 9}));
  EXPECT_EQ(app(a, "partly_granted"), (V{0, 0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(app(a, "denied.internal"), (V{1, 0, 0, 0, 0, 0, 1}));
  EXPECT_EQ(app(a, "unavailable.not_held"), (V{4, 0, 0, 0, 0, 0, 4}));
  EXPECT_EQ(app(a, "unavailable.needs_creation"), (V{6, 0, 0, 0, 0, 0, 6}));
  EXPECT_EQ(app(a, "other.no_correction"), (V{8, 2, 0, 0, 0, 0, 10}));
  EXPECT_EQ(app(a, "results_total"), (V{33, 2, 0, 0, 0, 0, 35}));
  // The 总计 of 四、结转 was lost in the conversion.
  EXPECT_EQ(a.cell("carried_forward", "total")->state, CellState::Empty);
  EXPECT_EQ(rev(x.tables.at("reviews"), "review"), (V{1, 0, 0, 0, 1}));
}

TEST(TableText, Pingtan2019FlattenedRuns) {
  auto x = extract("tests/corpus/fujian_pingtan_shiyanqu_2019.txt", 2019);
  EXPECT_EQ(x.format_version, "2019");
  const Table& a = x.tables.at("applications");
  EXPECT_EQ(app(a, "new"), (V{23, 0, 0, 0, 0, 0, 23}));  // "230 000023"
  EXPECT_EQ(app(a, "unavailable.not_held"), (V{7, 0, 0, 0, 0, 0, 7}));  // "70000072.没有…"
  EXPECT_EQ(app(a, "other"), (V{0, 0, 0, 0, 0, 0, 0}));                // "0 0 0 0 0 00"
  EXPECT_EQ(app(a, "results_total"), (V{23, 0, 0, 0, 0, 0, 23}));
  EXPECT_EQ(app(a, "carried_forward"), (V{0, 0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(a.row("new")->loc.line, 10);
  EXPECT_EQ(rev(x.tables.at("reviews"), "litigation_after_review"), (V{0, 0, 0, 0, 0}));
  const Table& p = x.tables.at("proactive");
  EXPECT_EQ(values(p, "regulations"), (V{0, 0, 0}));  // "规章000"
  // "规范性文件898989" and "政府集中采购13575394432.52元" have several cuts: not guessed.
  EXPECT_EQ(p.cell("normative_docs", "made")->state, CellState::Unreadable);
  EXPECT_EQ(p.cell("procurement", "amount_yuan")->state, CellState::Unreadable);
}

TEST(TableText, Pingtan2020PublishedInconsistencySurvives) {
  auto x = extract("tests/corpus/fujian_pingtan_shiyanqu_2020.txt", 2020);
  const Table& a = x.tables.at("applications");
  EXPECT_EQ(app(a, "new"), (V{20, 0, 0, 0, 0, 1, 21}));
  EXPECT_EQ(app(a, "granted"), (V{6, 0, 0, 0, 0, 1, 7}));
  EXPECT_EQ(app(a, "partly_granted"), (V{6, 0, 0, 0, 0, 0, 6}));
  EXPECT_EQ(app(a, "other"), (V{4, 0, 0, 0, 0, 0, 4}));
  // The result rows add to 26/27 but (七)总计 is printed 20/21: kept as printed.
  EXPECT_EQ(app(a, "results_total"), (V{20, 0, 0, 0, 0, 1, 21}));
  const Table& p = x.tables.at("proactive");
  EXPECT_EQ(values(p, "regulations"), (V{0, 0, 7}));
  EXPECT_EQ(p.cell("penalty", "previous")->value, 2648.0);  // "2648-18538"
  EXPECT_EQ(p.cell("penalty", "change")->state, CellState::Unreadable);
  EXPECT_EQ(p.cell("fees", "change")->value, -15.0);  // "35-15"
}

TEST(TableText, Pingtan2021SolvedWithTableSums) {
  auto x = extract("tests/corpus/fujian_pingtan_shiyanqu_2021.txt", 2021);
  EXPECT_EQ(x.format_version, "2021");
  const Table& a = x.tables.at("applications");
  EXPECT_EQ(app(a, "new"), (V{64, 0, 0, 2, 0, 4, 70}));
  // "270020130": two cuts add up in the row; only one makes the columns balance.
  EXPECT_EQ(app(a, "granted"), (V{27, 0, 0, 2, 0, 1, 30}));
  EXPECT_EQ(app(a, "unavailable.not_held"), (V{22, 0, 0, 0, 0, 3, 25}));
  EXPECT_EQ(app(a, "partly_granted"), (V{5, 0, 0, 0, 0, 0, 5}));  // "500000 5"
  EXPECT_EQ(app(a, "results_total"), (V{63, 0, 0, 2, 0, 4, 69}));
  EXPECT_EQ(rev(x.tables.at("reviews"), "review"), (V{1, 0, 2, 0, 3}));
  EXPECT_EQ(x.tables.at("proactive").cell("licensing", "decisions")->value, 2293.0);
}

TEST(TableText, Pingtan2024And2025Reviews) {
  auto x = extract("tests/corpus/fujian_pingtan_shiyanqu_2024.txt", 2024);
  const Table& r = x.tables.at("reviews");
  EXPECT_EQ(rev(r, "review"), (V{2, 1, 3, 1, 7}));  // "21317000001324019"
  EXPECT_EQ(rev(r, "litigation_direct"), (V{0, 0, 0, 0, 0}));
  EXPECT_EQ(rev(r, "litigation_after_review"), (V{13, 2, 4, 0, 19}));
  EXPECT_EQ(app(x.tables.at("applications"), "new"), (V{217, 1, 0, 0, 0, 0, 218}));
  auto y = extract("tests/corpus/fujian_pingtan_shiyanqu_2025.txt", 2025);
  const Table& r2 = y.tables.at("reviews");
  EXPECT_EQ(rev(r2, "review"), (V{25, 3, 8, 0, 36}));
  EXPECT_EQ(rev(r2, "litigation_direct"), (V{3, 3, 0, 0, 6}));
  EXPECT_EQ(rev(r2, "litigation_after_review"), (V{3, 0, 0, 0, 3}));
  const Table& a = y.tables.at("applications");
  EXPECT_EQ(app(a, "new"), (V{151, 3, 0, 0, 0, 0, 154}));
  EXPECT_EQ(app(a, "results_total"), (V{147, 1, 0, 0, 0, 0, 148}));
  EXPECT_EQ(app(a, "carried_forward"), (V{4, 2, 0, 0, 0, 0, 6}));
  EXPECT_EQ(app(a, "other.no_correction"), (V{8, 0, 0, 0, 0, 0, 8}));
}

TEST(TableText, AmbiguousRunIsNotGuessed) {
  Document d;
  Page page;
  Line l;
  l.text =
      "三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量110000011"
      "二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开0000000"
      "（二）部分公开0000000（三）不予公开1.属于国家秘密0000000";
  l.loc = Location{1, 1};
  page.lines.push_back(l);
  d.pages.push_back(page);
  auto x = rebuild_tables_from_text(d, test::rules(), {Section{3, 3, "收到和处理政府信息公开申请情况", {1, 1}, 0, 1}},
                                    2021);
  const Table& a = x.tables.at("applications");
  // 11,0,…,11 or 1,10,0,…,11: the two cells that differ are unreadable, the rest read.
  EXPECT_EQ(a.cell("new", "natural_person")->state, CellState::Unreadable);
  EXPECT_FALSE(a.cell("new", "natural_person")->value);
  EXPECT_EQ(a.cell("new", "commercial")->state, CellState::Unreadable);
  EXPECT_EQ(a.cell("new", "research")->value, 0.0);
  EXPECT_EQ(a.cell("new", "total")->value, 11.0);
  EXPECT_TRUE(a.row("denied.state_secret")->found);
  EXPECT_FALSE(a.row("denied.prohibited")->found);
  EXPECT_EQ(a.rows.size(), 25u);
}

TEST(TableText, Pre2019ReportsHaveNoTables) {
  for (auto [file, year] : {std::pair{"fujian_pingtan_shiyanqu_2018.txt", 2018},
                            std::pair{"fujian_pingtan_xianzhengfu_2011.txt", 2011},
                            std::pair{"fujian_pingtan_dishuiju_2013.txt", 2013}}) {
    auto x = extract(std::string("tests/corpus/") + file, year);
    EXPECT_TRUE(x.tables.empty()) << file;
    EXPECT_EQ(x.format_version, "unknown") << file;
  }
}
