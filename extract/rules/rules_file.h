// Reading the TOML files of rules/. One loader, so that every malformed file is reported the
// same way: "path:line: what is wrong".
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>
#include <toml++/toml.h>

#include "extract/model/bilingual.h"

namespace nianbao {

// The file parsed. RulesError "path: cannot be read", or "path:line: description" on a syntax
// error. `text`, when given, gets the file's text.
toml::table parse_rules_file(const std::string& path, std::string* text = nullptr);
// The same from text; `source_name` stands for the path in error messages.
toml::table parse_rules_text(std::string_view text, const std::string& source_name);

// The line a node starts on.
int line_of(const toml::node& node);
// `node` as a table; else RulesError "source:line: <what> must be a table".
const toml::table& as_table(const toml::node& node, const std::string& source,
                            const std::string& what);

// Reads the fields of one entry of a rules file; every error names the file, the line of the
// entry and the entry: "source:line: name: what".
struct RulesEntry {
  const std::string& source;
  const toml::table& t;
  std::string name;  // "relation 'applications.balance'", "rule entry 3", …

  [[noreturn]] void fail(const std::string& what) const;
  std::string text(const char* key, bool required = true) const;
  std::vector<std::string> list(const char* key, bool required = false) const;
  // A required list of words in the compact form text is compared in (normalize.h), longest
  // first, so that the longer of two words that could both match ("年度报告", "年报") is tried
  // first; an empty word is an error.
  std::vector<std::string> words(const char* key) const;
  bool flag(const char* key) const;  // false when absent
  // { zh = "…", en = "…" }
  Text pair(const char* key, bool required = true) const;
  // The entries of an array of tables ([[key]]); nullptr when absent.
  const toml::array* tables(const char* key) const;
};

// The table `[name]` of a rules file as an entry named "[name]"; RulesError "source: missing
// [name]" when the file has none.
RulesEntry section_entry(const std::string& source, const toml::table& doc, const char* name);

// Calls `read` with each entry of the array of tables `key` ([[key]]) of a rules file, as a
// RulesEntry named `key`, and the line it starts on; nothing when the file has none. A `key`
// that is not an array of tables is a RulesError naming the file.
void for_each_entry(const std::string& source, const toml::table& doc, const char* key,
                    const std::function<void(RulesEntry& entry, int line)>& read);

}  // namespace nianbao
