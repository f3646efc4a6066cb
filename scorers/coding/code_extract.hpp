#pragma once
// Pulls the program out of a coding answer.
#include <string>
#include "scorers/layer.hpp"

namespace ds::scorers {

// The code block to run: among ```python / ```py fences (else any ``` fence) the last one
// that defines `entry_point`, else the longest; without fences the whole text.
std::string extract_code(const std::string& response, const std::string& entry_point);

}  // namespace ds::scorers
