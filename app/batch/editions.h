// Which files of an archive are one report. A portal publishes a report as a web page and as
// its attached PDF or Word file, or twice under two names: these are editions of one report,
// checked across reports once. Files are editions of one report when they share a name but for
// the extension, or when they are of one agency (rules/agencies.toml) and one year and their
// tables mostly agree. The edition with most cells read stands for the report (its primary).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/batch/store.h"
#include "extract/rules/agency_rules.h"

namespace nianbao {
struct Rules;
}

namespace nianbao::batch {

struct ArchiveReport {
  std::string agency;       // as its primary prints it (or the first edition naming one)
  std::string agency_form;  // the form it is grouped by; "" when no edition names an agency
  int year = 0;             // 0 when no edition says it
  bool summary = false;     // an area's summary report (本级政府汇总)
  const Stored* primary = nullptr;
  std::vector<const Stored*> editions;  // every file read, the primary first
  std::vector<const Stored*> failed;    // files of it that could not be read
  const std::string& file() const { return primary->file; }
};

// A file that could not be read and stands for no report read from another file. `agency_form`
// and `year` when its name says them ("某局2022年政府信息公开工作年度报告.pdf"), else empty and 0.
struct UnreadableFile {
  const Stored* stored = nullptr;
  std::string agency, agency_form;
  int year = 0;
};

struct Editions {
  std::vector<ArchiveReport> reports;  // identified or not, in file order of their primaries
  std::vector<UnreadableFile> unreadable;
  // archive.edition_mismatch, archive.agency_unknown, archive.unreadable_year
  std::vector<nlohmann::ordered_json> findings;
};

// The reports of `stored` (every stored file, read or not).
Editions group_editions(const std::vector<Stored>& stored, const AgencyRules& agencies, const Rules& rules);

// The `editions` list of the last JSON line: per report its agency, year, primary edition,
// files (the primary first) and the files of it that could not be read.
nlohmann::ordered_json editions_json(const Editions& editions);
// The `unidentified` list: reports whose agency could not be read, per report its files and
// the name as read.
nlohmann::ordered_json unidentified_json(const Editions& editions);
// The `unreadable` list: files that could not be read and stand for no report read otherwise,
// with the agency and year their names say (null when they do not).
nlohmann::ordered_json unreadable_json(const Editions& editions);

}  // namespace nianbao::batch
