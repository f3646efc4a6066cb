#include "harness/pipeline/detection.hpp"

#include <fmt/format.h>

#include "core/model_spec.hpp"
#include "results/reports/detect_output.hpp"
#include "scorers/lineage/detector.hpp"
#include "results/lineage_features.hpp"
#include "harness/pipeline/provenance_panel.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

lineage::DetectResult detect_against(Store& store, const std::string& reference,
                                     const ProgressFn& progress) {
  const auto corpus = load_corpus(store, {.progress = progress});
  const lineage::Detector detector(corpus);
  lineage::DetectOptions options;
  options.reference = {reference};
  use_declared_panel(options, detector, "", store.db().path());
  return detector.detect(options, store_text_lookup(store));
}

std::string reference_model_name(const std::string& reference) {
  if (reference.find(':') == std::string::npos) return reference;
  return parse_model_spec(reference).name;
}

RecordedReference recorded_reference(Store& store) {
  const json runs = store.runs();  // oldest first
  for (auto run = runs.rbegin(); run != runs.rend(); ++run) {
    const json& args = (*run)["args"];
    if (!args.is_object() || !args.contains("reference") || !args["reference"].is_string()) continue;
    const std::string name = args["reference"].get<std::string>();
    if (name.empty() || !store.model(name)) continue;
    return {name, fmt::format("named with --reference by the {} of {}", args.value("command", std::string("run")),
                              (*run)["started_at"].get<std::string>())};
  }
  return {};
}

}  // namespace ds::harness
