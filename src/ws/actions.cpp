// Dispatch of client WebSocket actions.
#include "ws/actions.h"

#include "app/authorization.h"
#include "app/statuses.h"
#include "store/channel_store.h"
#include "util/ids.h"
#include "util/json.h"
#include "ws/hub.h"

#include <boost/json.hpp>

namespace parley::ws {
namespace {

namespace bj = boost::json;

std::string ok(int64_t seq, bj::object data = {}, bool with_data = false) {
  bj::object o{{"status", "OK"}};
  if (seq != 0) o["seq_reply"] = seq;
  if (with_data) o["data"] = std::move(data);
  return bj::serialize(o);
}

AppError invalid_ws_param(const std::string& name) {
  return AppError::make("api.websocket_handler.invalid_param.app_error",
                        "Invalid " + name + " parameter.", 400);
}

bj::object status_map(const std::vector<model::Status>& statuses) {
  bj::object o;
  for (const auto& s : statuses) o[s.user_id] = s.status;
  return o;
}

}  // namespace

std::string fail_reply(int64_t seq, const AppError& e) {
  bj::object err{
      {"id", e.id}, {"message", e.message}, {"detailed_error", ""}, {"status_code", e.status_code}};
  // Mattermost's seq_reply is omitempty: a request with seq 0 gets a reply without it.
  bj::object o{{"status", "FAIL"}};
  if (seq != 0) o["seq_reply"] = seq;
  o["error"] = std::move(err);
  return bj::serialize(o);
}

std::string handle_action(app::App& app, Hub& hub, Connection& conn, const model::Session& session,
                          std::string_view text) {
  auto v = json::parse(text);
  if (!v || !v->is_object()) return {};
  const auto& req = v->get_object();
  std::string action = json::get_string(req, "action");
  int64_t seq = json::get_int(req, "seq", 0);
  if (action.empty())
    return fail_reply(seq, AppError::make("api.web_socket_router.no_action.app_error",
                                          "No websocket action.", 400));
  if (seq <= 0)
    return fail_reply(seq, AppError::make("api.web_socket_router.bad_seq.app_error",
                                          "Invalid sequence for WebSocket message.", 400));
  bj::object data;
  if (auto it = req.find("data"); it != req.end() && it->value().is_object())
    data = it->value().get_object();

  if (action == "authentication_challenge") return {};  // already authenticated: ignored
  if (action == "ping") {
    return ok(seq,
              {{"text", "pong"},
               {"version", app.server_version()},
               {"server_time", now_ms()},
               {"node_id", ""}},
              true);
  }
  if (action == "user_typing") {
    std::string channel_id = json::get_string(data, "channel_id");
    std::string parent_id = json::get_string(data, "parent_id");
    // Mattermost answers a bad id and a missing create_post permission alike.
    if (!is_valid_id(channel_id) ||
        !app::has_channel_permission(app, session, channel_id, "create_post"))
      return fail_reply(seq, invalid_ws_param("channel_id"));
    app::Event e{"typing", {{"parent_id", parent_id}, {"user_id", session.user_id}},
                 {},       std::nullopt,
                 {},       {}};
    e.broadcast.channel_id = channel_id;
    e.broadcast.omit_users.insert(session.user_id);
    e.recipients = app.store().channels().member_user_ids(channel_id);
    hub.publish(std::move(e));
    return ok(seq);
  }
  if (action == "get_statuses") return ok(seq, status_map(app::active_statuses(app)), true);
  if (action == "get_statuses_by_ids") {
    std::vector<std::string> ids;
    if (auto it = data.find("user_ids"); it != data.end() && it->value().is_array())
      for (const auto& v : it->value().get_array())
        if (v.is_string()) ids.emplace_back(v.get_string());
    if (ids.empty()) return fail_reply(seq, invalid_ws_param("user_ids"));
    return ok(seq, status_map(app::statuses_by_ids(app, ids)), true);
  }
  if (action == "user_update_active_status") {
    auto it = data.find("user_is_active");
    if (it == data.end() || !it->value().is_bool())
      return fail_reply(seq, invalid_ws_param("user_is_active"));
    bool manual = json::get_bool(data, "manual", false);
    if (it->value().get_bool())
      app::set_status_online(app, session.user_id, manual);
    else
      app::set_status_away_if_needed(app, session.user_id, manual);
    return ok(seq);
  }
  if (action == "presence" || action == "posted_notify_ack") return ok(seq);
  return fail_reply(seq, AppError::make("api.web_socket_router.bad_action.app_error",
                                        "Unknown WebSocket action.", 500));
}

}  // namespace parley::ws
