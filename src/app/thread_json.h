// Mattermost's ThreadResponse JSON for one user's view of a thread (not a public API).
#pragma once

#include "app/app.h"
#include "store/thread_store.h"

#include <boost/json/object.hpp>

#include <optional>

namespace parley::app {

// nullopt when the root post is gone. `extended`: participants as full (sanitised) users.
std::optional<boost::json::object> thread_response_json(App& app, const store::UserThread& t,
                                                        bool extended);

}  // namespace parley::app
