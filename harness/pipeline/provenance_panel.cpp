#include "harness/pipeline/provenance_panel.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <filesystem>

#include "core/errors.hpp"
#include "core/json.hpp"
#include "scorers/lineage/lineage_labels.hpp"

namespace ds::harness {

std::optional<std::string> provenance_path(const std::string& explicit_path, const std::string& db) {
  if (!explicit_path.empty()) return explicit_path;
  const std::string beside = db + ".provenance.json";
  std::error_code ec;
  if (std::filesystem::is_regular_file(beside, ec)) return beside;
  return std::nullopt;
}

ProvenancePanel provenance_panel(const std::string& path, const std::string& reference_label,
                                 const std::vector<std::string>& members, const std::vector<std::string>& present) {
  const json file = read_json_file(path);
  std::map<std::string, lineage::ModelLabel> labels;
  try {
    labels = lineage::read_lineage_labels(file);
  } catch (const InputError& e) {
    throw InputError(fmt::format("{}: {}", path, e.what()));
  }
  ProvenancePanel out;
  out.path = path;
  out.panel = lineage::reference_roles(labels, reference_label, members, present).negatives;
  out.source = fmt::format(
      "declared provenance ({}): the {} stored models it declares independent of {} (independent, base or "
      "proprietary models of another developer, none of its fine-tunes, versions or siblings)",
      path, out.panel.size(), reference_label);
  return out;
}

void use_declared_panel(lineage::DetectOptions& options, const lineage::Detector& detector,
                        const std::string& explicit_path, const std::string& db) {
  const auto path = provenance_path(explicit_path, db);
  if (!options.panel.empty() || !path) return;
  const lineage::Corpus& corpus = detector.corpus();
  std::vector<std::string> known;
  for (size_t m = 0; m < corpus.models.size(); ++m)
    if (corpus.answered(static_cast<int>(m))) known.push_back(corpus.models[m]);
  const std::string label = fmt::format("{}", fmt::join(options.reference, ", "));
  const auto declared = provenance_panel(*path, label, detector.resolve_reference(options.reference), known);
  if (declared.panel.empty())
    throw InputError(fmt::format("{}: it declares none of the stored models independent of {}; add their "
                                 "provenance, or give the panel with --panel", *path, label));
  options.panel = declared.panel;
  options.panel_source = declared.source;
}

}  // namespace ds::harness
