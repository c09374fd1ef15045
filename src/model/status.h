// A user's presence (Mattermost's Status): online/away/dnd/offline/ooo, whether it was set by
// hand, the last activity, and the do-not-disturb end (seconds, unlike other timestamps).
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>

namespace parley::model {

namespace status {
inline constexpr const char* kOnline = "online";
inline constexpr const char* kAway = "away";
inline constexpr const char* kDnd = "dnd";
inline constexpr const char* kOffline = "offline";
inline constexpr const char* kOutOfOffice = "ooo";
// Only write last_activity_at when at least this much time passed (StatusMinUpdateTime).
inline constexpr int64_t kMinUpdateMs = 120'000;
}  // namespace status

struct Status {
  std::string user_id;
  std::string status;
  bool manual = false;
  int64_t last_activity_at = 0;
  int64_t dnd_end_time = 0;  // unix seconds; 0 = no end
  std::string prev_status;   // restored when a timed DND ends; never serialised

  bool operator==(const Status&) const = default;
};

// {user_id, status, manual, last_activity_at, dnd_end_time}; active_channel is not tracked.
boost::json::object to_json(const Status& s);
// The same bytes as boost::json::serialize(to_json(s)), appended to `out` without building a
// tree: POST /users/status/ids answers up to hundreds per call, once a minute per client.
void append_json_text(std::string& out, const Status& s);

}  // namespace parley::model
