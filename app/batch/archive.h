// Archive mode end to end: inputs, the per-file pass into the store, the cross-report pass,
// the JSONL and spreadsheet outputs. The command line only fills BatchOptions.
#pragma once

#include <string>
#include <vector>

#include "extract/read/limits.h"

namespace nianbao {
struct Rules;
}

namespace nianbao::batch {

class Store;

struct BatchOptions {
  std::vector<std::string> paths;  // files, directories (walked recursively), @list.txt
  int jobs = 1;
  std::string out, db, xlsx;
  // --html-dir: every file's HTML report and an index.html (html_index.h, html_pages.h).
  std::string html_dir;
  // --hierarchy: an area's departments, for its summary report (rules/hierarchy.example.toml).
  std::string hierarchy;
  int shard = 1, shards = 1;  // --shard K/N: this run checks the K-th of N parts
  Limits limits;
  bool progress = false;
};

// Every input file, sorted, duplicates removed. Throws std::runtime_error for a path that does
// not exist or an unreadable list.
std::vector<std::string> collect_inputs(const std::vector<std::string>& paths);

// Whether `file` belongs to shard k of n: by a hash of its name, so each file lands in exactly
// one shard whatever the order the inputs are given in.
bool in_shard(const std::string& file, int k, int n);

// Parses "K/N"; false when malformed or K outside 1..N.
bool parse_shard(const std::string& text, int& k, int& n);

// Exit status as docs/OUTPUT.md: 3 an input unreadable, else 1 an error finding, else 0.
int run_batch(const BatchOptions& options, const Rules& rules);

// Merges shard databases into `db` and writes the outputs as run_batch does, over every
// report of the merged database. With `html_dir`, the index only: the report pages are the
// shards' own, written where their runs were told to. `hierarchy` as BatchOptions::hierarchy.
int run_merge(const std::vector<std::string>& inputs, const std::string& db, const std::string& out,
              const std::string& xlsx, const std::string& html_dir, const std::string& hierarchy,
              const Rules& rules);

}  // namespace nianbao::batch
