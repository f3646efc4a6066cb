// `distillscope detect`: was each candidate distilled from the reference?
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <iostream>
#include <set>

#include "harness/cli/commands.hpp"
#include "harness/cli/reading_store.hpp"
#include "results/lineage_features.hpp"
#include "harness/cli/panel_file.hpp"
#include "harness/pipeline/provenance_panel.hpp"
#include "core/errors.hpp"
#include "scorers/lineage/components/component.hpp"
#include "results/reports/detect_coverage.hpp"
#include "results/reports/detect_output.hpp"
#include "harness/layer.hpp"
#include "core/json_bounded.hpp"
#include "harness/runner/step_progress.hpp"

namespace ds::harness::cli {

namespace {

std::string component_help() {
  std::string out = "evidence to use (default: every default component):";
  for (const auto& c : lineage::component_registry())
    out += fmt::format("\n  {}{}: {}", c.name, c.by_default ? "" : " (not by default)", c.measures);
  return out;
}

}  // namespace

void register_detect(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "detect",
      "Test whether candidate models were distilled from a reference model.\n"
      "Verdicts: 'distilled' (adjusted p <= alpha), 'not detected' (with the smallest effect the panel could "
      "detect), 'insufficient evidence' (with what to add). Exit codes: 0 ok, 1 a --fail-on gate failed, 2 bad input.");
  struct Args {
    lineage::DetectOptions options;
    std::string db = kDefaultDb;
    std::string panel_file;
    std::string provenance;
    std::string correction = "auto";
    std::string null_method = "t";
    std::vector<std::string> fail_on;
    bool allow_insufficient = false;
    bool as_json = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--reference", args->options.reference,
                  "the possible teacher; repeat it, or give a glob ('gpt-3.5-turbo*'), for a family of versions")
      ->required();
  cmd->add_option("--candidate", args->options.candidates,
                  "models to test, each its own question (default: a sweep of every other model in the store)");
  cmd->add_option("--panel", args->options.panel,
                  "models you assert are independent of the reference: the null (default: every other model)");
  cmd->add_option("--panel-file", args->panel_file, "the panel, one model name per line ('#' comments)");
  cmd->add_option("--provenance", args->provenance,
                  "model-card facts (the schema of data/*/lineage.json: kind, family, parent, teacher per model); the "
                  "panel becomes the models it declares independent of the reference; never used to flag a candidate "
                  "(default: STORE.provenance.json beside the store, when it exists)");
  cmd->add_option("--null", args->null_method,
                  "t: a Student-t null fitted to the panel's median and MAD (default); rank: the exact conformal rank "
                  "where the panel is large enough")
      ->capture_default_str();
  cmd->add_option("--components", args->options.components, component_help());
  cmd->add_option("--correction", args->correction,
                  "multiplicity correction: holm, bh or none (auto: Benjamini-Hochberg q-values in a sweep, Holm with "
                  "--family-wise; named candidates are otherwise each their own question)")
      ->capture_default_str();
  cmd->add_flag("--family-wise", args->options.family_wise,
                "correct across the candidates named with --candidate (each is otherwise its own question)");
  cmd->add_option("--alpha", args->options.alpha, "level of the distilled verdict")->capture_default_str()
      ->check(CLI::Range(1e-6, 0.5));
  cmd->add_option("--permutations", args->options.permutations,
                  "also run a per-prompt permutation test of the pair component with N draws");
  cmd->add_option("--bootstrap", args->options.bootstrap, "prompt-bootstrap resamples for the interval of z")
      ->capture_default_str();
  cmd->add_option("--seed", args->options.seed, "random seed for permutations and the bootstrap");
  cmd->add_option("--fail-on", args->fail_on,
                  "exit 1 when a candidate is 'distilled' (the only gate); also on 'insufficient evidence' unless "
                  "--allow-insufficient");
  cmd->add_flag("--allow-insufficient", args->allow_insufficient,
                "with --fail-on distilled: insufficient evidence does not fail");
  cmd->add_option("--db", args->db, "results store")->capture_default_str();
  cmd->add_flag("--json", args->as_json, "print JSON");
  cmd->callback([args] {
    for (const auto& gate : args->fail_on)
      if (gate != "distilled")
        throw InputError(fmt::format("detect --fail-on '{}': the only gate detect knows is 'distilled'", gate));
    args->options.correction = args->correction != "auto" ? lineage::parse_correction(args->correction)
                               : args->options.family_wise ? lineage::Correction::Holm
                                                           : lineage::Correction::BenjaminiHochberg;
    args->options.null_method = lineage::parse_null_method(args->null_method);
    Store store(args->db, /*read_only=*/true);
    require_answers(store, args->db);
    StepProgress progress("detect", true);
    const auto corpus = load_corpus(
        store, {.first_texts = std::find(args->options.components.begin(), args->options.components.end(),
                                         "exact-ngrams") != args->options.components.end(),
                .progress = progress.fn()});
    const lineage::Detector detector(corpus);
    if (int(!args->panel_file.empty()) + int(!args->options.panel.empty()) + int(!args->provenance.empty()) > 1)
      throw InputError("give the panel one way: --panel, --panel-file or --provenance");
    if (!args->panel_file.empty()) {
      std::vector<std::string> known;
      for (size_t m = 0; m < corpus.models.size(); ++m)
        if (corpus.answered(static_cast<int>(m))) known.push_back(corpus.models[m]);
      const auto entries = read_panel_file(args->panel_file);
      check_panel_entries(args->panel_file, entries, known);
      for (const auto& e : entries) args->options.panel.push_back(e.model);
      args->options.panel_source = "--panel-file " + args->panel_file;
    }
    use_declared_panel(args->options, detector, args->provenance, args->db);
    const auto result = detector.detect(args->options, store_text_lookup(store));
    progress.finish("done");
    std::set<std::string> imported;
    for (const auto& m : store.models())
      if (m.provider == "import") imported.insert(m.name);
    if (args->as_json) {
      json out = detect_result_to_json(result);
      out["answered"] = detect_coverage_json(corpus, result, imported);
      std::cout << dump_json(out, 2) << "\n";
    } else {
      std::cout << detect_result_table(result) << detect_coverage_lines(corpus, result, imported);
    }
    if (args->fail_on.empty()) return;
    const auto failures = lineage::distilled_gate_failures(result, args->allow_insufficient);
    if (failures.empty()) return;
    std::string lines;
    for (const auto& f : failures) lines += "\n  " + f;
    throw GateFailed(fmt::format("{} candidate(s) failed the 'distilled' gate:{}", failures.size(), lines));
  });
}

}  // namespace ds::harness::cli
