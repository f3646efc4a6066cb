#include "scorers/coding/python_check.hpp"

#include "core/errors.hpp"
#include "scorers/coding/sandbox.hpp"
#include "scorers/coding/sandbox_python.hpp"

namespace ds::scorers {

PythonRun run_python_program(const std::string& program, const std::string& python, int timeout_seconds) {
  SandboxLimits limits;
  limits.cpu_seconds = timeout_seconds + 1;
  limits.wall_seconds = timeout_seconds;
  const SandboxResult r = run_sandboxed({python, "-I", "-"}, program, limits);
  PythonRun run;
  run.timed_out = r.timed_out;
  run.exit_code = r.exit_code;
  run.passed = !r.timed_out && r.exit_code == 0;
  run.output = r.out + r.err;
  return run;
}

SolutionRunner sandboxed_solution_runner(const std::string& python) {
  return [python](const std::string& program, int timeout_seconds) {
    try {
      const PythonRun run =
          run_python_program(program, python.empty() ? sandbox_python() : python, timeout_seconds);
      return SolutionRun{run.passed, run.timed_out, run.output};
    } catch (const SandboxUnavailable& e) {
      throw InputError(std::string("--run-solutions runs each reference solution only inside the "
                                   "bubblewrap sandbox, and none is usable here: ") + e.what());
    }
  };
}

}  // namespace ds::scorers
