#pragma once
// Runs a Python program to prove our own coding items are right (reference solution + tests).
// It uses the coding scorer's bubblewrap sandbox when bwrap can run; where it cannot (e.g. a
// container without user namespaces) it falls back to a plain subprocess with rlimits, which is
// acceptable only because this runs the project's own reference code, never model output.
#include <string>

#include "tasks/suite_validator.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

struct PythonRun {
  bool passed = false;     // exit status 0 within the time limit
  bool timed_out = false;
  int exit_code = -1;
  bool sandboxed = false;  // ran under bubblewrap (else the plain-subprocess fallback)
  std::string output;      // stdout, then stderr
};

// Runs `python -I -` with the program on stdin in the sandbox, or (fallback) writes it to a
// private temporary directory and runs it there with CPU and address-space limits. Either way
// the process group is killed after timeout_seconds.
PythonRun run_python_program(const std::string& program, const std::string& python,
                             int timeout_seconds = 10);

// run_python_program as the suite validator's solution runner.
// The python is sandbox_python() when empty.
SolutionRunner sandboxed_solution_runner(const std::string& python = "");

}  // namespace ds::scorers
