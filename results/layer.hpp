#pragma once
// The layer rule (docs/architecture.md): results/ uses scorers/, tasks/ and core/.
#include "scorers/layer.hpp"

namespace ds::results {
using namespace ds::scorers;
}  // namespace ds::results
