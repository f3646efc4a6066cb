// `distillscope report`: the store as markdown, HTML, CSV, JUnit or JSON.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "harness/cli/commands.hpp"
#include "core/errors.hpp"
#include "harness/pipeline/detection.hpp"
#include "harness/pipeline/report_data_build.hpp"
#include "results/reports/format_csv.hpp"
#include "results/reports/format_html.hpp"
#include "results/reports/format_json.hpp"
#include "results/reports/format_junit.hpp"
#include "results/reports/format_markdown.hpp"
#include "results/store.hpp"
#include "results/reports/detect_output.hpp"
#include "harness/layer.hpp"

namespace ds::harness::cli {

void register_report(CLI::App& app) {
  struct Options {
    std::string db = kDefaultDb;
    std::string format = "md";
    std::string output;
    std::string reference;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("report", "Write a report of the results store");
  cmd->add_option("--db", o->db, "results store")->capture_default_str();
  cmd->add_option("--format,-f", o->format, "md, html, csv, junit or json")
      ->check(CLI::IsMember({"md", "html", "csv", "junit", "json"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", o->output, "write to this file instead of standard output");
  cmd->add_option("--reference", o->reference, "include detection against this model");
  cmd->callback([o] {
    if (!std::filesystem::exists(o->db))
      throw InputError(fmt::format("{}: no results store here; run `distillscope run` or `import` first, or pass --db", o->db));
    Store store(o->db);
    ReportData data = build_report_data(store, o->db);
    if (!o->reference.empty())
      data.detection = detect_result_to_json(detect_against(store, reference_model_name(o->reference)));
    std::string text;
    if (o->format == "md") text = format_markdown(data);
    else if (o->format == "html") text = format_html(data);
    else if (o->format == "csv") text = format_csv(data);
    else if (o->format == "junit") text = format_junit(data);
    else text = format_json(data) + "\n";
    if (o->output.empty()) {
      std::cout << text;
      return;
    }
    std::ofstream out(o->output);
    if (!out) throw InputError(fmt::format("{}: cannot write the report there", o->output));
    out << text;
    std::cerr << fmt::format("wrote {} report to {}\n", o->format, o->output);
  });
}

}  // namespace ds::harness::cli
