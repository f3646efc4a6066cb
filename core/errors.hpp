#pragma once
// The exceptions that map to distillscope's exit codes (see README, "Exit codes").
#include <stdexcept>
#include <string>

namespace ds::core {

// Bad usage, config or input file: exit code 2. The message names the file, line or field
// and says what to do.
struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A CI gate (--fail-on) failed: exit code 1.
struct GateFailed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The run ended with requests still failing after retries: exit code 3.
struct IncompleteRun : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// kExitInternal is sysexits' EX_SOFTWARE: a defect of distillscope itself, never the user's input.
enum ExitCode : int { kExitOk = 0, kExitGate = 1, kExitInput = 2, kExitIncomplete = 3, kExitInternal = 70 };

}  // namespace ds::core
