#pragma once
// The pre-flight check: before a run sends its plan, one cheap request per endpoint (the
// model list, and only when that does not settle it a one-token completion) finds a refused
// key, a wrong model name or URL, or a server that is not there, and stops the run with a
// message saying which, instead of sending every planned request to fail.
#include <string>
#include <vector>

#include "core/model_spec.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

struct EndpointCheck {
  ModelSpec spec;
  bool simulated = false;             // listed with "simulated": true (distillscope serve --simulate)
  std::vector<std::string> warnings;  // inconclusive answers (timeout, 429, 5xx): the run goes on
  int requests = 0;                   // requests the check sent (1 or 2)
};

struct CheckOptions {
  std::string api_key_env;       // "" = the provider's variable
  double timeout_seconds = 10;   // per request
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (values may be secrets)
};

// Throws InputError: "the key in OPENAI_API_KEY was refused by URL" (401/403), the model and
// URL on a 404, or "cannot connect" when nothing answers at the address.
EndpointCheck check_endpoint(const ModelSpec& spec, const CheckOptions& options);

// Every endpoint at once (one thread each). When any is refused, throws one InputError
// listing every refused endpoint after all checks ended. Before any request: InputError when
// a needed key is not set (a variable named by --api-key-env, or the provider's variable for
// its hosted API), naming the variable. A host that does not resolve is InputError too.
std::vector<EndpointCheck> check_endpoints(const std::vector<ModelSpec>& specs, const CheckOptions& options);

}  // namespace ds::harness
