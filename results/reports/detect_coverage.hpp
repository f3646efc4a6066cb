#pragma once
// Which panel a detection used and how many prompts each side answered: the reference
// members, each candidate and the panel's models, with how many of the panel are published
// answers (imported). Read from the corpus the detector was given, at the output edge, so a
// person sees at once whether a verdict rests on 160 shared prompts or on 12.
#include <set>
#include <string>

#include "core/json.hpp"
#include "scorers/lineage/corpus.hpp"
#include "scorers/lineage/detect_result.hpp"
#include "results/layer.hpp"

namespace ds::results {

// {"reference": {name: n}, "candidates": {name: {"answered": n, "shared_with_reference": n}},
//  "panel": {name: n}, "panel_imported": k}; `imported`: names of imported (published) models.
json detect_coverage_json(const lineage::Corpus& corpus, const lineage::DetectResult& result,
                          const std::set<std::string>& imported);

// The same in two or three lines for the table.
std::string detect_coverage_lines(const lineage::Corpus& corpus, const lineage::DetectResult& result,
                                  const std::set<std::string>& imported);

}  // namespace ds::results
