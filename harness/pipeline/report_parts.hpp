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

// The detector's result as the report shows it, evidence quoted from the stored answers.
// (report_detection.cpp: the one place that knows the detector's result type.)
DetectionView detection_view(const lineage::DetectResult& result, Store& store,
                             const SimulatedModels& simulated);

// The detector's verdict in the words the report uses (report_detection.cpp).
std::string honest_words(const std::string& verdict);

// Every pair's statistic and verdicts, ordered by average-linkage clustering.
LineageMap lineage_map(lineage::Detector& detector, const std::string& reference,
                       const SimulatedModels& simulated);

// The prompts and the answers of the reference and the chosen candidates, with the phrases
// each shares with the reference's first sample marked.
ViewerData viewer_data(Store& store, const ReportOptions& options, const DetectionView* detection,
                       const SimulatedModels& simulated);

}  // namespace ds::harness
