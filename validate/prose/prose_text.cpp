#include "validate/prose/prose_text.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <memory>
#include <unordered_map>

#include "extract/normalize/normalize.h"

namespace nianbao {

namespace {

size_t utf8_len(unsigned char lead) {
  return lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
}

bool starts_with_at(std::string_view s, size_t at, std::string_view what) {
  return s.size() >= at + what.size() && s.compare(at, what.size(), what) == 0;
}

// fold() of one code point (1 to 4 bytes), remembered: a report uses a few thousand distinct
// characters over and over, and normalising every occurrence through ICU was most of the cost of
// reading its prose.
const std::string& fold_code_point(std::string_view cp) {
  thread_local std::unordered_map<uint64_t, std::string> folded;
  uint64_t key = cp.size();
  for (char c : cp) key = key << 8 | static_cast<unsigned char>(c);
  auto it = folded.find(key);
  if (it != folded.end()) return it->second;
  if (folded.size() > 100000) folded.clear();  // hostile input of every code point there is
  return folded.emplace(key, fold(cp)).first->second;
}

// ICU's sentence iterator, made once per thread: making one reads ICU's break rules, which cost
// more than the breaking itself for a paragraph. Null when ICU cannot make one.
icu::BreakIterator* sentence_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getChinese(), status));
    return U_SUCCESS(status) ? std::move(made) : nullptr;
  }();
  return it.get();
}

}  // namespace

// Folding code point by code point keeps the mapping exact; what fold() does across code points
// (collapsing whitespace, dropping "**") is redone here.
FoldedText fold_mapped(std::string_view source, bool keep_spaces) {
  FoldedText out;
  out.source_size = source.size();
  // Folding keeps the length of most text (ASCII, Chinese): grown once, not by doubling.
  out.text.reserve(source.size());
  out.origin.reserve(source.size());
  bool pending_space = false;
  size_t space_at = 0;
  auto put_pending_space = [&] {
    if (!pending_space) return;
    out.text += ' ';
    out.origin.push_back(static_cast<uint32_t>(space_at));
    pending_space = false;
  };
  for (size_t i = 0; i < source.size();) {
    // Most of a report folds to itself: copied a stretch at a time, each byte mapped to where
    // its character starts.
    if (const size_t kept = kept_prefix(source.substr(i))) {
      put_pending_space();
      for (size_t k = i; k < i + kept; ++k)
        out.origin.push_back((static_cast<unsigned char>(source[k]) & 0xC0) == 0x80 ? out.origin.back()
                                                                                   : static_cast<uint32_t>(k));
      out.text.append(source.substr(i, kept));
      i += kept;
      continue;
    }
    size_t n = utf8_len(static_cast<unsigned char>(source[i]));
    if (i + n > source.size()) n = source.size() - i;
    std::string_view cp = source.substr(i, n);
    // A view of the remembered folding, used before the next one is asked for.
    std::string_view folded = n == 1 && static_cast<unsigned char>(cp[0]) < 0x80 ? cp : fold_code_point(cp);
    bool space = folded.empty() || folded == " " || cp == "\t" || cp == "\n" || cp == "\r";
    if (cp == "*") folded = {}, space = false;  // Markdown emphasis is not report text
    if (space) {
      if (keep_spaces && !out.text.empty() && !pending_space) space_at = i;
      pending_space = keep_spaces && !out.text.empty();
    } else if (!folded.empty()) {
      put_pending_space();
      out.origin.insert(out.origin.end(), folded.size(), static_cast<uint32_t>(i));
      out.text += folded;
    }
    i += n;
  }
  return out;
}

size_t clause_mark_at(std::string_view s, size_t at) {
  if (at >= s.size()) return 0;
  switch (s[at]) {
    case ',': case ';': case ':': case '(': case ')': case '!': case '?': return 1;
    default: break;
  }
  for (std::string_view mark : {"、", "。", "…"})
    if (starts_with_at(s, at, mark)) return mark.size();
  return 0;
}

bool ends_sentence_at(std::string_view s, size_t at) {
  return at < s.size() && (s[at] == '!' || s[at] == '?' || starts_with_at(s, at, "。"));
}

// ICU finds the sentence ends; a sentence end inside brackets ("（含上年结转189件。）") is not
// one for our purposes, and ICU knows nothing of those, so its breaks are kept only at depth 0.
std::vector<Range> sentences(std::string_view folded) {
  std::vector<Range> out;
  if (folded.empty()) return out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(folded.data(), static_cast<int32_t>(folded.size())));
  // UTF-16 index -> UTF-8 offset.
  std::vector<size_t> byte_of(static_cast<size_t>(u.length()) + 1, folded.size());
  for (int32_t i = 0, b = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    byte_of[static_cast<size_t>(i)] = static_cast<size_t>(b);
    b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    i += U16_LENGTH(c);
  }
  icu::BreakIterator* it = sentence_iterator();
  std::vector<size_t> breaks;
  if (it) {
    it->setText(u);
    for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next())
      breaks.push_back(byte_of[static_cast<size_t>(b)]);
  } else {
    breaks.push_back(folded.size());
  }
  size_t start = 0, scanned = 0;
  int depth = 0;
  for (size_t b : breaks) {
    for (; scanned < b && scanned < folded.size(); ++scanned) {
      if (folded[scanned] == '(') ++depth;
      if (folded[scanned] == ')' && depth > 0) --depth;
    }
    if (depth > 0 && b < folded.size()) continue;
    if (b > start) out.push_back({start, b});
    start = b;
  }
  if (start < folded.size()) out.push_back({start, folded.size()});
  return out;
}

std::string quote(std::string_view source, const FoldedText& f, size_t begin, size_t end, size_t max_chars) {
  size_t b = f.source_at(begin);
  size_t e = end == 0 ? b : f.source_at(end - 1);
  if (end > 0 && e < source.size()) e += utf8_len(static_cast<unsigned char>(source[e]));
  if (e > source.size()) e = source.size();
  // Shown as printed, on one line: the line breaks of the joined paragraph become one space.
  std::string text;
  bool space = false;
  for (size_t i = b; i < e; ++i) {
    char c = source[i];
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !text.empty();
      continue;
    }
    if (space) text += ' ';
    space = false;
    text += c;
  }
  if (utf8_length(text) <= max_chars) return text;
  std::string cut;
  size_t chars = 0;
  for (size_t i = 0; i < text.size() && chars < max_chars;) {
    size_t n = utf8_len(static_cast<unsigned char>(text[i]));
    cut += text.substr(i, n);
    i += n;
    ++chars;
  }
  return cut + "…";
}

}  // namespace nianbao
