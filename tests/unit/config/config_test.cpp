// Unit tests for the config module: Mattermost defaults, config.json creation
// and completion, environment overrides, errors, and the client config map.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "config/client_config.h"
#include "config/config.h"

namespace parley::config {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_text(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
}

const json::value& at(const json::object& tree, std::string_view section, std::string_view key) {
  return tree.at(section).as_object().at(key);
}

class ConfigFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "parley_config_test_XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    file_ = dir_ / "config" / "config.json";
    fs::create_directories(file_.parent_path());
  }
  void TearDown() override { fs::remove_all(dir_); }

  LoadedConfig load_ok(const Environment& env = {}) {
    auto result = load(file_, env);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    return result.ok() ? std::move(result).value() : LoadedConfig{};
  }

  fs::path dir_;
  fs::path file_;
};

TEST(ConfigDefaults, MattermostValues) {
  json::object tree = default_tree();
  EXPECT_EQ(at(tree, "ServiceSettings", "SiteURL"), "");
  EXPECT_EQ(at(tree, "ServiceSettings", "ListenAddress"), ":8065");
  EXPECT_EQ(at(tree, "ServiceSettings", "MaximumPayloadSizeBytes"), 300000);
  EXPECT_EQ(at(tree, "ServiceSettings", "MaximumURLLength"), 2048);
  EXPECT_EQ(at(tree, "ServiceSettings", "SessionLengthWebInHours"), 720);
  EXPECT_EQ(at(tree, "ServiceSettings", "PostEditTimeLimit"), -1);
  EXPECT_EQ(at(tree, "ServiceSettings", "CollapsedThreads"), "always_on");
  EXPECT_EQ(at(tree, "ServiceSettings", "TrustedProxyIPHeader"), json::array{});
  EXPECT_EQ(at(tree, "TeamSettings", "SiteName"), "Mattermost");
  EXPECT_EQ(at(tree, "TeamSettings", "MaxUsersPerTeam"), 50);
  EXPECT_EQ(at(tree, "TeamSettings", "TeammateNameDisplay"), "username");
  EXPECT_EQ(at(tree, "SqlSettings", "DriverName"), "sqlite3");
  EXPECT_EQ(at(tree, "SqlSettings", "DataSource"), "./data/parley.db");
  EXPECT_EQ(at(tree, "SqlSettings", "MaxOpenConns"), 300);
  EXPECT_EQ(at(tree, "LogSettings", "ConsoleLevel"), "DEBUG");
  EXPECT_EQ(at(tree, "PasswordSettings", "MinimumLength"), 8);
  EXPECT_EQ(at(tree, "FileSettings", "MaxFileSize"), 104857600);
  EXPECT_EQ(at(tree, "PrivacySettings", "ShowEmailAddress"), true);
  EXPECT_EQ(at(tree, "NativeAppSettings", "AppCustomURLSchemes"),
            (json::array{"mmauth://", "mmauthbeta://"}));
  EXPECT_EQ(at(tree, "ParleySettings", "ClientDirectory"), "./client");
  EXPECT_EQ(at(tree, "ParleySettings", "WorkerThreads"), 0);
  // Mattermost's section order.
  EXPECT_EQ(tree.begin()->key(), "ServiceSettings");
  EXPECT_EQ((tree.begin() + 1)->key(), "TeamSettings");
}

TEST(ConfigDefaults, TypedFieldTablesMatchDefaults) {
  std::vector<std::string> problems = check_typed_fields();
  EXPECT_TRUE(problems.empty()) << problems.front();
}

TEST(ConfigDefaults, TypedConfigReadsDefaults) {
  Config c = default_config();
  EXPECT_EQ(c.service.listen_address, ":8065");
  EXPECT_EQ(c.service.read_timeout, 300);
  EXPECT_TRUE(c.service.enable_user_typing_messages);
  EXPECT_FALSE(c.service.enable_developer);
  EXPECT_EQ(c.team.restrict_direct_message, "any");
  EXPECT_EQ(c.team.max_channels_per_team, 2000);
  EXPECT_EQ(c.sql.driver_name, "sqlite3");
  EXPECT_EQ(c.sql.max_idle_conns, 20);
  EXPECT_TRUE(c.sql.data_source_replicas.empty());
  EXPECT_EQ(c.log.file_level, "INFO");
  EXPECT_TRUE(c.email.enable_sign_in_with_username);
  EXPECT_EQ(c.rate_limit.per_sec, 10);
  EXPECT_EQ(c.file.directory, "./data/");
  EXPECT_EQ(c.native_app.app_custom_url_schemes.size(), 2u);
  EXPECT_EQ(c.parley.websocket_ping_interval_seconds, 60);
  EXPECT_EQ(c.parley.websocket_pong_timeout_seconds, 100);
  EXPECT_EQ(c.parley.reconnect_buffer_size, 128);
  EXPECT_EQ(c.tree, default_tree());
}

TEST(ConfigDefaults, FromTreeFallsBackOnWrongTypes) {
  json::object tree = {{"ServiceSettings", {{"ReadTimeout", "soon"}, {"SiteURL", "http://a"}}}};
  Config c = from_tree(tree);
  EXPECT_EQ(c.service.read_timeout, 300);
  EXPECT_EQ(c.service.site_url, "http://a");
  EXPECT_EQ(c.team.site_name, "Mattermost");
}

TEST_F(ConfigFileTest, CreatesMissingFileWithDefaults) {
  fs::path nested = dir_ / "a" / "b" / "config.json";
  auto result = load(nested, {});
  ASSERT_TRUE(result.ok()) << result.error().message;
  ASSERT_TRUE(fs::exists(nested));
  std::string text = read_text(nested);
  EXPECT_EQ(json::parse(text), json::value(default_tree()));
  EXPECT_EQ(text.rfind("{\n    \"ServiceSettings\": {\n        \"SiteURL\": \"\",\n", 0), 0u);
  EXPECT_NE(text.find("\"TLSOverwriteCiphers\": [],"), std::string::npos);
  EXPECT_EQ(fs::status(nested).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  for (const auto& entry : fs::directory_iterator(nested.parent_path())) {
    EXPECT_EQ(entry.path().filename(), "config.json");  // no temp file left
  }
  EXPECT_EQ(result->config->service.listen_address, ":8065");
  EXPECT_TRUE(result->environment_overrides.empty());
}

TEST_F(ConfigFileTest, CompletesPartialFileAndKeepsUserValues) {
  write_text(file_, R"({
    "ServiceSettings": {"SiteURL": "https://chat.example.com/", "MyNote": "keep me",
                        "ReadTimeout": null},
    "TeamSettings": {"MaxUsersPerTeam": 7, "EnableOpenServer": true},
    "MySection": {"a": [1, 2]}
  })");
  LoadedConfig loaded = load_ok();
  const Config& c = *loaded.config;
  EXPECT_EQ(c.service.site_url, "https://chat.example.com/");
  EXPECT_EQ(c.service.read_timeout, 300);  // null -> default
  EXPECT_EQ(c.team.max_users_per_team, 7);
  EXPECT_TRUE(c.team.enable_open_server);
  EXPECT_EQ(c.team.site_name, "Mattermost");
  EXPECT_EQ(c.sql.driver_name, "sqlite3");

  json::object written = json::parse(read_text(file_)).as_object();
  EXPECT_EQ(at(written, "ServiceSettings", "SiteURL"), "https://chat.example.com/");
  EXPECT_EQ(at(written, "ServiceSettings", "MyNote"), "keep me");
  EXPECT_EQ(at(written, "ServiceSettings", "ReadTimeout"), 300);
  EXPECT_EQ(at(written, "ServiceSettings", "ListenAddress"), ":8065");
  EXPECT_EQ(at(written, "TeamSettings", "MaxUsersPerTeam"), 7);
  EXPECT_EQ(at(written, "MySection", "a"), (json::array{1, 2}));
  EXPECT_TRUE(written.contains("ParleySettings"));
  EXPECT_EQ(c.tree, written);

  // Nothing more to add: the file is left alone.
  auto before = fs::last_write_time(file_);
  std::string text = read_text(file_);
  load_ok();
  EXPECT_EQ(read_text(file_), text);
  EXPECT_EQ(fs::last_write_time(file_), before);
}

TEST_F(ConfigFileTest, KeysInAnotherCaseAreAdopted) {
  write_text(file_, R"({"servicesettings": {"siteurl": "http://lower", "Extra": 1}})");
  LoadedConfig loaded = load_ok();
  EXPECT_EQ(loaded.config->service.site_url, "http://lower");
  json::object written = json::parse(read_text(file_)).as_object();
  EXPECT_FALSE(written.contains("servicesettings"));
  EXPECT_EQ(at(written, "ServiceSettings", "SiteURL"), "http://lower");
  EXPECT_EQ(at(written, "ServiceSettings", "Extra"), 1);
  EXPECT_FALSE(written.at("ServiceSettings").as_object().contains("siteurl"));
}

TEST_F(ConfigFileTest, CompleteFileIsNotRewritten) {
  std::string compact = json::serialize(default_tree());
  write_text(file_, compact);
  load_ok();
  EXPECT_EQ(read_text(file_), compact);
}

TEST_F(ConfigFileTest, InvalidJsonIsAnError) {
  write_text(file_, "{\n  \"ServiceSettings\": {\n    \"SiteURL\": \"x\",,\n  }\n}");
  auto result = load(file_, {});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().id, "config.file.invalid_json.app_error");
  EXPECT_NE(result.error().message.find("not valid JSON"), std::string::npos);
  EXPECT_NE(result.error().message.find("line 3"), std::string::npos) << result.error().message;
  EXPECT_NE(result.error().message.find(file_.string()), std::string::npos);

  write_text(file_, "[1, 2]");
  result = load(file_, {});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().id, "config.file.invalid_json.app_error");

  write_text(file_, "{} trailing");
  EXPECT_FALSE(load(file_, {}).ok());
}

TEST_F(ConfigFileTest, WrongTypeIsAnError) {
  write_text(file_, R"({"ServiceSettings": {"ReadTimeout": "300"}})");
  auto result = load(file_, {});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().id, "config.file.invalid_type.app_error");
  EXPECT_NE(result.error().message.find("ServiceSettings.ReadTimeout"), std::string::npos)
      << result.error().message;
  EXPECT_EQ(read_text(file_), R"({"ServiceSettings": {"ReadTimeout": "300"}})");
}

TEST_F(ConfigFileTest, EnvironmentOverridesAreAppliedButNeverWritten) {
  write_text(file_, R"({"ServiceSettings": {"SiteURL": "http://file"}})");
  Environment env = {
      {"MM_SERVICESETTINGS_SITEURL", "http://env.example.com"},       // string
      {"MM_SERVICESETTINGS_ENABLEDEVELOPER", "true"},                 // bool
      {"MM_TEAMSETTINGS_MAXUSERSPERTEAM", "250"},                     // int
      {"MM_SQLSETTINGS_DATASOURCEREPLICAS", "db1  db2"},              // array
      {"mm_teamsettings_SiteName", "Parley Chat"},                    // any case
      {"MM_PARLEYSETTINGS_WORKERTHREADS", "-4"},                      // Parley section
      {"MM_SERVICESETTINGS_READTIMEOUT", "12s"},                      // bad int: ignored
      {"MM_SERVICESETTINGS_ENABLECOMMANDS", "yes"},                   // bad bool: ignored
      {"MM_PLUGINSETTINGS_PLUGINS", R"({"com.example": {"k": 1}})"},  // free-form object
      {"MM_SERVICESETTINGS", "{}"},                                   // a whole section: ignored
      {"MM_CONFIG", "/etc/parley.json"},                              // not a path
      {"MM_NOSUCHSETTINGS_KEY", "1"},
      {"MM_SERVICESETTINGS_SITEURL_EXTRA", "x"},
      {"SERVICESETTINGS_SITEURL", "no prefix"},
  };
  LoadedConfig loaded = load_ok(env);
  const Config& c = *loaded.config;
  EXPECT_EQ(c.service.site_url, "http://env.example.com");
  EXPECT_TRUE(c.service.enable_developer);
  EXPECT_EQ(c.team.max_users_per_team, 250);
  EXPECT_EQ(c.sql.data_source_replicas, (StringList{"db1", "db2"}));
  EXPECT_EQ(c.team.site_name, "Parley Chat");
  EXPECT_EQ(c.parley.worker_threads, -4);
  EXPECT_EQ(c.service.read_timeout, 300);
  EXPECT_TRUE(c.service.enable_commands);
  EXPECT_EQ(at(c.tree, "PluginSettings", "Plugins"), json::parse(R"({"com.example": {"k": 1}})"));
  EXPECT_EQ(at(c.tree, "ServiceSettings", "SiteURL"), "http://env.example.com");

  json::value expected = json::parse(R"({
    "ServiceSettings": {"SiteURL": true, "EnableDeveloper": true},
    "TeamSettings": {"MaxUsersPerTeam": true, "SiteName": true},
    "SqlSettings": {"DataSourceReplicas": true},
    "ParleySettings": {"WorkerThreads": true},
    "PluginSettings": {"Plugins": true}
  })");
  EXPECT_EQ(json::value(loaded.environment_overrides), expected);

  json::object written = json::parse(read_text(file_)).as_object();
  EXPECT_EQ(at(written, "ServiceSettings", "SiteURL"), "http://file");
  EXPECT_EQ(at(written, "ServiceSettings", "EnableDeveloper"), false);
  EXPECT_EQ(at(written, "TeamSettings", "MaxUsersPerTeam"), 50);
  EXPECT_EQ(at(written, "TeamSettings", "SiteName"), "Mattermost");
  EXPECT_EQ(read_text(file_).find("env.example.com"), std::string::npos);
}

TEST_F(ConfigFileTest, EnvironmentIsNotWrittenIntoANewFile) {
  load_ok({{"MM_SERVICESETTINGS_SITEURL", "http://env"}});
  EXPECT_EQ(read_text(file_).find("http://env"), std::string::npos);
}

TEST(ConfigEnvironment, GoParseBoolAndParseIntRules) {
  for (const char* yes : {"1", "t", "T", "TRUE", "true", "True"}) {
    json::object tree = default_tree();
    apply_environment(tree, {{"MM_SERVICESETTINGS_ENABLEDEVELOPER", yes}});
    EXPECT_EQ(at(tree, "ServiceSettings", "EnableDeveloper"), true) << yes;
  }
  for (const char* no : {"0", "f", "F", "FALSE", "false", "False"}) {
    json::object tree = default_tree();
    apply_environment(tree, {{"MM_SERVICESETTINGS_ENABLECOMMANDS", no}});
    EXPECT_EQ(at(tree, "ServiceSettings", "EnableCommands"), false) << no;
  }
  for (const char* bad : {"yes", "tRUE", "", " true"}) {
    json::object tree = default_tree();
    json::object overrides = apply_environment(tree, {{"MM_SERVICESETTINGS_ENABLECOMMANDS", bad}});
    EXPECT_EQ(at(tree, "ServiceSettings", "EnableCommands"), true) << bad;
    EXPECT_TRUE(overrides.empty()) << bad;
  }
  json::object tree = default_tree();
  apply_environment(tree, {{"MM_SERVICESETTINGS_READTIMEOUT", "+42"},
                           {"MM_SERVICESETTINGS_WRITETIMEOUT", "-7"},
                           {"MM_SERVICESETTINGS_IDLETIMEOUT", "99999999999999999999"},
                           {"MM_SERVICESETTINGS_MAXIMUMLOGINATTEMPTS", "1.5"},
                           {"MM_SERVICESETTINGS_WEBSOCKETPORT", " 8"}});
  EXPECT_EQ(at(tree, "ServiceSettings", "ReadTimeout"), 42);
  EXPECT_EQ(at(tree, "ServiceSettings", "WriteTimeout"), -7);
  EXPECT_EQ(at(tree, "ServiceSettings", "IdleTimeout"), 60);
  EXPECT_EQ(at(tree, "ServiceSettings", "MaximumLoginAttempts"), 10);
  EXPECT_EQ(at(tree, "ServiceSettings", "WebsocketPort"), 80);
}

TEST(ConfigEnvironment, NestedSectionAndLaterValuesWin) {
  json::object tree = default_tree();
  json::object overrides =
      apply_environment(tree, {{"MM_MESSAGEEXPORTSETTINGS_GLOBALRELAYSETTINGS_CUSTOMERTYPE", "A10"},
                               {"MM_TEAMSETTINGS_SITENAME", "first"},
                               {"MM_TEAMSETTINGS_SITENAME", "second"}});
  EXPECT_EQ(tree.at("MessageExportSettings").at("GlobalRelaySettings").at("CustomerType"), "A10");
  EXPECT_EQ(at(tree, "TeamSettings", "SiteName"), "second");
  EXPECT_EQ(overrides.at("MessageExportSettings").at("GlobalRelaySettings").at("CustomerType"),
            true);
}

TEST(ConfigEnvironment, ReadsProcessEnvironment) {
  ::setenv("PARLEY_CONFIG_TEST_VARIABLE", "a=b", 1);
  Environment env = environment();
  bool found = false;
  for (const auto& [name, value] : env) {
    if (name == "PARLEY_CONFIG_TEST_VARIABLE") found = value == "a=b";
  }
  ::unsetenv("PARLEY_CONFIG_TEST_VARIABLE");
  EXPECT_TRUE(found);
}

TEST(ConfigJson, PrettyPrintsLikeMattermost) {
  json::value v = json::parse(R"({"A": {"B": [1, "x"], "C": {}, "D": []}, "E": "q\""})");
  EXPECT_EQ(to_pretty_json(v),
            "{\n    \"A\": {\n        \"B\": [\n            1,\n            \"x\"\n        ],\n"
            "        \"C\": {},\n        \"D\": []\n    },\n    \"E\": \"q\\\"\"\n}");
}

TEST(ConfigJson, MergeDefaultsKeepsUnknownKeysAfterKnownOnes) {
  json::object target = json::parse(R"({"X": 1, "B": {"Mine": true}})").as_object();
  json::object defaults = json::parse(R"({"A": 1, "B": {"C": 2}})").as_object();
  EXPECT_TRUE(merge_defaults(target, defaults));
  EXPECT_EQ(json::serialize(target), R"({"A":1,"B":{"C":2,"Mine":true},"X":1})");
  EXPECT_FALSE(merge_defaults(target, defaults));
}

TEST(ClientConfig, LimitedAndFull) {
  json::object tree = default_tree();
  tree["ServiceSettings"].as_object()["SiteURL"] = "https://chat.example.com//";
  tree["TeamSettings"].as_object()["SiteName"] = "Parley";
  tree["ServiceSettings"].as_object()["EnableCommands"] = false;
  Config c = from_tree(tree);

  auto limited = client_config(c, true);
  auto full = client_config(c, false);

  EXPECT_EQ(limited.at("SiteURL"), "https://chat.example.com");
  EXPECT_EQ(limited.at("SiteName"), "Parley");
  EXPECT_EQ(limited.at("EnableUserCreation"), "true");
  EXPECT_EQ(limited.at("EnableOpenServer"), "false");
  EXPECT_EQ(limited.at("PasswordMinimumLength"), "8");
  EXPECT_EQ(limited.at("WebsocketPort"), "80");
  EXPECT_EQ(limited.at("EnableSignInWithUsername"), "true");
  EXPECT_EQ(limited.at("DefaultClientLocale"), "en");
  EXPECT_EQ(limited.at("EnableLdap"), "false");
  EXPECT_EQ(limited.at("EnableMultifactorAuthentication"), "false");
  for (const char* full_only : {"EnableCommands", "ShowEmailAddress", "MaxFileSize",
                                "TeammateNameDisplay", "SQLDriverName", "CollapsedThreads"}) {
    EXPECT_EQ(limited.count(full_only), 0u) << full_only;
  }
  for (const char* computed : {"Version", "BuildNumber", "NoAccounts", "TelemetryId"}) {
    EXPECT_EQ(full.count(computed), 0u) << computed;
  }

  for (const auto& [key, value] : limited) {
    ASSERT_EQ(full.count(key), 1u) << key;
    EXPECT_EQ(full.at(key), value) << key;
  }
  EXPECT_GT(full.size(), limited.size());
  EXPECT_EQ(full.at("EnableCommands"), "false");
  EXPECT_EQ(full.at("EnableIncomingWebhooks"), "true");
  EXPECT_EQ(full.at("ShowEmailAddress"), "true");
  EXPECT_EQ(full.at("MaxFileSize"), "104857600");
  EXPECT_EQ(full.at("PostEditTimeLimit"), "-1");
  EXPECT_EQ(full.at("TeammateNameDisplay"), "username");
  EXPECT_EQ(full.at("RestrictDirectMessage"), "any");
  EXPECT_EQ(full.at("SQLDriverName"), "sqlite3");
  EXPECT_EQ(full.at("CollapsedThreads"), "always_on");
  EXPECT_EQ(full.at("TimeBetweenUserTypingUpdatesMilliseconds"), "5000");
  EXPECT_EQ(full.at("MaxNotificationsPerChannel"), "1000");
  EXPECT_EQ(full.at("CustomUrlSchemes"), "");
  EXPECT_EQ(full.at("IsDefaultMarketplace"), "true");
  EXPECT_EQ(full.at("ExperimentalEnablePostMetadata"), "true");
}

}  // namespace
}  // namespace parley::config
