// Server-wide facts: health, the client configuration map, server limits.
#pragma once

#include "app/app.h"

#include <boost/json/object.hpp>

namespace parley::app {

struct Health {
  bool healthy = true;
  bool database_ok = true;
  bool filestore_ok = true;
};
// With `deep`, probes the database (write + delete) and the file store (write + delete).
Health health(App& app, bool deep);

// GET /config/client: the limited map before login, the full one with a session, plus the
// computed keys (Version, NoAccounts, ...).
boost::json::object client_config(App& app, bool logged_in);

// GET /limits/server.
boost::json::object server_limits(App& app);

}  // namespace parley::app
