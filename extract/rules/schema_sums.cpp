// Schema::attach: the relations of rules/relations.toml as the sums a schema's tables satisfy,
// which decide among the possible cuts of flattened digit runs.
#include <algorithm>

#include "extract/rules/relations.h"
#include "extract/rules/schema.h"

namespace nianbao {

namespace {


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
      std::vector<std::string> left = resolve_keys(rel.left, keys), right = resolve_keys(rel.right, keys);
      if (left.empty() || right.empty()) continue;
      // Per row the patterns stay: each row resolves them against its own columns.
      sum.left = sum.per_row ? rel.left : std::move(left);
      sum.right = sum.per_row ? rel.right : std::move(right);
      t.sums.push_back(std::move(sum));
    }
  }
}

}  // namespace nianbao
