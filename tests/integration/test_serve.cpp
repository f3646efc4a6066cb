// `distillscope serve` over real loopback HTTP: both wire formats, replay matching, /stats.
#include <doctest/doctest.h>
#include <httplib.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>

#include "core/json.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;

namespace {

httplib::Client client(const ds::test::ServeProcess& s) {
  httplib::Client c("127.0.0.1", s.port());
  c.set_read_timeout(20, 0);
  return c;
}

httplib::Result post(const ds::test::ServeProcess& s, const std::string& path, const json& body,
                     const httplib::Headers& headers = {}) {
  auto c = client(s);
  return c.Post(path.c_str(), headers, body.dump(), "application/json");
}

json chat(const std::string& model, const std::string& prompt) {
  return {{"model", model}, {"messages", {{{"role", "user"}, {"content", prompt}}}}};
}

// Starts a non-blocking connect to 127.0.0.1:port; returns the socket.
int start_connect(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr);
  return fd;
}

// How many of the sockets finish their TCP handshake within the window.
size_t connected_within(const std::vector<int>& fds, int window_ms) {
  std::vector<pollfd> polls;
  for (int fd : fds) polls.push_back({fd, POLLOUT, 0});
  ::usleep(static_cast<useconds_t>(window_ms) * 1000);
  ::poll(polls.data(), polls.size(), 0);
  size_t done = 0;
  for (const auto& p : polls) done += (p.revents & POLLOUT) && !(p.revents & (POLLERR | POLLHUP)) ? 1 : 0;
  return done;
}

}  // namespace

TEST_CASE("serve --simulate speaks the OpenAI chat completions format") {
  ds::test::ServeProcess s({"--simulate"});
  json req = chat("sim-teacher", "Explain how tides work.");
  req["n"] = 2;
  req["seed"] = 4;
  req["logprobs"] = true;
  req["top_logprobs"] = 2;
  auto r = post(s, "/v1/chat/completions", req, {{"Authorization", "Bearer sk-anything"}});
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->get_header_value("Content-Type") == "application/json");
  CHECK(!r->get_header_value("x-request-id").empty());
  const json body = json::parse(r->body);
  CHECK(body["id"].get<std::string>().rfind("chatcmpl-", 0) == 0);
  CHECK(body["object"] == "chat.completion");
  CHECK(body["model"] == "sim-teacher");
  CHECK(body["created"].is_number_integer());
  REQUIRE(body["choices"].size() == 2);
  CHECK(body["choices"][0]["message"]["role"] == "assistant");
  CHECK(!body["choices"][0]["message"]["content"].get<std::string>().empty());
  CHECK(body["choices"][0]["finish_reason"] == "stop");
  CHECK(body["choices"][0]["logprobs"]["content"].size() > 3);
  CHECK(body["usage"]["total_tokens"] ==
        body["usage"]["prompt_tokens"].get<int>() + body["usage"]["completion_tokens"].get<int>());

  // Same request, same answer (the simulator is deterministic).
  auto again = post(s, "/v1/chat/completions", req);
  CHECK(json::parse(again->body)["choices"] == body["choices"]);

  json cut = chat("sim-teacher", "Explain how tides work.");
  cut["max_tokens"] = 4;
  const json truncated = json::parse(post(s, "/v1/chat/completions", cut)->body);
  CHECK(truncated["choices"][0]["finish_reason"] == "length");
  CHECK(truncated["usage"]["completion_tokens"] == 4);

  auto models = client(s).Get("/v1/models");
  const json list = json::parse(models->body);
  CHECK(list["object"] == "list");
  CHECK(list["data"].size() >= 4);
  CHECK(list["data"][0]["simulated"] == true);
}

TEST_CASE("serve --simulate speaks the Anthropic messages format") {
  ds::test::ServeProcess s({"--simulate"});
  json req = chat("sim-student", "Describe a lighthouse.");
  req["max_tokens"] = 512;
  req["stop_sequences"] = json::array({"\n\n"});
  auto r = post(s, "/v1/messages", req, {{"x-api-key", "anything"}, {"anthropic-version", "2023-06-01"}});
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(!r->get_header_value("request-id").empty());
  const json body = json::parse(r->body);
  CHECK(body["id"].get<std::string>().rfind("msg_", 0) == 0);
  CHECK(body["type"] == "message");
  CHECK(body["role"] == "assistant");
  CHECK(body["content"][0]["type"] == "text");
  CHECK(body["stop_reason"] == "stop_sequence");
  CHECK(body["stop_sequence"] == "\n\n");
  CHECK(body["usage"]["input_tokens"].get<int>() > 0);
  req.erase("stop_sequences");
  req["max_tokens"] = 2;
  CHECK(json::parse(post(s, "/v1/messages", req)->body)["stop_reason"] == "max_tokens");
}

TEST_CASE("errors: 400 malformed, 404 unknown model, in each provider's error shape") {
  ds::test::ServeProcess s({"--simulate"});
  auto c = client(s);
  auto bad = c.Post("/v1/chat/completions", "{oops", "application/json");
  CHECK(bad->status == 400);
  CHECK(json::parse(bad->body)["error"]["type"] == "invalid_request_error");
  auto no_messages = post(s, "/v1/chat/completions", {{"model", "sim-teacher"}});
  CHECK(no_messages->status == 400);
  CHECK(json::parse(no_messages->body)["error"]["param"] == "messages");
  auto unknown = post(s, "/v1/chat/completions", chat("gpt-nonexistent", "hi"));
  CHECK(unknown->status == 404);
  CHECK(json::parse(unknown->body)["error"]["code"] == "model_not_found");
  json a = chat("nope", "hi");
  a["max_tokens"] = 10;
  auto unknown_a = post(s, "/v1/messages", a);
  CHECK(unknown_a->status == 404);
  CHECK(json::parse(unknown_a->body)["error"]["type"] == "not_found_error");
  CHECK(json::parse(unknown_a->body)["type"] == "error");
  const json stats = json::parse(s.http_get("/stats"));
  CHECK(stats["rejected"] == 4);
}

TEST_CASE("serve --replay answers recorded conversations and 422s the rest; /stats counts per model") {
  ds::test::TempDir dir;
  std::ofstream(dir.file("rec.jsonl"))
      << R"({"messages":[{"role":"user","content":"What is the capital of France?"}],"text":"Paris."})" << "\n";
  ds::test::ServeProcess s({"--replay", dir.path()});
  auto hit = post(s, "/v1/chat/completions", chat("rec", "What is the  capital of France?"));
  REQUIRE(hit);
  CHECK(hit->status == 200);
  CHECK(json::parse(hit->body)["choices"][0]["message"]["content"] == "Paris.");
  auto miss = post(s, "/v1/chat/completions", chat("rec", "What is the capital of Spain?"));
  CHECK(miss->status == 422);
  CHECK(json::parse(miss->body)["error"]["code"] == "no_recorded_answer");
  CHECK(json::parse(miss->body)["error"]["message"].get<std::string>().find("No recorded answer") != std::string::npos);
  json am = chat("rec", "What is the capital of Spain?");
  am["max_tokens"] = 10;
  auto miss_a = post(s, "/v1/messages", am);
  CHECK(miss_a->status == 422);
  CHECK(json::parse(miss_a->body)["error"]["type"] == "invalid_request_error");
  post(s, "/v1/chat/completions", chat("rec", "What is the  capital of France?"));  // the same body again
  const json stats = json::parse(s.http_get("/stats"));
  CHECK(stats["models"]["rec"]["requests"] == 4);
  CHECK(stats["models"]["rec"]["answered"] == 2);
  CHECK(stats["models"]["rec"]["not_found"] == 2);
  CHECK(stats["models"]["rec"]["repeats"] == 1);
  CHECK(stats["total"] == 4);
  CHECK(json::parse(client(s).Get("/v1/models")->body)["data"][0]["simulated"] == false);
}

TEST_CASE("serve with a malformed transcript exits 2 naming file:line") {
  ds::test::TempDir dir;
  std::ofstream(dir.file("broken.jsonl")) << R"({"messages":[{"role":"user","content":"x"}],"text":"y"})" << "\n"
                                          << R"({"messages":"not a list","text":"y"})" << "\n";
  const auto r = ds::test::run_distillscope({"serve", "--port", "0", "--replay", dir.path()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("broken.jsonl:2") != std::string::npos);
  CHECK(r.err.find("messages") != std::string::npos);
  CHECK(ds::test::run_distillscope({"serve", "--port", "0"}).exit_code == 2);
}

TEST_CASE("serve refuses a port another server is listening on, and the first one keeps serving") {
  ds::test::ServeProcess first({"--simulate"});
  const auto second = ds::test::run_distillscope({"serve", "--simulate", "--port", std::to_string(first.port())});
  CHECK(second.exit_code == 2);
  CHECK(second.err.find("in use") != std::string::npos);
  CHECK(first.http_get("/health").find("ok") != std::string::npos);
}

TEST_CASE("serve's listen backlog holds a burst of connections the server has not accepted yet") {
  // cpp-httplib's own backlog is 5: the 6th+ simultaneous connect of a burst lost its SYN and
  // waited for the kernel's 1 s retransmit. With the server stopped nothing is accepted, so
  // every handshake that completes was held by the backlog; a dropped SYN would not complete
  // before its 1 s retransmit, hence the 600 ms window.
  ds::test::ServeProcess s({"--simulate"});
  REQUIRE(::kill(s.pid(), SIGSTOP) == 0);
  std::vector<int> fds;
  for (int i = 0; i < 200; ++i) fds.push_back(start_connect(s.port()));
  const size_t connected = connected_within(fds, 600);
  ::kill(s.pid(), SIGCONT);
  for (int fd : fds) ::close(fd);
  CHECK(connected == fds.size());
  CHECK(s.http_get("/health").find("ok") != std::string::npos);
}
