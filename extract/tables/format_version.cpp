#include "extract/tables/format_version.h"

namespace nianbao {

namespace {
int count(const std::string& text, const Schema& s) {
  int n = 0;
  for (const auto& sig : s.signals)
    if (!sig.empty() && text.find(sig) != std::string::npos) ++n;
  return n;
}
}  // namespace

VersionVote count_signals(const std::string& text, const Schema& v2019, const Schema& v2021) {
  return VersionVote{count(text, v2019), count(text, v2021)};
}

std::string decide_version(const VersionVote& vote, std::optional<int> year) {
  if (vote.signals_2019 > vote.signals_2021) return "2019";
  if (vote.signals_2021 > vote.signals_2019) return "2021";
  if (year && *year >= 2021) return "2021";
  if (year && *year >= 2019) return "2019";
  return "unknown";
}

}  // namespace nianbao
