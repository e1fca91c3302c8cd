// Everything read from a rules directory (rules/ by default), loaded once and passed to every
// stage: the readers and segmentation take its headings, the table rebuilders its schemas and
// relations, validation and the renderers its catalog, labels and prose rules. Nothing in the
// library reads a rules file on its own, so a program that loads two directories gets two
// independent sets of rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/rules/catalog.h"
#include "extract/rules/headings.h"
#include "extract/rules/labels.h"
#include "extract/rules/meta_rules.h"
#include "extract/rules/prose_rules.h"
#include "extract/rules/relations.h"
#include "extract/rules/schema.h"

namespace nianbao {

// The format_version of a report whose year comes before every version's `since`: it follows
// the older layout, whose statistics are not these tables.
inline constexpr std::string_view kPreFormatVersion = "pre2019";
// The format_version of a report whose tables say no version and whose year does not either.
inline constexpr std::string_view kUnknownFormatVersion = "unknown";

struct Rules {
  std::string dir;
  HeadingRules headings;
  MetaRules meta;
  Relations relations;
  // One per schema-*.toml file of the directory, ordered by `since`, relations attached.
  std::vector<Schema> schemas;
  Catalog catalog;
  Labels labels;
  ProseRules prose;

  // Every file of `dir`. Throws RulesError naming the file and line when one is malformed, when
  // two schemas claim the same version or year, or when a rule a relation or a prose rate
  // reports has no catalog entry.
  static Rules load(const std::string& dir);
  // Everything otherwise built on first use, built now: before forking a child per report.
  void compile_all() const;

  // The schema of a format version; null for "pre2019", "unknown" or a version without a file.
  const Schema* schema(std::string_view version) const;
  // The version a report of `year` must use: the schema with the latest `since` not after it;
  // kPreFormatVersion before the first one.
  std::string required_version(int year) const;
  // The first report year that must use one of the formats (the earliest `since`).
  int first_format_year() const;
  // The newest version's schema: the likelier one when nothing tells which one a report uses.
  const Schema& newest() const;
};

// Where the rules are when none are named: $NIANBAO_RULES; else the rules installed beside the
// program (<prefix>/share/nianbao/rules for <prefix>/bin/nianbao); else the rules/ of the source
// tree the program was built from.
std::string default_rules_dir();

}  // namespace nianbao
