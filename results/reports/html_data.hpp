#pragma once
// The JSON data islands of the HTML page (<script type="application/json">): compact arrays
// the inline script reads lazily, instead of every answer rendered into the page up front.
#include <string>

#include "results/reports/report_data.hpp"
#include "results/layer.hpp"

namespace ds::results::html {

// {"models", "sim", "stat", "verdict", "words"}: models in display (dendrogram) order.
std::string lineage_island(const LineageMap& map);

// {"models", "simulated", "pinnedRole", "minWords", "prompts": [[id, suite, system, prompt,
// expected]], "answers": [{PROMPT_INDEX: [[sample, text, error, score, why, marks,
// reference_marks]]}]}; marks as flat UTF-16 offsets, as JavaScript strings count.
std::string viewer_island(const ViewerData& viewer, bool has_reference);

// <script type="application/json" id="ID">...</script>, safe against "</script>" in answers.
std::string island_script(const std::string& id, const json& data);

// Byte offsets into UTF-8 text as UTF-16 offsets, flattened [b0, e0, b1, e1, ...].
std::vector<uint32_t> utf16_marks(const std::string& text, const std::vector<Span>& marks);

}  // namespace ds::results::html
