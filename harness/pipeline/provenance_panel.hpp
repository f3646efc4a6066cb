#pragma once
// `detect --provenance FILE` (or STORE.provenance.json beside the store): model-card facts —
// each model's kind (independent, base, proprietary, distilled, fine-tune, mixed), developer
// (family), parent, teachers and sources, in the schema of data/*/lineage.json. They choose the
// panel only: the models declared independent of the reference (independent, base or
// proprietary models of another developer, not its fine-tunes, versions, siblings or the same
// model). They never flag a candidate.
#include <optional>
#include <string>
#include <vector>

#include "scorers/lineage/detector.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

struct ProvenancePanel {
  std::string path;
  std::vector<std::string> panel;  // stored models declared independent of the reference
  std::string source;              // for the output: where the panel came from
};

// The provenance file for a store: `explicit_path` when given, else STORE.provenance.json when
// it exists, else none.
std::optional<std::string> provenance_path(const std::string& explicit_path, const std::string& db);

// The panel that `path` declares for the reference family `members` (named `reference_label`
// by the user) among the stored models `present`. InputError naming the file when it cannot be
// read or is malformed.
ProvenancePanel provenance_panel(const std::string& path, const std::string& reference_label,
                                 const std::vector<std::string>& members, const std::vector<std::string>& present);

// When the options name no panel and a provenance file applies (`explicit_path`, or the one
// beside the store at `db`), the panel it declares for the options' reference, with its source.
// InputError when the file declares no stored model independent of the reference.
void use_declared_panel(lineage::DetectOptions& options, const lineage::Detector& detector,
                        const std::string& explicit_path, const std::string& db);

}  // namespace ds::harness
