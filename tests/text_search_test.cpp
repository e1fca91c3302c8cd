// TextSearch (extract/normalize/text_search.h): every occurrence of every text, as a search for
// each text on its own finds them, in one walk.
#include "extract/normalize/text_search.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <utility>

namespace nianbao {
namespace {

using Hits = std::set<std::pair<size_t, size_t>>;  // (needle, at)

// Each needle looked for on its own, every place at or after `from` that ends by `to`.
Hits one_by_one(const std::string& text, const std::vector<std::string_view>& needles, size_t from, size_t to) {
  Hits out;
  for (size_t k = 0; k < needles.size(); ++k) {
    if (needles[k].empty()) continue;
    for (size_t at = text.find(needles[k], from); at != std::string::npos && at + needles[k].size() <= to;
         at = text.find(needles[k], at + 1))
      out.insert({k, at});
  }
  return out;
}

Hits all_at_once(const std::string& text, const std::vector<std::string_view>& needles, size_t from, size_t to) {
  Hits out;
  TextSearch(needles).find_all(text, from, to, [&](size_t k, size_t at) { EXPECT_TRUE(out.insert({k, at}).second); });
  return out;
}

TEST(TextSearch, FindsWhatEachSearchFindsOverlapsIncluded) {
  const std::string text = "本年新收政府信息公开申请数量12本年新收3上年结转上年结转aa(一)予以公开";
  const std::vector<std::string_view> needles = {"本年新收政府信息公开申请数量", "本年新收", "上年结转", "结转上年",
                                                 "aa", "a", "(一)予以公开", "", "不在其中"};
  EXPECT_EQ(all_at_once(text, needles, 0, text.size()), one_by_one(text, needles, 0, text.size()));
  EXPECT_EQ(all_at_once(text, needles, 0, text.size()).size(), 10u);
}

TEST(TextSearch, OnlyWhatLiesWhollyInTheRange) {
  const std::string text = "规章规章规章";
  const std::vector<std::string_view> needles = {"规章", "章规"};
  for (size_t from = 0; from <= text.size(); ++from)
    for (size_t to = from; to <= text.size() + 2; ++to)
      EXPECT_EQ(all_at_once(text, needles, from, to), one_by_one(text, needles, from, std::min(to, text.size())))
          << from << " " << to;
}

// Texts of a few letters over a text of those letters: many places where the first bytes of a
// needle are found and the rest is not, needles that share their first four bytes.
TEST(TextSearch, RandomTextsAgreeWithOneSearchEach) {
  std::mt19937 rng(1);
  const std::string letters = "ab年1";
  auto random_text = [&](size_t n) {
    std::string s;
    while (s.size() < n) {
      const size_t k = rng() % 4;
      s += k == 2 ? std::string("年") : std::string(1, letters[k]);
    }
    return s;
  };
  for (int round = 0; round < 200; ++round) {
    const std::string text = random_text(400);
    std::vector<std::string> owned;
    for (int k = 0; k < 12; ++k) owned.push_back(random_text(1 + rng() % 9));
    const std::vector<std::string_view> needles(owned.begin(), owned.end());
    const size_t from = rng() % 50, to = text.size() - rng() % 50;
    EXPECT_EQ(all_at_once(text, needles, from, to), one_by_one(text, needles, from, to));
  }
}

}  // namespace
}  // namespace nianbao
