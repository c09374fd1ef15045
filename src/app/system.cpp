// Health probes, client configuration and limits.
#include "app/system.h"

#include "config/client_config.h"
#include "store/user_store.h"
#include "util/ids.h"

#include <filesystem>
#include <fstream>

namespace parley::app {

Health health(App& app, bool deep) {
  Health h;
  if (!deep) return h;
  h.database_ok = app.store().healthy();
  std::error_code ec;
  std::filesystem::path dir = app.config()->file.directory;
  std::filesystem::create_directories(dir, ec);
  auto probe = dir / ("health_check_" + new_id());
  {
    std::ofstream out(probe);
    out << "ok";
    h.filestore_ok = static_cast<bool>(out);
  }
  std::filesystem::remove(probe, ec);
  h.healthy = h.database_ok && h.filestore_ok;
  return h;
}

boost::json::object client_config(App& app, bool logged_in) {
  auto cfg = app.config();
  boost::json::object o;
  for (const auto& [k, v] : config::client_config(*cfg, !logged_in)) o[k] = v;
  o["Version"] = app.server_version();
  o["BuildNumber"] = app.build_number();
  o["BuildDate"] = "";
  o["BuildHash"] = app.build_number();
  o["BuildHashEnterprise"] = "none";
  o["BuildEnterpriseReady"] = "false";
  o["DiagnosticId"] = app.diagnostic_id();
  o["TelemetryId"] = app.diagnostic_id();
  o["NoAccounts"] = app.store().users().count(true) == 0 ? "true" : "false";
  if (logged_in) {
    o["MaxPostSize"] = "16383";
    o["InstallationDate"] = std::to_string(app.installation_date());
    o["UpgradedFromTE"] = "false";
  }
  return o;
}

boost::json::object server_limits(App& app) {
  return {{"maxUsersLimit", 0},
          {"maxUsersHardLimit", 0},
          {"activeUserCount", app.store().users().count(false)}};
}

}  // namespace parley::app
