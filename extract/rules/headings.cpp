#include "extract/rules/headings.h"

#include <algorithm>

#include <re2/re2.h>
#include <toml++/toml.h>

#include <cctype>

#include "extract/model/errors.h"
#include "extract/normalize/normalize.h"
#include "extract/rules/rules_file.h"

namespace nianbao {

namespace {

using WordSets = std::vector<std::vector<std::string>>;

struct PartRule {
  int number = 0;
  std::string name_zh, name_en;
  WordSets any;
  std::vector<std::string> exclude;
};

bool contains_all(const std::string& text, const std::vector<std::string>& words) {
  for (const auto& w : words)
    if (text.find(w) == std::string::npos) return false;
  return !words.empty();
}

bool matches(const std::string& text, const WordSets& any, const std::vector<std::string>& exclude) {
  for (const auto& w : exclude)
    if (text.find(w) != std::string::npos) return false;
  for (const auto& words : any)
    if (contains_all(text, words)) return true;
  return false;
}

template <typename View>
WordSets read_word_sets(const View& node, const std::string& where) {
  WordSets out;
  const toml::array* arr = node.as_array();
  if (!arr) throw RulesError(where + ": 'any' must be an array of arrays of words");
  for (const auto& alt : *arr) {
    const toml::array* words = alt.as_array();
    if (!words) throw RulesError(where + ": each entry of 'any' must be an array of words");
    std::vector<std::string> set;
    for (const auto& w : *words)
      if (auto s = w.value<std::string>()) set.push_back(compact(*s));
    out.push_back(set);
  }
  return out;
}

std::string strip_markdown_heading(const std::string& folded) {
  size_t i = 0;
  while (i < folded.size() && folded[i] == '#') ++i;
  while (i < folded.size() && folded[i] == ' ') ++i;
  return folded.substr(i);
}

int number_of(const std::string& printed) {
  auto v = parse_chinese_integer(printed);
  return v ? static_cast<int>(*v) : 0;
}

}  // namespace

struct HeadingRules::Impl {
  std::vector<std::unique_ptr<RE2>> levels;
  std::vector<int> depth;  // per pattern: its level (patterns of the same name share one)
  std::vector<PartRule> parts;
  WordSets pre2019;
  size_t max_heading_chars = 60;
  size_t inline_min = 400;
};

HeadingRules::HeadingRules() : impl_(std::make_unique<Impl>()) {}
HeadingRules::~HeadingRules() = default;
HeadingRules::HeadingRules(HeadingRules&&) noexcept = default;
HeadingRules& HeadingRules::operator=(HeadingRules&&) noexcept = default;

HeadingRules HeadingRules::load(const std::string& path) {
  toml::table doc = parse_rules_file(path);
  HeadingRules rules;
  Impl& im = *rules.impl_;
  std::vector<std::string> names;  // level names in order of first appearance
  if (const toml::array* levels = doc["level"].as_array()) {
    for (const auto& lv : *levels) {
      const toml::table* t = lv.as_table();
      auto pattern = t ? (*t)["pattern"].value<std::string>() : std::nullopt;
      int line = t ? line_of(*t) : 0;
      if (!pattern) throw RulesError(path + ":" + std::to_string(line) + ": level without 'pattern'");
      auto re = std::make_unique<RE2>(*pattern, RE2::Quiet);
      if (!re->ok())
        throw RulesError(path + ":" + std::to_string(line) + ": pattern does not compile: " + re->error());
      if (re->NumberOfCapturingGroups() < 2)
        throw RulesError(path + ":" + std::to_string(line) + ": pattern needs two groups (number, text)");
      std::string name = (*t)["name"].value_or(std::string());
      int d = static_cast<int>(std::find(names.begin(), names.end(), name) - names.begin());
      if (d == static_cast<int>(names.size())) names.push_back(name);
      im.depth.push_back(d);
      im.levels.push_back(std::move(re));
    }
  }
  if (im.levels.empty()) throw RulesError(path + ": no [[level]] heading patterns");
  if (const toml::array* parts = doc["part"].as_array()) {
    for (const auto& p : *parts) {
      const toml::table& t = *p.as_table();
      std::string where = path + ":" + std::to_string(line_of(t));
      PartRule rule;
      rule.number = t["number"].value_or(0);
      rule.name_zh = t["name_zh"].value_or(std::string());
      rule.name_en = t["name_en"].value_or(std::string());
      rule.any = read_word_sets(t["any"], where);
      if (const toml::array* ex = t["not"].as_array())
        for (const auto& w : *ex)
          if (auto s = w.value<std::string>()) rule.exclude.push_back(compact(*s));
      if (rule.number < 1 || rule.number > 6) throw RulesError(where + ": part number must be 1..6");
      im.parts.push_back(std::move(rule));
    }
  }
  if (im.parts.size() != 6) throw RulesError(path + ": exactly six [[part]] entries are needed");
  if (doc["pre2019"]["any"]) im.pre2019 = read_word_sets(doc["pre2019"]["any"], path + ": [pre2019]");
  im.max_heading_chars = static_cast<size_t>(doc["limits"]["max_heading_chars"].value_or(60));
  im.inline_min = static_cast<size_t>(doc["limits"]["inline_scan_min_chars"].value_or(400));
  return rules;
}

int HeadingRules::part_of(const std::string& folded_title) const {
  std::string t = compact(folded_title);
  for (const auto& p : impl_->parts)
    if (matches(t, p.any, p.exclude)) return p.number;
  return 0;
}

bool HeadingRules::is_pre2019_heading(const std::string& folded_title) const {
  std::string t = compact(folded_title);
  for (const auto& words : impl_->pre2019)
    if (contains_all(t, words)) return true;
  return false;
}

std::optional<Heading> HeadingRules::classify(const std::string& line_text) const {
  std::string text = strip_markdown_heading(fold(line_text));
  if (text.empty()) return std::nullopt;
  for (size_t i = 0; i < impl_->levels.size(); ++i) {
    std::string num, rest;
    if (!RE2::FullMatch(text, *impl_->levels[i], &num, &rest)) continue;
    Heading h;
    h.level = impl_->depth[i];
    h.printed = number_of(num);
    h.text = rest;
    if (h.level == 0) h.part = part_of(rest);
    // A long line that starts with "1." is prose; a part heading may run on into its first
    // sentence in some conversions, so a part is still recognised from its first clause.
    if (utf8_length(text) > impl_->max_heading_chars) {
      if (h.level != 0 || h.part == 0) return std::nullopt;
      std::string first = rest.substr(0, rest.find_first_of("。,;:"));
      if (part_of(first) != h.part || utf8_length(first) > impl_->max_heading_chars) return std::nullopt;
      h.text = first;
    }
    return h;
  }
  return std::nullopt;
}

std::vector<HeadingRules::InlineHit> HeadingRules::scan_inline(const std::string& text) const {
  static const RE2 marker("([一二三四五六七])、");
  std::vector<InlineHit> hits;
  re2::StringPiece match;
  size_t pos = 0;
  while (pos < text.size() && RE2::PartialMatch(re2::StringPiece(text.data() + pos, text.size() - pos),
                                                marker, &match)) {
    size_t at = static_cast<size_t>(match.data() - text.data());  // the numeral
    size_t after = at + match.size() + 3;                          // past "、" 
    pos = after;
    // The title window: up to the first sentence punctuation or digit, at most 24 characters.
    std::string window;
    size_t chars = 0;
    for (size_t k = after; k < text.size() && chars < 24;) {
      unsigned char c = static_cast<unsigned char>(text[k]);
      size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
      std::string ch = text.substr(k, len);
      if (ch == "。" || ch == "," || ch == ";" || ch == ":" || (len == 1 && std::isdigit(c))) break;
      window += ch;
      k += len;
      ++chars;
    }
    int part = part_of(window);
    if (part == 0) continue;
    // The title must start right after the number: "一、总体情况", not "一、…" inside prose
    // that mentions a part in passing.
    InlineHit hit;
    hit.offset = at;
    hit.heading.level = 0;
    hit.heading.printed = number_of(std::string(match.data(), match.size()));
    hit.heading.text = window;
    hit.heading.part = part;
    hits.push_back(hit);
  }
  return hits;
}

size_t HeadingRules::inline_scan_min_chars() const { return impl_->inline_min; }

std::string HeadingRules::part_name(int part, bool english) const {
  for (const auto& p : impl_->parts)
    if (p.number == part) return english ? p.name_en : p.name_zh;
  return {};
}

}  // namespace nianbao
