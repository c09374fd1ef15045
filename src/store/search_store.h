// Search over posts and files: the queries the app layer builds from Mattermost's search syntax
// (terms already split, names already resolved to ids) and the store that runs them (SQLite
// FTS5 or PostgreSQL tsvector), restricted to the channels the searcher belongs to.
#pragma once

#include "model/post.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace parley::store {

// One search term: a word (optionally a prefix) or a phrase of several words.
struct SearchTerm {
  std::string text;  // without quotes or the trailing "*"
  bool phrase = false;
  bool prefix = false;
};

// Terms that must all match (any with or_terms); a post matching any excluded term is left out.
// An empty `terms` with some `excluded` selects every post but those.
struct TextMatch {
  std::vector<SearchTerm> terms;
  std::vector<SearchTerm> excluded;
  bool or_terms = false;
};

// What post and file searches share: the searcher's channel scope, from:/in: ids and dates.
struct SearchFilters {
  std::string user_id;  // the searcher: only channels they are a member of
  std::string team_id;  // "" every team; otherwise that team's channels plus DMs and GMs
  bool include_deleted_channels = false;
  std::vector<std::string> in_channels;  // channel ids (unresolved names match nothing)
  std::vector<std::string> excluded_channels;
  std::vector<std::string> from_users;  // user ids
  std::vector<std::string> excluded_users;
  std::optional<int64_t> created_from;  // CreateAt >= created_from
  std::optional<int64_t> created_to;    // CreateAt <= created_to
  std::vector<std::pair<int64_t, int64_t>> created_not_between;
  int offset = 0;
  int limit = 60;
};

struct PostSearchQuery : SearchFilters {
  // A post is a hit when it matches any of these (Mattermost merges one search per kind):
  std::optional<TextMatch> message;   // full text of Posts.Message
  std::optional<TextMatch> hashtags;  // "#tags", exact, case-insensitive, in Posts.Hashtags
  bool filters_only = false;          // no terms at all: every post passing the filters
};

// Files attached to posts. Terms match the start of a word (stemmed, like post search) of the
// file name (split at spaces, ".", ",", "-" and "_") or of its extracted content
// (FileInfo.Content), case-insensitively; phrases match words in sequence, the last one a prefix.
// No `text` (flags only): every file passing the filters.
struct FileSearchQuery : SearchFilters {
  std::vector<std::string> extensions;  // lower case, without the dot
  std::vector<std::string> excluded_extensions;
  std::optional<TextMatch> text;
};

class SearchStore {
 public:
  virtual ~SearchStore() = default;
  // Non-deleted, non-system posts matching `q`, newest first, `limit` from `offset`, with their
  // thread's reply count.
  virtual std::vector<model::Post> posts(const PostSearchQuery& q) = 0;
  // Ids of non-deleted files attached to posts matching `q`, newest first, `limit` from
  // `offset`.
  virtual std::vector<std::string> files(const FileSearchQuery& q) = 0;
};

}  // namespace parley::store
