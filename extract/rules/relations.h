// The arithmetic relations (勾稽关系) between the cells of a table (rules/relations.toml).
// Validation reports where they fail; table rebuilding uses them to split flattened digit runs.
// Keeping them as data lets a new relation be added without code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/model/bilingual.h"

namespace nianbao {

// One arithmetic relation: sum(left) == sum(right), for every column (or every row) of a table.
struct Relation {
  enum class Per { Column, Row };
  std::string id;     // rule id of the findings
  std::string table;  // table key
  Per per = Per::Column;
  // Row keys (per column) or column keys (per row); '*' matches any run of characters.
  std::vector<std::string> left, right;
  std::string check;  // the key of the cell a finding is about
  Text left_label, right_label;
  std::vector<std::string> only;      // restrict to these columns / rows (globs); empty = all
  std::vector<std::string> versions;  // format versions it applies to; empty = all
  double tolerance = 0;
  int line = 0;

  bool applies_to(std::string_view version) const;  // `versions` empty or naming it
  bool selects(std::string_view key) const;          // `only` empty or a glob of it matching `key`
};

class Relations {
 public:
  // Throws RulesError naming the file, line and entry when the file is malformed.
  static Relations load(const std::string& path);
  static Relations parse(std::string_view toml_text, const std::string& source_name);
  const std::vector<Relation>& all() const { return relations_; }

 private:
  std::vector<Relation> relations_;
};

// '*' matches any run of characters (dots included); everything else literally.
// The keys of `keys` that the patterns of `patterns` name, in pattern order, each once. A
// pattern naming no key (a row of the other format version) contributes nothing.
std::vector<std::string> resolve_keys(const std::vector<std::string>& patterns,
                                      const std::vector<std::string>& keys);

bool glob_match(std::string_view pattern, std::string_view key);

}  // namespace nianbao
