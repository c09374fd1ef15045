// Post search (SearchPostsForUser): parse, resolve in:/from: names, query the search store
// within the searcher's channels, prepare the posts for the client and compute `matches`.
#include "app/search.h"

#include "app/authorization.h"
#include "app/post_util.h"
#include "app/search_params.h"
#include "model/channel.h"
#include "store/channel_store.h"
#include "store/file_info_store.h"
#include "store/search_store.h"
#include "store/user_store.h"
#include "util/ids.h"

#include <algorithm>
#include <cctype>

namespace parley::app {
namespace {

bool has_alnum(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || u >= 0x80;
  });
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A parsed term as the store wants it; nullopt for terms without a letter or digit (Mattermost
// drops those: removeNonAlphaNumericUnquotedTerms).
std::optional<store::SearchTerm> to_store_term(const std::string& term) {
  store::SearchTerm t;
  if (term.starts_with('"')) {
    t.phrase = true;
    for (char c : term)
      if (c != '"' && c != '*') t.text += c;
  } else {
    t.text = term;
    while (!t.text.empty() && t.text.back() == '*') {
      t.text.pop_back();
      t.prefix = true;
    }
  }
  if (!has_alnum(t.text)) return std::nullopt;
  return t;
}

store::TextMatch to_match(const SearchParams& p, bool or_terms) {
  store::TextMatch m;
  m.or_terms = or_terms;
  for (auto& term : p.terms)
    if (auto t = to_store_term(term)) m.terms.push_back(std::move(*t));
  for (auto& term : p.excluded_terms)
    if (auto t = to_store_term(term)) m.excluded.push_back(std::move(*t));
  return m;
}

// in:/channel: values: "name" or "~name" (a channel of the team, or of any team when searching
// across teams), "@username" (the DM with that user) or "@a,b,c" (the group message of those
// users, the searcher included or not). Names that resolve to nothing are kept as they are, so
// that in: matches nothing and -in: excludes nothing (as Mattermost).
std::vector<std::string> resolve_channels(App& app, const model::Session& s,
                                          const std::string& team_id,
                                          const std::vector<std::string>& names) {
  std::vector<std::string> ids;
  std::optional<std::vector<model::Channel>> mine;
  for (const auto& raw : names) {
    std::string name = raw.substr(std::min(raw.find_first_not_of('~'), raw.size()));
    std::vector<std::string> found;
    auto& channels = app.store().channels();
    if (name.starts_with('@')) {
      std::vector<std::string> usernames;
      std::size_t start = 1;
      while (start <= name.size()) {
        auto comma = name.find(',', start);
        auto part = name.substr(start, comma == std::string::npos ? comma : comma - start);
        if (!part.empty())
          usernames.push_back(lower(part.starts_with('@') ? part.substr(1) : part));
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
      auto users = app.store().users().get_by_usernames(usernames);
      std::vector<std::string> user_ids;
      for (auto& u : users) user_ids.push_back(u.id);
      if (name.find(',') == std::string::npos) {
        if (user_ids.size() == 1) {
          auto c =
              channels.get_by_name("", model::direct_channel_name(s.user_id, user_ids[0]), true);
          if (c) found.push_back(c->id);
        }
      } else if (user_ids.size() == usernames.size() && !user_ids.empty()) {
        auto c = channels.get_by_name("", model::group_channel_name(user_ids), true);
        if (!c && std::find(user_ids.begin(), user_ids.end(), s.user_id) == user_ids.end()) {
          user_ids.push_back(s.user_id);
          c = channels.get_by_name("", model::group_channel_name(user_ids), true);
        }
        if (c) found.push_back(c->id);
      }
    } else {
      if (!mine) {
        store::UserChannelQuery q;
        q.team_id = team_id;
        q.include_deleted = true;
        mine = channels.for_user(s.user_id, q);
      }
      for (auto& c : *mine)
        if (c.name == name && !c.is_group_or_direct()) found.push_back(c.id);
    }
    if (found.empty()) found.push_back(raw);
    ids.insert(ids.end(), found.begin(), found.end());
  }
  return ids;
}

// from: values, with or without "@"; unknown usernames kept as they are (match nothing).
std::vector<std::string> resolve_users(App& app, const std::vector<std::string>& names) {
  std::vector<std::string> ids;
  for (const auto& raw : names) {
    std::string name = raw.substr(std::min(raw.find_first_not_of('@'), raw.size()));
    auto u = app.store().users().get_by_username(lower(name));
    ids.push_back(u ? u->id : raw);
  }
  return ids;
}

struct Token {
  std::string lower;
  std::size_t begin;
  std::size_t end;
};

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  std::size_t i = 0;
  auto word_byte = [](char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || u >= 0x80 || c == '_';
  };
  while (i < text.size()) {
    while (i < text.size() && !word_byte(text[i])) ++i;
    std::size_t b = i;
    while (i < text.size() && word_byte(text[i])) ++i;
    if (i > b) out.push_back({lower(text.substr(b, i - b)), b, i});
  }
  return out;
}

// Whether a message word matches a search word: equal, a prefix for "foo*", or the word with a
// common English ending (the stemmed search matches those too).
bool word_matches(const std::string& token, const std::string& term, bool prefix) {
  if (token == term) return true;
  if (!token.starts_with(term)) return false;
  if (prefix) return true;
  static constexpr std::string_view kEndings[] = {"s", "es", "ed", "d", "ing", "er", "ers"};
  std::string_view rest = std::string_view(token).substr(term.size());
  auto is_ending = [](std::string_view r) {
    return std::find(std::begin(kEndings), std::end(kEndings), r) != std::end(kEndings);
  };
  // "run" -> "running": the last letter doubled before the ending.
  return is_ending(rest) ||
         (!term.empty() && rest.size() > 1 && rest[0] == term.back() && is_ending(rest.substr(1)));
}

// The filters every kind of params shares (Mattermost copies the flags into each), names
// resolved, and the page.
void fill_filters(App& app, const model::Session& s, const std::string& team_id,
                  const SearchParams& first, const PostSearchRequest& r, store::SearchFilters& q) {
  q.user_id = s.user_id;
  q.team_id = team_id;
  q.include_deleted_channels =
      r.include_deleted_channels && app.config()->team.experimental_view_archived_channels;
  q.in_channels = resolve_channels(app, s, team_id, first.in_channels);
  q.excluded_channels = resolve_channels(app, s, team_id, first.excluded_channels);
  q.from_users = resolve_users(app, first.from_users);
  q.excluded_users = resolve_users(app, first.excluded_users);
  auto dates = create_at_filter(first, now_ms());
  q.created_from = dates.from;
  q.created_to = dates.to;
  q.created_not_between = dates.excluded;
  q.limit = r.per_page > 0 ? std::min(r.per_page, 200) : 60;
  q.offset = std::max(r.page, 0) * q.limit;
}

bool has_filters(const store::SearchFilters& q) {
  return !q.in_channels.empty() || !q.from_users.empty() || !q.excluded_channels.empty() ||
         !q.excluded_users.empty() || q.created_from || q.created_to ||
         !q.created_not_between.empty();
}

// ext: values as stored: lower case, no leading dot.
std::vector<std::string> extensions(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) {
    std::string e = lower(v);
    while (!e.empty() && e.front() == '.') e.erase(0, 1);
    if (!e.empty()) out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

std::vector<std::string> search_matches(std::string_view message,
                                        const std::vector<std::string>& terms) {
  auto tokens = tokenize(message);
  std::vector<std::string> out;
  auto add = [&](std::string m) {
    if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(std::move(m));
  };
  for (const auto& raw : terms) {
    auto t = to_store_term(raw);
    if (!t) continue;
    auto words = tokenize(t->text);
    if (words.empty()) continue;
    for (std::size_t i = 0; i + words.size() <= tokens.size(); ++i) {
      bool ok = true;
      for (std::size_t k = 0; k < words.size() && ok; ++k) {
        bool last = k + 1 == words.size();
        ok = word_matches(tokens[i + k].lower, words[k].lower, last && t->prefix);
      }
      if (ok) {
        auto b = tokens[i].begin;
        auto e = tokens[i + words.size() - 1].end;
        add(std::string(message.substr(b, e - b)));
      }
    }
  }
  return out;
}

Result<PostSearchResults> search_posts(App& app, const model::Session& s,
                                       const std::string& team_id, const PostSearchRequest& r) {
  auto cfg = app.config();
  if (!cfg->service.enable_post_search)
    return AppError::make("store.sql_post.search.disabled",
                          "Searching has been disabled on this server. Please contact your "
                          "System Administrator.",
                          501, "teamId=" + team_id + " userId=" + s.user_id);
  if (!team_id.empty() && !has_team_permission(app, s, team_id, "view_team"))
    return errors::permission("view_team", s.user_id);

  PostSearchResults results;
  auto params = parse_search_params(r.terms, r.time_zone_offset);
  if (params.empty()) return results;

  store::PostSearchQuery q;
  fill_filters(app, s, team_id, params.front(), r, q);

  std::vector<std::string> message_terms;
  std::vector<std::string> hashtag_terms;
  for (const auto& p : params) {
    if (p.terms.empty() && p.excluded_terms.empty()) {
      q.filters_only = true;
      continue;
    }
    auto m = to_match(p, r.is_or_search);
    if (m.terms.empty() && m.excluded.empty()) {
      // Only punctuation: searched by the filters alone, if any (Mattermost).
      q.filters_only = q.filters_only || has_filters(q);
      continue;
    }
    if (p.is_hashtag) {
      q.hashtags = std::move(m);
      hashtag_terms = p.terms;
    } else {
      q.message = std::move(m);
      message_terms = p.terms;
    }
  }
  if (!q.filters_only && !q.message && !q.hashtags) return results;

  for (auto& p : app.store().search().posts(q)) {
    std::vector<std::string> found = search_matches(p.message, message_terms);
    if (!hashtag_terms.empty()) {
      std::size_t start = 0;
      while (start < p.hashtags.size()) {
        auto space = p.hashtags.find(' ', start);
        auto tag = p.hashtags.substr(start, space == std::string::npos ? space : space - start);
        for (auto& term : hashtag_terms)
          if (!tag.empty() && lower(tag) == lower(term) &&
              std::find(found.begin(), found.end(), tag) == found.end())
            found.push_back(tag);
        if (space == std::string::npos) break;
        start = space + 1;
      }
    }
    if (!found.empty()) results.matches[p.id] = std::move(found);
    results.list.add_ordered(std::move(p));
  }
  post_util::prepare(app, results.list);
  return results;
}

Result<std::vector<model::FileInfo>> search_files(App& app, const model::Session& s,
                                                  const std::string& team_id,
                                                  const PostSearchRequest& r) {
  if (!app.config()->service.enable_file_search)
    return AppError::make("store.sql_file_info.search.disabled",
                          "Searching files has been disabled on this server. Please contact your "
                          "System Administrator.",
                          501, "teamId=" + team_id + " userId=" + s.user_id);
  if (!team_id.empty() && !has_team_permission(app, s, team_id, "view_team"))
    return errors::permission("view_team", s.user_id);

  auto params = parse_search_params(r.terms, r.time_zone_offset);
  if (params.empty()) return std::vector<model::FileInfo>{};
  store::FileSearchQuery q;
  fill_filters(app, s, team_id, params.front(), r, q);
  q.extensions = extensions(params.front().extensions);
  q.excluded_extensions = extensions(params.front().excluded_extensions);
  // Hashtags are words of file names too: every kind's terms apply together.
  store::TextMatch text;
  text.or_terms = r.is_or_search;
  for (const auto& p : params) {
    auto m = to_match(p, r.is_or_search);
    text.terms.insert(text.terms.end(), m.terms.begin(), m.terms.end());
    text.excluded.insert(text.excluded.end(), m.excluded.begin(), m.excluded.end());
  }
  if (!text.terms.empty() || !text.excluded.empty())
    q.text = std::move(text);
  else if (!has_filters(q) && q.extensions.empty() && q.excluded_extensions.empty())
    return std::vector<model::FileInfo>{};

  auto ids = app.store().search().files(q);
  auto infos = app.store().file_infos().get_many(ids);
  std::vector<model::FileInfo> out;
  for (const auto& id : ids) {
    auto it = std::find_if(infos.begin(), infos.end(),
                           [&](const model::FileInfo& f) { return f.id == id; });
    if (it != infos.end()) out.push_back(std::move(*it));
  }
  return out;
}

}  // namespace parley::app
