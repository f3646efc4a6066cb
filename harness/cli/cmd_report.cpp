// `distillscope report`: the store as markdown (with SVG charts beside it), HTML, CSV, JUnit
// or JSON.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "harness/cli/commands.hpp"
#include "harness/cli/reading_store.hpp"
#include "core/errors.hpp"
#include "harness/pipeline/detection.hpp"
#include "harness/pipeline/report_data_build.hpp"
#include "results/reports/format_csv.hpp"
#include "results/reports/format_html.hpp"
#include "results/reports/format_json.hpp"
#include "results/reports/format_junit.hpp"
#include "results/reports/format_markdown.hpp"
#include "results/store.hpp"

namespace ds::harness::cli {

namespace {

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  if (!out || !(out << text)) throw InputError(fmt::format("{}: cannot write the report there", path));
}

}  // namespace

void register_report(CLI::App& app) {
  struct Options {
    std::string db = kDefaultDb;
    std::string format = "md";
    std::string output;
    std::string reference;
    std::vector<std::string> viewer_models;
    double viewer_mb = 12;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("report", "Write a report of the results store");
  cmd->add_option("--db", o->db, "results store")->capture_default_str();
  cmd->add_option("--format,-f", o->format,
                  "md (SVG charts beside it with -o), html (one self-contained page), csv, junit or json")
      ->check(CLI::IsMember({"md", "html", "csv", "junit", "json"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", o->output, "write to this file instead of standard output");
  cmd->add_option("--reference", o->reference,
                  "include detection against this model (name or spec); html and md default to the "
                  "reference the store's latest `run --reference` named");
  cmd->add_option("--viewer-model", o->viewer_models,
                  "html: the models shown beside the reference in the viewer (repeatable; default: the "
                  "strongest candidates that fit --viewer-mb)");
  cmd->add_option("--viewer-mb", o->viewer_mb, "html: at most this many MB of answer text in the viewer")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->callback([o] {
    if (!std::filesystem::exists(o->db))
      throw InputError(fmt::format("{}: no results store here; run `distillscope run` or `import` first, or pass --db", o->db));
    Store store(o->db, /*read_only=*/true);
    require_answers(store, o->db);
    ReportOptions options;
    // Without --reference, the pages people read take the one the store's runs named (`run
    // --reference`) and say where it came from, or how to give one when no run named one.
    std::string origin;
    if (!o->reference.empty()) {
      options.reference = reference_model_name(o->reference);
    } else if (o->format == "html" || o->format == "md") {  // the formats people read
      RecordedReference recorded = recorded_reference(store);
      options.reference = std::move(recorded.model);
      origin = std::move(recorded.origin);
    }
    options.lineage = o->format == "html" || o->format == "md" || o->format == "json";
    options.viewer = o->format == "html";
    options.viewer_models = o->viewer_models;
    options.viewer_budget_bytes = static_cast<size_t>(o->viewer_mb * 1e6);
    ReportData data = build_report_data(store, o->db, options);
    data.reference_origin = origin;
    std::string text;
    std::vector<std::pair<std::string, std::string>> beside;  // chart files next to the report
    if (o->format == "md") {
      const auto path = std::filesystem::path(o->output);
      MarkdownReport md = format_markdown(data, o->output.empty() ? "" : path.stem().string());
      text = std::move(md.text);
      for (auto& [name, svg] : md.files) beside.push_back({(path.parent_path() / name).string(), std::move(svg)});
    } else if (o->format == "html") {
      text = format_html(data);
    } else if (o->format == "csv") {
      text = format_csv(data);
    } else if (o->format == "junit") {
      text = format_junit(data);
    } else {
      text = format_json(data) + "\n";
    }
    if (o->output.empty()) {
      std::cout << text;
      return;
    }
    write_file(o->output, text);
    for (const auto& [path, svg] : beside) write_file(path, svg);
    std::cerr << fmt::format("wrote {} report to {}{}\n", o->format, o->output,
                             beside.empty() ? "" : fmt::format(" and {} SVG charts beside it", beside.size()));
  });
}

}  // namespace ds::harness::cli
