// Shared by the fuzz harnesses: the rules, loaded once, and the whole pipeline after a reader.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/analyze.h"
#include "extract/model/errors.h"
#include "nianbao/nianbao.h"

namespace nianbao::fuzz {

inline const Rules& rules() {
  static const Rules r = load_rules();
  return r;
}

inline std::string bytes(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// What a user's file goes through after its reader: analysis and every check. A clear
// ReadError ("no report in it") is an answer, not a failure.
inline void analyze_and_validate(const Document& doc) {
  try {
    Report report = analyze(doc, rules());
    (void)validate_all(report, rules());
  } catch (const ReadError&) {
  }
}

}  // namespace nianbao::fuzz
