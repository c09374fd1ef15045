// parley [--config PATH]: loads config.json (creating it with defaults), opens the database,
// and serves the Mattermost API v4 and WebSocket until SIGINT/SIGTERM.
// parley [--config PATH] db migrate: applies pending schema migrations and exits.
// parley version: prints the Mattermost API version Parley reports.
#include "api/api.h"
#include "app/app.h"
#include "app/content_extraction.h"
#include "app/presence.h"
#include "app/sidebar.h"
#include "config/config.h"
#include "http/server.h"
#include "store/postgres/migrations.h"
#include "store/postgres/pg_store.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_store.h"
#include "util/log.h"
#include "ws/hub.h"

#include <sys/resource.h>

#include <filesystem>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Args {
  std::string config_path = "config/config.json";
  bool help = false;
  std::vector<std::string> command;  // e.g. {"db", "migrate"}
};

Args parse_args(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string s = argv[i];
    if ((s == "--config" || s == "-c") && i + 1 < argc)
      a.config_path = argv[++i];
    else if (s.starts_with("--config="))
      a.config_path = s.substr(9);
    else if (s == "--help" || s == "-h")
      a.help = true;
    else
      a.command.push_back(s);
  }
  if (const char* env = std::getenv("MM_CONFIG"); env && a.config_path == "config/config.json")
    a.config_path = env;
  return a;
}

std::string log_file_path(const parley::config::Config& cfg) {
  std::filesystem::path dir = cfg.log.file_location.empty() ? "./logs" : cfg.log.file_location;
  if (dir.has_extension()) return dir.string();
  return (dir / "parley.log").string();
}

// Opens the configured database; opening applies pending migrations.
std::unique_ptr<parley::store::Store> open_configured_store(const parley::config::Config& cfg,
                                                            int readers) {
  using namespace parley;
  if (cfg.sql.driver_name == "postgres") {
    store::postgres::DbOptions o;
    o.data_source = cfg.sql.data_source;
    if (cfg.sql.max_open_conns > 0) o.max_open = static_cast<int>(cfg.sql.max_open_conns);
    if (cfg.sql.max_idle_conns >= 0) o.max_idle = static_cast<int>(cfg.sql.max_idle_conns);
    if (cfg.sql.query_timeout > 0)
      o.query_timeout_seconds = static_cast<int>(cfg.sql.query_timeout);
    o.replicas = cfg.sql.data_source_replicas;
    o.search_replicas = cfg.sql.data_source_search_replicas;
    o.read_after_write_ms = static_cast<int>(cfg.parley.read_after_write_seconds * 1000);
    return store::postgres::open_store(o);
  }
  return store::sqlite::open_store(cfg.sql.data_source, readers);
}

int latest_schema_version(const parley::config::Config& cfg) {
  return cfg.sql.driver_name == "postgres" ? parley::store::postgres::latest_schema_version()
                                           : parley::store::sqlite::latest_schema_version();
}

// Each WebSocket holds a descriptor: lift the soft limit to the hard one (as Mattermost's install
// guide asks of admins), so the server is bounded by the system, not by a shell default.
void raise_open_file_limit() {
  rlimit l{};
  if (getrlimit(RLIMIT_NOFILE, &l) == 0 && l.rlim_cur < l.rlim_max) {
    l.rlim_cur = l.rlim_max;
    setrlimit(RLIMIT_NOFILE, &l);
  }
}

}  // namespace

int main(int argc, char** argv) {
  using namespace parley;
  Args args = parse_args(argc, argv);
  const std::vector<std::string> db_migrate{"db", "migrate"};
  if (args.help || (!args.command.empty() && args.command != db_migrate &&
                    args.command != std::vector<std::string>{"version"})) {
    std::cout << "usage: parley [--config PATH] [db migrate | version]\n";
    return args.help ? 0 : 2;
  }
  if (args.command == std::vector<std::string>{"version"}) {
    std::cout << "Parley, Mattermost API version " << app::kServerVersion << "\n";
    return 0;
  }
  auto loaded = config::load(args.config_path, config::environment());
  if (!loaded) {
    std::cerr << "config: " << loaded.error().message << " " << loaded.error().detailed_error
              << "\n";
    return 1;
  }
  auto cfg = loaded->config;
  log::init({cfg->log.enable_console, cfg->log.console_level, cfg->log.enable_file,
             cfg->log.file_level, log_file_path(*cfg)});
  try {
    const auto& driver = cfg->sql.driver_name;
    if (driver != "sqlite3" && driver != "postgres") {
      log::error("unsupported SqlSettings.DriverName (use \"sqlite3\" or \"postgres\")",
                 {{"driver", driver}});
      log::flush();
      return 1;
    }
    raise_open_file_limit();
    int cpus = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    int workers =
        cfg->parley.worker_threads > 0 ? static_cast<int>(cfg->parley.worker_threads) : cpus * 4;
    std::unique_ptr<store::Store> store = open_configured_store(*cfg, workers);
    if (args.command == db_migrate) {
      log::info("Database migrations applied",
                {{"driver", driver}, {"schema_version", latest_schema_version(*cfg)}});
      log::flush();
      return 0;
    }
    app::App app(cfg, *store);
    if (auto* files = app.file_backend()) {
      if (auto st = files->test_connection(); !st)
        log::error(
            "file storage connection test failed",
            {{"driver", std::string(files->driver_name())}, {"error", st.error().detailed_error}});
    }
    ws::Hub hub(app, {static_cast<std::size_t>(cfg->parley.reconnect_buffer_size),
                      cfg->parley.reconnect_buffer_seconds * 1000});
    app.set_event_sink(&hub);
    app::register_sidebar_hooks(app);
    app::PresenceTracker presence(app);
    app::ContentExtractionQueue content_extraction(app);
    app.set_content_extraction(&content_extraction);
    hub.set_presence_listener(&presence);
    api::Api api(app);
    http::ServerOptions so;
    so.listen_address = cfg->service.listen_address;
    so.io_threads = cpus;
    so.worker_threads = workers;
    so.read_timeout_seconds = cfg->service.read_timeout > 0 ? cfg->service.read_timeout : 300;
    so.idle_timeout_seconds =
        cfg->service.idle_timeout > 0 ? cfg->service.idle_timeout : so.read_timeout_seconds;
    so.max_url_length =
        cfg->service.maximum_url_length > 0 ? cfg->service.maximum_url_length : 2048;
    http::Server server(so, api, hub, app);
    uint16_t port = server.listen();
    log::info("Server is listening on " + so.listen_address,
              {{"address", so.listen_address}, {"port", port}, {"version", app.server_version()}});
    server.run();
    hub.set_presence_listener(nullptr);
    app.set_event_sink(nullptr);
    app.set_content_extraction(nullptr);
    log::info("Server stopped");
    log::flush();
  } catch (const std::exception& e) {
    log::error("fatal", {{"error", e.what()}});
    log::flush();
    return 1;
  }
  return 0;
}
