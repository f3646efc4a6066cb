#pragma once
// Small text utilities shared by the creativity scorers.
#include <string>
#include <vector>
#include "scorers/layer.hpp"

namespace ds::scorers {

// Lowercased word tokens: runs of letters, digits and inner apostrophes/hyphens.
std::vector<std::string> word_tokens(const std::string& text);

// The entries of a list answer: numbered ("1." "2)") or bulleted ("-" "*" "•") lines with
// their markers removed; without such lines, the non-empty lines; a single line is split at
// commas or semicolons. An introduction line ending in ':' is dropped; markdown ** is removed.
std::vector<std::string> list_entries(const std::string& text);

// Lines with content, trimmed, without a leading introduction line ending in ':'.
std::vector<std::string> content_lines(const std::string& text);

}  // namespace ds::scorers
