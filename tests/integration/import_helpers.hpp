#pragma once
// Shared steps of the import integration tests: greedy answers of simulated models over HTTP,
// and those answers written as Inspect .eval logs.
#include <doctest/doctest.h>
#include <httplib.h>

#include <map>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "tasks/suite.hpp"
#include "tests/support/process.hpp"
#include "tests/support/zip_writer.hpp"

namespace ds::test {

using ds::core::json;
using ds::tasks::Suite;
using ds::tasks::SuiteItem;

struct Answer {
  std::string model;
  const SuiteItem* item;
  std::string text;
};

inline json chat_of(const SuiteItem& item) {
  json messages = json::array();
  if (!item.system.empty()) messages.push_back({{"role", "system"}, {"content", item.system}});
  for (const auto& m : item.messages) messages.push_back({{"role", m.role}, {"content", m.content}});
  return messages;
}

inline bool single_user_turn(const SuiteItem& item) {
  return item.system.empty() && item.messages.size() == 1 && item.messages[0].role == "user";
}

inline std::vector<Answer> fetch(const test::ServeProcess& serve, const std::vector<std::string>& models,
                          const std::vector<Suite>& suites) {
  httplib::Client client("127.0.0.1", serve.port());
  client.set_read_timeout(30, 0);
  std::vector<Answer> out;
  for (const auto& suite : suites)
    for (const auto& item : suite.items)
      for (const auto& m : models) {
        const json body = {{"model", m}, {"messages", chat_of(item)}, {"temperature", 0}};
        auto res = client.Post("/v1/chat/completions", body.dump(), "application/json");
        REQUIRE(res);
        REQUIRE(res->status == 200);
        out.push_back({m, &item, json::parse(res->body)["choices"][0]["message"]["content"].get<std::string>()});
      }
  return out;
}

// Inspect: one .eval archive per model (header.json and samples/<id>_epoch_1.json).
inline std::vector<std::string> write_inspect(const std::string& dir, const std::vector<Answer>& answers) {
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> members;
  for (const auto& a : answers) {
    auto& m = members[a.model];
    json messages = chat_of(*a.item);
    for (auto& msg : messages) msg["source"] = "input";
    messages.push_back({{"role", "assistant"}, {"content", a.text}, {"source", "generate"}});
    const json input = single_user_turn(*a.item) ? json(a.item->messages[0].content) : chat_of(*a.item);
    const json sample = {{"id", a.item->id}, {"epoch", 1}, {"input", input}, {"target", ""}, {"messages", messages},
                         {"output", {{"model", a.model}, {"completion", a.text},
                                     {"choices", json::array({{{"message", {{"role", "assistant"}, {"content", a.text}}},
                                                               {"stop_reason", "stop"}}})}}}};
    m.push_back({"samples/" + a.item->id + "_epoch_1.json", sample.dump()});
  }
  std::vector<std::string> files;
  for (auto& [model, m] : members) {
    m.push_back({"header.json", json{{"version", 2}, {"status", "success"},
                                     {"eval", {{"task", "distillscope"}, {"model", "openai/" + model},
                                               {"packages", {{"inspect_ai", "0.3.104"}}}}}}.dump()});
    files.push_back(dir + "/" + model + ".eval");
    test::write_zip(files.back(), m);
  }
  return files;
}

}  // namespace ds::test
