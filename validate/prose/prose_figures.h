// The figures of a paragraph's prose: numbers with their unit ("14.6万人次", "749 件"), the
// qualifier that makes them bounds rather than values ("5500余条", "约4900人次", "近300个"), a
// percentage stated with them ("42件，占51.85%", "208 件（17.46%）"), and the clause they stand
// in, which is what tells whose figure it is.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/model/model.h"
#include "extract/rules/prose_rules.h"
#include "validate/prose/prose_text.h"

namespace nianbao {

enum class Bound { Exact, About, AtLeast, AtMost };

struct Percent {
  double value = 0;
  int decimals = 0;
  std::string text;  // as folded ("51.85")
};

struct Figure {
  double value = 0;  // as printed (14.6 for "14.6万人次")
  int decimals = 0;
  double scale = 1;  // 1e4 for 万, 1e8 for 亿
  std::string unit;  // "人次", "件", "元", "%" …
  Bound bound = Bound::Exact;
  std::string number_text;  // the digits as printed, for messages ("14.6")
  // Folded offsets: the figure with its qualifiers and unit; its clause (from the clause mark
  // before it, or the end of the figure before it, to the clause mark after it).
  size_t begin = 0, end = 0, number_begin = 0;
  size_t after = 0;  // end of the figure with its attached percentage
  size_t clause_begin = 0, clause_end = 0;
  size_t sentence = 0;  // index into ProseParagraph::sentences
  int depth = 0;        // bracket depth: 1 inside "（…）"
  std::optional<Percent> percent;  // stated right after it
  // The clause with the figure replaced by '#': "全年收到政府信息公开申请#", "#结转下年度继续办理".
  std::string statement;
  std::string label;  // the clause before the figure ("全年收到政府信息公开申请")
  bool other_period = false;  // the clause is about another year or a comparison ("较2019年")

  double absolute() const { return value * scale; }
  // Half a unit of the last printed digit, in absolute terms; 0 for whole counts.
  double tolerance() const;
  bool exact_count() const { return bound == Bound::Exact && decimals == 0 && scale == 1; }
  std::string display() const;  // "14.6万人次", "749件"
};

struct ProseParagraph {
  const Paragraph* source = nullptr;
  FoldedText folded;
  std::vector<Range> sentences;
  std::vector<Figure> figures;  // in text order
  Location loc_at(size_t folded_offset) const;
  std::string quote(size_t begin, size_t end, size_t max_chars = 80) const;
  size_t sentence_of(size_t folded_offset) const;
};


ProseParagraph read_prose(const Paragraph& p, const FigureContext& context);

}  // namespace nianbao
