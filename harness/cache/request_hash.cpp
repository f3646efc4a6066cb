#include "harness/cache/request_hash.hpp"

#include "core/sha256.hpp"
#include "harness/endpoints/endpoint.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

std::string request_hash(const ModelSpec& spec, const Request& request) {
  const json key = {{"base_url", spec.base_url},
                    {"model", spec.model},
                    {"provider", provider_name(spec.provider)},
                    {"body", request_body(spec, request)},
                    {"sample", request.sample}};
  return sha256_hex(canonical_json(key));
}

}  // namespace ds::harness
