// distillscope: detect distilled models by the company their answers keep.
#include <fmt/format.h>

#include <iostream>

#include "harness/cli/commands.hpp"
#include "harness/core/errors.hpp"

int main(int argc, char** argv) {
  CLI::App app{
      "distillscope: a benchmark harness that tests whether a model was distilled from "
      "(trained on the outputs of) a reference model.",
      "distillscope"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("distillscope ") + DS_VERSION);
  ds::cli::register_run(app);
  ds::cli::register_serve(app);
  ds::cli::register_import(app);
  ds::cli::register_merge(app);
  ds::cli::register_detect(app);
  ds::cli::register_lineage(app);
  ds::cli::register_validate(app);
  ds::cli::register_report(app);
  ds::cli::register_leaderboard(app);
  ds::cli::register_suites(app);
  ds::cli::register_demo(app);
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
    return ds::kExitInput;
  } catch (const ds::InputError& e) {
    std::cerr << "distillscope: error: " << e.what() << "\n";
    return ds::kExitInput;
  } catch (const ds::GateFailed& e) {
    std::cerr << "distillscope: gate failed: " << e.what() << "\n";
    return ds::kExitGate;
  } catch (const ds::IncompleteRun& e) {
    std::cerr << "distillscope: run incomplete: " << e.what() << "\n";
    return ds::kExitIncomplete;
  } catch (const std::exception& e) {
    std::cerr << "distillscope: internal error: " << e.what() << "\n";
    return 70;
  }
  return ds::kExitOk;
}
