// The rules loader: a rules file is input too, and a broken one must give an error with its
// file and line, never a crash. The input is tried as each kind of rules file.
#include <unistd.h>

#include <fstream>

#include "extract/rules/headings.h"
#include "extract/rules/relations.h"
#include "extract/rules/schema.h"
#include "fuzz_common.h"
#include "extract/rules/catalog.h"
#include "extract/rules/prose_rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace nianbao;
  std::string text = fuzz::bytes(data, size);
  static const std::string path = "/dev/shm/nianbao-fuzz-rules-" + std::to_string(getpid()) + ".toml";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
  }
  try { (void)Catalog::parse(text, "fuzz.toml"); } catch (const RulesError&) {}
  try { (void)Relations::parse(text, "fuzz.toml"); } catch (const RulesError&) {}
  try { (void)Schema::load(path); } catch (const RulesError&) {}
  try { (void)HeadingRules::load(path); } catch (const RulesError&) {}
  try { (void)ProseRules::load(path); } catch (const RulesError&) {}
  return 0;
}
