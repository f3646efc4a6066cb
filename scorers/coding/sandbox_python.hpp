#pragma once
// The Python interpreter coding answers run with: python3 found on PATH, inside the system
// folders the sandbox mounts (a pyenv shim or a venv in $HOME is not visible inside it).
#include <string>

#include "scorers/layer.hpp"

namespace ds::scorers {

// The first python3 on PATH whose real path lies under /usr (the sandbox binds /usr read-only),
// as that path. Throws SandboxUnavailable saying how to install one when there is none.
std::string sandbox_python();

}  // namespace ds::scorers
