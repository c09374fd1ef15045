// Channel JSON encoding and helpers.
#include "model/channel.h"

namespace parley::model {

std::string ChannelMember::roles() const {
  std::string r;
  auto add = [&](std::string_view s) {
    if (!r.empty()) r += ' ';
    r += s;
  };
  if (scheme_guest) add("channel_guest");
  if (scheme_user) add("channel_user");
  if (scheme_admin) add("channel_admin");
  if (!explicit_roles.empty()) add(explicit_roles);
  return r;
}

boost::json::object default_channel_notify_props() {
  return {{"desktop", "default"},
          {"push", "default"},
          {"email", "default"},
          {"mark_unread", "all"},
          {"ignore_channel_mentions", "default"},
          {"channel_auto_follow_threads", "off"},
          {"desktop_threads", "default"},
          {"push_threads", "default"}};
}

std::string direct_channel_name(const std::string& a, const std::string& b) {
  return a < b ? a + "__" + b : b + "__" + a;
}

boost::json::object to_json(const Channel& c) {
  return {{"id", c.id},
          {"create_at", c.create_at},
          {"update_at", c.update_at},
          {"delete_at", c.delete_at},
          {"team_id", c.team_id},
          {"type", c.type},
          {"display_name", c.display_name},
          {"name", c.name},
          {"header", c.header},
          {"purpose", c.purpose},
          {"last_post_at", c.last_post_at},
          {"total_msg_count", c.total_msg_count},
          {"extra_update_at", c.extra_update_at},
          {"creator_id", c.creator_id},
          {"scheme_id",
           c.scheme_id.empty() ? boost::json::value(nullptr) : boost::json::value(c.scheme_id)},
          {"props", c.props.empty() ? boost::json::value(nullptr) : boost::json::value(c.props)},
          {"group_constrained", c.group_constrained},
          {"shared", c.shared},
          {"total_msg_count_root", c.total_msg_count_root},
          {"policy_id", nullptr},
          {"last_root_post_at", c.last_root_post_at}};
}

boost::json::object to_json(const ChannelMember& m) {
  return {{"channel_id", m.channel_id},
          {"user_id", m.user_id},
          {"roles", m.roles()},
          {"last_viewed_at", m.last_viewed_at},
          {"msg_count", m.msg_count},
          {"mention_count", m.mention_count},
          {"mention_count_root", m.mention_count_root},
          {"urgent_mention_count", m.urgent_mention_count},
          {"msg_count_root", m.msg_count_root},
          {"notify_props", m.notify_props},
          {"last_update_at", m.last_update_at},
          {"scheme_guest", m.scheme_guest},
          {"scheme_user", m.scheme_user},
          {"scheme_admin", m.scheme_admin},
          {"explicit_roles", m.explicit_roles}};
}

}  // namespace parley::model
