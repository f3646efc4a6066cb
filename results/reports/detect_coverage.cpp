#include "results/reports/detect_coverage.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "results/layer.hpp"

namespace ds::results {

using namespace scorers::lineage;

namespace {

size_t prompts_answered(const Corpus& corpus, const std::string& model) {
  const int m = corpus.model_index(model);
  if (m < 0) return 0;
  const auto& row = corpus.cells[static_cast<size_t>(m)];
  return static_cast<size_t>(std::count_if(row.begin(), row.end(), [](const auto& cell) { return !cell.empty(); }));
}

size_t imported_in_panel(const DetectResult& result, const std::set<std::string>& imported) {
  return static_cast<size_t>(
      std::count_if(result.panel.begin(), result.panel.end(), [&](const std::string& m) { return imported.count(m) > 0; }));
}

}  // namespace

json detect_coverage_json(const Corpus& corpus, const DetectResult& result, const std::set<std::string>& imported) {
  json out = {{"reference", json::object()}, {"candidates", json::object()}, {"panel", json::object()},
              {"panel_imported", imported_in_panel(result, imported)}};
  for (const auto& r : result.reference) out["reference"][r] = prompts_answered(corpus, r);
  for (const auto& c : result.candidates)
    out["candidates"][c.model] = {{"answered", prompts_answered(corpus, c.model)}, {"shared_with_reference", c.prompts}};
  for (const auto& p : result.panel) out["panel"][p] = prompts_answered(corpus, p);
  return out;
}

std::string detect_coverage_lines(const Corpus& corpus, const DetectResult& result, const std::set<std::string>& imported) {
  std::string reference;
  for (const auto& r : result.reference)
    reference += fmt::format("{}{} {}", reference.empty() ? "" : ", ", r, prompts_answered(corpus, r));
  std::string candidates;
  for (const auto& c : result.candidates)
    candidates += fmt::format("{}{} {} ({} shared with the reference)", candidates.empty() ? "" : ", ", c.model,
                              prompts_answered(corpus, c.model), c.prompts);
  std::string out = fmt::format("prompts answered: reference {}; candidates {}\n", reference,
                                candidates.empty() ? "none" : candidates);
  if (!result.panel.empty()) {
    std::vector<size_t> counts;
    for (const auto& p : result.panel) counts.push_back(prompts_answered(corpus, p));
    const auto [low, high] = std::minmax_element(counts.begin(), counts.end());
    out += fmt::format("panel: {} models, {} of them published answers (imported); each answered {} to {} prompts\n",
                       result.panel.size(), imported_in_panel(result, imported), *low, *high);
  }
  return out;
}

}  // namespace ds::results
