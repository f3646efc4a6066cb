#include "harness/pipeline/detection.hpp"

#include "harness/core/model_spec.hpp"
#include "scorers/lineage/detect_output.hpp"
#include "scorers/lineage/detector.hpp"
#include "scorers/lineage/feature_store.hpp"

namespace ds {

json detect_against(Store& store, const std::string& reference, std::string* table) {
  const auto corpus = lineage::load_corpus(store);
  const lineage::Detector detector(corpus);
  lineage::DetectOptions options;
  options.reference = reference;
  const auto result = detector.detect(options, lineage::store_text_lookup(store));
  if (table) *table = lineage::detect_result_table(result);
  return lineage::detect_result_to_json(result);
}

std::string reference_model_name(const std::string& reference) {
  if (reference.find(':') == std::string::npos) return reference;
  return parse_model_spec(reference).model;
}

}  // namespace ds
