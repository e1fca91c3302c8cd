#include "extract/normalize/normalize.h"

#include <gtest/gtest.h>

namespace nianbao {
namespace {

TEST(Fold, FullWidthDigitsLettersAndPunctuationBecomeAscii) {
  EXPECT_EQ(fold("（一）予以公开，１２３ＡＢ：“三安全一稳定”"), "(一)予以公开,123AB:\"三安全一稳定\"");
}

// Text whose code points each have an NFKC of their own is folded without ICU; text with one
// that needs its neighbours (a combining accent, a compatibility ligature) goes through ICU: the
// same folding either way.
TEST(Fold, TheSameWithAndWithoutIcu) {
  EXPECT_EQ(fold("一、本年新收　３１１９件；"), "一、本年新收 3119件;");
  EXPECT_EQ(fold("e\u0301 ﬁ（一）"), "\u00e9 fi(一)");
  EXPECT_EQ(fold("……１２"), "......12");
  EXPECT_EQ(compact("全年 共 ３ 件"), "全年共3件");
  EXPECT_EQ(fold("\xff\xfe１"), "\ufffd\ufffd1");  // malformed UTF-8: replaced, as ICU does
}

TEST(Fold, MarkdownBoldIsDroppedAndSpacesCollapse) {
  EXPECT_EQ(fold("**一是**人员  流动"), "一是人员 流动");
  EXPECT_EQ(compact(" 2020 年 1 月 "), "2020年1月");
}

// Stretches that fold to themselves are copied whole; a '*' or a space at their edges is folded
// as within them: a pair of stars goes, one stays, spaces between stretches become one.
TEST(Fold, StarsAndSpacesAtTheEdgesOfCopiedStretches) {
  EXPECT_EQ(fold("***一是*"), "*一是*");
  EXPECT_EQ(fold("一*＊二"), "一二");  // the full-width star is a star once folded
  EXPECT_EQ(fold("* 一 *"), "* 一 *");
  EXPECT_EQ(compact("* 一 *"), "*一*");
  EXPECT_EQ(fold("一\u3000\u3000二\t"), "一 二");
  EXPECT_EQ(kept_prefix("政府12信息 公开"), std::string("政府12信息").size());
  EXPECT_EQ(kept_prefix("“一”"), 0u);
  EXPECT_EQ(kept_prefix("一、二。１"), std::string("一、二。").size());
}

TEST(ChineseNumerals, PositionalAndDigitByDigit) {
  EXPECT_EQ(parse_chinese_integer("十五"), 15);
  EXPECT_EQ(parse_chinese_integer("二十"), 20);
  EXPECT_EQ(parse_chinese_integer("一千二百三十"), 1230);
  EXPECT_EQ(parse_chinese_integer("一千零五"), 1005);
  EXPECT_EQ(parse_chinese_integer("两万三千"), 23000);
  EXPECT_EQ(parse_chinese_integer("二〇二一"), 2021);
  EXPECT_EQ(parse_chinese_integer("二零二一"), 2021);
  EXPECT_EQ(parse_chinese_integer("２０２１"), 2021);
  EXPECT_FALSE(parse_chinese_integer("十五个"));
}

TEST(Dates, ChineseArabicAndIsoForms) {
  EXPECT_EQ(parse_date("2021年1月15日")->iso(), "2021-01-15");
  EXPECT_EQ(parse_date("2021 年 1 月 15 日")->iso(), "2021-01-15");
  EXPECT_EQ(parse_date("二〇二一年一月十五日")->iso(), "2021-01-15");
  EXPECT_EQ(parse_date("2021-01-15")->iso(), "2021-01-15");
  EXPECT_EQ(parse_date("2021.1.5")->iso(), "2021-01-05");
  EXPECT_FALSE(parse_date("2021年13月1日"));
  EXPECT_FALSE(parse_date("2021年1月15日止"));
}

// A date is a few characters, however it is spaced; a long text is none, answered without
// folding it.
TEST(Dates, SpacedOutIsADateALongTextIsNone) {
  EXPECT_EQ(parse_date("\u3000二\u3000〇\u3000二\u3000一\u3000年\u3000十\u3000二\u3000月\u3000三\u3000十\u3000一\u3000日")->iso(),
            "2021-12-31");
  EXPECT_EQ(parse_date(std::string(1000, ' ') + "2021-01-15" + std::string(1000, ' '))->iso(), "2021-01-15");
  EXPECT_FALSE(parse_date(std::string(40, '0') + "2021年1月15日"));
  EXPECT_FALSE(parse_date(std::string(10'000'000, '7')));
}

TEST(Numbers, SeparatorsSignsAndPrecision) {
  EXPECT_EQ(parse_number("1,234")->value, 1234);
  EXPECT_EQ(parse_number("１２")->value, 12);
  auto money = parse_number("2315831.33");
  EXPECT_DOUBLE_EQ(money->value, 2315831.33);
  EXPECT_EQ(money->decimals, 2);
  EXPECT_EQ(parse_number("+12")->value, 12);
  EXPECT_TRUE(parse_number("+12")->is_signed);
  EXPECT_EQ(parse_number("-3")->value, -3);
  EXPECT_EQ(parse_number("减少3")->value, -3);
  EXPECT_FALSE(parse_number("12,34"));
  EXPECT_FALSE(parse_number("无"));
  EXPECT_FALSE(parse_number("/"));
}

TEST(Quantities, UnitsAndScale) {
  auto q = parse_quantity("14.6万人次");
  ASSERT_TRUE(q);
  EXPECT_DOUBLE_EQ(q->number.value, 14.6);
  EXPECT_DOUBLE_EQ(q->scale, 1e4);
  EXPECT_EQ(q->unit, "人次");
  EXPECT_DOUBLE_EQ(q->absolute(), 146000);
  auto yuan = parse_quantity("2315831.33 元");
  EXPECT_EQ(yuan->unit, "元");
  EXPECT_DOUBLE_EQ(yuan->number.value, 2315831.33);
  EXPECT_EQ(parse_quantity("3.5亿元")->absolute(), 350000000);
  EXPECT_EQ(parse_quantity("33.9%")->unit, "%");
}

}  // namespace
}  // namespace nianbao
