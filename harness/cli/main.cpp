// distillscope: detect distilled models by the company their answers keep.
#include <fmt/format.h>
#include <malloc.h>

#include <cstdio>
#include <iostream>

#include "harness/cli/commands.hpp"
#include "core/errors.hpp"
#include "harness/layer.hpp"
#include "core/secrets.hpp"

namespace {

// A page fault costs ≈15 µs on a small VM: the heap grows 16 MiB of address space at a time
// (pages are only touched when used) and is given back at exit, not every time its top is
// freed; buffers below 32 MiB (glibc's own largest dynamic threshold) come from the heap and
// are reused instead of being mapped and unmapped per use. Runs are one process each.
void tune_allocator() {
  mallopt(M_TOP_PAD, 16 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
}

// Progress goes to stderr while results go to stdout, often into one file or terminal. Written
// a whole line at a time (line-buffered, with room for long table rows), stdout never has half
// a line out when a progress line arrives; a block-buffered stdout was cut wherever its buffer
// filled ("not [html report] started").
void write_stdout_in_whole_lines() {
  static char buffer[1 << 16];
  std::setvbuf(stdout, buffer, _IOLBF, sizeof buffer);
}

}  // namespace

int main(int argc, char** argv) {
  tune_allocator();
  write_stdout_in_whole_lines();
  // Every command may hold API keys in memory (run, demo, validate's judge): no core dumps.
  ds::core::keep_secrets_out_of_core_dumps();
  CLI::App app{
      "distillscope: a benchmark harness that tests whether a model was distilled from "
      "(trained on the outputs of) a reference model.",
      "distillscope"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("distillscope ") + DS_VERSION);
  // Every option's default appears in --help (subcommands inherit this when registered).
  app.option_defaults()->always_capture_default();
  ds::harness::cli::register_run(app);
  ds::harness::cli::register_serve(app);
  ds::harness::cli::register_import(app);
  ds::harness::cli::register_merge(app);
  ds::harness::cli::register_detect(app);
  ds::harness::cli::register_probe(app);
  ds::harness::cli::register_lineage(app);
  ds::harness::cli::register_validate(app);
  ds::harness::cli::register_report(app);
  ds::harness::cli::register_leaderboard(app);
  ds::harness::cli::register_suites(app);
  ds::harness::cli::register_demo(app);
  ds::harness::cli::register_prune(app);
  if (const std::string unknown = ds::harness::cli::unknown_command(app, argc, argv); !unknown.empty()) {
    std::cerr << "distillscope: error: " << unknown << "\n";
    return ds::core::kExitInput;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return ds::core::kExitInput;
  } catch (const ds::core::InputError& e) {
    std::cerr << "distillscope: error: " << e.what() << "\n";
    return ds::core::kExitInput;
  } catch (const ds::core::GateFailed& e) {
    std::cerr << "distillscope: gate failed: " << e.what() << "\n";
    return ds::core::kExitGate;
  } catch (const ds::core::IncompleteRun& e) {
    std::cerr << "distillscope: run incomplete: " << e.what() << "\n";
    return ds::core::kExitIncomplete;
  } catch (const std::exception& e) {
    std::cerr << "distillscope: internal error: " << e.what() << "\n";
    return ds::core::kExitInternal;
  }
  return ds::core::kExitOk;
}
