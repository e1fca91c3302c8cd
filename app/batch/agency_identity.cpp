#include "app/batch/agency_identity.h"

#include <vector>

#include "app/batch/store.h"
#include "extract/normalize/normalize.h"

namespace nianbao::batch {
namespace {

bool ends_with(const std::string& s, const std::string& e) {
  return s.size() > e.size() && s.compare(s.size() - e.size(), e.size(), e) == 0;
}

// `s` names an area: at least two characters, at most max_place_chars, ending with a place ending.
bool is_place(const std::string& s, const AgencyRules& rules) {
  const size_t n = utf8_length(s);
  if (n < 2 || n > rules.max_place_chars) return false;
  for (const std::string& e : rules.place_endings)
    if (ends_with(s, e)) return true;
  return false;
}

// The byte offsets where a parent area's name ends in `form`, nearest the start first:
// "江苏省淮安市洪泽区财政局" → after 省, after 市.
std::vector<size_t> parent_cuts(const std::string& form, const AgencyRules& rules) {
  std::vector<size_t> cuts;
  for (size_t i = 0; i < form.size();) {
    for (const std::string& e : rules.parent_endings)
      if (i > 0 && form.compare(i, e.size(), e) == 0) {
        const size_t end = i + e.size();
        if (end < form.size() && utf8_length(form.substr(0, end)) <= rules.max_place_chars) cuts.push_back(end);
        break;
      }
    const unsigned char b = static_cast<unsigned char>(form[i]);
    i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  }
  return cuts;
}

std::string replace_equivalents(const std::string& s, const AgencyRules& rules) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    bool replaced = false;
    for (const auto& [variant, form] : rules.equivalents)
      if (s.compare(i, variant.size(), variant) == 0) {
        out += form;
        i += variant.size();
        replaced = true;
        break;
      }
    if (!replaced) out += s[i++];
  }
  return out;
}

// The form without aliases.
std::string plain_form(const std::string& name, const AgencyRules& rules) {
  std::string f = replace_equivalents(agency_key(name), rules);
  std::string area = area_of_government(f, rules);
  return area.empty() ? f : area;
}

}  // namespace

std::string area_of_government(const std::string& form, const AgencyRules& rules) {
  if (is_place(form, rules)) return form;
  for (const std::string& g : rules.government_endings)
    if (ends_with(form, g)) {
      std::string area = form.substr(0, form.size() - g.size());
      if (is_place(area, rules)) return area;
    }
  return "";
}

std::string agency_form(const std::string& name, const AgencyRules& rules) {
  std::string f = plain_form(name, rules);
  for (const auto& [alias, same] : rules.aliases)
    if (plain_form(alias, rules) == f) return plain_form(same, rules);
  return f;
}

bool credible_agency(const std::string& name, const AgencyRules& rules) {
  const std::string k = agency_key(name);
  if (utf8_length(k) < rules.min_chars) return false;
  for (const std::string& w : rules.type_words)
    if (k.find(w) != std::string::npos) return true;
  return false;
}

std::map<std::string, std::string> resolve_forms(const std::set<std::string>& forms, const AgencyRules& rules) {
  std::map<std::string, std::string> out;
  for (const std::string& f : forms) {
    std::string to = f;
    // The longest rest the archive holds; its own prefixes were dropped from it already when
    // they could be, so the shortest such rest is taken.
    for (size_t cut : parent_cuts(f, rules)) {
      const std::string rest = f.substr(cut);
      if (forms.count(rest) && credible_agency(rest, rules)) to = rest;
    }
    out[f] = to;
  }
  return out;
}

std::vector<std::string> agency_identities(const std::vector<std::string>& names, const AgencyRules& rules) {
  std::vector<std::string> out(names.size());
  std::set<std::string> forms;
  for (size_t i = 0; i < names.size(); ++i)
    if (credible_agency(names[i], rules)) forms.insert(out[i] = agency_form(names[i], rules));
  const auto resolved = resolve_forms(forms, rules);
  for (auto& f : out)
    if (!f.empty()) f = resolved.at(f);
  return out;
}

std::string leading_area(const std::string& name, const AgencyRules& rules) {
  size_t chars = 0;
  for (size_t i = 0; i < name.size() && chars < rules.max_place_chars; ++chars) {
    for (const std::string& e : rules.place_endings)
      if (i > 0 && name.compare(i, e.size(), e) == 0) return name.substr(0, i + e.size());
    const unsigned char b = static_cast<unsigned char>(name[i]);
    i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  }
  return "";
}

// `rest` (what follows an area's name) begins with the name of an area within it.
bool opens_with_sub_area(const std::string& rest, const AgencyRules& rules) {
  size_t chars = 0;
  for (size_t i = 0; i < rest.size() && chars < rules.max_place_chars;) {
    const unsigned char b = static_cast<unsigned char>(rest[i]);
    i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    if (++chars < 2) continue;
    for (const std::string& e : rules.sub_area_endings)
      if (i >= e.size() && rest.compare(i - e.size(), e.size(), e) == 0) return true;
  }
  return false;
}

bool named_under_area(const std::string& form, const std::string& area, const AgencyRules& rules) {
  if (area.empty() || form == area) return false;
  auto directly_under = [&](size_t at) {
    return form.compare(at, area.size(), area) == 0 && form.size() > at + area.size() &&
           !opens_with_sub_area(form.substr(at + area.size()), rules);
  };
  if (directly_under(0)) return true;
  for (size_t cut : parent_cuts(form, rules))
    if (directly_under(cut)) return true;
  return false;
}

}  // namespace nianbao::batch
