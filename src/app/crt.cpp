// Per-user collapsed reply threads: the setting, then the users' preferences in one query.
#include "app/crt.h"

#include "store/preference_store.h"

namespace parley::app {
namespace {

constexpr std::string_view kCategory = "display_settings";
constexpr std::string_view kName = "collapsed_reply_threads";

// True when the mode decides for everyone, with its answer in `on`.
bool server_decides(std::string_view mode, bool& on) {
  if (mode == "disabled" || mode == "always_on") {
    on = mode == "always_on";
    return true;
  }
  return false;
}

}  // namespace

bool crt_decision(std::string_view mode, std::optional<std::string_view> preference) {
  bool on = false;
  if (server_decides(mode, on)) return on;
  if (preference) return *preference == "on";
  return mode == "default_on";
}

bool crt_allowed(App& app) {
  return app.config()->service.collapsed_threads != "disabled";
}

bool crt_enabled(App& app, std::string_view user_id) {
  const std::string mode = app.config()->service.collapsed_threads;
  bool on = false;
  if (server_decides(mode, on)) return on;
  auto pref = app.store().preferences().get(user_id, kCategory, kName);
  return crt_decision(mode, pref ? std::optional<std::string_view>(pref->value) : std::nullopt);
}

std::set<std::string> crt_enabled_users(App& app, const std::vector<std::string>& user_ids) {
  const std::string mode = app.config()->service.collapsed_threads;
  bool on = false;
  std::set<std::string> out;
  if (server_decides(mode, on)) {
    if (on) out.insert(user_ids.begin(), user_ids.end());
    return out;
  }
  std::set<std::string> decided;
  for (const auto& p : app.store().preferences().get_for_users(user_ids, kCategory, kName)) {
    decided.insert(p.user_id);
    if (crt_decision(mode, p.value)) out.insert(p.user_id);
  }
  for (const auto& id : user_ids)
    if (!decided.count(id) && crt_decision(mode, std::nullopt)) out.insert(id);
  return out;
}

}  // namespace parley::app
