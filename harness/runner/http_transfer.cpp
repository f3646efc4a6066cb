#include "harness/runner/http_transfer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "harness/layer.hpp"

namespace ds::harness {

HeaderList::~HeaderList() { curl_slist_free_all(list_); }

curl_slist* HeaderList::get(const std::vector<std::pair<std::string, std::string>>& headers) {
  if (list_ && headers == source_) return list_;
  curl_slist_free_all(list_);
  list_ = nullptr;
  source_ = headers;
  for (const auto& [name, value] : source_) list_ = curl_slist_append(list_, (name + ": " + value).c_str());
  return list_ = curl_slist_append(list_, "Expect:");
}

HttpTransfer::HttpTransfer(const TransferLimits& limits)
    : easy_(curl_easy_init()), max_bytes_(limits.max_response_bytes) {
  if (!easy_) throw std::runtime_error("runner: curl_easy_init failed");
  const long timeout_ms = std::max(1L, static_cast<long>(limits.timeout_seconds * 1000));
  curl_easy_setopt(easy_, CURLOPT_POST, 1L);
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
  // connection.
  curl_easy_setopt(easy_, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
}

HttpTransfer::~HttpTransfer() { curl_easy_cleanup(easy_); }

void HttpTransfer::prepare(HttpRequest request, size_t job) {
  job_ = job;
  body_ = std::move(request.body);
  too_large_ = false;
  reply_.status = 0;
  reply_.headers.clear();
  reply_.body.clear();  // keeps its capacity for the next reply
  transport_error_.clear();
  error_buffer_[0] = '\0';
  if (request.url != url_) {
    url_ = std::move(request.url);
    curl_easy_setopt(easy_, CURLOPT_URL, url_.c_str());
    // Over TLS, wait for a multiplexed HTTP/2 connection rather than opening new ones.
    curl_easy_setopt(easy_, CURLOPT_PIPEWAIT, url_.rfind("https://", 0) == 0 ? 1L : 0L);
  }
  curl_easy_setopt(easy_, CURLOPT_HTTPHEADER, headers_.get(request.headers));
  curl_easy_setopt(easy_, CURLOPT_POSTFIELDS, body_.data());
  curl_easy_setopt(easy_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body_.size()));
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
