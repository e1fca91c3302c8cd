// text.unfilled_blank: a blank of the template left in the prose (定西 2020 "主动公开信息  条",
// "XX件", "20××年", 平潭 2019 "全年公开核准企业资质条、施工许可证76条"); structure.empty_section:
// part 5 or 6 empty or saying only "无" (the fee statement of part 6 is content).
#include <re2/re2.h>

#include <algorithm>

#include "extract/normalize/normalize.h"
#include "validate/prose/prose_checks.h"
#include "validate/prose/prose_missing_numbers.h"

namespace nianbao::checks {

void prose_blanks(const ProseContext& prose, const Rules& rules, std::vector<Finding>& out) {
  for (const ProseParagraph& p : prose.paragraphs) {
    // Whitespace is what a blank is made of here, so this reading keeps it.
    FoldedText spaced = fold_mapped(p.source->text, true);
    std::vector<size_t> reported;
    std::vector<size_t> blank_ends;  // source offsets where a reported blank ends (its unit)
    for (const BlankRule& rule : rules.prose.blanks) {
      re2::StringPiece input(spaced.text);
      re2::StringPiece whole, blank;
      size_t pos = 0;
      while (pos < spaced.text.size()) {
        re2::StringPiece groups[2];
        if (!rule.pattern.match(spaced.text, pos, spaced.text.size(), re2::RE2::UNANCHORED, groups, 2)) break;
        whole = groups[0];
        blank = groups[1];
        size_t begin = static_cast<size_t>(whole.data() - spaced.text.data());
        size_t end = begin + whole.size();
        pos = end > pos ? end : pos + 1;
        size_t blank_at = static_cast<size_t>(blank.data() - spaced.text.data());
        // A blank is within one printed line; whitespace where two lines were joined is not one.
        Location a = p.source->loc_at(spaced.source_at(blank_at));
        Location b = p.source->loc_at(spaced.source_at(blank_at + blank.size()));
        if (!(a == b)) continue;
        if (std::find(reported.begin(), reported.end(), blank_at) != reported.end()) continue;
        reported.push_back(blank_at);
        blank_ends.push_back(spaced.source_at(blank_at + blank.size()));
        Finding f = start_finding("text.unfilled_blank", rules);
        f.loc = a;
        // The words before the blank tell what was to be filled in.
        size_t from = begin;
        for (int chars = 0; from > 0 && chars < 10; ++chars) {
          --from;
          while (from > 0 && (static_cast<unsigned char>(spaced.text[from]) & 0xC0) == 0x80) --from;
          if (clause_mark_at(spaced.text, from)) {
            from += clause_mark_at(spaced.text, from);
            break;
          }
        }
        // Without the punctuation that closed the match.
        for (std::string_view mark : {",", ";", ":", ")", "、", "。"})
          if (end - blank_at > mark.size() && spaced.text.compare(end - mark.size(), mark.size(), mark) == 0)
            end -= mark.size();
        f.args["quote"] = quote(p.source->text, spaced, from, end, 30);
        out.push_back(std::move(f));
      }
    }
    // A count clause with no number at all; the same blank printed with spaces is said above.
    for (const MissingNumber& m : missing_numbers(p, rules.prose.missing_number)) {
      size_t unit = p.folded.source_at(m.unit);
      if (std::find(blank_ends.begin(), blank_ends.end(), unit) != blank_ends.end()) continue;
      Finding f = start_finding("text.unfilled_blank", rules);
      f.loc = p.loc_at(m.unit);
      f.args["quote"] = p.quote(m.begin, m.end, 30);
      out.push_back(std::move(f));
    }
  }
}

namespace {

// The text of a part of its own: its paragraphs without the heading a portal dump keeps at
// their start ("六、其他需要报告的事项 无…"; the dump's printed title runs on into the content, so
// the part's canonical name is what is removed), the signature (agency, date) and a
// "（此件公开发布）" note.
std::string own_text(const Report& report, const Section& s, const Rules& rules) {
  static const RE2 numbering(R"(^[一二三四五六七八九十0-9]{1,2}[、.．])");
  std::string text;
  std::string agency = compact(report.meta.agency);
  std::string name = compact(rules.labels.section_name(s.number).zh);
  RE2::Replace(&name, numbering, "");
  for (const Paragraph& p : report.paragraphs) {
    if (p.section != s.number) continue;
    std::string t = compact(p.text);
    std::string unnumbered = t;
    if (RE2::Replace(&unnumbered, numbering, "") && !name.empty() && unnumbered.rfind(name, 0) == 0)
      t = unnumbered.substr(name.size());
    if (t.empty() || t == agency || parse_date(t) || t.find("此件公开") != std::string::npos) continue;
    if (!agency.empty() && t.rfind(agency, 0) == 0 && parse_date(t.substr(agency.size()))) continue;
    text += t;
  }
  return text;
}

}  // namespace

void empty_sections(const Report& report, const Rules& rules, std::vector<Finding>& out) {
  const EmptySectionRule& rule = rules.prose.empty_section;
  // Without prose in any part the reading lost the text (a scan, a conversion that kept only
  // the tables): every part would look empty, and none can be said to be.
  bool any_prose = std::any_of(report.paragraphs.begin(), report.paragraphs.end(),
                               [](const Paragraph& p) { return p.section >= 1; });
  if (!any_prose) return;
  for (int number : rule.parts) {
    const Section* s = report.section(number);
    if (!s) continue;  // structure.missing_section says so
    std::string text = own_text(report, *s, rules);
    std::string kind;
    if (text.empty()) kind = "empty";
    // The fee statement the 2021 format asks part 6 for is what the part is for, however short.
    for (const Pattern& content : rule.content)
      if (!text.empty() && content.partial_match(text)) kind = "content";
    if (kind == "content") continue;
    for (const Pattern& nothing : rule.nothing)
      if (kind.empty() && nothing.full_match(text)) kind = "none";
    if (kind.empty()) continue;
    if (kind == "none" && number == 6) {
      const auto& versions = rule.part6_none_versions;
      if (std::find(versions.begin(), versions.end(), report.meta.format_version) == versions.end()) continue;
      kind = "none_other";
    }
    Finding f = start_finding("structure.empty_section", rules);
    f.severity = rules.catalog.severity("structure.empty_section", kind);
    f.loc = s->loc;
    put(f, "title", rules.labels.section_name(number));
    put(f, "state", kind == "empty" ? Text{"没有任何内容", "nothing at all"}
                                    : Text{"只写了“" + text + "”", "only \"" + text + "\""});
    out.push_back(std::move(f));
  }
}

}  // namespace nianbao::checks
