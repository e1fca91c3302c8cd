// What the prose checks share: the report's prose read once (folded text, sentences, figures,
// stated totals and parts), and where statements that were checked and held are collected.
#pragma once

#include <vector>

#include "validate/prose/prose_figures.h"
#include "validate/prose/prose_enumerations.h"
#include "validate/validate.h"

namespace nianbao {

struct ProseContext {
  const Report* report = nullptr;
  std::vector<ProseParagraph> paragraphs;
  std::vector<std::vector<Enumeration>> enumerations;  // per paragraph
  static ProseContext read(const Report& report, const Rules& rules);
};

namespace checks {

// `verified` may be null: the statements that hold are then not kept.
void prose_rates(const ProseContext& prose, const Rules& rules, std::vector<Finding>& out,
                 std::vector<Finding>* verified);
void prose_sums(const ProseContext& prose, const Rules& rules, std::vector<Finding>& out,
                std::vector<Finding>* verified);
void prose_percentages(const ProseContext& prose, const Rules& rules, std::vector<Finding>& out,
                       std::vector<Finding>* verified);
void prose_tables(const ProseContext& prose, const Rules& rules, std::vector<Finding>& out,
                  std::vector<Finding>* verified);
void prose_zero_claims(const ProseContext& prose, const Rules& rules, std::vector<Finding>& out,
                       std::vector<Finding>* verified);
void prose_outcomes(const ProseContext& prose, const Rules& rules, std::vector<Finding>& out,
                    std::vector<Finding>* verified);
void prose_blanks(const ProseContext& prose, const Rules& rules, std::vector<Finding>& out);
void prose_placeholders(const ProseContext& prose, const Rules& rules, std::vector<Finding>& out);
void empty_sections(const Report& report, const Rules& rules, std::vector<Finding>& out);

// The quote of a statement: from the start of the clause before `begin`'s clause (so that a
// short clause like "办结69件" keeps its subject) to `end`.
std::string statement_quote(const ProseParagraph& p, size_t begin, size_t end);

// The value of a table figure "table/row/column" summed over its cells; nothing when a cell is
// absent or has no number.
std::optional<double> table_value(const Report& report, const Rules& rules, const CellSum& cells);

// Whether `percent` as printed is `part` / `whole` × 100, rounded or truncated to its decimals.
bool percent_agrees(double part, double whole, const Percent& percent);

}  // namespace checks
}  // namespace nianbao
