// `distillscope probe`: the active probe battery. Optionally collects the answers first
// (--model: the probes suite, N samples each at temperature 1), then compares every
// candidate's answer distributions with the reference's and says how many samples per probe a
// chosen mixing weight needs.
#include <fmt/format.h>

#include <cmath>
#include <iostream>

#include "harness/cli/commands.hpp"
#include "harness/cli/panel_file.hpp"
#include "core/errors.hpp"
#include "harness/pipeline/detection.hpp"
#include "harness/pipeline/probe_study.hpp"
#include "harness/pipeline/run_pipeline.hpp"
#include "results/lineage_features.hpp"
#include "harness/layer.hpp"

namespace ds::harness::cli {

namespace {

std::string number(double v, const char* spec = "{:.3g}") {
  return std::isfinite(v) ? fmt::format(fmt::runtime(spec), v) : "n/a";
}

void print_study(const ProbeStudy& s) {
  std::cout << fmt::format("probe battery: reference {}, {} probe prompts (median {} samples each), panel of {} "
                           "models\nnull: {}\ncorrection: {}\n\n",
                           s.reference, s.prompts, s.reference_samples, s.panel.size(), s.null_hypothesis,
                           s.correction);
  std::cout << fmt::format("{:<28} {:>7} {:>7} {:>7} {:>7} {:>10} {:>9} {:>9} {:>9}  {}\n", "model", "prompts",
                           "samples", "1-JSD", "z", "null", "p", "p(Holm)", "p_same", "reading");
  for (const auto& c : s.candidates)
    std::cout << fmt::format("{:<28} {:>7} {:>7} {:>7} {:>7} {:>10} {:>9} {:>9} {:>9}  {}\n", c.model, c.prompts,
                             c.samples, number(c.closeness, "{:.3f}"), number(c.z, "{:.2f}"), c.null_kind,
                             number(c.p_value), number(c.p_adjusted), number(c.p_same), c.reading);
  std::cout << "\np_same: Fisher-combined homogeneity permutation test (null: the candidate's answers are drawn "
               "from the reference's distributions); small = answers unlike the reference's.\n";
  if (!s.advice) {
    std::cout << "sample-size advice unavailable: " << s.advice_missing << "\n";
    return;
  }
  const auto& a = *s.advice;
  if (a.samples)
    std::cout << fmt::format("samples per probe for {:.0f}% power at lambda = {}: {} (estimated power {:.2f} "
                             "[{:.2f}, {:.2f}], {} simulations)\n",
                             100 * a.target, a.lambda, *a.samples, a.power, a.interval.low, a.interval.high,
                             a.simulations);
  else
    std::cout << fmt::format("{:.0f}% power at lambda = {} is not reached within the sizes tried: power {:.2f} "
                             "[{:.2f}, {:.2f}] at the largest\n",
                             100 * a.target, a.lambda, a.power, a.interval.low, a.interval.high);
  std::cout << "  (" << a.basis << ")\n";
}

// --panel-file: names the store does not know are errors at FILE:LINE, as in `detect`.
void use_panel_file(const std::string& path, const lineage::Corpus& corpus, std::vector<std::string>& panel) {
  if (!panel.empty()) throw InputError("give the panel with --panel or with --panel-file, not both");
  const auto entries = read_panel_file(path);
  std::vector<std::string> known;
  for (size_t m = 0; m < corpus.models.size(); ++m)
    if (corpus.answered(static_cast<int>(m))) known.push_back(corpus.models[m]);
  check_panel_entries(path, entries, known);
  for (const auto& e : entries) panel.push_back(e.model);
}

}  // namespace

void register_probe(CLI::App& app) {
  struct Args {
    ProbeStudyOptions options;
    std::string db = kDefaultDb;
    std::vector<std::string> models;
    int samples = 20;
    int concurrency = 8;
    std::string panel_file;
    bool as_json = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "probe", "Active probe battery: compare answer distributions on the probes suite with a reference's");
  cmd->add_option("--reference", args->options.reference, "the possible teacher (store name or model spec)")->required();
  cmd->add_option("--candidate", args->options.candidates, "models to test (default: every other model with probe answers)");
  cmd->add_option("--panel", args->options.panel,
                  "models asserted unrelated to the reference (default: every other model with probe answers)");
  cmd->add_option("--panel-file", args->panel_file, "the panel, one model name per line ('#' comments)");
  cmd->add_option("--alpha", args->options.alpha, "level of the reading and of the sample-size advice")
      ->check(CLI::Range(0.0001, 0.5))->capture_default_str();
  cmd->add_option("--model,-m", args->models,
                  "collect first: run the probes suite against these specs (PROVIDER:MODEL[@BASE_URL])");
  cmd->add_option("--samples,-n", args->samples, "with --model: samples per probe, at temperature 1")
      ->check(CLI::PositiveNumber)->capture_default_str();
  cmd->add_option("--concurrency,-c", args->concurrency, "with --model: requests in flight per model (probe prompts are short; many models on one server contend)")
      ->check(CLI::PositiveNumber)->capture_default_str();
  cmd->add_option("--lambda", args->options.lambda, "mixing weight the sample-size advice is for")
      ->check(CLI::Range(0.0, 1.0))->capture_default_str();
  cmd->add_option("--power", args->options.target_power, "target power of the advice")
      ->check(CLI::Range(0.05, 0.99))->capture_default_str();
  cmd->add_option("--permutations", args->options.permutations, "homogeneity-test permutations per prompt")
      ->check(CLI::PositiveNumber)->capture_default_str();
  cmd->add_option("--seed", args->options.seed, "seed of the samples (with --model), permutations and simulations")
      ->capture_default_str();
  cmd->add_option("--db", args->db, "results store")->capture_default_str();
  cmd->add_flag("--json", args->as_json, "print JSON");
  cmd->callback([args] {
    if (!args->models.empty()) {
      RunConfig config;
      config.models = args->models;
      config.suites = {"probes"};
      config.samples = args->samples;
      config.params.temperature = 1.0;
      config.params.seed = static_cast<int64_t>(args->options.seed);
      config.concurrency = args->concurrency;
      config.db = args->db;
      config.progress = false;
      const RunOutcome outcome = execute_run(config, json{{"command", "probe"}}.dump());
      // Standard error: standard output is the study (or its JSON) alone.
      std::cerr << fmt::format("probe: run {}: {} answers collected ({} from the cache), {} failed\n",
                               outcome.run_id, outcome.answered, outcome.from_cache, outcome.failed);
      if (outcome.failed > 0 || outcome.interrupted)
        throw IncompleteRun(fmt::format("probe: {} probe requests still failing; run the same command again",
                                        outcome.failed));
    }
    args->options.reference = reference_model_name(args->options.reference);
    Store store(args->db);
    const auto corpus = load_corpus(store);
    if (!args->panel_file.empty()) use_panel_file(args->panel_file, corpus, args->options.panel);
    const ProbeStudy study = run_probe_study(corpus, args->options);
    if (args->as_json)
      std::cout << probe_study_to_json(study).dump(2) << "\n";
    else
      print_study(study);
  });
}

}  // namespace ds::harness::cli
