// Post and file search as Mattermost's SearchPostsForUser / SearchFilesInTeamForUser: the search
// text parsed (app/search_params.h), channel and user names resolved, results limited to the
// channels the searcher is a member of (in one team plus DMs/GMs, or across every team), newest
// first, paged, with the words each post matched (`matches`, for highlighting).
#pragma once

#include "app/app.h"
#include "model/file_info.h"
#include "model/post.h"
#include "model/session.h"
#include "util/app_error.h"

#include <map>
#include <string>
#include <vector>

namespace parley::app {

// The body of POST /teams/{team_id}/posts/search and POST /posts/search.
struct PostSearchRequest {
  std::string terms;
  bool is_or_search = false;
  int time_zone_offset = 0;  // seconds east of UTC, for before:/after:/on:
  bool include_deleted_channels = false;
  int page = 0;
  int per_page = 60;
};

struct PostSearchResults {
  model::PostList list;
  std::map<std::string, std::vector<std::string>> matches;  // post id -> matched text
};

// `team_id` "" searches every team (cross-team search). 403 without view_team on the team,
// 501 store.sql_post.search.disabled when ServiceSettings.EnablePostSearch is off.
Result<PostSearchResults> search_posts(App& app, const model::Session& s,
                                       const std::string& team_id, const PostSearchRequest& r);

// File search (POST /teams/{team_id}/files/search, /files/search) with the same request: names
// and extensions of files attached to posts in the searcher's channels, ext:/-ext: included;
// newest first. 501 store.sql_file_info.search.disabled when ServiceSettings.EnableFileSearch
// is off.
Result<std::vector<model::FileInfo>> search_files(App& app, const model::Session& s,
                                                  const std::string& team_id,
                                                  const PostSearchRequest& r);

// The words of `message` that the search terms (as parsed: words, prefix* and "phrases")
// matched, as written in the message, in order of first appearance, without duplicates.
std::vector<std::string> search_matches(std::string_view message,
                                        const std::vector<std::string>& terms);

}  // namespace parley::app
