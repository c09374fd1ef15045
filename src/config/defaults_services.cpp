// Default config tree, part 4: caching, cluster, metrics, experimental
// switches, search, retention, jobs, plugins, display, guests, image proxy,
// import/export (Mattermost's defaults) and the Parley-only ParleySettings.
#include "config/detail.h"

namespace parley::config {

namespace json = boost::json;

namespace {

json::object cache_settings() {
  return {
      {"CacheType", "lru"}, {"RedisAddress", ""},          {"RedisPassword", ""},
      {"RedisDB", -1},      {"DisableClientCache", false},
  };
}

json::object cluster_settings() {
  return {
      {"Enable", false},
      {"ClusterName", ""},
      {"OverrideHostname", ""},
      {"NetworkInterface", ""},
      {"BindAddress", ""},
      {"AdvertiseAddress", ""},
      {"UseIPAddress", true},
      {"EnableGossipCompression", true},
      {"EnableExperimentalGossipEncryption", false},
      {"ReadOnlyConfig", true},
      {"GossipPort", 8074},
  };
}

json::object metrics_settings() {
  return {
      {"Enable", false},
      {"BlockProfileRate", 0},
      {"ListenAddress", ":8067"},
      {"EnableClientMetrics", true},
      {"EnableNotificationMetrics", true},
  };
}

json::object experimental_settings() {
  return {
      {"ClientSideCertEnable", false},
      {"ClientSideCertCheck", "secondary"},
      {"LinkMetadataTimeoutMilliseconds", 5000},
      {"RestrictSystemAdmin", false},
      {"EnableSharedChannels", false},
      {"EnableRemoteClusterService", false},
      {"DisableAppBar", false},
      {"DisableRefetchingOnBrowserFocus", false},
      {"DelayChannelAutocomplete", false},
      {"DisableWakeUpReconnectHandler", false},
      {"UsersStatusAndProfileFetchingPollIntervalMilliseconds", 3000},
      {"YoutubeReferrerPolicy", false},
  };
}

json::object elasticsearch_settings() {
  return {
      {"ConnectionURL", "http://localhost:9200"},
      {"Backend", "elasticsearch"},
      {"Username", "elastic"},
      {"Password", "changeme"},
      {"EnableIndexing", false},
      {"EnableSearching", false},
      {"EnableAutocomplete", false},
      {"Sniff", true},
      {"PostIndexReplicas", 1},
      {"PostIndexShards", 1},
      {"ChannelIndexReplicas", 1},
      {"ChannelIndexShards", 1},
      {"UserIndexReplicas", 1},
      {"UserIndexShards", 1},
      {"AggregatePostsAfterDays", 365},
      {"PostsAggregatorJobStartTime", "03:00"},
      {"IndexPrefix", ""},
      {"LiveIndexingBatchSize", 10},
      {"BatchSize", 10000},
      {"RequestTimeoutSeconds", 30},
      {"SkipTLSVerification", false},
      {"CA", ""},
      {"ClientCert", ""},
      {"ClientKey", ""},
      {"Trace", ""},
      {"IgnoredPurgeIndexes", ""},
  };
}

json::object bleve_settings() {
  return {
      {"IndexDir", ""},           {"EnableIndexing", false},
      {"EnableSearching", false}, {"EnableAutocomplete", false},
      {"BatchSize", 10000},
  };
}

json::object data_retention_settings() {
  return {
      {"EnableMessageDeletion", false},
      {"EnableFileDeletion", false},
      {"EnableBoardsDeletion", false},
      {"MessageRetentionDays", 365},
      {"MessageRetentionHours", 0},
      {"FileRetentionDays", 365},
      {"FileRetentionHours", 0},
      {"BoardsRetentionDays", 365},
      {"DeletionJobStartTime", "02:00"},
      {"BatchSize", 3000},
      {"TimeBetweenBatchesMilliseconds", 100},
      {"RetentionIdsBatchSize", 100},
  };
}

json::object message_export_settings() {
  return {
      {"EnableExport", false},
      {"ExportFormat", "actiance"},
      {"DailyRunTime", "01:00"},
      {"ExportFromTimestamp", 0},
      {"BatchSize", 10000},
      {"DownloadExportResults", false},
      {"GlobalRelaySettings",
       json::object{
           {"CustomerType", "A9"},
           {"SMTPUsername", ""},
           {"SMTPPassword", ""},
           {"EmailAddress", ""},
           {"SMTPServerTimeout", 1800},
           {"CustomSMTPServerName", ""},
           {"CustomSMTPPort", "25"},
       }},
  };
}

json::object job_settings() {
  return {
      {"RunJobs", true},
      {"RunScheduler", true},
      {"CleanupJobsThresholdDays", -1},
      {"CleanupConfigThresholdDays", -1},
  };
}

// Mattermost also pre-enables its bundled plugins in PluginStates; Parley has
// none, so PluginStates starts empty.
json::object plugin_settings() {
  return {
      {"Enable", true},
      {"EnableUploads", false},
      {"AllowInsecureDownloadURL", false},
      {"EnableHealthCheck", true},
      {"Directory", "./plugins"},
      {"ClientDirectory", "./client/plugins"},
      {"Plugins", json::object{}},
      {"PluginStates", json::object{}},
      {"EnableMarketplace", true},
      {"EnableRemoteMarketplace", true},
      {"AutomaticPrepackagedPlugins", true},
      {"RequirePluginSignature", false},
      {"MarketplaceURL", "https://api.integrations.mattermost.com"},
      {"SignaturePublicKeyFiles", json::array{}},
      {"ChimeraOAuthProxyURL", ""},
  };
}

json::object guest_accounts_settings() {
  return {
      {"Enable", false},
      {"HideTags", false},
      {"AllowEmailAccounts", true},
      {"EnforceMultifactorAuthentication", false},
      {"RestrictCreationToDomains", ""},
  };
}

json::object image_proxy_settings() {
  return {
      {"Enable", false},
      {"ImageProxyType", "local"},
      {"RemoteImageProxyURL", ""},
      {"RemoteImageProxyOptions", ""},
  };
}

json::object wrangler_settings() {
  return {
      {"PermittedWranglerRoles", json::array{}},
      {"AllowedEmailDomain", json::array{}},
      {"MoveThreadMaxCount", 100},
      {"MoveThreadToAnotherTeamEnable", false},
      {"MoveThreadFromPrivateChannelEnable", false},
      {"MoveThreadFromDirectMessageChannelEnable", false},
      {"MoveThreadFromGroupMessageChannelEnable", false},
  };
}

json::object parley_settings() {
  return {
      {"ClientDirectory", "./client"},
      {"WebClientDirectory", "./webapp/dist"},
      {"WebSocketPingIntervalSeconds", 60},
      {"WebSocketPongTimeoutSeconds", 100},
      {"WebSocketAuthTimeoutSeconds", 5},
      {"ReconnectBufferSize", 128},
      {"ReconnectBufferSeconds", 300},
      {"WorkerThreads", 0},
      {"ReadAfterWriteSeconds", 5},
  };
}

}  // namespace

namespace detail {

void add_service_sections(json::object& tree) {
  tree["CacheSettings"] = cache_settings();
  tree["ClusterSettings"] = cluster_settings();
  tree["MetricsSettings"] = metrics_settings();
  tree["ExperimentalSettings"] = experimental_settings();
  tree["AnalyticsSettings"] = json::object{{"MaxUsersForStatistics", 2500}};
  tree["ElasticsearchSettings"] = elasticsearch_settings();
  tree["BleveSettings"] = bleve_settings();
  tree["DataRetentionSettings"] = data_retention_settings();
  tree["MessageExportSettings"] = message_export_settings();
  tree["JobSettings"] = job_settings();
  tree["PluginSettings"] = plugin_settings();
  tree["DisplaySettings"] =
      json::object{{"CustomURLSchemes", json::array{}}, {"MaxMarkdownNodes", 0}};
  tree["GuestAccountsSettings"] = guest_accounts_settings();
  tree["ImageProxySettings"] = image_proxy_settings();
  tree["ImportSettings"] = json::object{{"Directory", "./import"}, {"RetentionDays", 30}};
  tree["ExportSettings"] = json::object{{"Directory", "./export"}, {"RetentionDays", 30}};
  tree["WranglerSettings"] = wrangler_settings();
  tree["ConnectedWorkspacesSettings"] = json::object{
      {"EnableSharedChannels", false},
      {"EnableRemoteClusterService", false},
      {"DisableSharedChannelsStatusSync", false},
  };
  tree["ParleySettings"] = parley_settings();
}

}  // namespace detail

}  // namespace parley::config
