#pragma once
// A simple, deterministic stand-in for a tokenizer: usage counts, max_tokens truncation and
// logprobs need "tokens", and real tokenizers are not available offline.
#include <cstdint>
#include <string>
#include <vector>
#include "core/text.hpp"  // normalise_whitespace, for transcript matching
#include "harness/layer.hpp"

namespace ds::harness::server {

// Splits text into pieces whose concatenation is the text: a word with its leading space,
// or one other character (punctuation, newline).
std::vector<std::string> split_tokens(const std::string& text);

int64_t count_tokens(const std::string& text);



}  // namespace ds::harness::server
