// Table rebuilding from positioned words and ruling lines: the input is read as words with
// boxes, one per line of the form "x0 y0 x1 y1 text", and rulings, "H y x0 x1" (horizontal) or
// "V x y0 y1" (vertical), pages separated by a line "---".
#include <sstream>

#include "extract/tables/positions/table_positions.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace nianbao;
  Document doc;
  doc.format = InputFormat::Pdf;
  doc.pages.push_back(Page{1, {}});
  std::istringstream in(fuzz::bytes(data, size));
  std::string row;
  while (std::getline(in, row) && doc.pages.size() < 50) {
    if (row == "---") {
      doc.pages.push_back(Page{static_cast<int>(doc.pages.size()) + 1, {}});
      continue;
    }
    std::istringstream fields(row);
    if (row.size() > 2 && (row[0] == 'H' || row[0] == 'V') && row[1] == ' ') {
      Ruling r;
      r.horizontal = row[0] == 'H';
      fields.ignore(2);
      if (fields >> r.at >> r.from >> r.to && doc.pages.back().rulings.size() < 5000)
        doc.pages.back().rulings.push_back(r);
      continue;
    }
    Span s;
    if (!(fields >> s.box.x0 >> s.box.y0 >> s.box.x1 >> s.box.y1)) continue;
    std::getline(fields, s.text);
    Line line;
    line.text = s.text;
    line.loc = {doc.pages.back().number, static_cast<int>(doc.pages.back().lines.size()) + 1};
    line.box = s.box;
    line.spans.push_back(s);
    doc.pages.back().lines.push_back(line);
  }
  std::vector<Section> sections;
  for (int part = 2; part <= 4; ++part) sections.push_back(Section{part, part, "", {1, 1}, 0, doc.all_lines().size()});
  (void)rebuild_tables_from_positions(doc, fuzz::rules(), sections, 2023);
  (void)rebuild_tables_from_positions(doc, fuzz::rules(), {}, std::nullopt);
  return 0;
}
