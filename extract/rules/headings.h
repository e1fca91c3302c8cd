// Heading rules (rules/headings.toml): heading levels as RE2 patterns and the keyword sets
// that identify the six parts.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nianbao {

struct Heading {
  int level = 0;        // 0 = part ("一、", "第一部分"), 1 = "（一）", 2 = "1.", 3 = "(1)"
  int printed = 0;      // the number printed (一 -> 1, 3 -> 3)
  std::string text;     // heading text after the number, folded
  int part = 0;         // 1..6 when a part-level heading names one of the six parts, else 0
};

class HeadingRules {
 public:
  // Loads rules/headings.toml; throws RulesError naming the file and line.
  static HeadingRules load(const std::string& path);
  HeadingRules();  // no heading patterns: nothing is a heading
  ~HeadingRules();
  HeadingRules(HeadingRules&&) noexcept;
  HeadingRules& operator=(HeadingRules&&) noexcept;

  // Classifies one line of text (as printed). Nothing when the line is not a heading.
  std::optional<Heading> classify(const std::string& line_text) const;
  // Which part (1..6) a part heading's text names, 0 when none.
  int part_of(const std::string& folded_title) const;
  // Part headings found inside a long line (portal dumps), given folded (fold()): the caller
  // keeps the folded line, which may be megabytes. Offsets are bytes of that text.
  struct InlineHit { size_t offset; Heading heading; };
  std::vector<InlineHit> scan_inline(const std::string& folded_line) const;
  bool is_pre2019_heading(const std::string& folded_title) const;
  size_t inline_scan_min_chars() const;
  std::string part_name(int part, bool english) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nianbao
