// ProcSampler: /proc/<pid>/stat fields 14-15 (utime, stime) and VmRSS from /proc/<pid>/status.
#include "proc_sampler.h"

#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>

namespace loadgen {

std::optional<double> process_cpu_seconds(int pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(f, line)) return std::nullopt;
  auto close = line.rfind(')');  // the command name may contain spaces
  if (close == std::string::npos) return std::nullopt;
  std::istringstream rest(line.substr(close + 2));
  std::string field;
  int64_t utime = 0, stime = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) {
    if (i == 14) utime = std::stoll(field);
    if (i == 15) stime = std::stoll(field);
  }
  return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

std::optional<int64_t> process_rss_kb(int pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/status");
  std::string key;
  while (f >> key) {
    if (key == "VmRSS:") {
      int64_t kb = 0;
      f >> kb;
      return kb;
    }
    f.ignore(1 << 16, '\n');
  }
  return std::nullopt;
}

ProcSampler::ProcSampler(int pid) : pid_(pid), last_time_(std::chrono::steady_clock::now()) {
  last_cpu_seconds_ = process_cpu_seconds(pid).value_or(0);
}

std::optional<ProcSample> ProcSampler::sample() {
  auto cpu = process_cpu_seconds(pid_);
  auto rss = process_rss_kb(pid_);
  if (!cpu || !rss) return std::nullopt;
  auto now = std::chrono::steady_clock::now();
  double secs = std::chrono::duration<double>(now - last_time_).count();
  ProcSample s;
  s.cpu_percent = secs > 0 ? 100.0 * (*cpu - last_cpu_seconds_) / secs : 0;
  s.rss_kb = *rss;
  last_cpu_seconds_ = *cpu;
  last_time_ = now;
  return s;
}

}  // namespace loadgen
