#pragma once
// Shared steps of the run integration tests: a small suite file and reading a store back.
#include <fstream>
#include <map>
#include <string>
#include <tuple>

#include "results/store.hpp"
#include "tests/support/process.hpp"

namespace ds::test {

// Writes a suite of `count` free-text prompts (answered in the simulated models' generic style).
inline std::string write_small_suite(const TempDir& dir, int count, const std::string& name = "smoke") {
  const std::string path = dir.file(name + ".jsonl");
  std::ofstream out(path);
  for (int i = 0; i < count; ++i)
    out << ds::core::json{{"id", name + "-" + std::to_string(i)}, {"suite", name},
                {"prompt", "Describe item number " + std::to_string(i) + " of the smoke test in one sentence."}}
               .dump()
        << "\n";
  return path;
}

// (model, item_id, sample) -> text of every answered response.
inline std::map<std::tuple<std::string, std::string, int>, std::string> answers(const std::string& db) {
  ds::results::Store store(db);
  std::map<std::tuple<std::string, std::string, int>, std::string> out;
  for (const auto& r : store.responses({})) out[{r.model, r.item_id, r.sample}] = r.text;
  return out;
}

inline size_t row_count(const std::string& db) {
  ds::results::Store store(db);
  return store.responses({.ok_only = false}).size();
}

}  // namespace ds::test
