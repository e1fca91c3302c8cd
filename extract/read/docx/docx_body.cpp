#include "extract/read/docx/docx_body.h"

#include <algorithm>
#include <string_view>

#include "extract/read/docx/docx_xml.h"
#include "extract/read/html/html_grid.h"
#include "extract/read/html/html_text.h"
#include "extract/normalize/normalize.h"

namespace nianbao {
namespace {

// Past this many characters a cell holds prose: the table frames the page, it is no data table.
constexpr size_t kMaxDataCellChars = 300;

std::string_view local_name(const xmlNode* n) {
  return n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}

bool contains_element(const xmlNode* n, std::string_view local) {
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && (local_name(c) == local || contains_element(c, local)))
      return true;
  return false;
}

// A paragraph's text, cut at manual line breaks and at page breaks.
struct Piece {
  std::string text;
  int page_offset = 0;
};
struct ParaText {
  std::vector<Piece> pieces;
  int page_offset = 0;  // page breaks inside, in total
  int images = 0;
  bool break_before = false;  // w:pageBreakBefore
  bool section_break = false;  // ends a section that starts the next on a new page
};

class BodyReader {
 public:
  BodyReader(DocxNumbering& numbering, bool rendered) : numbering_(numbering), rendered_(rendered) {}

  DocxBody run(const xmlNode* body) {
    blocks(body);
    out_.pages = page_;
    return std::move(out_);
  }

 private:
  void blocks(const xmlNode* parent) {
    for (const xmlNode* n = parent->children; n; n = n->next) {
      if (is_w(n, "p")) {
        paragraph(n);
      } else if (is_w(n, "tbl")) {
        table(n);
      } else if (is_w(n, "sdt")) {
        if (const xmlNode* content = w_child(n, "sdtContent")) blocks(content);
      } else if (is_w(n, "customXml") || is_w(n, "ins") || is_w(n, "moveTo")) {
        blocks(n);
      }
    }
  }

  void runs(const xmlNode* parent, ParaText& p, TextJoin& cur) {
    auto cut = [&] {
      std::string t = cur.take();
      if (!t.empty()) p.pieces.push_back({std::move(t), p.page_offset});
    };
    for (const xmlNode* n = parent->children; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      const std::string_view name = local_name(n);
      if (is_w(n, "t")) {
        xmlChar* t = xmlNodeGetContent(n);
        if (t) cur.add(reinterpret_cast<const char*>(t), 0, false);
        xmlFree(t);
      } else if (is_w(n, "tab") || is_w(n, "ptab")) {
        cur.add(" ", 0, false);
      } else if (is_w(n, "noBreakHyphen")) {
        cur.add("-", 0, false);
      } else if (is_w(n, "br") || is_w(n, "cr")) {
        cut();
        if (w_attr(n, "type") == "page" && !rendered_) ++p.page_offset;
      } else if (is_w(n, "lastRenderedPageBreak")) {
        if (rendered_) {
          cut();
          ++p.page_offset;
        }
      } else if (is_w(n, "drawing") || is_w(n, "pict") || is_w(n, "object")) {
        ++p.images;
      } else if (is_w(n, "r") || is_w(n, "hyperlink") || is_w(n, "smartTag") ||
                 is_w(n, "customXml") || is_w(n, "ins") || is_w(n, "moveTo") ||
                 is_w(n, "fldSimple") || is_w(n, "dir") || is_w(n, "bdo")) {
        runs(n, p, cur);
      } else if (is_w(n, "sdt")) {
        if (const xmlNode* content = w_child(n, "sdtContent")) runs(content, p, cur);
      } else if (name == "AlternateContent") {
        // The same content twice, for new and old readers: one copy.
        for (const xmlNode* c = n->children; c; c = c->next)
          if (c->type == XML_ELEMENT_NODE && local_name(c) == "Choice") {
            runs(c, p, cur);
            break;
          }
      }
      // w:del, w:moveFrom, w:instrText (field codes), w:delText: not printed.
    }
  }

  ParaText read_paragraph(const xmlNode* p) {
    ParaText out;
    const xmlNode* ppr = w_child(p, "pPr");
    // Counted before the runs are read: a cell's paragraphs are read in document order too.
    const std::string label = numbering_.next_label(ppr);
    TextJoin cur;
    runs(p, out, cur);
    std::string t = cur.take();
    if (!t.empty()) out.pieces.push_back({std::move(t), out.page_offset});
    // The number is drawn with the paragraph's first text, even after a page break run.
    if (!label.empty()) {
      if (out.pieces.empty()) out.pieces.push_back({"", out.page_offset});
      TextJoin j;
      j.add(label, 0, false);
      j.add(out.pieces.front().text, 0, false);
      out.pieces.front().text = j.take();
    }
    if (!rendered_) {
      const xmlNode* before = w_child(ppr, "pageBreakBefore");
      out.break_before = before && w_attr(before) != "0" && w_attr(before) != "false";
      if (const xmlNode* sect = w_child(ppr, "sectPr"))
        out.section_break = w_attr(w_child(sect, "type")) != "continuous";
    }
    return out;
  }

  void add_images(int count) {
    for (int i = 0; i < count; ++i) out_.images.push_back({out_.lines.size(), block_});
  }

  void emit(const ParaText& p) {
    ++block_;
    if (p.break_before && block_ > 1) ++page_;
    add_images(p.images);
    for (const Piece& piece : p.pieces) {
      Line l;
      l.text = piece.text;
      l.loc = {page_ + piece.page_offset, block_};
      out_.lines.push_back(std::move(l));
    }
    page_ += p.page_offset + (p.section_break ? 1 : 0);
  }

  void paragraph(const xmlNode* p) { emit(read_paragraph(p)); }

  // A cell's blocks: paragraphs read (their numbering counted once), nested tables kept.
  struct Cell {
    std::vector<ParaText> paras;
    std::vector<const xmlNode*> tables;
    std::vector<bool> order;  // true: next paragraph, false: next table
    int colspan = 1;
    bool continues = false;
  };

  void cell_blocks(const xmlNode* parent, Cell& c) {
    for (const xmlNode* n = parent->children; n; n = n->next) {
      if (is_w(n, "p")) {
        c.paras.push_back(read_paragraph(n));
        c.order.push_back(true);
      } else if (is_w(n, "tbl")) {
        c.tables.push_back(n);
        c.order.push_back(false);
      } else if (is_w(n, "sdt")) {
        if (const xmlNode* content = w_child(n, "sdtContent")) cell_blocks(content, c);
      } else if (is_w(n, "customXml")) {
        cell_blocks(n, c);
      }
    }
  }

  template <typename F>
  void for_each(const xmlNode* parent, std::string_view local, F f) {
    for (const xmlNode* n = parent->children; n; n = n->next) {
      if (is_w(n, local)) f(n);
      else if (is_w(n, "sdt")) {
        if (const xmlNode* content = w_child(n, "sdtContent")) for_each(content, local, f);
      } else if (is_w(n, "customXml")) {
        for_each(n, local, f);
      }
    }
  }

  void table(const xmlNode* tbl) {
    struct Row {
      std::vector<Cell> cells;
      int before = 0;
    };
    std::vector<Row> rows;
    size_t widest = 0;
    bool layout = false;
    for_each(tbl, "tr", [&](const xmlNode* tr) {
      Row row;
      row.before = std::max(0, std::atoi(w_attr(w_child(w_child(tr, "trPr"), "gridBefore")).c_str()));
      for_each(tr, "tc", [&](const xmlNode* tc) {
        Cell c;
        const xmlNode* tcpr = w_child(tc, "tcPr");
        if (const xmlNode* span = w_child(tcpr, "gridSpan")) c.colspan = std::max(1, std::atoi(w_attr(span).c_str()));
        if (const xmlNode* vm = w_child(tcpr, "vMerge")) c.continues = w_attr(vm) != "restart";
        cell_blocks(tc, c);
        if (!c.tables.empty()) layout = true;
        row.cells.push_back(std::move(c));
      });
      widest = std::max(widest, row.cells.size());
      rows.push_back(std::move(row));
    });
    std::vector<SourceRow> grid_rows;
    for (const Row& r : rows) {
      SourceRow sr;
      sr.skip_before = r.before;
      for (const Cell& c : r.cells) {
        TextJoin j;
        for (const ParaText& p : c.paras)
          for (const Piece& piece : p.pieces) {
            j.soft_break();
            j.add(piece.text, 0, false);
          }
        std::string text = j.take();
        if (utf8_length(text) > kMaxDataCellChars) layout = true;
        sr.cells.push_back({std::move(text), c.colspan, 1, c.continues});
      }
      grid_rows.push_back(std::move(sr));
    }
    if (layout || widest < 2) {
      // A table that frames the page: its cells are read as prose, in order.
      for (const Row& r : rows)
        for (const Cell& c : r.cells) {
          size_t p = 0, t = 0;
          for (bool para : c.order) para ? emit(c.paras[p++]) : table(c.tables[t++]);
        }
      return;
    }
    auto grid = expand_grid(grid_rows);
    for (size_t r = 0; r < grid.size(); ++r) {
      ++block_;
      int first_offset = -1, most = 0, images = 0;
      for (const Cell& c : rows[r].cells)
        for (const ParaText& p : c.paras) {
          if (first_offset < 0 && !p.pieces.empty()) first_offset = p.pieces.front().page_offset;
          most = std::max(most, p.page_offset);
          images += p.images;
        }
      add_images(images);
      // A row of blank cells is kept (a blank form's data row): the table has it.
      if (grid[r].empty()) {
        page_ += most;
        continue;
      }
      Line l;
      l.loc = {page_ + std::max(first_offset, 0), block_};
      l.cells = std::move(grid[r]);
      for (size_t k = 0; k < l.cells.size(); ++k) l.text += (k ? "\t" : "") + l.cells[k];
      out_.lines.push_back(std::move(l));
      page_ += most;
    }
  }

  DocxNumbering& numbering_;
  const bool rendered_;
  DocxBody out_;
  int block_ = 0;
  int page_ = 1;
};

}  // namespace

DocxBody read_docx_body(const xmlDoc* document, DocxNumbering& numbering) {
  const xmlNode* root = xmlDocGetRootElement(const_cast<xmlDoc*>(document));
  const xmlNode* body = w_child(root, "body");
  if (!body) return {};
  BodyReader reader(numbering, contains_element(body, "lastRenderedPageBreak"));
  return reader.run(body);
}

}  // namespace nianbao
