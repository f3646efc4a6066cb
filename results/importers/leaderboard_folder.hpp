#pragma once
// A leaderboard repository's folder as it is published, expanded into the answer files
// `import` reads (docs/public-outputs.md lists where each is published):
//   mtbench / arenahard: DIR/model_answer/*.jsonl (DIR holds question.jsonl), or the
//                        model_answer folder itself
//   alpacaeval:          DIR/results/*/model_outputs.json, DIR/*/model_outputs.json, or
//                        DIR/model_outputs.json
// Files are passed through; other formats take their paths as they are.
#include <string>
#include <vector>

#include "results/layer.hpp"

namespace ds::results {

// InputError when a folder holds no answers in its format's layout, naming what was looked for.
std::vector<std::string> expand_leaderboard_folders(const std::vector<std::string>& paths, const std::string& format);

}  // namespace ds::results
