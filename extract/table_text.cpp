#include "extract/table_text.h"

#include <algorithm>
#include <set>

#include "extract/format_version.h"
#include "extract/schema.h"
#include "extract/table_rows.h"
#include "extract/table_stream.h"

namespace nianbao {

namespace {

// Below this many rows found, the application labels met are prose, not the table.
constexpr long kMinApplicationRows = 5;

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

// The stream of one part: its line range, narrowed to its own text when parts share a line.
TextStream part_stream(const std::vector<const Line*>& lines,
                       const std::vector<Section>& sections, int part) {
  const Section* sec = nullptr;
  const Section* next = nullptr;
  for (size_t i = 0; i < sections.size(); ++i)
    if (sections[i].number == part) {
      sec = &sections[i];
      if (i + 1 < sections.size()) next = &sections[i + 1];
      break;
    }
  if (!sec) return build_stream(lines, 0, lines.size(), {}, {});
  bool shared_start = false;
  for (const auto& other : sections)
    if (&other != sec && other.first_line <= sec->first_line && sec->first_line < other.end_line)
      shared_start = true;
  size_t end = std::max(sec->end_line, sec->first_line + 1);
  std::vector<std::string> stop;
  if (next && next->first_line < end) stop = heading_forms(*next);
  return build_stream(lines, sec->first_line, end,
                      shared_start ? heading_forms(*sec) : std::vector<std::string>{}, stop);
}

// The table's first line: the first line after the part heading that holds cells, a label or
// numbers of the table.
Location table_location(const TextStream& s, const StreamScan& scan) {
  if (s.pieces.empty()) return {};
  size_t heading_line = s.pieces[s.piece_at(s.begin)].line;
  bool one_line = s.pieces.front().line == s.pieces.back().line;
  std::optional<std::pair<size_t, Location>> best;
  auto consider = [&](size_t line, Location loc) {
    if (!one_line && line == heading_line) return;
    if (!best || line < best->first) best = {line, loc};
  };
  for (size_t i = s.piece_at(s.begin); i < s.pieces.size() && s.piece_start[i] < s.end; ++i)
    if (s.pieces[i].cell >= 0) {
      consider(s.pieces[i].line, s.pieces[i].loc);
      break;
    }
  for (const auto& h : scan.hits) consider(h.line, h.loc);
  for (const auto& g : scan.groups) consider(g.line, g.loc);
  return best ? best->second : s.pieces[s.piece_at(s.begin)].loc;
}

}  // namespace

TableExtraction rebuild_tables_from_text(const Document& doc,
                                         const std::vector<Section>& sections,
                                         std::optional<int> year,
                                         const std::vector<Section>& repeated) {
  TableExtraction out;
  const Schema& s2019 = Schema::standard("2019");
  const Schema& s2021 = Schema::standard("2021");
  std::vector<const Line*> lines = doc.all_lines();

  std::map<int, TextStream> streams;
  std::string table_text;
  for (int part : {2, 3, 4}) {
    streams[part] = part_stream(lines, sections, part);
    const TextStream& s = streams[part];
    table_text += s.m.substr(s.begin, s.end - s.begin);
  }
  VersionVote vote = count_signals(table_text, s2019, s2021);
  out.format_version = decide_version(vote, year);
  bool no_signal = vote.signals_2019 == 0 && vote.signals_2021 == 0;
  // Reports before 2019 follow the older layout: their statistics are not these tables.
  if (no_signal && year && *year < 2019) {
    out.format_version = "unknown";
    return out;
  }
  const Schema& schema = out.format_version == "2019" ? s2019 : s2021;
  auto rows_found = [](const Table& t) {
    return std::count_if(t.rows.begin(), t.rows.end(), [](const TableRow& r) { return r.found; });
  };
  for (const auto& st : schema.tables) {
    const TextStream& s = streams[st.part];
    StreamScan scan = scan_stream(s, st);
    Table t = assemble_table(st, s, scan);
    t.loc = table_location(s, scan);
    std::set<std::pair<size_t, size_t>> tried;  // line ranges already scanned
    if (const Section* own = section_of(sections, st.part)) tried.insert({own->first_line, own->end_line});
    for (const Section& alt : repeated) {
      // A portal dump repeats its headings on the one line it has: same range, same result.
      if (alt.number != st.part || !tried.insert({alt.first_line, alt.end_line}).second) continue;
      TextStream as = build_stream(lines, alt.first_line, alt.end_line, {}, {});
      StreamScan ascan = scan_stream(as, st);
      Table at = assemble_table(st, as, ascan);
      if (rows_found(at) > rows_found(t)) {
        at.loc = table_location(as, ascan);
        t = std::move(at);
      }
    }
    auto found = rows_found(t);
    // A few labels met in prose ("予以公开", "行政许可") do not make a table.
    if (found == 0 || (st.key == "applications" && found < kMinApplicationRows)) continue;
    out.tables[st.key] = std::move(t);
  }
  // Without the application table (present in both formats) the report is not on either
  // format: pre-2019 layouts mention 主动公开 items in prose and must not be force-matched.
  // A report of 2019 or later keeps its other tables when part 3's is missing (published as a
  // picture, say): they are still the format's tables.
  if (!out.tables.count("applications") && !(year && *year >= 2019)) {
    out.tables.clear();
    out.format_version = "unknown";
  }
  // Without part 3's table to vouch for the layout, a table counts only when most of its rows
  // are there: a few 主动公开 words in the prose are not a part-2 table.
  if (!out.tables.count("applications"))
    std::erase_if(out.tables, [&](const auto& entry) {
      const Table& t = entry.second;
      return static_cast<size_t>(rows_found(t)) * 2 < t.rows.size();
    });
  if (out.tables.empty()) out.format_version = "unknown";
  return out;
}

}  // namespace nianbao
