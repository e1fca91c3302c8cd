// Every place where any of a few dozen texts occurs in a long text, found in one walk of it: the
// labels of a table's rows in the text of a part, the signals of the format versions in the text
// of the tables. Looking for each text on its own walked a report flattened to one line of
// megabytes once per label, a hundred times, stopping at every lead byte of a Chinese character.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao {

class TextSearch {
 public:
  // The texts looked for, by their index in `needles`; empty ones are never found. Views: the
  // texts must outlive the search.
  explicit TextSearch(const std::vector<std::string_view>& needles);

  // Calls `found(needle, at)` for every occurrence that lies wholly in text[from, to), in no
  // order a caller should rely on.
  void find_all(std::string_view text, size_t from, size_t to,
                const std::function<void(size_t needle, size_t at)>& found) const;

 private:
  // Texts of kKeyBytes bytes or more are found by their first kKeyBytes at each place; the
  // shorter ones each by a search of their own.
  static constexpr size_t kKeyBytes = 4;

  std::vector<std::string_view> needles_;
  std::vector<uint64_t> has_slot_;                    // a bit per slot: some needle's key is there
  std::vector<std::pair<uint32_t, size_t>> by_slot_;  // (slot, needle), sorted
  std::vector<size_t> short_;                         // needles shorter than a key
};

}  // namespace nianbao
