// `distillscope demo`: the whole pipeline offline — the built-in simulated endpoint over real
// loopback HTTP, every suite, scoring, detection, and an HTML report.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>

#include "core/errors.hpp"
#include "harness/cli/commands.hpp"
#include "harness/cli/phase_printer.hpp"
#include "harness/pipeline/detection.hpp"
#include "harness/pipeline/endpoint_probe.hpp"
#include "harness/pipeline/report_data_build.hpp"
#include "harness/pipeline/run_pipeline.hpp"
#include "harness/pipeline/serve_process.hpp"
#include "harness/server/sim_persona.hpp"
#include "results/reports/format_html.hpp"
#include "results/store.hpp"
#include "harness/cli/run_output.hpp"
#include "harness/layer.hpp"
#include "core/json_bounded.hpp"

namespace ds::harness::cli {

namespace {

// The simulator's teacher, from its persona data: the parent most distilled personas name.
std::string simulated_teacher() {
  std::map<std::string, int> students;
  for (const auto& p : server::sim_personas())
    if (!p.parent.empty()) ++students[p.parent];
  if (students.empty()) throw InputError("demo: no simulated persona names a parent to test against; the data files are incomplete: reinstall, or check DISTILLSCOPE_DATA_DIR");
  return std::max_element(students.begin(), students.end(),
                          [](const auto& a, const auto& b) { return a.second < b.second; })
      ->first;
}

// The demo's judge: the last persona (by name) that is neither distilled nor the teacher.
std::string simulated_judge(const std::string& teacher) {
  std::string judge;
  for (const auto& p : server::sim_personas())
    if (p.parent.empty() && p.name != teacher) judge = std::max(judge, p.name);
  if (judge.empty()) throw InputError("demo: no simulated persona can act as the judge; the data files are incomplete: reinstall, or check DISTILLSCOPE_DATA_DIR");
  return judge;
}

}  // namespace

void register_demo(CLI::App& app) {
  struct Options {
    std::string db = "distillscope-demo.db";
    std::string html = "distillscope-demo.html";
    int samples = 2;
    int limit = 30;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "demo", "Run the whole pipeline on the built-in SIMULATED endpoint: no network, no keys");
  cmd->add_option("--db", o->db, "results store to create (replaced if it exists)")->capture_default_str();
  cmd->add_option("--html", o->html, "HTML report to write")->capture_default_str();
  cmd->add_option("--samples", o->samples, "samples per item")->check(CLI::Range(1, 100000))->capture_default_str();
  cmd->add_option("--limit", o->limit, "at most this many items per suite (0 = all; the full demo takes a few minutes)");
  cmd->callback([o] {
    const auto started = std::chrono::steady_clock::now();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(o->db + suffix);
    std::cout << "distillscope demo: starting the built-in endpoint with SIMULATED models "
                 "(deterministic stand-ins, not real models)\n"
              << std::flush;
    PhasePrinter printer;
    const PhaseObserver phases = printer.observer();
    std::optional<Phase> endpoint_phase(std::in_place, phases, "endpoint");
    ServeProcess server(own_executable(), {"--simulate", "--latency-ms", "5,3"});
    endpoint_phase.reset();
    const std::string url = server.base_url();
    std::cout << fmt::format("endpoint: {} (OpenAI and Anthropic wire formats)\n\n", url);
    RunConfig config;
    // Every model the simulator serves (its persona files), as GET /v1/models lists them; the
    // independents form the panel the detector's null is calibrated on. Both wire formats are
    // exercised: OpenAI for even positions, Anthropic for odd ones.
    const std::vector<std::string> names = loopback_model_ids(url);
    if (names.empty()) throw InputError("demo: the simulated endpoint at " + url + " listed no models; the persona files are missing: reinstall, or check DISTILLSCOPE_DATA_DIR");
    for (size_t i = 0; i < names.size(); ++i)
      config.models.push_back((i % 2 == 0 ? "openai:" : "anthropic:") + names[i] + "@" + url);
    const std::string teacher = simulated_teacher();
    config.reference = teacher;
    // Free-response items are judged by a simulated model too, all in one batch.
    config.judge = "openai:" + simulated_judge(teacher) + "@" + url;
    config.suites = {"all"};
    config.samples = o->samples;
    if (o->limit > 0) config.limit = o->limit;
    config.params.seed = 1;
    config.params.temperature = 0.7;
    config.params.max_tokens = 1024;
    config.db = o->db;
    config.no_cache = true;
    config.concurrency = 32;
    config.progress = true;
    const RunOutcome outcome = execute_run(config, dump_json(json{{"command", "demo"}, {"reference", teacher}}), phases);
    print_run_outcome(outcome);
    {
      Phase report_phase(phases, "html report");
      Store store(o->db);
      ReportOptions report;
      report.reference = teacher;
      report.detection = outcome.scoring.detection;  // the run's detection, not computed twice
      report.lineage = report.viewer = true;
      std::ofstream(o->html) << format_html(build_report_data(store, o->db, report));
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "\nphase times:\n" << printer.times_table() << fmt::format("  {:<16} {:7.2f} s\n", "demo wall", wall);
    std::cout << fmt::format(
        "\n{} answers stored in {}; HTML report (lineage map, detection, profile, viewer): {}\n"
        "Explore further:\n"
        "  distillscope detect --reference {} --db {} --json\n"
        "  distillscope lineage --db {}\n"
        "  distillscope report --db {} --format md\n",
        outcome.answered, o->db, o->html, teacher, o->db, o->db, o->db);
  });
}

}  // namespace ds::harness::cli
