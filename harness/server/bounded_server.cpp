#include "harness/layer.hpp"
#include "harness/server/bounded_server.hpp"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <deque>
#include <fcntl.h>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "core/json.hpp"
#include "core/json_bounded.hpp"

namespace ds::harness::server {

namespace {

using Clock = std::chrono::steady_clock;
constexpr size_t kNone = std::string::npos;

// cpp-httplib hands each accepted socket to a task queue; ours runs the hand-off inline (it
// only registers the socket with the waiting room, which never blocks).
class InlineQueue : public httplib::TaskQueue {
 public:
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override {}
};

Clock::duration seconds(double s) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

int millis_until(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<int64_t>(left, 0, 1 << 30));
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

void send_all_best_effort(int fd, const std::string& bytes) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n <= 0) return;
    sent += static_cast<size_t>(n);
  }
}

void address_text(const sockaddr_storage& addr, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = {0};
  if (addr.ss_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(&addr);
    inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
    port = ntohs(in->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&addr);
    inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    port = ntohs(in6->sin6_port);
  }
  ip = text;
}

// What the waiting room needs from a request's head: where the request ends and whether it
// may be accepted.
struct RequestHead {
  std::string method, path;
  size_t content_length = 0;
  bool chunked = false;
  bool expect_continue = false;
  size_t expect_line_begin = kNone, expect_line_end = kNone;  // to strip it (we answer it)
  std::string error;  // "400 ..." etc. when malformed
};

RequestHead parse_head(std::string_view head) {
  RequestHead h;
  const size_t line_end = head.find("\r\n");
  const std::string_view line = head.substr(0, line_end);
  const size_t sp1 = line.find(' '), sp2 = line.rfind(' ');
  if (sp1 == kNone || sp2 == sp1) {
    h.error = "malformed request line";
    return h;
  }
  h.method = std::string(line.substr(0, sp1));
  const std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  h.path = std::string(target.substr(0, target.find('?')));
  bool have_length = false;
  for (size_t pos = line_end + 2; pos < head.size();) {
    const size_t end = std::min(head.find("\r\n", pos), head.size());
    const std::string_view header = head.substr(pos, end - pos);
    const size_t colon = header.find(':');
    if (colon != kNone) {
      const std::string_view name = trim(header.substr(0, colon));
      const std::string_view value = trim(header.substr(colon + 1));
      if (iequals(name, "content-length")) {
        size_t n = 0;
        const bool digits = !value.empty() && value.size() <= 18 &&
                            std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (digits) n = std::stoull(std::string(value));
        if (!digits || (have_length && n != h.content_length)) {
          h.error = "invalid Content-Length";
          return h;
        }
        h.content_length = n;
        have_length = true;
      } else if (iequals(name, "transfer-encoding") && !iequals(value, "identity")) {
        h.chunked = true;
      } else if (iequals(name, "expect") && iequals(value, "100-continue")) {
        h.expect_continue = true;
        h.expect_line_begin = pos;
        h.expect_line_end = end + 2;
      }
    }
    pos = end + 2;
  }
  return h;
}

// A stream over one request: the bytes the waiting room buffered first, then the socket
// (non-blocking, so every wait is a poll with a deadline).
class BufferedStream : public httplib::Stream {
 public:
  BufferedStream(int fd, std::string& buffer, Clock::time_point read_deadline, double write_timeout_s)
      : fd_(fd), buffer_(buffer), read_deadline_(read_deadline), write_timeout_s_(write_timeout_s) {}

  size_t consumed() const { return offset_; }

  bool is_readable() const override { return offset_ < buffer_.size() || wait(POLLIN, read_deadline_); }
  bool is_writable() const override { return wait(POLLOUT, Clock::now() + seconds(write_timeout_s_)); }

  ssize_t read(char* ptr, size_t size) override {
    if (offset_ < buffer_.size()) {
      const size_t n = std::min(size, buffer_.size() - offset_);
      std::copy_n(buffer_.data() + offset_, n, ptr);
      offset_ += n;
      return static_cast<ssize_t>(n);
    }
    // Only reached when cpp-httplib reads beyond the request we buffered (it should not):
    // bounded by the request deadline like everything else.
    if (!wait(POLLIN, read_deadline_)) return -1;
    const ssize_t n = ::recv(fd_, ptr, size, 0);
    if (n > 0) {
      buffer_.append(ptr, static_cast<size_t>(n));
      offset_ += static_cast<size_t>(n);
    }
    return n;
  }

  ssize_t write(const char* ptr, size_t size) override {
    size_t sent = 0;
    while (sent < size) {
      const ssize_t n = ::send(fd_, ptr + sent, size - sent, MSG_NOSIGNAL);
      if (n > 0) {
        sent += static_cast<size_t>(n);
        continue;
      }
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && is_writable()) continue;
      return -1;
    }
    return static_cast<ssize_t>(size);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (getpeername(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) address_text(addr, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) address_text(addr, ip, port);
  }
  socket_t socket() const override { return fd_; }

 private:
  bool wait(short events, Clock::time_point deadline) const {
    pollfd p{fd_, events, 0};
    for (;;) {
      const int r = ::poll(&p, 1, millis_until(deadline));
      if (r > 0) return (p.revents & events) != 0;
      if (r == 0 || errno != EINTR) return false;
    }
  }

  int fd_;
  std::string& buffer_;
  size_t offset_ = 0;
  Clock::time_point read_deadline_;
  double write_timeout_s_;
};

}  // namespace

std::string canned_response(int status, const std::string& reason, const std::string& message) {
  const std::string body = dump_json(json{{"error",
                                           {{"message", message},
                                            {"type", status >= 500 ? "server_error" : "invalid_request_error"},
                                            {"param", nullptr},
                                            {"code", nullptr}}}});
  return fmt::format(
      "HTTP/1.1 {} {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n{}\r\n{}",
      status, reason, body.size(), status == 503 ? "Retry-After: 1\r\n" : "", body);
}

// One client connection between requests: what has arrived of its next request.
struct Connection {
  int fd = -1;
  std::string buffer;
  size_t scanned = 0;            // the header search resumes here
  size_t request_bytes = kNone;  // head + body, once the head has arrived
  size_t reserved = 0;           // bytes of the server-wide budget held for this request
  bool continue_sent = false;
  bool health_only = false;  // taken beyond the connection limit, from the /health reserve
  Clock::time_point deadline;
  Clock::time_point request_deadline;
};

struct BoundedServer::Impl {
  BoundedServer& server;
  ConnectionLimits limits;
  int epoll_fd = -1, wake_fd = -1;
  std::atomic<size_t> open{0};
  std::atomic<size_t> health_open{0};  // connections from the /health reserve
  std::atomic<size_t> buffered{0};
  std::atomic<bool> stopping{false};
  std::mutex incoming_mutex;
  std::deque<std::shared_ptr<Connection>> incoming;  // new and returning connections
  std::unordered_map<int, std::shared_ptr<Connection>> waiting;  // owned by the reactor thread
  std::unique_ptr<httplib::ThreadPool> workers;
  std::thread reactor;

  Impl(BoundedServer& s, ConnectionLimits l) : server(s), limits(std::move(l)) {
    fit_file_limit();
    epoll_fd = ::epoll_create1(EPOLL_CLOEXEC);
    wake_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = wake_fd;
    ::epoll_ctl(epoll_fd, EPOLL_CTL_ADD, wake_fd, &ev);
    workers = std::make_unique<httplib::ThreadPool>(std::max<size_t>(1, limits.worker_threads));
    reactor = std::thread([this] { run_reactor(); });
  }

  ~Impl() {
    stopping = true;
    wake();
    if (reactor.joinable()) reactor.join();
    workers->shutdown();
    for (auto& [fd, c] : waiting) ::close(fd);
    for (auto& c : incoming) ::close(c->fd);
    ::close(wake_fd);
    ::close(epoll_fd);
  }

  // Each connection is a file descriptor: raise the soft limit to the hard one and keep the
  // connection bound below it.
  void fit_file_limit() {
    rlimit r{};
    if (getrlimit(RLIMIT_NOFILE, &r) != 0) return;
    if (r.rlim_cur < r.rlim_max) {
      r.rlim_cur = std::min<rlim_t>(r.rlim_max, 1 << 16);
      setrlimit(RLIMIT_NOFILE, &r);
      getrlimit(RLIMIT_NOFILE, &r);
    }
    const size_t reserve = 64 + limits.health_reserve;
    if (r.rlim_cur != RLIM_INFINITY && r.rlim_cur > reserve)
      limits.max_connections = std::min<size_t>(limits.max_connections, r.rlim_cur - reserve);
  }

  void wake() {
    const uint64_t one = 1;
    [[maybe_unused]] const auto n = ::write(wake_fd, &one, sizeof one);
  }

  void hand_to_reactor(std::shared_ptr<Connection> c) {
    {
      std::lock_guard lock(incoming_mutex);
      incoming.push_back(std::move(c));
    }
    wake();
  }

  void accept_socket(int fd) {
    const int flags = ::fcntl(fd, F_GETFL, 0);
    ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    // Beyond the limit, a connection from the /health reserve may still ask whether the
    // server is alive (its request is read within health_wait_s; any other path gets the 503).
    const bool full = open.load() >= limits.max_connections;
    if (stopping || (full && health_open.fetch_add(1) >= limits.health_reserve)) {
      if (full && !stopping) --health_open;
      send_all_best_effort(fd, canned_response(503, "Service Unavailable", full_message()));
      ::shutdown(fd, SHUT_RDWR);
      ::close(fd);
      return;
    }
    if (!full) ++open;
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    auto c = std::make_shared<Connection>();
    c->fd = fd;
    c->health_only = full;
    hand_to_reactor(std::move(c));
  }

  double request_seconds(const Connection& c) const {
    return c.health_only ? std::min(limits.health_wait_s, limits.request_timeout_s) : limits.request_timeout_s;
  }

  std::string full_message() const {
    return fmt::format("distillscope serve has {} connections open, its limit; retry shortly", open.load());
  }

  void close_connection(Connection& c) {
    release(c);
    ::shutdown(c.fd, SHUT_RDWR);
    ::close(c.fd);
    if (c.health_only) --health_open;
    else --open;
  }

  void release(Connection& c) {
    buffered -= c.reserved;
    c.reserved = 0;
  }

  void reject(Connection& c, int status, const char* reason, const std::string& message) {
    send_all_best_effort(c.fd, canned_response(status, reason, message));
    forget(c.fd);
    close_connection(c);
  }

  void forget(int fd) {
    ::epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
    waiting.erase(fd);
  }

  void run_reactor() {
    std::vector<epoll_event> events(256);
    while (!stopping) {
      const int n = ::epoll_wait(epoll_fd, events.data(), static_cast<int>(events.size()), 200);
      for (int i = 0; i < n; ++i) {
        const int fd = events[i].data.fd;
        if (fd == wake_fd) {
          uint64_t drained = 0;
          [[maybe_unused]] const auto r = ::read(wake_fd, &drained, sizeof drained);
          continue;
        }
        const auto it = waiting.find(fd);
        if (it != waiting.end()) on_readable(it->second);  // a copy: forget() erases the entry
      }
      take_incoming();
      expire(Clock::now());
    }
  }

  void take_incoming() {
    std::deque<std::shared_ptr<Connection>> batch;
    {
      std::lock_guard lock(incoming_mutex);
      batch.swap(incoming);
    }
    const auto now = Clock::now();
    for (auto& c : batch) {
      c->deadline = now + seconds(c->health_only ? limits.health_wait_s : limits.idle_timeout_s);
      epoll_event ev{};
      ev.events = EPOLLIN | EPOLLRDHUP;
      ev.data.fd = c->fd;
      ::epoll_ctl(epoll_fd, EPOLL_CTL_ADD, c->fd, &ev);
      waiting[c->fd] = c;
      if (!c->buffer.empty()) {  // a pipelined request may already be here
        c->request_deadline = now + seconds(request_seconds(*c));
        c->deadline = c->request_deadline;
        advance(c);
      }
    }
  }

  void expire(Clock::time_point now) {
    std::vector<std::shared_ptr<Connection>> late;
    for (auto& [fd, c] : waiting)
      if (c->deadline <= now) late.push_back(c);
    for (auto& c : late) {
      if (c->buffer.empty()) {
        forget(c->fd);
        close_connection(*c);  // idle: nothing to answer
      } else {
        reject(*c, 408, "Request Timeout",
               fmt::format("the request did not arrive within {:g} s", limits.request_timeout_s));
      }
    }
  }

  void on_readable(std::shared_ptr<Connection> c) {  // by value: it outlives its map entry
    char chunk[64 * 1024];
    for (;;) {
      const ssize_t n = ::recv(c->fd, chunk, sizeof chunk, 0);
      if (n > 0) {
        if (c->buffer.empty()) {
          c->request_deadline = Clock::now() + seconds(request_seconds(*c));
          c->deadline = c->request_deadline;
        }
        c->buffer.append(chunk, static_cast<size_t>(n));
        if (c->request_bytes == kNone && !read_head(*c)) return;
        if (c->request_bytes != kNone && c->buffer.size() >= c->request_bytes) break;  // complete
        continue;
      }
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
      if (n < 0 && errno == EINTR) continue;
      forget(c->fd);  // closed by the client, or an error
      close_connection(*c);
      return;
    }
    advance(std::move(c));
  }

  // Looks for the end of the head; false when the connection was answered and closed.
  bool read_head(Connection& c) {
    const size_t from = c.scanned >= 3 ? c.scanned - 3 : 0;
    const size_t end = c.buffer.find("\r\n\r\n", from);
    if (end == kNone || end + 4 > limits.max_header_bytes) {
      c.scanned = c.buffer.size();
      if (c.buffer.size() <= limits.max_header_bytes) return true;
      reject(c, 431, "Request Header Fields Too Large",
             fmt::format("request headers are limited to {} bytes", limits.max_header_bytes));
      return false;
    }
    return accept_head(c, end + 4);
  }

  // Dispatches the request to a worker once it has arrived in full.
  void advance(std::shared_ptr<Connection> c) {
    if (c->request_bytes == kNone && !read_head(*c)) return;
    if (c->request_bytes == kNone || c->buffer.size() < c->request_bytes) return;
    forget(c->fd);
    workers->enqueue([this, c] { serve(c); });
  }

  bool accept_head(Connection& c, size_t head_bytes) {
    RequestHead head = parse_head(std::string_view(c.buffer).substr(0, head_bytes));
    if (!head.error.empty()) {
      reject(c, 400, "Bad Request", head.error);
      return false;
    }
    if (c.health_only && !((head.method == "GET" || head.method == "HEAD") && head.path == "/health")) {
      reject(c, 503, "Service Unavailable", full_message());
      return false;
    }
    if (head.chunked) {
      reject(c, 411, "Length Required", "send the request body with a Content-Length (chunked bodies are not accepted)");
      return false;
    }
    const size_t limit = limits.body_limit ? limits.body_limit(head.method, head.path) : 0;
    if (head.content_length > limit) {
      reject(c, 413, "Payload Too Large",
             fmt::format("{} {} accepts bodies of at most {} bytes; this one has {}", head.method, head.path, limit,
                         head.content_length));
      return false;
    }
    if (head.expect_continue) {  // answered here; cpp-httplib must not answer it again
      c.buffer.erase(head.expect_line_begin, head.expect_line_end - head.expect_line_begin);
      head_bytes -= head.expect_line_end - head.expect_line_begin;
    }
    const size_t total = head_bytes + head.content_length;
    if (buffered.fetch_add(total) + total > limits.max_buffered_bytes) {
      buffered -= total;
      reject(c, 503, "Service Unavailable", "distillscope serve is holding too many request bytes; retry shortly");
      return false;
    }
    c.reserved = total;
    c.request_bytes = total;
    if (head.expect_continue && c.buffer.size() < total && !c.continue_sent) {
      send_all_best_effort(c.fd, "HTTP/1.1 100 Continue\r\n\r\n");
      c.continue_sent = true;
    }
    return true;
  }

  // In a worker: cpp-httplib routes and answers the complete request; the connection then
  // goes back to the waiting room (keep-alive) or is closed.
  void serve(const std::shared_ptr<Connection>& c) {
    bool closed = false;
    bool ok = false;
    {
      BufferedStream stream(c->fd, c->buffer, c->request_deadline, limits.write_timeout_s);
      ok = server.answer(stream, closed);
      c->buffer.erase(0, stream.consumed());
    }
    release(*c);
    c->scanned = 0;
    c->request_bytes = kNone;
    c->continue_sent = false;
    if (!ok || closed || stopping || c->health_only) {  // a reserve connection answers once
      close_connection(*c);
      return;
    }
    hand_to_reactor(c);
  }
};

BoundedServer::BoundedServer(ConnectionLimits limits) : impl_(std::make_unique<Impl>(*this, std::move(limits))) {
  new_task_queue = [] { return new InlineQueue; };
}

BoundedServer::~BoundedServer() {
  if (is_running()) stop();
  impl_.reset();
}

size_t BoundedServer::open_connections() const { return impl_->open.load(); }

const ConnectionLimits& BoundedServer::limits() const { return impl_->limits; }

int BoundedServer::bind_listening(const std::string& host, int port) {
  // cpp-httplib listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG, fixed in Debian's
  // shared library): a client opening its concurrency's worth of connections at once loses
  // the rest to SYN drops and the kernel's 1-3-7 s retransmits. Linux applies a second
  // listen() on a listening socket as its new backlog.
  auto listening = std::make_shared<int>(-1);  // the options outlive this call
  set_socket_options([listening](socket_t fd) {
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    *listening = fd;
  });
  const int bound = port == 0 ? bind_to_any_port(host) : (bind_to_port(host, port) ? port : -1);
  if (bound <= 0 || *listening < 0) return -1;
  const size_t backlog = std::min<size_t>(impl_->limits.max_connections, SOMAXCONN);
  ::listen(*listening, static_cast<int>(backlog));
  return bound;
}

bool BoundedServer::process_and_close_socket(socket_t sock) {
  impl_->accept_socket(sock);
  return true;
}

bool BoundedServer::answer(httplib::Stream& stream, bool& connection_closed) {
  return process_request(stream, /*close_connection=*/false, connection_closed, nullptr);
}

}  // namespace ds::harness::server
