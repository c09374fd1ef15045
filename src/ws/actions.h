// Client-to-server WebSocket actions ({"action","seq","data"}): ping, user_typing, presence,
// statuses. Each returns the reply envelope {"status","seq_reply","data"|"error"}.
#pragma once

#include "app/app.h"
#include "model/session.h"
#include "util/app_error.h"
#include "ws/connection.h"

#include <boost/json/object.hpp>

#include <string_view>

namespace parley::ws {

class Hub;

// The FAIL reply envelope for request `seq` (detailed_error wiped, as Mattermost does).
std::string fail_reply(int64_t seq, const AppError& e);

// `text` is one frame from the client. Returns the reply JSON, or "" when none is due.
std::string handle_action(app::App& app, Hub& hub, Connection& conn, const model::Session& session,
                          std::string_view text);

}  // namespace parley::ws
