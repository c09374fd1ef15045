// A user's custom status (emoji, text, duration, expires_at) as Mattermost keeps it: a JSON
// string in the user's props under "customStatus", and a list of the five most recent ones in
// the preference custom_status/recent_custom_statuses. expires_at is a Go time.Time, so it is an
// RFC 3339 string, "0001-01-01T00:00:00Z" when unset.
#pragma once

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace parley::model {

inline constexpr const char* kUserPropCustomStatus = "customStatus";
inline constexpr const char* kPrefCategoryCustomStatus = "custom_status";
inline constexpr const char* kPrefNameRecentCustomStatuses = "recent_custom_statuses";
inline constexpr std::size_t kCustomStatusTextMaxRunes = 100;
inline constexpr std::size_t kMaxRecentCustomStatuses = 5;

struct CustomStatus {
  std::string emoji;
  std::string text;
  std::string duration;
  std::string expires_at = "0001-01-01T00:00:00Z";  // normalised as Go prints it
  int64_t expires_at_ms = -62135596800000;          // the same instant, ms since 1970

  bool operator==(const CustomStatus& o) const {
    return emoji == o.emoji && text == o.text && duration == o.duration &&
           expires_at == o.expires_at;
  }
  bool empty() const { return emoji.empty() && text.empty(); }
  // Mattermost's AreDurationAndExpirationTimeValid at `now_ms`.
  bool valid_duration_and_expiry(int64_t now_ms) const;
  // Mattermost's PreSave: a future expiry without a duration is "date_and_time"; text is cut
  // to 100 characters.
  void pre_save(int64_t now_ms);
};

// Parses an RFC 3339 time into ms since 1970 and Go's printed form (fraction without trailing
// zeros, "Z" for a zero offset); nullopt when it is not one.
std::optional<std::pair<int64_t, std::string>> parse_rfc3339(const std::string& text);

// From a request body or a stored JSON object; nullopt when a field has the wrong type.
std::optional<CustomStatus> custom_status_from_json(const boost::json::value& v);
boost::json::object to_json(const CustomStatus& cs);
// A user's current custom status from their props (nullopt when none or unreadable).
std::optional<CustomStatus> custom_status_from_props(const boost::json::object& props);

// The recent list: `add` puts `cs` first (dropping one with the same text) and keeps five.
std::vector<CustomStatus> recent_custom_statuses_from(const std::string& pref_value, bool* ok);
std::string recent_custom_statuses_value(const std::vector<CustomStatus>& list);
void add_recent_custom_status(std::vector<CustomStatus>& list, const CustomStatus& cs);

}  // namespace parley::model
