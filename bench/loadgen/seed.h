// Seeds a data set through the REST API, shaped like load-test-ng's generator: teams, public and
// private channels with varied membership, users in every team, DMs and GMs, posts with replies
// and reactions. Idempotent: what exists already is reused, so a seeded server can be re-run.
#pragma once

#include "http_client.h"

#include <string>
#include <vector>

namespace loadgen {

struct SeedOptions {
  int users = 100;
  int teams = 2;
  int public_channels = 20;   // per team
  int private_channels = 10;  // per team
  int posts = 2000;           // in all, half of them replies
  int reactions = 500;
  int direct_channels = 40;  // DMs and GMs started by the posting users
  int posters = 8;           // users who write the posts (concurrent clients)
  std::string password = "Loadtest-pass-1";
  uint64_t seed = 1;
};

struct SeedResult {
  std::vector<std::string> emails;  // the simulated users' logins
  std::string admin_token;
  std::vector<std::string> team_ids;
};

std::string user_email(int i);

// Runs the seeding on its own io_context; throws std::runtime_error with the failing request.
SeedResult seed(const Target& target, const SeedOptions& options);

}  // namespace loadgen
