// The prose parser and the prose checks: the input is the text of a report's part 1, beside a
// complete table so that statements have cells to be compared with.
#include "extract/read/text/text_reader.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace nianbao;
  Report report;
  report.meta.year = 2023;
  report.meta.format_version = "2021";
  Paragraph p;
  p.text = fuzz::bytes(data, size);
  p.pieces.push_back({0, {1, 1}});
  p.section = 1;
  report.paragraphs.push_back(p);
  Table t;
  t.key = "applications";
  t.columns = {"natural_person", "total"};
  for (const char* key : {"new", "carried_over", "granted", "results_total", "carried_forward"}) {
    TableRow row;
    row.key = key;
    row.found = true;
    Cell three;
    three.value = 3.0;
    three.text = "3";
    three.state = CellState::Value;
    three.loc = {1, 2};
    for (const auto& c : t.columns) row.cells[c] = three;
    t.rows.push_back(row);
  }
  report.tables["applications"] = t;
  (void)validate_all(report, fuzz::rules());
  return 0;
}
