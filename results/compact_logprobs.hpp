#pragma once
// Token log-probabilities as the store keeps them. An OpenAI-shaped `logprobs` object
// ({"content": [{token, logprob, bytes, top_logprobs: [...]}]}) repeats every key and the
// token bytes per token; the compact form keeps parallel arrays, log-probabilities rounded to
// 1e-4 (well below the noise between two samples), and no bytes:
//   {"tokens": [t...], "logprobs": [lp...], "top": [[[t, lp]...]...]}  ("top" only when asked)
// It is what `--jsonl` and `report --format json` write under "logprobs".
#include <optional>

#include "core/json.hpp"
#include "results/layer.hpp"

namespace ds::results {

// nullopt when `logprobs` holds no token entries in the OpenAI shape.
std::optional<json> compact_logprobs(const json& logprobs);

}  // namespace ds::results
