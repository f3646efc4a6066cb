#include "harness/cli/phase_printer.hpp"

#include <fmt/format.h>
#include <unistd.h>

namespace ds::harness::cli {

PhasePrinter::PhasePrinter(std::FILE* out) : out_(out), tty_(isatty(fileno(out)) != 0) {}

PhaseObserver PhasePrinter::observer() {
  return [this](const PhaseEvent& e) { on_event(e); };
}

void PhasePrinter::on_event(const PhaseEvent& e) {
  const auto count = [&] { return e.total ? fmt::format("{}/{}", e.done, e.total) : fmt::format("{}", e.done); };
  switch (e.kind) {
    case PhaseEvent::Kind::started:
      last_progress_ = tty_ ? -1e300 : 0.0;
      fmt::print(out_, "[{}] started{}\n", e.phase, e.total ? fmt::format(" ({} to do)", e.total) : "");
      break;
    case PhaseEvent::Kind::progress:
      if (e.seconds - last_progress_ < (tty_ ? 0.2 : 5.0)) return;
      last_progress_ = e.seconds;
      if (tty_) {
        fmt::print(out_, "\r\x1b[2K[{}] {} in {:.1f} s", e.phase, count(), e.seconds);
        line_open_ = true;
      } else {
        fmt::print(out_, "[{}] {} in {:.1f} s\n", e.phase, count(), e.seconds);
      }
      break;
    case PhaseEvent::Kind::finished:
      if (line_open_) fmt::print(out_, "\r\x1b[2K");
      line_open_ = false;
      // A phase without a count (the endpoint check) says only how long it took.
      if (e.total == 0 && e.done == 0)
        fmt::print(out_, "[{}] done in {:.2f} s\n", e.phase, e.seconds);
      else
        fmt::print(out_, "[{}] done: {} in {:.2f} s\n", e.phase, count(), e.seconds);
      times_.emplace_back(e.phase, e.seconds);
      break;
  }
  std::fflush(out_);
}

std::string PhasePrinter::times_table() const {
  std::string out;
  double total = 0;
  for (const auto& [phase, seconds] : times_) {
    out += fmt::format("  {:<16} {:7.2f} s\n", phase, seconds);
    total += seconds;
  }
  out += fmt::format("  {:<16} {:7.2f} s\n", "sum of phases", total);
  return out;
}

}  // namespace ds::harness::cli
