#pragma once
// The layer rule (docs/architecture.md): scorers/ uses tasks/ and core/. Using-directives are
// transitive, so ds::scorers sees ds::tasks and, through it, ds::core.
#include "tasks/layer.hpp"

namespace ds::scorers {
using namespace ds::tasks;
}  // namespace ds::scorers
