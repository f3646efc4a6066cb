#pragma once
// More independent simulated models, composed from phrase pools: the detector's null is
// calibrated on the panel of other models, and six hand-written personas are too few for
// it to reach a verdict. Each generated persona draws its own habits (openers, closers,
// sentence templates, list style, favourite choices) from pools that none of the
// hand-written personas use, so they resemble each other only as much as unrelated vendors do.
#include <vector>

#include "harness/server/sim_persona.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

// `count` personas named sim-independent-d, -e, ...; deterministic.
std::vector<Persona> generated_independent_personas(int count);

}  // namespace ds::harness::server
