#pragma once
// The layer rule (docs/architecture.md): tasks/ uses core/ only. Its namespace sees core's
// names unqualified; nothing above tasks/ is visible from here.
namespace ds::core {}
namespace ds::tasks {
using namespace ds::core;
}  // namespace ds::tasks
