#include "extract/normalize/text_search.h"

#include <string.h>  // memmem

#include <algorithm>
#include <cstring>

namespace nianbao {

namespace {

constexpr unsigned kSlotBits = 16;

// The slot of the kKeyBytes (4) bytes at `p`; Fibonacci hashing: the high bits of the product
// depend on every byte.
inline uint32_t slot_at(const char* p) {
  uint32_t key = 0;
  std::memcpy(&key, p, sizeof key);
  return (key * 2654435761u) >> (32 - kSlotBits);
}

}  // namespace

TextSearch::TextSearch(const std::vector<std::string_view>& needles)
    : needles_(needles), has_slot_((size_t{1} << kSlotBits) / 64) {
  for (size_t k = 0; k < needles_.size(); ++k) {
    if (needles_[k].empty()) continue;
    if (needles_[k].size() < kKeyBytes) {
      short_.push_back(k);
      continue;
    }
    const uint32_t s = slot_at(needles_[k].data());
    has_slot_[s / 64] |= uint64_t{1} << (s % 64);
    by_slot_.emplace_back(s, k);
  }
  std::sort(by_slot_.begin(), by_slot_.end());
}

void TextSearch::find_all(std::string_view text, size_t from, size_t to,
                          const std::function<void(size_t needle, size_t at)>& found) const {
  to = std::min(to, text.size());
  if (from >= to) return;
  const char* data = text.data();
  if (!by_slot_.empty())
    for (size_t at = from; at + kKeyBytes <= to; ++at) {
      const uint32_t s = slot_at(data + at);
      if (!(has_slot_[s / 64] >> (s % 64) & 1)) continue;
      for (auto it = std::lower_bound(by_slot_.begin(), by_slot_.end(), std::make_pair(s, size_t{0}));
           it != by_slot_.end() && it->first == s; ++it) {
        const std::string_view n = needles_[it->second];
        if (n.size() <= to - at && std::memcmp(data + at, n.data(), n.size()) == 0) found(it->second, at);
      }
    }
  for (size_t k : short_) {
    const std::string_view n = needles_[k];
    for (size_t at = from; at < to;) {
      const void* hit = memmem(data + at, to - at, n.data(), n.size());
      if (!hit) break;
      at = static_cast<size_t>(static_cast<const char*>(hit) - data);
      found(k, at);
      ++at;
    }
  }
}

}  // namespace nianbao
