// Where snapshots of parsed rules files are kept between runs (rules_snapshot.h), so that a
// program started for one report does not parse rules/ again: $NIANBAO_CACHE_DIR, else
// $XDG_CACHE_HOME/nianbao, else ~/.cache/nianbao; NIANBAO_CACHE_DIR set to nothing keeps none.
// A snapshot is named by its file's content, so an edited file is parsed afresh and a snapshot
// of another file's content never stands in for it. The cache is only a shortcut: a directory
// that cannot be written or a snapshot that cannot be read makes the file parsed from its text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <toml++/toml.h>

namespace nianbao {

// The directory snapshots go to; empty when none is to be kept.
std::string rules_cache_dir();

// The parsed form of a rules file whose text is `text`, when a snapshot of it is kept.
std::optional<toml::table> cached_rules_document(std::string_view text);

// Keeps the snapshot of `doc`, parsed from `text`; silently nothing when it cannot.
void cache_rules_document(std::string_view text, const toml::table& doc);

// Whether an earlier run found `what` ("patterns") sound in a file whose text is `text`: a check
// the loader need not repeat, for the same text gives the same answer. Kept beside the snapshot.
bool cached_as_sound(std::string_view text, std::string_view what);
// Records it; silently nothing when it cannot.
void cache_as_sound(std::string_view text, std::string_view what);

}  // namespace nianbao
