#pragma once
// Runs a Python program to prove our own coding items are right (reference solution + tests),
// always in the coding scorer's bubblewrap sandbox: a suite file may come from anywhere, so
// there is no unsandboxed fallback.
#include <string>

#include "tasks/suite_validator.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

struct PythonRun {
  bool passed = false;     // exit status 0 within the time limit
  bool timed_out = false;
  int exit_code = -1;
  std::string output;      // stdout, then stderr
};

// Runs `python -I -` with the program on stdin in the sandbox; everything in it is killed
// after timeout_seconds. Throws SandboxUnavailable when bwrap is missing or unusable.
PythonRun run_python_program(const std::string& program, const std::string& python,
                             int timeout_seconds = 10);

// run_python_program as the suite validator's solution runner (the python is sandbox_python()
// when empty). Without a usable sandbox it throws InputError (exit 2) saying how to get one,
// before anything has run.
SolutionRunner sandboxed_solution_runner(const std::string& python = "");

}  // namespace ds::scorers
