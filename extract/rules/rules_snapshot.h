// A parsed rules file in a compact binary form, read back many times faster than its TOML text is
// parsed: parsing rules/ is most of what loading the rules costs, and loading the rules was a
// fifth of a one-report check. The snapshot keeps every key, value and array order and the line
// each node starts on, so that a rules file loaded from it gives the same rules and the same
// "path:line:" in every message as its text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <toml++/toml.h>

namespace nianbao {

// The snapshot of `doc`; nullopt when it holds a value kind the snapshot does not keep (dates
// and times, which no rules file uses).
std::optional<std::string> encode_snapshot(const toml::table& doc);

// The table `bytes` encode; nullopt when they are not a whole, well-formed snapshot (a file
// cut short or damaged is parsed from its text again).
std::optional<toml::table> decode_snapshot(std::string_view bytes);

// The line a node read from a snapshot starts on (toml++ keeps a node's place only for the nodes
// its parser makes); 0 for any other node.
int snapshot_line(const toml::node& node);

}  // namespace nianbao
