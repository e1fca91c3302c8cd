// Errors that stop the reading of one input file or the loading of the rules.
#pragma once

#include <stdexcept>
#include <string>

namespace nianbao {

// An input that cannot be read at all. `code` is stable (it goes into the JSON "error" object
// and the tests): not_found, not_a_file, empty, binary, encoding, no_report, too_large, io,
// unsupported_format; for PDF: not_a_pdf, damaged, encrypted, no_pages, no_text_layer,
// garbled_text; for HTML and Word: corrupt (a damaged or crafted file: not a ZIP, malformed
// XML, a DTD in a DOCX part, markup nested too deeply), missing_tool (a program the format
// needs is not installed: the message names the package), convert_failed (that program could
// not convert the file).
struct ReadError : std::runtime_error {
  std::string code;
  ReadError(std::string c, const std::string& message)
      : std::runtime_error(message), code(std::move(c)) {}
};

// A rules file that is malformed. The message names the file and the line.
struct RulesError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace nianbao
