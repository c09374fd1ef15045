// The vocabulary of generated messages and search terms, shared by the seeder and the simulated
// users so that searches find something.
#pragma once

#include <array>
#include <random>
#include <string>
#include <string_view>

namespace loadgen {

inline constexpr std::array<std::string_view, 48> kWords = {
    "release", "deploy",  "budget",  "meeting", "design",   "review",  "customer", "launch",
    "server",  "client",  "roadmap", "bug",     "feature",  "metrics", "latency",  "backup",
    "invoice", "support", "ticket",  "sprint",  "planning", "coffee",  "lunch",    "weekend",
    "travel",  "office",  "report",  "draft",   "contract", "hiring",  "security", "network",
    "storage", "mobile",  "desktop", "browser", "search",   "index",   "cache",    "thread",
    "channel", "message", "upload",  "preview", "status",   "profile", "team",     "project"};

inline std::string sentence(std::mt19937_64& rng, int min_words, int max_words) {
  int n = std::uniform_int_distribution<int>(min_words, max_words)(rng);
  std::string out;
  for (int i = 0; i < n; ++i) {
    if (i) out += ' ';
    out += kWords[std::uniform_int_distribution<size_t>(0, kWords.size() - 1)(rng)];
  }
  return out;
}

}  // namespace loadgen
