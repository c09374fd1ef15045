// Session JSON encoding.
#include "model/session.h"

namespace parley::model {

std::string Session::csrf_token() const {
  auto it = props.find("csrf");
  if (it == props.end() || !it->value().is_string()) return {};
  return std::string(it->value().get_string());
}

boost::json::object to_json(const Session& s, bool sanitize) {
  return {{"id", s.id},
          {"token", sanitize ? "" : s.token},
          {"create_at", s.create_at},
          {"expires_at", s.expires_at},
          {"last_activity_at", s.last_activity_at},
          {"user_id", s.user_id},
          {"device_id", s.device_id},
          {"roles", s.roles},
          {"is_oauth", s.is_oauth},
          {"expired_notify", s.expired_notify},
          {"props", s.props},
          {"team_members", boost::json::array()},
          {"local", false}};
}

}  // namespace parley::model
