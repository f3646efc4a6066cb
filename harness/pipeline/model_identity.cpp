#include "harness/pipeline/model_identity.hpp"

#include <fmt/format.h>

#include <map>

#include "core/errors.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

std::vector<ModelSpec> run_model_specs(const RunConfig& config) {
  if (config.models.empty())
    throw InputError("no model: give --model PROVIDER:MODEL[@BASE_URL] (or 'models' in --config)");
  if (config.as.size() > config.models.size())
    throw InputError(fmt::format("{} --as names for {} --model specs: the k-th --as names the k-th --model",
                                 config.as.size(), config.models.size()));
  std::vector<ModelSpec> specs;
  for (size_t i = 0; i < config.models.size(); ++i) {
    ModelSpec spec = parse_model_spec(config.models[i]);
    if (i < config.as.size()) {
      if (config.as[i].empty()) throw InputError(fmt::format("--as for '{}' is empty", spec.text));
      spec.name = config.as[i];
    }
    specs.push_back(std::move(spec));
  }
  // A reference given as a spec is queried like the other models.
  if (config.reference.find(':') != std::string::npos) {
    const ModelSpec reference = parse_model_spec(config.reference);
    bool present = false;
    for (const auto& s : specs) present |= s.name == reference.name;
    if (!present) specs.push_back(reference);
  }
  std::map<std::string, const ModelSpec*> by_name;
  for (const auto& spec : specs) {
    const auto [it, added] = by_name.emplace(spec.name, &spec);
    if (!added && (it->second->base_url != spec.base_url || it->second->provider != spec.provider))
      throw InputError(fmt::format("'{}' and '{}' would both be stored as model '{}'; name one with --as NAME",
                                   it->second->text, spec.text, spec.name));
  }
  return specs;
}

void check_model_identities(Store& store, const std::vector<ModelSpec>& specs) {
  for (const auto& spec : specs) {
    const auto stored = store.model(spec.name);
    if (!stored) continue;
    const std::string provider = provider_name(spec.provider);
    if (stored->provider == provider && stored->base_url == spec.base_url) continue;
    const std::string was = stored->provider == "import"
                                ? fmt::format("holds imported answers ({})", stored->source)
                                : fmt::format("was answered by {} at {}", stored->provider, stored->base_url);
    throw InputError(fmt::format(
        "model '{}' in {} {}; '{}' would send it to {} at {}. A stored model is its name, provider "
        "and base URL, so these answers need a name of their own: add --as NAME (e.g. --as {}-2), "
        "use another --db, or remove the stored one with `distillscope prune --model {} --db {}`",
        spec.name, store.db().path(), was, spec.text, provider, spec.base_url, spec.name, spec.name,
        store.db().path()));
  }
}

ModelInfo model_info(const ModelSpec& spec, bool simulated) {
  return {spec.name, provider_name(spec.provider), spec.base_url, spec.text, simulated};
}

}  // namespace ds::harness
