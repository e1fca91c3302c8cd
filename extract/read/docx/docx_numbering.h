// The numbers Word draws in front of numbered paragraphs (word/numbering.xml): “一、”, “（二）”,
// “3.” are not in the text of the paragraph, yet the part headings of a report are often
// numbered that way and the heading rules need to see them.
#pragma once

#include <libxml/tree.h>

#include <map>
#include <string>
#include <vector>

namespace nianbao {

class DocxNumbering {
 public:
  DocxNumbering() = default;
  // Either document may be null (a DOCX without numbering or styles).
  DocxNumbering(const xmlDoc* numbering, const xmlDoc* styles);

  // The label of the paragraph whose w:pPr is `ppr` (null: none), counting it; "" when the
  // paragraph is not numbered or is a bullet. Call once per paragraph, in document order.
  std::string next_label(const xmlNode* ppr);

 private:
  struct Level {
    std::string format = "decimal";
    std::string text;  // "%1、"
    int start = 1;
  };
  struct StyleNum {
    int num = -1, level = 0;
  };
  std::map<int, std::map<int, Level>> abstract_;   // abstractNumId → level → Level
  std::map<int, int> abstract_of_;                 // numId → abstractNumId
  std::map<int, std::map<int, int>> overrides_;    // numId → level → start
  std::map<std::string, StyleNum> styles_;         // paragraph styleId → its numbering
  std::string default_style_;
  std::map<int, std::vector<int>> counters_;       // abstractNumId → counter per level
  std::map<int, bool> override_applied_;           // numId → restart already done
};

// A counter in one of Word's number formats ("chineseCounting" 3 → "三").
std::string format_number(int n, const std::string& format);

}  // namespace nianbao
