#pragma once
// The built-in components' functions (one file each in components/), for the registry.
#include "scorers/lineage/components/component.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

ComponentValues pair_component(const ComponentInput& in);
ComponentValues opener_component(const ComponentInput& in);
ComponentValues closer_component(const ComponentInput& in);
ComponentValues skeleton_component(const ComponentInput& in);
ComponentValues exact_ngrams_component(const ComponentInput& in);
ComponentValues profile_component(const ComponentInput& in);
ComponentValues identity_component(const ComponentInput& in);
ComponentValues errors_component(const ComponentInput& in);
ComponentValues choices_component(const ComponentInput& in);
ComponentValues probes_component(const ComponentInput& in);
ComponentValues mmd_component(const ComponentInput& in);
ComponentValues neighbours_component(const ComponentInput& in);

}  // namespace ds::scorers::lineage
