// `serve` under load it must survive: idle and half-sent connections, oversized and deeply
// nested bodies, more connections than its limit. Loopback only, bounded in count and time.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/process.hpp"

using namespace ds::test;

namespace {

int connect_loopback(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

void send_text(int fd, const std::string& text) {
  size_t sent = 0;
  while (sent < text.size()) {
    const ssize_t n = ::send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<size_t>(n);
  }
}

// What the server sends within `seconds` (until it closes or the reply is complete).
std::string receive(int fd, double seconds) {
  std::string out;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  char buf[65536];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
    const size_t head = out.find("\r\n\r\n");
    const size_t cl = out.find("Content-Length: ");
    if (head != std::string::npos && cl != std::string::npos && cl < head &&
        out.size() >= head + 4 + std::stoul(out.substr(cl + 16)))
      break;
  }
  return out;
}

std::string request(int port, const std::string& text, double seconds = 10) {
  const int fd = connect_loopback(port);
  if (fd < 0) return "";
  send_text(fd, text);
  std::string reply = receive(fd, seconds);
  ::close(fd);
  return reply;
}

const std::string kHealth = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";

std::string chat(const std::string& body) {
  return "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace

TEST_CASE("/health answers while 600 idle and 100 half-sent connections are open") {
  ServeProcess server({"--simulate"});
  std::vector<int> held;
  for (int i = 0; i < 600; ++i) held.push_back(connect_loopback(server.port()));
  for (int i = 0; i < 100; ++i) {
    const int fd = connect_loopback(server.port());
    send_text(fd, i % 2 ? "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{\"mo"
                        : "GET /hea");
    held.push_back(fd);
  }
  size_t connected = 0;
  for (int fd : held) connected += fd >= 0;
  CHECK(connected == 700);
  const auto start = std::chrono::steady_clock::now();
  const std::string reply = request(server.port(), kHealth, 10);
  CHECK(reply.rfind("HTTP/1.1 200", 0) == 0);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  // A real chat request is answered too.
  const std::string answer =
      request(server.port(), chat(R"({"model":"sim-teacher","messages":[{"role":"user","content":"Hi"}]})"));
  CHECK(answer.rfind("HTTP/1.1 200", 0) == 0);
  for (int fd : held)
    if (fd >= 0) ::close(fd);
}

TEST_CASE("oversized, deeply nested and malformed bodies are 4xx; the server stays up") {
  ServeProcess server({"--simulate"});
  // 60 MiB announced: refused before it is read (413), in well under a second.
  const int fd = connect_loopback(server.port());
  send_text(fd, "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 62914560\r\n\r\n");
  const std::string too_large = receive(fd, 5);
  ::close(fd);
  CHECK(too_large.rfind("HTTP/1.1 413", 0) == 0);
  const std::string deep = std::string(300'000, '[') + std::string(300'000, ']');
  CHECK(request(server.port(), chat(R"({"model":"sim-teacher","messages":[{"role":"user","content":)" + deep + "}]}"))
            .rfind("HTTP/1.1 400", 0) == 0);
  CHECK(request(server.port(),
                chat(R"({"model":"sim-teacher","messages":[{"role":"user","content":[{"type":7,"text":"x"}]}]})"))
            .rfind("HTTP/1.1 400", 0) == 0);
  CHECK(request(server.port(), "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
            .rfind("HTTP/1.1 411", 0) == 0);
  CHECK(request(server.port(), "GET /health HTTP/1.1\r\nX: " + std::string(100'000, 'a') + "\r\n\r\n")
            .rfind("HTTP/1.1 431", 0) == 0);
  CHECK(request(server.port(), kHealth).rfind("HTTP/1.1 200", 0) == 0);
  const std::string stats = server.http_get("/stats");
  CHECK(stats.find("\"repeat_tracking\":\"complete\"") != std::string::npos);
}

TEST_CASE("beyond --max-connections a request gets a 503 but /health is answered; keep-alive serves many") {
  ServeProcess server({"--simulate", "--max-connections", "16"});
  std::vector<int> held;
  for (int i = 0; i < 16; ++i) held.push_back(connect_loopback(server.port()));
  // The server accepts the held connections on its own thread: a loaded machine may ask before it
  // has counted them all, so ask again until it has.
  // At most 1 s: a reserve connection that sends nothing is closed after 2 s (health_wait_s),
  // after which /health would rightly be answered again.
  auto once_counted = [&](const std::string& text) {
    std::string reply;
    for (int attempt = 0; attempt < 10; ++attempt) {
      reply = request(server.port(), text, 5);
      if (reply.rfind("HTTP/1.1 503", 0) == 0) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return reply;
  };
  const std::string refused = once_counted(chat(R"({"model":"sim-teacher","messages":[{"role":"user","content":"Hi"}]})"));
  CHECK(refused.rfind("HTTP/1.1 503", 0) == 0);
  CHECK(refused.find("connections open, its limit") != std::string::npos);
  // The /health reserve: a full server still says it is alive, over and over.
  for (int i = 0; i < 5; ++i) CHECK(request(server.port(), kHealth, 5).rfind("HTTP/1.1 200", 0) == 0);
  // The reserve is bounded too: idle connections beyond it are refused at once.
  for (int i = 0; i < 32; ++i) held.push_back(connect_loopback(server.port()));
  const std::string beyond_reserve = once_counted(kHealth);
  INFO("reply beyond the reserve: " << beyond_reserve.substr(0, 80));
  CHECK(beyond_reserve.rfind("HTTP/1.1 503", 0) == 0);
  for (int fd : held) ::close(fd);
  // Once they are gone, a keep-alive connection serves request after request.
  std::string reply;
  for (int attempt = 0; attempt < 50 && reply.rfind("HTTP/1.1 200", 0) != 0; ++attempt) {
    reply = request(server.port(), kHealth, 2);
    if (reply.rfind("HTTP/1.1 200", 0) != 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  CHECK(reply.rfind("HTTP/1.1 200", 0) == 0);
  const int fd = connect_loopback(server.port());
  for (int i = 0; i < 20; ++i) {
    send_text(fd, kHealth);
    CHECK(receive(fd, 5).rfind("HTTP/1.1 200", 0) == 0);
  }
  ::close(fd);
}
