#include "extract/tables/text/table_text.h"

#include <algorithm>
#include <memory>
#include <set>

#include "extract/rules/schema.h"
#include "extract/tables/stand_in_rows.h"
#include "extract/tables/table_decisions.h"
#include "extract/tables/text/table_rows.h"
#include "extract/tables/text/table_stream.h"

namespace nianbao {

namespace {

const char* kNumerals[] = {"", "一", "二", "三", "四", "五", "六"};

std::vector<std::string> heading_forms(const Section& s) {
  int n = s.printed > 0 && s.printed <= 6 ? s.printed : s.number;
  std::vector<std::string> out;
  if (n >= 1 && n <= 6 && !s.title.empty()) {
    out.push_back(std::string(kNumerals[n]) + "、" + s.title);
    out.push_back(std::string(kNumerals[n]) + "." + s.title);
  }
  if (!s.title.empty()) out.push_back(s.title);
  return out;
}

const Section* section_of(const std::vector<Section>& sections, int part) {
  for (const auto& s : sections)
    if (s.number == part) return &s;
  return nullptr;
}

// What the stream of a part is made of: lines [first, end), narrowed to the text from a `start`
// heading to a `stop` heading (narrow_stream).
struct StreamSpec {
  size_t first = 0, end = 0;
  std::vector<std::string> start, stop;
  bool operator==(const StreamSpec&) const = default;
};

// The stream of one part: its line range, narrowed to its own text when parts share a line.
StreamSpec part_spec(const std::vector<const Line*>& lines, const std::vector<Section>& sections,
                     int part) {
  const Section* sec = nullptr;
  const Section* next = nullptr;
  for (size_t i = 0; i < sections.size(); ++i)
    if (sections[i].number == part) {
      sec = &sections[i];
      if (i + 1 < sections.size()) next = &sections[i + 1];
      break;
    }
  if (!sec) return {0, lines.size(), {}, {}};
  bool shared_start = false;
  for (const auto& other : sections)
    if (&other != sec && other.first_line <= sec->first_line && sec->first_line < other.end_line)
      shared_start = true;
  size_t end = std::max(sec->end_line, sec->first_line + 1);
  std::vector<std::string> stop;
  if (next && next->first_line < end) stop = heading_forms(*next);
  return {sec->first_line, end, shared_start ? heading_forms(*sec) : std::vector<std::string>{},
          stop};
}

// The table's first line: the first line after the part heading that holds cells, a label or
// numbers of the table.
Location table_location(const TextStream& s, const StreamScan& scan) {
  if (s.pieces().empty()) return {};
  size_t heading_line = s.pieces()[s.piece_at(s.begin)].line;
  bool one_line = s.pieces().front().line == s.pieces().back().line;
  std::optional<std::pair<size_t, Location>> best;
  auto consider = [&](size_t line, Location loc) {
    if (!one_line && line == heading_line) return;
    if (!best || line < best->first) best = {line, loc};
  };
  for (size_t i = s.piece_at(s.begin); i < s.pieces().size() && s.piece_start()[i] < s.end; ++i)
    if (s.pieces()[i].cell >= 0) {
      consider(s.pieces()[i].line, s.pieces()[i].loc);
      break;
    }
  for (const auto& h : scan.hits) consider(h.line, h.loc);
  for (const auto& g : scan.groups) consider(g.line, g.loc);
  return best ? best->second : s.pieces()[s.piece_at(s.begin)].loc;
}

}  // namespace

TableExtraction rebuild_tables_from_text(const Document& doc, const Rules& rules,
                                         const std::vector<Section>& sections,
                                         std::optional<int> year,
                                         const std::vector<Section>& repeated) {
  TableExtraction out;
  std::vector<const Line*> lines = doc.all_lines();

  // The text of each range of lines is made once (folded, in match form), however many parts
  // stand for it: all of them when none is found, every part of a portal dump's one line. Each
  // part's stream is its own extent of it.
  std::map<std::pair<size_t, size_t>, std::shared_ptr<const StreamText>> texts;
  auto text_of = [&](size_t first, size_t end) {
    std::shared_ptr<const StreamText>& text = texts[{first, end}];
    if (!text) text = stream_text(lines, first, end);
    return text;
  };
  std::map<int, TextStream> streams;
  std::vector<StreamSpec> specs;  // those of the streams in table_text
  std::string table_text;
  for (int part : {2, 3, 4}) {
    StreamSpec spec = part_spec(lines, sections, part);
    const TextStream& s = streams[part] = narrow_stream(text_of(spec.first, spec.end), spec.start, spec.stop);
    // The signals of the format versions are looked for, not counted: the text of parts that
    // stand for the same text is given once.
    if (std::find(specs.begin(), specs.end(), spec) != specs.end()) continue;
    table_text.append(s.m(), s.begin, s.end - s.begin);
    specs.push_back(std::move(spec));
  }
  TableFormat format = table_format(rules, table_text, year);
  out.format_version = format.version;
  if (!format.schema) return out;
  // The table of `st` from its part's text, or from a repeat of the part when that reads more rows.
  auto read = [&](const SchemaTable& st) {
    static const TextStream kNoStream;
    auto part = streams.find(st.part);
    const TextStream& s = part != streams.end() ? part->second : kNoStream;
    StreamScan scan = scan_stream(s, st);
    Table t = assemble_table(st, s, scan);
    t.loc = table_location(s, scan);
    std::set<std::pair<size_t, size_t>> tried;  // line ranges already scanned
    if (const Section* own = section_of(sections, st.part)) tried.insert({own->first_line, own->end_line});
    for (const Section& alt : repeated) {
      // A portal dump repeats its headings on the one line it has: same range, same result.
      if (alt.number != st.part || !tried.insert({alt.first_line, alt.end_line}).second) continue;
      TextStream as = narrow_stream(text_of(alt.first_line, alt.end_line), {}, {});
      StreamScan ascan = scan_stream(as, st);
      Table at = assemble_table(st, as, ascan);
      if (rows_found(at) > rows_found(t)) {
        at.loc = table_location(as, ascan);
        t = std::move(at);
      }
    }
    return t;
  };
  for (const auto& st : format.schema->tables) {
    Table t = read(st);
    // Rows of another format version printed in place of a group of this one's (stand_in_rows.h)
    // are looked for only where the group is not printed: the group's own heading ("（六）其他
    // 处理" over its three rows) reads like the row standing for it.
    if (stand_in_wanted(t, st, format.others)) {
      Table with = read(with_stand_ins(st, format.others));
      settle_stand_ins(with, st, format.others);
      if (has_stand_in(with, st)) t = std::move(with);
    }
    if (is_table(st, t)) out.tables[st.key] = std::move(t);
  }
  settle_tables(out, rules, year);
  return out;
}

}  // namespace nianbao
