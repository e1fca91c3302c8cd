#include "extract/rules/rules.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "extract/model/errors.h"

namespace nianbao {

namespace {

namespace fs = std::filesystem;

// The schema files of `dir`, in name order (the order they are loaded in, not their rank).
std::vector<std::string> schema_files(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("schema-") && name.ends_with(".toml") && entry.is_regular_file(ec))
      out.push_back(entry.path().string());
  }
  if (ec) throw RulesError(dir + ": " + ec.message());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Schema> load_schemas(const std::string& dir, const Relations& relations) {
  std::vector<Schema> schemas;
  for (const std::string& path : schema_files(dir)) {
    Schema s = Schema::load(path);
    for (const Schema& other : schemas) {
      if (other.version == s.version)
        throw RulesError(path + ": version \"" + s.version + "\" is also that of " + other.path);
      if (other.since == s.since)
        throw RulesError(path + ": since = " + std::to_string(s.since) + " is also that of " + other.path);
    }
    s.attach(relations);
    schemas.push_back(std::move(s));
  }
  if (schemas.empty()) throw RulesError(dir + ": no schema-*.toml (the table formats)");
  std::sort(schemas.begin(), schemas.end(), [](const Schema& a, const Schema& b) { return a.since < b.since; });
  return schemas;
}

}  // namespace

Rules Rules::load(const std::string& dir) {
  Rules r;
  r.dir = dir;
  const std::string checks_path = dir + "/checks.toml";
  const std::string relations_path = dir + "/relations.toml";
  r.headings = HeadingRules::load(dir + "/headings.toml");
  r.meta = MetaRules::load(dir + "/meta.toml");
  r.relations = Relations::load(relations_path);
  r.schemas = load_schemas(dir, r.relations);
  r.catalog = Catalog::load(checks_path);
  r.labels = Labels::load(dir + "/labels.toml");
  // The newest first: it names a key when a report's format version is not known.
  for (auto s = r.schemas.rbegin(); s != r.schemas.rend(); ++s) r.labels.add_schema(*s);
  r.labels.add_parts(r.headings);
  r.prose = ProseRules::load(dir + "/prose.toml");
  // A finding without an entry would print a bare id; refuse such rules at load time instead.
  for (const RateRule& rate : r.prose.rates)
    if (!r.catalog.find(rate.rule))
      throw RulesError(checks_path + ": no entry for rule '" + rate.rule + "' used by " + dir +
                       "/prose.toml:" + std::to_string(rate.line));
  for (const Relation& rel : r.relations.all())
    if (!r.catalog.find(rel.id))
      throw RulesError(checks_path + ": no entry for rule '" + rel.id + "' used by " + relations_path + ":" +
                       std::to_string(rel.line));
  return r;
}

void Rules::compile_all() const { prose.compile_all(); }

const Schema* Rules::schema(std::string_view version) const {
  for (const Schema& s : schemas)
    if (s.version == version) return &s;
  return nullptr;
}

std::string Rules::required_version(int year) const {
  const Schema* required = nullptr;
  for (const Schema& s : schemas)
    if (s.since <= year) required = &s;
  return required ? required->version : std::string(kPreFormatVersion);
}

int Rules::first_format_year() const { return schemas.front().since; }

const Schema& Rules::newest() const { return schemas.back(); }

std::string default_rules_dir() {
  if (const char* env = std::getenv("NIANBAO_RULES"); env && *env) return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "nianbao" / "rules";
    if (fs::exists(installed / "checks.toml", ec)) return installed.string();
  }
  return NIANBAO_SOURCE_RULES_DIR;
}

}  // namespace nianbao
