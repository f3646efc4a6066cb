#pragma once
// The layer rule (docs/architecture.md): harness/ is the top layer and may use every other.
#include "results/layer.hpp"

namespace ds::harness {
using namespace ds::results;
}  // namespace ds::harness
