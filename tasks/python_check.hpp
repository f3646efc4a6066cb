#pragma once
// Runs a Python program to prove our own coding items are right (reference solution + tests).
// This is for authoring and CI of the project's data, not for model output: model code is only
// ever executed by the bubblewrap sandbox in scorers/coding.
#include <string>

namespace ds {

struct PythonRun {
  bool passed = false;     // exit status 0 within the time limit
  bool timed_out = false;
  int exit_code = -1;
  std::string output;      // stdout and stderr, interleaved
};

// Writes `program` to a private temporary directory and runs `python -I program.py` there
// with CPU and address-space limits; kills its process group after timeout_seconds.
PythonRun run_python_program(const std::string& program, const std::string& python = "/usr/bin/python3",
                             int timeout_seconds = 10);

}  // namespace ds
