// The prose of a paragraph in the form statements are read in: folded (full-width digits and
// punctuation to ASCII, see fold()), with every folded byte mapped back to the byte of the
// paragraph it came from, so that a statement found in the folded text points at its line and
// is quoted as printed. Then sentences (ICU BreakIterator) and clauses (Chinese clause
// punctuation).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao {

struct FoldedText {
  std::string text;             // folded
  // origin[i]: byte offset in the source of folded byte i. Four bytes for each byte of a
  // paragraph, which is under 2 GB (ICU, which breaks it into sentences, counts in int32).
  std::vector<uint32_t> origin;
  size_t source_size = 0;
  // The source offset of folded offset `at` (the end of the source for at == text.size()).
  size_t source_at(size_t at) const { return at < origin.size() ? origin[at] : source_size; }
};

// `keep_spaces` false: every whitespace removed (compact()); true: runs of whitespace kept as
// one space, which is how a blank left in a template ("主动公开信息  条") stays visible.
FoldedText fold_mapped(std::string_view source, bool keep_spaces = false);

// Byte ranges [begin, end) of the sentences of a folded text, in order, covering it.
struct Range {
  size_t begin = 0, end = 0;
};
std::vector<Range> sentences(std::string_view folded);

// The characters that end a clause inside a sentence, in folded text: , ; : 、 ( ) and the
// sentence ends. `at` is a byte offset; returns the length of the character there (0: none).
size_t clause_mark_at(std::string_view folded, size_t at);
bool ends_sentence_at(std::string_view folded, size_t at);

// The source text between two folded offsets, as printed, with surrounding whitespace trimmed
// and at most `max_chars` code points (cut with "…").
std::string quote(std::string_view source, const FoldedText& f, size_t begin, size_t end,
                  size_t max_chars = 80);

}  // namespace nianbao
