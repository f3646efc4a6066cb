#include "results/reports/detect_output.hpp"

#include <fmt/format.h>

#include <cmath>
#include "results/layer.hpp"

namespace ds::results {

using namespace scorers::lineage;

namespace {
json number_or_null(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }
}  // namespace

json detect_result_to_json(const DetectResult& r) {
  json out = {{"reference", r.reference}, {"method", r.method}, {"null", r.null_hypothesis},
              {"candidates", json::array()}};
  for (const auto& c : r.candidates) {
    json evidence = json::array();
    for (const auto& e : c.evidence)
      evidence.push_back({{"kind", e.kind},
                          {"detail", e.detail},
                          {"prompt_ids", e.prompt_ids},
                          {"statistic", number_or_null(e.statistic)}});
    json components = json::object();
    for (const auto& [k, v] : c.components) components[k] = v;
    out["candidates"].push_back({{"model", c.model},
                                 {"score", c.score},
                                 {"p_value", c.p_value},
                                 {"p_adjusted", c.p_adjusted},
                                 {"verdict", c.verdict},
                                 {"statistic", c.statistic},
                                 {"z", c.z},
                                 {"components", components},
                                 {"prompts", c.prompts},
                                 {"mean_similarity", number_or_null(c.mean_similarity)},
                                 {"p_permutation", c.p_permutation ? json(*c.p_permutation) : json(nullptr)},
                                 {"evidence", evidence}});
  }
  return out;
}

std::string detect_result_table(const DetectResult& r) {
  std::string out = fmt::format("reference: {}\nmethod: {}\nnull: {}\n\n", r.reference, r.method,
                                r.null_hypothesis);
  out += fmt::format("{:<34} {:>6} {:>10} {:>10}  {:<13} {}\n", "candidate", "score", "p",
                     "p (Holm)", "verdict", "strongest evidence");
  for (const auto& c : r.candidates) {
    std::string strongest;
    for (const auto& e : c.evidence)
      if (e.kind == "shared-phrase" || e.kind == "identity" || e.kind == "shared-error") {
        strongest = e.kind + ": " + e.detail.substr(0, 70) +
                    (e.prompt_ids.empty() ? "" : " [" + e.prompt_ids.front() + "]");
        break;
      }
    out += fmt::format("{:<34} {:>6.3f} {:>10.2e} {:>10.2e}  {:<13} {}\n", c.model, c.score,
                       c.p_value, c.p_adjusted, c.verdict, strongest);
  }
  return out;
}

TextLookup store_text_lookup(Store& store) {
  return [&store](const std::string& model, const std::string& prompt) -> std::string {
    const auto slash = prompt.find('/');
    if (slash == std::string::npos) return {};
    auto s = store.db().prepare(
        "SELECT text FROM responses WHERE model=? AND suite=? AND item_id=? AND error IS NULL "
        "ORDER BY sample LIMIT 1");
    s.bind(1, model).bind(2, prompt.substr(0, slash)).bind(3, prompt.substr(slash + 1));
    return s.step() ? s.text(0) : std::string();
  };
}

}  // namespace ds::results
