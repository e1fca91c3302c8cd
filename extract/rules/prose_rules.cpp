#include "extract/rules/prose_rules.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <mutex>

#include "extract/model/errors.h"
#include "extract/rules/rules_cache.h"
#include "extract/rules/rules_file.h"

namespace nianbao {

namespace {

// `pattern` with each bounded repetition made unbounded ("{0,40}?" as "*?", "{2,5}" as "{2,}"),
// outside character classes and escapes; empty when it has none, or when it has an anchor or a
// word boundary, which make a match depend on the text around it.
std::string unbounded(std::string_view pattern) {
  std::string out;
  bool changed = false, in_class = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      const char e = pattern[i + 1];
      if (!in_class && (e == 'A' || e == 'z' || e == 'b' || e == 'B')) return {};
      out += pattern.substr(i, 2);
      ++i;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      out += c;
      continue;
    }
    if (c == '[') {
      in_class = true;
      out += c;
      // A ']' right after '[' or '[^' is a member, not the end.
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') out += pattern[++i];
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') out += pattern[++i];
      continue;
    }
    if (c == '^' || c == '$') return {};
    if (c == '{') {
      const std::size_t comma = pattern.find(',', i), close = pattern.find('}', i);
      const auto digits = [&](std::size_t from, std::size_t to) {
        if (from >= to) return false;
        for (std::size_t k = from; k < to; ++k)
          if (pattern[k] < '0' || pattern[k] > '9') return false;
        return true;
      };
      if (comma != std::string_view::npos && close != std::string_view::npos && comma < close &&
          digits(i + 1, comma) && digits(comma + 1, close)) {
        const std::string_view least = pattern.substr(i + 1, comma - i - 1);
        out += least.find_first_not_of('0') == std::string_view::npos ? std::string("*") : "{" + std::string(least) + ",}";
        changed = true;
        i = close;
        continue;
      }
    }
    out += c;
  }
  return changed ? out : std::string();
}

}  // namespace

struct Pattern::State {
  std::string text;
  std::string where;  // "path:line: entry: pattern 'key'"
  std::once_flag once;
  std::unique_ptr<re2::RE2> re;
  std::string gate_text;  // empty: no gate
  std::once_flag gate_once;
  std::unique_ptr<re2::RE2> gate;
};

Pattern::Pattern(std::string text, std::string where) : state_(std::make_shared<State>()) {
  state_->gate_text = unbounded(text);
  state_->text = std::move(text);
  state_->where = std::move(where);
}

const re2::RE2& Pattern::compiled() const {
  State& s = *state_;
  std::call_once(s.once, [&s] { s.re = std::make_unique<re2::RE2>(s.text, re2::RE2::Quiet); });
  // Thrown here rather than inside call_once, which then stays done: every later use says it too.
  if (!s.re->ok()) throw RulesError(s.where + " does not compile: " + s.re->error());
  return *s.re;
}

const re2::RE2* Pattern::gate() const {
  State& s = *state_;
  if (s.gate_text.empty()) return nullptr;
  std::call_once(s.gate_once, [&s] { s.gate = std::make_unique<re2::RE2>(s.gate_text, re2::RE2::Quiet); });
  // A gate RE2 cannot build (too large) is none: the pattern itself decides, or says why not.
  return s.gate->ok() ? s.gate.get() : nullptr;
}

bool Pattern::may_match(std::string_view text) const {
  const re2::RE2* g = gate();
  return !g || re2::RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *g);
}

bool Pattern::partial_match(std::string_view text) const {
  const re2::StringPiece t(text.data(), text.size());
  return may_match(text) && re2::RE2::PartialMatch(t, compiled());
}

bool Pattern::full_match(std::string_view text) const {
  const re2::StringPiece t(text.data(), text.size());
  return may_match(text) && re2::RE2::FullMatch(t, compiled());
}

bool Pattern::match(std::string_view text, std::size_t pos, std::size_t end, re2::RE2::Anchor anchor,
                    re2::StringPiece* groups, int n) const {
  if (pos > end || end > text.size() || !may_match(text.substr(pos, end - pos))) return false;
  return compiled().Match(re2::StringPiece(text.data(), text.size()), pos, end, anchor, groups, n);
}

void Pattern::build() const {
  gate();
  compiled();
}

int Pattern::capturing_groups() const {
  // The gate has the same groups as the pattern.
  const re2::RE2* g = gate();
  return (g ? *g : compiled()).NumberOfCapturingGroups();
}

namespace {

// RE2's message when `text` is not a pattern, empty when it is. Only parsed: under a memory
// budget too small for any program RE2 stops right after parsing, so a pattern that parses
// fails with ErrorPatternTooLarge instead, for a small part of the cost of building it.
std::string syntax_error(const std::string& text) {
  re2::RE2::Options options(re2::RE2::Quiet);
  options.set_max_mem(256);
  re2::RE2 re(text, options);
  if (re.ok() || re.error_code() == re2::RE2::ErrorPatternTooLarge) return {};
  return re.error();
}

// The patterns of one file, each checked once: an equal pattern met again (the same `subject`
// in many statements) is the same Pattern, so it is compiled at most once.
class Patterns {
 public:
  // `text` from entry `e`; `name` says which in messages ("pattern 'exclude'").
  // `checked`: the file's patterns were all found sound by an earlier run (rules_cache.h).
  explicit Patterns(bool checked) : checked_(checked) {}
  bool checked() const { return checked_; }

  Pattern get(const RulesEntry& e, const std::string& text, const std::string& name) {
    auto it = seen_.find(text);
    if (it != seen_.end()) return it->second;
    if (!checked_) {
      std::string error = syntax_error(text);
      if (!error.empty()) e.fail(name + " does not compile: " + error);
    }
    Pattern p(text, e.source + ":" + std::to_string(line_of(e.t)) + ": " + e.name + ": " + name);
    seen_.emplace(text, p);
    return p;
  }
  std::vector<Pattern> all() const {
    std::vector<Pattern> out;
    for (const auto& [text, p] : seen_) out.push_back(p);
    return out;
  }

 private:
  bool checked_;
  std::map<std::string, Pattern> seen_;
};

// The pattern of field `key`; empty when the field is absent and not required.
Pattern field(Patterns& patterns, const RulesEntry& e, const char* key, bool required) {
  std::string text = e.text(key, required);
  if (text.empty()) return {};
  return patterns.get(e, text, std::string("pattern '") + key + "'");
}

// Patterns compiled elsewhere (FigureContext): only their syntax is checked here.
void check_patterns(const RulesEntry& e, const std::vector<std::string>& patterns, const Patterns& seen) {
  if (seen.checked()) return;
  for (const auto& p : patterns) {
    std::string error = syntax_error(p);
    if (!error.empty()) e.fail("pattern '" + p + "' does not compile: " + error);
  }
}

// "applications/new/total + applications/carried_over/total" -> its two cells.
std::vector<CellSum> cell_sums(const RulesEntry& e, const char* key) {
  std::vector<CellSum> out;
  for (const std::string& alternative : e.list(key)) {
    CellSum sum;
    size_t start = 0;
    while (start <= alternative.size()) {
      size_t plus = alternative.find('+', start);
      std::string cell = alternative.substr(start, plus == std::string::npos ? std::string::npos : plus - start);
      while (!cell.empty() && cell.front() == ' ') cell.erase(cell.begin());
      while (!cell.empty() && cell.back() == ' ') cell.pop_back();
      if (std::count(cell.begin(), cell.end(), '/') != 2) e.fail("cell '" + cell + "' is not table/row/column");
      sum.push_back(cell);
      if (plus == std::string::npos) break;
      start = plus + 1;
    }
    out.push_back(sum);
  }
  return out;
}

void load_rates(const std::string& path, const toml::table& doc, Patterns& patterns, ProseRules& out) {
  for_each_entry(path, doc, "rate", [&](RulesEntry& e, int line) {
    RateRule r;
    r.line = line;
    r.rule = e.text("rule");
    r.name_zh = e.text("name_zh", false);
    r.name_en = e.text("name_en", false);
    r.pattern = field(patterns, e, "pattern", true);
    r.whole = e.t["whole"].value_or(1);
    r.part = e.t["part"].value_or(2);
    r.percent = e.t["percent"].value_or(3);
    int groups = r.pattern.capturing_groups();
    for (int g : {r.whole, r.part, r.percent})
      if (g < 1 || g > groups) e.fail("group " + std::to_string(g) + " is not in the pattern");
    out.rates.push_back(std::move(r));
  });
}

void load_statements(const std::string& path, const toml::table& doc, Patterns& patterns, ProseRules& out) {
  for_each_entry(path, doc, "statement", [&](RulesEntry& e, int line) {
    StatementRule s;
    s.line = line;
    s.id = e.text("id");
    e.name = "statement '" + s.id + "'";
    s.name = e.pair("name");
    s.pattern = field(patterns, e, "pattern", true);
    s.exclude = field(patterns, e, "exclude", false);
    s.subject = field(patterns, e, "subject", false);
    s.within = e.text("within", false);
    s.units = e.list("units");
    if (s.units.empty()) s.units = {"件", "个", "起", "宗", "份"};
    s.percent = e.flag("percent");
    s.cells = cell_sums(e, "cells");
    // `names`: [{ zh, en }, …] for the second and later of `cells` ("新收与上年结转之和").
    s.names.assign(s.cells.size(), s.name);
    if (const toml::array* names = e.t["names"].as_array())
      for (size_t i = 0; i < names->size() && i + 1 < s.cells.size(); ++i) {
        const toml::table* n = (*names)[i].as_table();
        if (!n) e.fail("field 'names' must be an array of { zh = \"…\", en = \"…\" }");
        RulesEntry sub{path, *n, e.name + ".names"};
        s.names[i + 1] = {sub.text("zh"), sub.text("en")};
      }
    s.denominators = cell_sums(e, "denominators");
    if (s.cells.empty()) e.fail("missing required field 'cells'");
    if (s.percent && s.denominators.empty()) e.fail("a percent statement needs 'denominators'");
    out.statements.push_back(std::move(s));
  });
  for_each_entry(path, doc, "zero", [&](RulesEntry& e, int line) {
    ZeroRule z;
    z.line = line;
    z.id = e.text("id");
    e.name = "zero '" + z.id + "'";
    z.name = e.pair("name");
    z.about = e.list("about");
    z.pattern = field(patterns, e, "pattern", true);
    z.exclude = field(patterns, e, "exclude", false);
    z.cells = cell_sums(e, "cells");
    if (z.cells.empty()) e.fail("missing required field 'cells'");
    out.zeros.push_back(std::move(z));
  });
}

void load_words(const std::string& path, const toml::table& doc, Patterns& patterns, ProseRules& out) {
  if (const toml::node* n = doc.get("figures")) {
    RulesEntry e{path, as_table(*n, path, "[figures]"), "figures"};
    out.figures.other_period = e.list("other_period");
    out.figures.same_period = e.list("same_period");
    check_patterns(e, out.figures.other_period, patterns);
    check_patterns(e, out.figures.same_period, patterns);
    out.other_subjects = field(patterns, e, "other_subjects", false);
    out.narrower_scope = field(patterns, e, "narrower_scope", false);
  }
  if (const toml::node* n = doc.get("enumerations")) {
    RulesEntry e{path, as_table(*n, path, "[enumerations]"), "enumerations"};
    EnumerationWords& w = out.words;
    w.parts_after = e.list("parts_after", true);
    w.parts_after_adjacent = e.list("parts_after_adjacent");
    w.total_after = e.list("total_after");
    w.complete = e.list("complete");
    w.ends_parts = e.list("ends_parts");
    w.total_words = e.list("total_words");
    w.partial_list = e.list("partial_list");
  }
  for_each_entry(path, doc, "blank", [&](RulesEntry& e, int line) {
    BlankRule b;
    b.line = line;
    b.pattern = field(patterns, e, "pattern", true);
    if (b.pattern.capturing_groups() < 1) e.fail("the pattern needs a group for the blank");
    out.blanks.push_back(std::move(b));
  });
  if (const toml::node* n = doc.get("empty_section")) {
    RulesEntry e{path, as_table(*n, path, "[empty_section]"), "empty_section"};
    if (const toml::array* parts = e.t["parts"].as_array())
      for (const auto& p : *parts) out.empty_section.parts.push_back(static_cast<int>(p.value_or(0)));
    for (const std::string& p : e.list("nothing"))
      out.empty_section.nothing.push_back(patterns.get(e, p, "pattern '" + p + "'"));
    out.empty_section.part6_none_versions = e.list("part6_none_versions");
    for (const std::string& p : e.list("content"))
      out.empty_section.content.push_back(patterns.get(e, p, "pattern '" + p + "'"));
  }
}

// [missing_number], [[placeholder]], [[outcome]] with its [[outcome.group]]s.
void load_claims(const std::string& path, const toml::table& doc, Patterns& patterns, ProseRules& out) {
  if (const toml::node* n = doc.get("missing_number")) {
    RulesEntry e{path, as_table(*n, path, "[missing_number]"), "missing_number"};
    out.missing_number.units = e.list("units");
    out.missing_number.before = field(patterns, e, "before", false);
    out.missing_number.words = e.list("words");
  }
  for_each_entry(path, doc, "placeholder", [&](RulesEntry& e, int line) {
    PlaceholderRule p;
    p.line = line;
    p.pattern = field(patterns, e, "pattern", true);
    if (p.pattern.capturing_groups() < 1) e.fail("the pattern needs a group for the placeholder");
    out.placeholders.push_back(std::move(p));
  });
  for_each_entry(path, doc, "outcome", [&](RulesEntry& e, int line) {
    OutcomeRule o;
    o.line = line;
    o.id = e.text("id");
    e.name = "outcome '" + o.id + "'";
    o.pattern = field(patterns, e, "pattern", true);
    o.exclude = field(patterns, e, "exclude", false);
    o.exclude_before = field(patterns, e, "exclude_before", false);
    const toml::array* groups = e.tables("group");
    if (!groups || groups->empty()) e.fail("missing required [[outcome.group]]");
    for (const auto& g : *groups) {
      RulesEntry ge{path, as_table(g, path, e.name + ".group"), e.name + ".group"};
      OutcomeGroup group;
      group.named = field(patterns, ge, "named", false);
      group.cells = cell_sums(ge, "cells");
      if (group.cells.empty()) ge.fail("missing required field 'cells'");
      const toml::array* names = ge.t["names"].as_array();
      if (!names || names->size() != group.cells.size()) ge.fail("'names' must name each of 'cells'");
      for (const auto& name : *names) {
        const toml::table* t = name.as_table();
        if (!t) ge.fail("field 'names' must be an array of { zh = \"…\", en = \"…\" }");
        RulesEntry sub{path, *t, ge.name + ".names"};
        group.names.push_back({sub.text("zh"), sub.text("en")});
      }
      o.groups.push_back(std::move(group));
    }
    out.outcomes.push_back(std::move(o));
  });
}

}  // namespace

ProseRules ProseRules::load(const std::string& path) {
  std::string text;
  toml::table doc = parse_rules_file(path, &text);
  ProseRules out;
  // Checking the syntax of every pattern costs RE2 a parse each; a text whose patterns were all
  // found sound before is not checked again.
  Patterns patterns(cached_as_sound(text, "patterns"));
  load_rates(path, doc, patterns, out);
  load_statements(path, doc, patterns, out);
  load_words(path, doc, patterns, out);
  load_claims(path, doc, patterns, out);
  out.patterns = patterns.all();
  if (!patterns.checked()) cache_as_sound(text, "patterns");
  return out;
}

void ProseRules::compile_all() const {
  for (const Pattern& p : patterns) p.build();
}

}  // namespace nianbao
