#include "extract/read/docx/docx_xml.h"

#include <libxml/parser.h>

#include <climits>

#include "extract/model/errors.h"

namespace nianbao {
namespace {

constexpr std::string_view kTransitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";

bool is_w_ns(const xmlNs* ns) {
  if (!ns || !ns->href) return false;
  const std::string_view href(reinterpret_cast<const char*>(ns->href));
  return href == kTransitional || href == kStrict;
}

}  // namespace

XmlDocPtr parse_part(const std::string& xml, const std::string& part, const std::string& path) {
  if (xml.find("<!DOCTYPE") != std::string::npos || xml.find("<!ENTITY") != std::string::npos)
    throw ReadError("corrupt", path + ": " + part + " 含有 DTD 声明（Word 不会写入），为安全起见不予读取 (" +
                                   part + " declares a DTD, which Word never writes; refused for safety)");
  if (xml.size() >= static_cast<size_t>(INT_MAX))
    throw ReadError("too_large", path + ": " + part + " 过大 (" + part + " too large)");
  // No XML_PARSE_NOENT (entities are never substituted), no XML_PARSE_DTDLOAD, no
  // XML_PARSE_HUGE (libxml2's limits on depth and node size stay on).
  xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc)
    throw ReadError("corrupt", path + ": " + part + " 不是完整的 XML，文件已损坏 (" + part +
                                   " is not well-formed XML: damaged file)");
  return XmlDocPtr(doc);
}

bool is_w(const xmlNode* n, std::string_view local) {
  return n && n->type == XML_ELEMENT_NODE && n->name &&
         std::string_view(reinterpret_cast<const char*>(n->name)) == local && is_w_ns(n->ns);
}

std::string w_attr(const xmlNode* n, const char* local) {
  if (!n) return {};
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (!a->name || std::string_view(reinterpret_cast<const char*>(a->name)) != local) continue;
    if (a->ns && !is_w_ns(a->ns)) continue;
    xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return s;
  }
  return {};
}

const xmlNode* w_child(const xmlNode* n, std::string_view local) {
  if (!n) return nullptr;
  for (const xmlNode* c = n->children; c; c = c->next)
    if (is_w(c, local)) return c;
  return nullptr;
}

}  // namespace nianbao
