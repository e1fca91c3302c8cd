#include "extract/read/docx/docx_numbering.h"

#include <cstdlib>

#include "extract/read/docx/docx_xml.h"
#include "extract/normalize/normalize.h"

namespace nianbao {
namespace {

int to_int(const std::string& s, int fallback) {
  if (s.empty()) return fallback;
  char* end = nullptr;
  const long v = std::strtol(s.c_str(), &end, 10);
  if (end == s.c_str() || v < -100000 || v > 100000) return fallback;
  return static_cast<int>(v);
}

std::string roman(int n) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  static const std::pair<int, const char*> parts[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"},
                                                      {100, "C"},  {90, "XC"},  {50, "L"},  {40, "XL"},
                                                      {10, "X"},   {9, "IX"},   {5, "V"},   {4, "IV"}, {1, "I"}};
  std::string s;
  for (const auto& [v, r] : parts)
    while (n >= v) {
      s += r;
      n -= v;
    }
  return s;
}

std::string letters(int n, char base) {
  if (n <= 0) return std::to_string(n);
  // Word repeats the letter: 27 → "AA".
  return std::string(static_cast<size_t>((n - 1) / 26 + 1), static_cast<char>(base + (n - 1) % 26));
}

std::string utf8(char32_t c) {
  std::string s;
  if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
  } else {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  }
  s += static_cast<char>(0x80 | (c & 0x3F));
  return s;
}

bool ends_with_mark(const std::string& label) {
  for (const char* mark : {"、", ".", "．", "）", ")", "：", ":", "。"})
    if (label.size() >= std::char_traits<char>::length(mark) && label.ends_with(mark)) return true;
  return false;
}

}  // namespace

std::string format_number(int n, const std::string& f) {
  if (f == "chineseCounting" || f == "chineseCountingThousand" || f == "japaneseCounting" ||
      f == "taiwaneseCounting" || f == "taiwaneseCountingThousand" || f == "ideographDigital" ||
      f == "chineseLegalSimplified")
    return chinese_numeral(n);
  if (f == "ideographTraditional") {
    static const char* stems[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
    return n >= 1 && n <= 10 ? stems[n - 1] : std::to_string(n);
  }
  if ((f == "decimalEnclosedCircle" || f == "decimalEnclosedCircleChinese") && n >= 1 && n <= 20)
    return utf8(static_cast<char32_t>(0x2460 + n - 1));
  if (f == "decimalFullWidth" || f == "decimalFullWidth2") {
    std::string s;
    for (char c : std::to_string(n)) s += utf8(static_cast<char32_t>(0xFF10 + (c - '0')));
    return s;
  }
  if (f == "decimalEnclosedParen") return "(" + std::to_string(n) + ")";
  if (f == "decimalZero") return (n < 10 ? "0" : "") + std::to_string(n);
  if (f == "upperLetter") return letters(n, 'A');
  if (f == "lowerLetter") return letters(n, 'a');
  if (f == "upperRoman") return roman(n);
  if (f == "lowerRoman") {
    std::string s = roman(n);
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }
  return std::to_string(n);
}

DocxNumbering::DocxNumbering(const xmlDoc* numbering, const xmlDoc* styles) {
  if (const xmlNode* root = numbering ? xmlDocGetRootElement(const_cast<xmlDoc*>(numbering)) : nullptr) {
    for (const xmlNode* n = root->children; n; n = n->next) {
      if (is_w(n, "abstractNum")) {
        const int id = to_int(w_attr(n, "abstractNumId"), -1);
        for (const xmlNode* l = n->children; l; l = l->next) {
          if (!is_w(l, "lvl")) continue;
          Level level;
          level.start = to_int(w_attr(w_child(l, "start")), 1);
          if (const xmlNode* f = w_child(l, "numFmt")) level.format = w_attr(f);
          level.text = w_attr(w_child(l, "lvlText"));
          abstract_[id][to_int(w_attr(l, "ilvl"), 0)] = level;
        }
      } else if (is_w(n, "num")) {
        const int id = to_int(w_attr(n, "numId"), -1);
        abstract_of_[id] = to_int(w_attr(w_child(n, "abstractNumId")), -1);
        for (const xmlNode* o = n->children; o; o = o->next)
          if (is_w(o, "lvlOverride"))
            if (const xmlNode* s = w_child(o, "startOverride"))
              overrides_[id][to_int(w_attr(o, "ilvl"), 0)] = to_int(w_attr(s), 1);
      }
    }
  }
  if (const xmlNode* root = styles ? xmlDocGetRootElement(const_cast<xmlDoc*>(styles)) : nullptr) {
    std::map<std::string, std::string> based_on;
    for (const xmlNode* s = root->children; s; s = s->next) {
      if (!is_w(s, "style") || w_attr(s, "type") != "paragraph") continue;
      const std::string id = w_attr(s, "styleId");
      if (w_attr(s, "default") == "1" || w_attr(s, "default") == "true") default_style_ = id;
      based_on[id] = w_attr(w_child(s, "basedOn"));
      if (const xmlNode* np = w_child(w_child(s, "pPr"), "numPr"))
        styles_[id] = {to_int(w_attr(w_child(np, "numId")), -1), to_int(w_attr(w_child(np, "ilvl")), 0)};
    }
    // Numbering inherited through w:basedOn (a few steps at most; a cycle stops the walk).
    for (const auto& [id, base] : based_on) {
      if (styles_.count(id)) continue;
      std::string at = base;
      for (int k = 0; k < 20 && !at.empty(); ++k) {
        if (auto it = styles_.find(at); it != styles_.end()) {
          styles_[id] = it->second;
          break;
        }
        auto b = based_on.find(at);
        at = b == based_on.end() ? "" : b->second;
      }
    }
  }
}

std::string DocxNumbering::next_label(const xmlNode* ppr) {
  std::string style = w_attr(w_child(ppr, "pStyle"));
  if (style.empty()) style = default_style_;
  StyleNum sn;
  if (auto it = styles_.find(style); it != styles_.end()) sn = it->second;
  if (const xmlNode* np = w_child(ppr, "numPr")) {
    if (const xmlNode* id = w_child(np, "numId")) sn.num = to_int(w_attr(id), -1);
    if (const xmlNode* lvl = w_child(np, "ilvl")) sn.level = to_int(w_attr(lvl), 0);
  }
  auto abs = abstract_of_.find(sn.num);
  if (sn.num <= 0 || abs == abstract_of_.end() || sn.level < 0 || sn.level > 8) return {};
  auto levels = abstract_.find(abs->second);
  if (levels == abstract_.end()) return {};
  std::vector<int>& count = counters_[abs->second];
  if (count.empty()) {
    count.resize(9);
    for (int l = 0; l < 9; ++l) count[static_cast<size_t>(l)] = levels->second.count(l) ? levels->second.at(l).start - 1 : 0;
  }
  if (auto o = overrides_.find(sn.num); o != overrides_.end() && !override_applied_[sn.num]) {
    override_applied_[sn.num] = true;
    for (const auto& [l, start] : o->second)
      if (l >= 0 && l < 9) count[static_cast<size_t>(l)] = start - 1;
  }
  ++count[static_cast<size_t>(sn.level)];
  // Deeper levels restart under a new item.
  for (int l = sn.level + 1; l < 9; ++l)
    count[static_cast<size_t>(l)] = levels->second.count(l) ? levels->second.at(l).start - 1 : 0;
  auto lv = levels->second.find(sn.level);
  if (lv == levels->second.end() || lv->second.format == "bullet" || lv->second.format == "none")
    return {};
  std::string label;
  const std::string& text = lv->second.text;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
      const int l = text[i + 1] - '1';
      const auto it = levels->second.find(l);
      label += format_number(count[static_cast<size_t>(l)], it == levels->second.end() ? "decimal" : it->second.format);
      ++i;
    } else {
      label += text[i];
    }
  }
  if (!label.empty() && !ends_with_mark(label)) label += ' ';
  return label;
}

}  // namespace nianbao
