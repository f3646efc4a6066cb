#pragma once
// The parts of the report's data that come from the lineage detector and the stored answers
// (each in its own file): detection, the lineage map and the viewer's answers.
#include <map>
#include <string>

#include "harness/pipeline/report_data_build.hpp"
#include "scorers/lineage/detector.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

using SimulatedModels = std::map<std::string, bool>;

// The detector's result as it is, with the stored answers behind the evidence of the
// strongest candidates (report_detection.cpp).
DetectionView detection_view(lineage::DetectResult result, Store& store, const SimulatedModels& simulated);

// Every pair's statistic and verdicts, ordered by average-linkage clustering.
// detection: its reference members are highlighted (null: none).
LineageMap lineage_map(lineage::Detector& detector, const lineage::DetectResult* detection,
                       const SimulatedModels& simulated);

// The prompts and the answers of the reference and the chosen candidates, with the phrases
// each shares with the reference's first sample marked.
ViewerData viewer_data(Store& store, const ReportOptions& options, const DetectionView* detection,
                       const SimulatedModels& simulated);

}  // namespace ds::harness
