// Mention detection with Mattermost's rules (StandardMentionParser and MentionKeywords): which
// channel members a message mentions by @username, mention keys, first name, @channel, @all and
// @here. Pure functions, no store access.
#pragma once

#include <boost/json/object.hpp>

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parley::app {

// How a user was mentioned, lowest priority first (a stronger kind replaces a weaker one).
enum class MentionType { none, gm, thread, comment, channel, dm, keyword };

struct MentionResults {
  std::map<std::string, MentionType> mentions;  // user id -> kind
  std::vector<std::string> other_potential;     // "@name" words that matched nobody
  bool here = false;
  bool all = false;
  bool channel = false;

  void add(const std::string& user_id, MentionType type);
};

// keyword -> user ids. Keywords are lower case, except first names (case sensitive).
using MentionKeywords = std::unordered_map<std::string, std::vector<std::string>>;

// A view of one channel member's fields; the caller keeps them alive during the call.
struct MentionCandidate {
  std::string_view id;
  std::string_view username;
  std::string_view first_name;
  const boost::json::object& notify_props;          // the user's
  const boost::json::object& channel_notify_props;  // the channel membership's
  bool online = false;
};

// Adds @username, the user's mention keys, their first name (when enabled) and, when
// `allow_channel_mentions`, @channel/@all (and @here if online) unless they ignore them.
void add_mention_keywords(MentionKeywords& keywords, const MentionCandidate& user,
                          bool allow_channel_mentions);

// Finds the mentions in a message, ignoring code spans and fenced code blocks.
MentionResults parse_mentions(std::string_view message, const MentionKeywords& keywords);

// The message without inline code spans and fenced code blocks (text a mention can live in).
std::string strip_code(std::string_view message);

// The first @channel/@all/@here in the message, lower case ("" when none); Mattermost's
// findAtChannelMention, used to disable highlights for users without use_channel_mentions.
std::string find_channel_mention(std::string_view message);

}  // namespace parley::app
