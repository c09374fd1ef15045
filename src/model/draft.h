// Draft: a message being written in a channel or thread, synced across a user's devices, with
// Mattermost's JSON (file_ids, metadata and priority left out when empty) and limits.
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace parley::model {

struct Draft {
  std::string user_id;
  std::string channel_id;
  std::string root_id;  // "" for the channel's own message box
  int64_t create_at = 0;
  int64_t update_at = 0;
  int64_t delete_at = 0;  // always 0: drafts are removed for good
  std::string message;
  boost::json::object props;
  std::vector<std::string> file_ids;
  boost::json::object priority;
  bool with_metadata = false;  // metadata: {} as Mattermost adds on saved and listed drafts
};

boost::json::object to_json(const Draft& d);

// Mattermost's Draft JSON decoding: wrong-typed known fields fail (nullopt), unknown ones are
// ignored.
std::optional<Draft> draft_from_json(const boost::json::object& o);

}  // namespace parley::model
