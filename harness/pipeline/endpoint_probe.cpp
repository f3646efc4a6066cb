#include "harness/pipeline/endpoint_probe.hpp"

#include <curl/curl.h>

#include "core/json.hpp"
#include "harness/layer.hpp"
#include "core/json_bounded.hpp"

namespace ds::harness {

namespace {
size_t append(char* data, size_t size, size_t count, void* out) {
  auto* body = static_cast<std::string*>(out);
  if (body->size() > (1u << 20)) return 0;  // a model list is small; stop a flood
  body->append(data, size * count);
  return size * count;
}
}  // namespace

json loopback_model_list(const std::string& url) {
  // Only loopback endpoints can be our own simulator; never probe a hosted API.
  if (url.rfind("http://127.", 0) != 0 && url.rfind("http://localhost", 0) != 0) return json::array();
  CURL* curl = curl_easy_init();
  if (!curl) return json::array();
  std::string body;
  const std::string target = url + "/models";
  curl_easy_setopt(curl, CURLOPT_URL, target.c_str());
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 3000L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  const CURLcode rc = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK || status != 200) return json::array();
  const JsonParse parsed = try_parse_json(body, json_limits::kChildMessage);
  const json& doc = parsed.value;
  if (!parsed.ok() || !doc.is_object() || !doc.contains("data") || !doc["data"].is_array()) return json::array();
  return doc["data"];
}

std::vector<std::string> loopback_model_ids(const std::string& base_url) {
  std::vector<std::string> ids;
  for (const auto& m : loopback_model_list(base_url)) {
    if (!m.is_object()) continue;
    const auto id = m.find("id");
    if (id != m.end() && id->is_string()) ids.push_back(id->get<std::string>());
  }
  return ids;
}

}  // namespace ds::harness
