#pragma once
// Builds the report's "What the scores rest on" section (results/reports/score_basis.hpp) from
// the summary and the store: items scored per suite, the DAT on its human scale, and the
// philosophy choices of each model beside the PhilPapers 2020 distributions.
#include "harness/pipeline/summary.hpp"
#include "results/reports/score_basis.hpp"
#include "results/store.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

ScoreBasisView score_basis_view(Store& store, const Summary& summary);

}  // namespace ds::harness
