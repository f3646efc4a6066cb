#include "harness/pipeline/detection.hpp"

#include "core/model_spec.hpp"
#include "results/reports/detect_output.hpp"
#include "scorers/lineage/detector.hpp"
#include "results/lineage_features.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

lineage::DetectResult detect_against(Store& store, const std::string& reference,
                                     const ProgressFn& progress) {
  const auto corpus = load_corpus(store, {.progress = progress});
  const lineage::Detector detector(corpus);
  lineage::DetectOptions options;
  options.reference = {reference};
  return detector.detect(options, store_text_lookup(store));
}

std::string reference_model_name(const std::string& reference) {
  if (reference.find(':') == std::string::npos) return reference;
  return parse_model_spec(reference).name;
}

}  // namespace ds::harness
