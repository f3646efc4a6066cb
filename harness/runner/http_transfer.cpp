#include "harness/runner/http_transfer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include "harness/layer.hpp"

namespace ds::harness {

HttpTransfer::HttpTransfer(CURL* easy, HttpRequest request, const TransferLimits& limits,
                           size_t job)
    : easy_(easy), job_(job), request_(std::move(request)), max_bytes_(limits.max_response_bytes) {
  curl_easy_reset(easy_);
  for (const auto& [name, value] : request_.headers) {
    headers_ = curl_slist_append(headers_, (name + ": " + value).c_str());
  }
  // No "Expect: 100-continue" round trip before larger bodies.
  headers_ = curl_slist_append(headers_, "Expect:");
  const long timeout_ms = std::max(1L, static_cast<long>(limits.timeout_seconds * 1000));
  curl_easy_setopt(easy_, CURLOPT_URL, request_.url.c_str());
  curl_easy_setopt(easy_, CURLOPT_POST, 1L);
  curl_easy_setopt(easy_, CURLOPT_POSTFIELDS, request_.body.data());
  curl_easy_setopt(easy_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request_.body.size()));
  curl_easy_setopt(easy_, CURLOPT_HTTPHEADER, headers_);
  curl_easy_setopt(easy_, CURLOPT_USERAGENT, "distillscope/" DS_VERSION);
  curl_easy_setopt(easy_, CURLOPT_WRITEFUNCTION, &HttpTransfer::on_body);
  curl_easy_setopt(easy_, CURLOPT_WRITEDATA, this);
  curl_easy_setopt(easy_, CURLOPT_HEADERFUNCTION, &HttpTransfer::on_header);
  curl_easy_setopt(easy_, CURLOPT_HEADERDATA, this);
  curl_easy_setopt(easy_, CURLOPT_PRIVATE, this);
  curl_easy_setopt(easy_, CURLOPT_ERRORBUFFER, error_buffer_);
  curl_easy_setopt(easy_, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(easy_, CURLOPT_CONNECTTIMEOUT_MS, std::min(timeout_ms, 30000L));
  curl_easy_setopt(easy_, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy_, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(easy_, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(easy_, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(max_bytes_));
  // HTTP/2 over TLS when the server offers it (ALPN); many requests then share one
  // connection. PIPEWAIT prefers waiting for that connection over opening new ones.
  curl_easy_setopt(easy_, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  if (request_.url.rfind("https://", 0) == 0) curl_easy_setopt(easy_, CURLOPT_PIPEWAIT, 1L);
}

HttpTransfer::~HttpTransfer() {
  // The handle goes back to a pool: leave no pointer into this object behind.
  curl_easy_setopt(easy_, CURLOPT_HTTPHEADER, nullptr);
  curl_easy_setopt(easy_, CURLOPT_ERRORBUFFER, nullptr);
  curl_slist_free_all(headers_);
}

size_t HttpTransfer::on_body(char* data, size_t size, size_t count, void* self) {
  auto* t = static_cast<HttpTransfer*>(self);
  const size_t n = size * count;
  if (t->reply_.body.size() + n > t->max_bytes_) {
    t->too_large_ = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  t->reply_.body.append(data, n);
  return n;
}

size_t HttpTransfer::on_header(char* data, size_t size, size_t count, void* self) {
  auto* t = static_cast<HttpTransfer*>(self);
  const size_t n = size * count;
  std::string_view line(data, n);
  if (line.rfind("HTTP/", 0) == 0) {
    t->reply_.headers.clear();  // a new response (after 100 Continue or a redirect)
    return n;
  }
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  std::string name(line.substr(0, colon));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
    value.remove_suffix(1);
  }
  t->reply_.headers[name] = std::string(value);
  return n;
}

bool HttpTransfer::completed(CURLcode code) {
  long status = 0;
  curl_easy_getinfo(easy_, CURLINFO_RESPONSE_CODE, &status);
  reply_.status = status;
  if (code == CURLE_OK) return true;
  if (too_large_ || code == CURLE_FILESIZE_EXCEEDED) {
    transport_error_ = fmt::format("response larger than the cap of {} bytes; transfer aborted",
                                   max_bytes_);
  } else {
    const char* detail = error_buffer_[0] != '\0' ? error_buffer_ : curl_easy_strerror(code);
    transport_error_ = fmt::format("transport error ({}): {}", curl_easy_strerror(code), detail);
  }
  return false;
}

}  // namespace ds::harness
