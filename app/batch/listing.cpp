#include "app/batch/listing.h"

#include <sqlite3.h>

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <tuple>

#include "app/batch/agency_identity.h"
#include "app/batch/cross.h"
#include "app/batch/html_pages.h"
#include "app/batch/store.h"

namespace nianbao::batch {
namespace {

std::string text_col(sqlite3_stmt* q, int i) {
  auto p = sqlite3_column_text(q, i);
  return p ? reinterpret_cast<const char*>(p) : "";
}

}  // namespace

std::vector<FileRow> file_rows(const Store& store, const Rules& rules) {
  const char* sql =
      "SELECT n.file, n.sha256, r.agency, r.year, r.format_version, r.input_format, r.status, "
      "r.error_code, r.error_message, r.errors, r.warnings, r.infos FROM names n JOIN reports r "
      "ON r.sha256=n.sha256";
  sqlite3* db = store.handle();
  sqlite3_stmt* q = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &q, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db));
  std::vector<FileRow> rows;
  while (sqlite3_step(q) == SQLITE_ROW) {
    FileRow r;
    r.file = text_col(q, 0);
    r.sha256 = text_col(q, 1);
    r.agency = text_col(q, 2);
    if (sqlite3_column_type(q, 3) != SQLITE_NULL) r.year = sqlite3_column_int64(q, 3);
    r.format_version = text_col(q, 4);
    r.input_format = text_col(q, 5);
    r.status = text_col(q, 6);
    r.error_code = text_col(q, 7);
    r.error_message = text_col(q, 8);
    r.errors = sqlite3_column_int64(q, 9);
    r.warnings = sqlite3_column_int64(q, 10);
    r.infos = sqlite3_column_int64(q, 11);
    r.page = page_name(r.agency, r.year, r.sha256);
    rows.push_back(std::move(r));
  }
  sqlite3_finalize(q);
  std::vector<std::string> names;
  for (const auto& r : rows) names.push_back(r.agency);
  const std::vector<std::string> identities = agency_identities(names, load_agency_rules(rules));
  for (size_t i = 0; i < rows.size(); ++i) rows[i].agency_key = identities[i];
  sort_rows(rows);
  return rows;
}

FileRow unstored_row(const nlohmann::ordered_json& failure) {
  FileRow r;
  r.file = failure.value("file", "");
  r.status = "error";
  if (auto e = failure.find("error"); e != failure.end() && e->is_object()) {
    r.error_code = e->value("code", "");
    r.error_message = e->value("message", "");
  }
  return r;
}

void sort_rows(std::vector<FileRow>& rows) {
  auto key = [](const FileRow& r) {
    return std::make_tuple(r.agency_key.empty(), std::cref(r.agency_key),
                           r.year.value_or(std::numeric_limits<long long>::max()), std::cref(r.file));
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const FileRow& a, const FileRow& b) { return key(a) < key(b); });
}

std::string page_of_result(const nlohmann::ordered_json& result) {
  if (!result.is_object()) return "";
  std::string agency;
  std::optional<long long> year;
  if (auto rep = result.find("report"); rep != result.end() && rep->is_object()) {
    agency = rep->value("agency", "");
    if (auto y = rep->find("year"); y != rep->end() && y->is_number_integer()) year = y->get<long long>();
  }
  return page_name(agency, year, result.value("sha256", ""));
}

const char* status_word(const FileRow& row) { return row.ok() ? "正常" : "无法读取"; }

}  // namespace nianbao::batch
