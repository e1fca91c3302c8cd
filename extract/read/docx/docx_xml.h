// Parsing the XML parts of a DOCX safely, and walking WordprocessingML elements by local name.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace nianbao {

struct XmlDocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

// Parses one part of the package. Word never writes a DTD, so a part that declares one is a
// crafted file: it is refused before parsing, and the parser runs without entity substitution,
// network access or the “huge” limits anyway. Throws ReadError "corrupt" naming `part`.
XmlDocPtr parse_part(const std::string& xml, const std::string& part, const std::string& path);

// True when `n` is a WordprocessingML element (transitional or strict namespace) named `local`.
bool is_w(const xmlNode* n, std::string_view local);
// The w:val (or other w: attribute) of an element, "" when absent.
std::string w_attr(const xmlNode* n, const char* local = "val");
// The first child element of `n` that is w:`local`, or null.
const xmlNode* w_child(const xmlNode* n, std::string_view local);

}  // namespace nianbao
