// Schema::attach: the relations of rules/relations.toml as the sums a schema's tables satisfy,
// which decide among the possible cuts of flattened digit runs.
#include <algorithm>

#include "extract/relations.h"
#include "extract/schema.h"

namespace nianbao {

namespace {

// The keys of `keys` the patterns of `side` name, in pattern order, each once.
std::vector<std::string> resolve(const std::vector<std::string>& side,
                                 const std::vector<std::string>& keys) {
  std::vector<std::string> out;
  for (const std::string& pattern : side)
    for (const std::string& k : keys)
      if (glob_match(pattern, k) && std::find(out.begin(), out.end(), k) == out.end())
        out.push_back(k);
  return out;
}

}  // namespace

void Schema::attach(const Relations& relations) {
  for (SchemaTable& t : tables) {
    t.sums.clear();
    std::vector<std::string> row_keys, column_keys;
    for (const auto& r : t.rows) row_keys.push_back(r.key);
    for (const auto& c : t.columns) column_keys.push_back(c.key);
    for (const Relation& rel : relations.all()) {
      if (rel.table != t.key || !rel.applies_to(version) || rel.tolerance > 0) continue;
      SchemaSum sum;
      sum.per_row = rel.per == Relation::Per::Row;
      sum.only = rel.only;
      const auto& keys = sum.per_row ? column_keys : row_keys;
      std::vector<std::string> left = resolve(rel.left, keys), right = resolve(rel.right, keys);
      if (left.empty() || right.empty()) continue;
      // Per row the patterns stay: each row resolves them against its own columns.
      sum.left = sum.per_row ? rel.left : std::move(left);
      sum.right = sum.per_row ? rel.right : std::move(right);
      t.sums.push_back(std::move(sum));
    }
  }
}

}  // namespace nianbao
