#pragma once
// The two trusted Python programs of the coding sandbox (see coding_sandbox.hpp):
// the supervisor, PID 1 of the answers' sandbox, which forks one process per answer and cleans
// up after it; and the judge, alone in a sandbox of its own, which holds the tests, counts and
// evaluates them and writes the results. Code and values cross between them as plain data.
#include <string>

#include "scorers/layer.hpp"

namespace ds::scorers {

const std::string& supervisor_program();
const std::string& judge_program();

}  // namespace ds::scorers
