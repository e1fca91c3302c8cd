// A prose pattern answers as RE2 does with the same pattern, whether or not its gate (the
// pattern with its bounded repetitions made unbounded) decides first: every pattern below is
// matched against every text both ways.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <string>
#include <vector>

#include "extract/rules/prose_rules.h"

namespace nianbao {
namespace {

const std::vector<std::string> kPatterns = {
    "(?:未|没有)(?:收到|受理|接到|接收)[^。;,]{0,5}?申请",               // a gap
    "(?:受理|收到)[^。;]{0,4}?([0-9]+)件[,、]?办结([0-9]{1,3})件",     // gaps and groups
    "(\\(文字描述[^)]{0,6}\\))",                                      // a gap in a group
    ".{0,4}?(?:无|没有)(?:其他)?(?:需要)?报告的?事项[。.]?",             // full matches
    "[{]0,3}|a\\{0,3\\}",                                             // braces that repeat nothing
    "^无{1,2}[。.]?$",                                                // anchored: no gate
    "(?:^|[^\\p{Han}])([Xx×]{2,})(?:局|委)",                          // no bounded repetition
    "收取[^。]{2,6}费用",                                             // a least count kept
};

const std::vector<std::string> kTexts = {
    "本年度未收到政府信息公开申请。",
    "未收到任何申请",
    "没有接到群众提出的一件公开申请",  // the gap is too long for {0,5}
    "共受理申请12件,办结12件",
    "受理了全年的申请12件,办结12件",
    "(文字描述)",
    "(文字描述本年度的情况如何)",
    "本年度无其他需要报告的事项。",
    "经过认真梳理,本单位本年度无其他需要报告的事项。",
    "{0,3}",
    "a{0,3}",
    "aaa",
    "无。",
    "无无无",
    "XX局2023年",
    "收取费用",
    "收取信息处理费用",
    "",
};

TEST(ProsePattern, AnswersAsRe2DoesWithOrWithoutItsGate) {
  for (const std::string& pattern : kPatterns) {
    const re2::RE2 re(pattern);
    ASSERT_TRUE(re.ok()) << pattern;
    const Pattern p(pattern, "test");
    EXPECT_EQ(p.capturing_groups(), re.NumberOfCapturingGroups()) << pattern;
    const int n = re.NumberOfCapturingGroups() + 1;
    for (const std::string& text : kTexts) {
      SCOPED_TRACE(pattern + " on " + text);
      EXPECT_EQ(p.partial_match(text), re2::RE2::PartialMatch(text, re));
      EXPECT_EQ(p.full_match(text), re2::RE2::FullMatch(text, re));
      // Every match from every start, with its groups, as a check walks a paragraph.
      for (std::size_t pos = 0; pos <= text.size(); ++pos) {
        std::vector<re2::StringPiece> want(static_cast<std::size_t>(n)), got(static_cast<std::size_t>(n));
        const bool found = re.Match(text, pos, text.size(), re2::RE2::UNANCHORED, want.data(), n);
        ASSERT_EQ(p.match(text, pos, text.size(), re2::RE2::UNANCHORED, got.data(), n), found) << "from " << pos;
        if (!found) continue;
        for (int g = 0; g < n; ++g) {
          EXPECT_EQ(got[g].data(), want[g].data()) << "group " << g << " from " << pos;
          EXPECT_EQ(got[g].size(), want[g].size()) << "group " << g << " from " << pos;
        }
      }
    }
  }
}

}  // namespace
}  // namespace nianbao
