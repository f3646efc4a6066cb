#include "harness/server/wire_azure.hpp"

#include "harness/server/wire_openai.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

namespace {

class AzureFormat : public openai::OpenAiFormat {
 public:
  std::string route() const override { return R"(/openai/deployments/([^/]+)/chat/completions)"; }
  void check_auth(const WireRequest& req) const override {
    if (req.get_header_value("api-key").empty())
      throw WireError(401, "authentication",
                      "Access denied due to missing subscription key. Make sure to include subscription key when "
                      "making requests to an API.",
                      "", "401");
    if (req.get_param_value("api-version").empty())
      throw WireError(404, "not_found", "Resource not found (the api-version query parameter is missing)", "", "404");
  }
  // The deployment in the path names the model (clients send it as "model" too).
  ChatQuery parse(const WireRequest& req) const override {
    ChatQuery query = openai::parse_request(req.body);
    query.model = req.matches[1];
    return query;
  }
};

}  // namespace

std::unique_ptr<WireFormat> make_azure_format() { return std::make_unique<AzureFormat>(); }

}  // namespace ds::harness::server
