// Scanned reports: image-only PDFs of the generated reports of tests/data/pdf (made by
// tools/make-scans: pages drawn in grey and put back as pictures, as an office scanner makes
// them), checked as a user checks them. Their figures must be those of the golden files or be
// said to be unreadable (never a wrong value), their title, agency and year those of the text PDF,
// and what is found in them what is found in the text PDF.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "golden_cells.h"
#include "test_paths.h"

namespace nianbao {
namespace {

using nlohmann::json;

json check(const std::string& path) { return test::check_json(path); }

// The image-only PDF of tests/data/pdf/<name>.pdf made with `options` (tools/make-scans).
std::string scan_of(const std::string& name, const std::string& options) {
  std::string tag = options;
  for (char& c : tag)
    if (c == ' ' || c == '-' || c == '.') c = '_';
  const std::string out = ::testing::TempDir() + "scan_" + name + tag + "_" + std::to_string(::getpid()) + ".pdf";
  const std::string cmd = test::source_path("tools/make-scans") + " " + options + " " +
                          test::source_path("tests/data/pdf/" + name + ".pdf") + " " + out;
  EXPECT_EQ(test::run(cmd + " >/dev/null 2>&1"), 0) << cmd;
  return out;
}

struct Tally {
  int read = 0, unread = 0, wrong = 0, total = 0;
};

// The scanned report's cells against the golden file: each one the golden value, or unreadable.
Tally tally(const json& d, const test::Golden& g) {
  Tally t;
  const auto got = test::cells_of(d["report"]);
  for (const auto& [key, want] : g.cells) {
    ++t.total;
    auto it = got.find(key);
    if (it == got.end()) {
      ADD_FAILURE() << key << " missing";
      ++t.wrong;
      continue;
    }
    if (it->second[1] == "unreadable") {
      ++t.unread;
    } else if (it->second[0] == want[0] && it->second[1] == want[1]) {
      ++t.read;
    } else {
      ADD_FAILURE() << key << ": read " << it->second[0] << " (" << it->second[1] << "), printed " << want[0] << " ("
                    << want[1] << ")";
      ++t.wrong;
    }
  }
  return t;
}

// The rules found, each with its row when it has one, but the notes about the scan itself.
std::multiset<std::string> rules_found(const json& d) {
  std::multiset<std::string> out;
  for (const auto& f : d["findings"]) {
    const std::string rule = f["rule"];
    if (rule == "structure.scanned_read" || rule == "table.unreadable") continue;
    out.insert(rule + " " + f.value("row", ""));
  }
  return out;
}

// The scan of `name` made with `options`, checked: every figure the golden value or said to be
// unreadable, title, agency, year and format those of the text PDF, no error found where the
// text PDF has none, and the reading said once. Gives the tally of its figures.
Tally expect_read_like_text(const std::string& name, const std::string& options) {
  SCOPED_TRACE(name + " " + options);
  const test::Golden g = test::load_golden(name);
  const json text = check(test::source_path("tests/data/pdf/" + name + ".pdf"));
  const std::string scanned = scan_of(name, options);
  const json scan = check(scanned);
  std::remove(scanned.c_str());
  if (scan["status"] != "ok") {
    ADD_FAILURE() << scan.dump();
    return {};
  }
  const Tally t = tally(scan, g);
  EXPECT_EQ(t.wrong, 0);
  for (const char* key : {"year", "format_version", "agency", "title"})
    EXPECT_EQ(test::meta_text(scan["report"][key]), test::meta_text(text["report"][key])) << key;
  EXPECT_EQ(test::errors_of(scan), test::errors_of(text));
  if (t.unread == 0) {
    EXPECT_EQ(rules_found(scan), rules_found(text));
  }
  int said = 0;
  for (const auto& f : scan["findings"])
    if (f["rule"] == "structure.scanned_read") {
      ++said;
      EXPECT_EQ(f["severity"], "info");
      EXPECT_NE(f["message"].get<std::string>().find("文字识别"), std::string::npos) << f.dump();
    }
  EXPECT_EQ(said, 1);
  std::cout << name << " " << options << ": " << t.read << " of " << t.total << " read, " << t.unread << " unread\n";
  return t;
}

// Clean scans of the three generated reports, at 150, 200 and 300 dpi, lossless and JPEG: at least
// 99.5 % of their figures read, none wrong, and what is found what the text PDF gives. (Signed
// changes, "+3" "-2", decimal amounts, "12.5", and placeholders, "/", are among them.)
TEST(ScannedPdf, CleanScansReadAtLeast995PerCentAndNothingWrong) {
  Tally all;
  for (const auto& [name, options] : std::vector<std::pair<std::string, std::string>>{
           {"made_2021_hard", "-r 200"}, {"made_2019_vertical", "-r 150 -j 75"}, {"made_2021_wrapped", "-r 300 -j 80"}}) {
    const Tally t = expect_read_like_text(name, options);
    EXPECT_GE(t.read, 0.99 * t.total) << name;
    all.read += t.read, all.total += t.total;
  }
  EXPECT_GE(all.read, 0.995 * all.total) << all.read << " of " << all.total;
}

// A scan as an office scanner gives it: turned 0.8°, blurred, specked, JPEG of quality 70. At
// least 95 % of the figures read, none wrong, and no error where the text PDF has none.
TEST(ScannedPdf, NoisyTurnedJpegScanOf2021Format) {
  const Tally t = expect_read_like_text("made_2021_wrapped", "-r 200 -t 0.8 -b -n 0.05 -j 70");
  EXPECT_GE(t.read, 0.95 * t.total);
}

TEST(ScannedPdf, NoisyTurnedJpegScanOf2019Format) {
  const Tally t = expect_read_like_text("made_2019_vertical", "-r 200 -t 0.8 -b -n 0.05 -j 70");
  EXPECT_GE(t.read, 0.95 * t.total);
}

}  // namespace
}  // namespace nianbao
