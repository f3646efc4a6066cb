#pragma once
// How a long step (scoring, import, feature computation, lineage) reports how far it got,
// without knowing how it is shown: the harness passes a function that draws the progress
// line. An empty function shows nothing.
#include <cstddef>
#include <functional>
#include <string>

namespace ds::core {

// `stage` names what is being done ("math", "features", "file 3/32"); `done` of `total`
// units of it are finished. Called from the step's own thread, as often as it likes.
using ProgressFn = std::function<void(const std::string& stage, size_t done, size_t total)>;

inline void report_progress(const ProgressFn& fn, const std::string& stage, size_t done, size_t total) {
  if (fn) fn(stage, done, total);
}

}  // namespace ds::core
