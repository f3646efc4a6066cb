#include "results/jsonl_export.hpp"

#include <fmt/format.h>

#include <fstream>

#include "core/errors.hpp"
#include "core/json_bounded.hpp"

namespace ds::results {

void check_jsonl_writable(const std::string& path) {
  std::ofstream out(path, std::ios::app);
  if (!out) throw InputError(fmt::format("{}: cannot open --jsonl file for writing", path));
}

size_t append_run_jsonl(Store& store, const std::string& run_id, const std::string& path) {
  std::ofstream out(path, std::ios::app);
  if (!out) throw InputError(fmt::format("{}: cannot open --jsonl file for writing", path));
  size_t n = 0;
  for (const auto& r : store.responses({.run_id = run_id, .ok_only = false})) {
    out << dump_json(record_to_json(r)) << '\n';
    ++n;
  }
  return n;
}

}  // namespace ds::results
