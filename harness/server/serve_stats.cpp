#include "harness/server/serve_stats.hpp"
#include "harness/layer.hpp"

#include "core/hash.hpp"

namespace ds::harness::server {

void ServeStats::request(const std::string& model) {
  std::lock_guard lock(mutex_);
  ++models_[model].requests;
  ++total_;
}

void ServeStats::fault(const std::string& model) {
  std::lock_guard lock(mutex_);
  ++models_[model].faults;
}

void ServeStats::answered(const std::string& model, const std::string& body_key) {
  std::lock_guard lock(mutex_);
  auto& c = models_[model];
  ++c.answered;
  const uint64_t key = stable_hash(model + "\n" + body_key);
  if (answered_keys_.count(key)) {
    ++c.repeats;
  } else if (answered_keys_.size() < kMaxTrackedBodies) {
    answered_keys_.insert(key);
  } else {
    tracking_full_ = true;
  }
}

void ServeStats::not_found(const std::string& model) {
  std::lock_guard lock(mutex_);
  ++models_[model].not_found;
}

void ServeStats::rejected() {
  std::lock_guard lock(mutex_);
  ++rejected_;
  ++total_;
}

json ServeStats::to_json() const {
  std::lock_guard lock(mutex_);
  json models = json::object();
  int64_t answered = 0;
  for (const auto& [name, c] : models_) {
    models[name] = {{"requests", c.requests}, {"answered", c.answered}, {"faults", c.faults},
                    {"not_found", c.not_found}, {"repeats", c.repeats}};
    answered += c.answered;
  }
  return {{"models", models}, {"total", total_}, {"answered", answered}, {"rejected", rejected_},
          {"repeat_tracking", tracking_full_ ? "partial" : "complete"}};
}

void ServeStats::reset() {
  std::lock_guard lock(mutex_);
  models_.clear();
  answered_keys_.clear();
  tracking_full_ = false;
  total_ = rejected_ = 0;
}

}  // namespace ds::harness::server
