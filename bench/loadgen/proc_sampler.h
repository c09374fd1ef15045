// Samples a process's CPU use and resident memory from /proc (the server under load).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

namespace loadgen {

struct ProcSample {
  double cpu_percent = 0;  // of one core since the previous sample (200 = both of 2 cores)
  int64_t rss_kb = 0;
};

class ProcSampler {
 public:
  explicit ProcSampler(int pid);
  // CPU since the previous call (or construction); nullopt when the process is gone.
  std::optional<ProcSample> sample();

 private:
  int pid_;
  double last_cpu_seconds_ = 0;
  std::chrono::steady_clock::time_point last_time_;
};

std::optional<double> process_cpu_seconds(int pid);  // utime + stime
std::optional<int64_t> process_rss_kb(int pid);      // VmRSS

}  // namespace loadgen
