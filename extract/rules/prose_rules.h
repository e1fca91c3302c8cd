// The statements the prose checks look for (rules/prose.toml): rates with their counts,
// statements about the tables' figures, claims of zero, the words of totals and parts, template
// blanks and parts with nothing of their own. Patterns are RE2 on folded prose (full-width digits
// and punctuation already ASCII, whitespace removed unless said otherwise).
#pragma once

#include <re2/re2.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/model/bilingual.h"

namespace nianbao {

// An RE2 pattern of prose.toml. Its syntax is checked when the rules are loaded; its program is
// built the first time a check matches with it, and only when its gate lets the text through.
// Building a program costs far more than checking the syntax, and most of the cost is in
// bounded gaps such as `[^。;]{0,40}?`, which RE2 unrolls (a millisecond for one such gap);
// most reports hold no text any given pattern could match. The gate is the same pattern with
// its bounded repetitions made unbounded (`{0,40}?` as `*?`): built in a fraction of the time,
// it matches every text the pattern matches, so a text it refuses is refused without building
// the pattern. Patterns without bounded repetitions, or with anchors or word boundaries (whose
// meaning depends on the text around the span matched), have no gate. Copies share one
// program, so do equal patterns of one file; safe to use from several threads. Empty (false)
// when the rule has no such pattern.
class Pattern {
 public:
  Pattern() = default;
  // `text` must have parsed; `where` ("path:line: entry: pattern 'key'") names it in the error
  // should building its program fail.
  Pattern(std::string text, std::string where);

  explicit operator bool() const { return state_ != nullptr; }
  // As RE2::PartialMatch and RE2::FullMatch.
  bool partial_match(std::string_view text) const;
  bool full_match(std::string_view text) const;
  // As RE2::Match on text[pos, end).
  bool match(std::string_view text, std::size_t pos, std::size_t end, re2::RE2::Anchor anchor,
             re2::StringPiece* groups, int n) const;
  // Its capturing groups, without building its program when it has a gate.
  int capturing_groups() const;
  // Builds the gate and the program now if they have not been (ProseRules::compile_all).
  void build() const;

 private:
  struct State;
  std::shared_ptr<State> state_;
  // The program, built now if it has not been; throws RulesError naming the file and line when
  // RE2 cannot (a pattern that parses but is too large).
  const re2::RE2& compiled() const;
  // The gate, built now if it has not been; null when the pattern has none.
  const re2::RE2* gate() const;
  // Whether the text may match: false only when the gate refuses it.
  bool may_match(std::string_view text) const;
};

// What makes a figure's clause about another period; RE2 patterns on the folded clause before
// the figure. `year` is the report year (0: unknown).
struct FigureContext {
  std::vector<std::string> other_period;  // "较", "同比", "去年" …
  std::vector<std::string> same_period;   // phrases that look like those but are not ("上年结转")
  int year = 0;
};

struct RateRule {
  std::string rule, name_zh, name_en;
  Pattern pattern;
  int whole = 1, part = 2, percent = 3;
  int line = 0;
};

// A table figure: the sum of cells "table/row/column"; a row "denied.*" stands for every row of
// that group, a column "orgs" for the five kinds of organisation.
using CellSum = std::vector<std::string>;

// A statement about a figure of the tables ("全年收到政府信息公开申请#" against 一、本年新收).
struct StatementRule {
  std::string id;
  Text name;                       // the table figure, for messages
  Pattern pattern;                 // on the figure's clause, the figure written '#'
  Pattern exclude;                 // optional: clauses that look alike but are about other things
  Pattern subject;                 // optional: the sentence (or the one before) must match
  std::string within;              // only for the parts of an enumeration whose whole is `within`
  std::vector<std::string> units;  // the units the figure may have
  std::vector<CellSum> cells;      // the stated figure must equal one of these; the first names it
  std::vector<Text> names;         // the name of each of `cells` (`name` for those without one)
  bool percent = false;            // a percentage of the figure, recomputed over `denominators`
  std::vector<CellSum> denominators;
  int line = 0;
};

// A claim of zero ("未收到…申请"): the cells must all be 0.
struct ZeroRule {
  std::string id;
  Text name;
  Pattern pattern;                 // on the folded sentence
  Pattern exclude;                 // optional
  std::vector<std::string> about;  // optional: the sentence must hold one of these
  std::vector<CellSum> cells;
  int line = 0;
};

// The words of a stated total and its parts.
struct EnumerationWords {
  std::vector<std::string> parts_after;           // "其中": the figure before is the whole
  std::vector<std::string> parts_after_adjacent;  // "涉及": only right after the whole's clause
  std::vector<std::string> total_after;           // "合计": the figures before are the parts
  std::vector<std::string> complete;              // "其他": the parts are all of the whole
  std::vector<std::string> ends_parts;            // a part clause opening so is a new statement
  std::vector<std::string> total_words;           // a later part with these is a new total
  std::vector<std::string> partial_list;          // before a total after its parts: a selection
};

struct BlankRule {
  Pattern pattern;  // on the folded prose with whitespace kept; group 1 is the blank
  int line = 0;
};

// A count clause with its number left out ("核准企业资质条、施工许可证76条").
struct MissingNumberRule {
  std::vector<std::string> units;  // the units a figure beside it may have
  Pattern before;                  // a character before the unit that counts by itself ("各项")
  std::vector<std::string> words;  // words ending in a unit character ("文件")
};

// Template text left in place of the report's own ("（文字描述）"); group 1 is the placeholder.
struct PlaceholderRule {
  Pattern pattern;
  int line = 0;
};

// An outcome claimed for every case a sentence names ("均获维持", "无败诉"): per group named,
// cells that must be 0.
struct OutcomeGroup {
  Pattern named;  // empty: always claimed
  std::vector<CellSum> cells;
  std::vector<Text> names;
};
struct OutcomeRule {
  std::string id;
  Pattern pattern;         // on the folded sentence
  Pattern exclude;         // optional: on the match and the rest of its clause
  Pattern exclude_before;  // optional: on the sentence up to the match
  std::vector<OutcomeGroup> groups;
  int line = 0;
};

struct EmptySectionRule {
  std::vector<int> parts;                 // the parts checked
  std::vector<Pattern> nothing;           // the whole part says only this ("无。")
  // Format versions where a part 6 saying only "无" is noted (the 2021 format asks part 6 to
  // report the information processing fees); other versions leave it alone.
  std::vector<std::string> part6_none_versions;
  std::vector<Pattern> content;  // a part saying any of these has content (the fee statement)
};

struct ProseRules {
  std::vector<RateRule> rates;
  std::vector<StatementRule> statements;
  std::vector<ZeroRule> zeros;
  EnumerationWords words;
  std::vector<BlankRule> blanks;
  MissingNumberRule missing_number;
  std::vector<PlaceholderRule> placeholders;
  std::vector<OutcomeRule> outcomes;
  EmptySectionRule empty_section;
  FigureContext figures;  // year left 0: set per report
  // Subjects other than those of the tables (投诉, 建议, 审批事项 …): a clause naming one is not
  // about applications, reconsiderations or lawsuits, nor are the clauses after it that name none.
  Pattern other_subjects;
  // A sentence naming a body narrower than the report's tables ("区政府办代表区政府"): its figures
  // are confirmed when they match but not called wrong when they do not.
  Pattern narrower_scope;
  // Every pattern above, each once (for compile_all).
  std::vector<Pattern> patterns;
  // Throws RulesError naming the file and line on malformed TOML or a pattern that does not compile.
  static ProseRules load(const std::string& path);
  // Builds now every pattern not built yet. Patterns a report may not need are built on first use,
  // which suits one report per process; a process that forks a child per report calls this first,
  // so that the children inherit the programs instead of each building them again.
  void compile_all() const;
};

}  // namespace nianbao
