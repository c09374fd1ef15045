// The SearchStore queries, written once for both backends (`DbT` is store::sqlite::Db or
// store::postgres::Db; $n placeholders become SQLite's ?n when kSqlite). Only the full-text
// expression differs: SQLite matches the FTS5 tables PostsFts and FileInfoFts (kept by triggers,
// see the migrations; new posts are queued and indexed by the before_text_search hook at the
// latest), PostgreSQL matches GIN-indexed tsvector expressions with tsquery.
// Reads go through DbT::read_search: PostgreSQL's search replicas when configured.
#pragma once

#include "store/search_store.h"
#include "store/sql/dialect.h"
#include "store/sql/post_rows.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

namespace parley::store::sql {

template <class DbT, bool kSqlite>
class SqlSearchStore final : public SearchStore {
 public:
  // `before_text_search` runs before every post search that matches message text (SQLite:
  // index the posts still queued for the index, SqlitePostStore::index_queued).
  explicit SqlSearchStore(DbT& db, std::function<void()> before_text_search = {})
      : db_(db), before_text_search_(std::move(before_text_search)) {}

  std::vector<model::Post> posts(const PostSearchQuery& q) override {
    if (q.message && before_text_search_) before_text_search_();
    Args args;
    std::string where = "WHERE p.DeleteAt = 0 AND p.Type NOT LIKE 'system%'" +
                        filters(q, "p.ChannelId", "p.UserId", "p.CreateAt", args);

    std::vector<std::string> alternatives;
    if (q.filters_only) alternatives.emplace_back("1 = 1");
    if (q.message) alternatives.push_back(text_clause(*q.message, kPosts, args));
    if (q.hashtags) alternatives.push_back(hashtag_clause(*q.hashtags, args));
    if (alternatives.empty()) return {};
    where += " AND (";
    for (std::size_t i = 0; i < alternatives.size(); ++i)
      where += (i ? " OR (" : "(") + alternatives[i] + ")";
    where += ")";
    where += " ORDER BY p.CreateAt DESC, p.Id DESC LIMIT " + args.add(int64_t{q.limit}) +
             " OFFSET " + args.add(int64_t{q.offset});

    std::string sql = sql::q<kSqlite>(post_select(where));
    return db_.read_search([&](auto& c) {
      auto s = c.prepare(sql);
      args.bind(s);
      std::vector<model::Post> out;
      while (s.step()) out.push_back(read_post(s));
      return out;
    });
  }

  std::vector<std::string> files(const FileSearchQuery& q) override {
    Args args;
    std::string where = "WHERE f.DeleteAt = 0 AND f.PostId != ''" +
                        filters(q, "f.ChannelId", "f.CreatorId", "f.CreateAt", args);
    add_in(where, "f.Extension", q.extensions, false, args);
    add_in(where, "f.Extension", q.excluded_extensions, true, args);
    if (q.text) where += " AND " + text_clause(*q.text, kFiles, args);
    where += " ORDER BY f.CreateAt DESC, f.Id DESC LIMIT " + args.add(int64_t{q.limit}) +
             " OFFSET " + args.add(int64_t{q.offset});
    std::string sql = sql::q<kSqlite>("SELECT f.Id FROM FileInfo f " + where);
    return db_.read_search([&](auto& c) {
      auto s = c.prepare(sql);
      args.bind(s);
      std::vector<std::string> out;
      while (s.step()) out.push_back(s.text(0));
      return out;
    });
  }

 private:
  // Bound values in placeholder order.
  struct Args {
    std::vector<std::variant<std::string, int64_t>> values;
    std::string add(std::string v) {
      values.emplace_back(std::move(v));
      return "$" + std::to_string(values.size());
    }
    std::string add(int64_t v) {
      values.emplace_back(v);
      return "$" + std::to_string(values.size());
    }
    template <class Stmt>
    void bind(Stmt& s) const {
      for (std::size_t i = 0; i < values.size(); ++i) {
        int idx = static_cast<int>(i + 1);
        std::visit([&](const auto& v) { s.bind(idx, v); }, values[i]);
      }
    }
  };

  static void add_in(std::string& where, std::string_view column,
                     const std::vector<std::string>& values, bool negate, Args& args) {
    if (values.empty()) return;
    where += " AND " + std::string(column) + (negate ? " NOT IN (" : " IN (");
    for (std::size_t i = 0; i < values.size(); ++i) where += (i ? ", " : "") + args.add(values[i]);
    where += ")";
  }

  // " AND ..." for the channel scope, from:, in: and the dates, on the given columns.
  static std::string filters(const SearchFilters& q, std::string_view channel_col,
                             std::string_view user_col, std::string_view created_col, Args& args) {
    std::string where = " AND " + std::string(channel_col) + " IN (" + channel_scope(q, args) + ")";
    add_in(where, user_col, q.from_users, false, args);
    add_in(where, user_col, q.excluded_users, true, args);
    std::string created(created_col);
    if (q.created_from) where += " AND " + created + " >= " + args.add(*q.created_from);
    if (q.created_to) where += " AND " + created + " <= " + args.add(*q.created_to);
    for (auto& [from, to] : q.created_not_between)
      where += " AND " + created + " NOT BETWEEN " + args.add(from) + " AND " + args.add(to);
    return where;
  }

  // The channels whose posts and files the searcher may find: those they are a member of.
  static std::string channel_scope(const SearchFilters& q, Args& args) {
    std::string s =
        "SELECT c.Id FROM Channels c JOIN ChannelMembers cm ON cm.ChannelId = c.Id WHERE "
        "cm.UserId = " +
        args.add(q.user_id);
    if (!q.team_id.empty()) {
      auto team = args.add(q.team_id);
      s += " AND (c.TeamId = " + team + " OR c.TeamId = '')";
    }
    if (!q.include_deleted_channels) s += " AND c.DeleteAt = 0";
    add_in(s, "c.Id", q.in_channels, false, args);
    add_in(s, "c.Id", q.excluded_channels, true, args);
    return s;
  }

  static std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? std::string(sep) : "") + parts[i];
    return out;
  }

  // What a full-text predicate searches: SQLite's FTS5 table and its id map, or PostgreSQL's
  // indexed tsvector expression. File terms are all word prefixes (phrases: their last word).
  struct FtsTarget {
    std::string_view fts_table, ids_table, id_column, key;
    std::string_view tsvector;
    bool all_prefix;
  };
  static constexpr FtsTarget kPosts{
      "PostsFts", "PostsFtsIds", "PostId", "p.Id", "to_tsvector('english', p.Message)", false};
  // The expression of the idx_fileinfo_words_txt index (PostgreSQL migration 6).
  static constexpr FtsTarget kFiles{"FileInfoFts",
                                    "FileInfoFtsIds",
                                    "FileId",
                                    "f.Id",
                                    "(to_tsvector('english', translate(f.Name, '.,-_', '    ')) || "
                                    "to_tsvector('english', translate(f.Content, '.,-_', '    ')))",
                                    true};

  static std::string text_clause(const TextMatch& m, const FtsTarget& target, Args& args) {
    std::vector<std::string> parts;
    if (!m.terms.empty()) parts.push_back(fts_match(m.terms, m.or_terms, target, args));
    if (!m.excluded.empty()) parts.push_back("NOT " + fts_match(m.excluded, true, target, args));
    if (parts.empty()) return "1 = 0";
    return "(" + join(parts, " AND ") + ")";
  }

  // A full-text predicate: every term (any with `any`) found in the target's text.
  static std::string fts_match(const std::vector<SearchTerm>& terms, bool any,
                               const FtsTarget& target, Args& args) {
    if constexpr (kSqlite) {
      std::vector<std::string> exprs;
      for (auto& t : terms) {
        std::string quoted = "\"";
        for (char ch : t.text) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        quoted += "\"";
        if (target.all_prefix || (t.prefix && !t.phrase)) quoted += "*";
        exprs.push_back(quoted);
      }
      std::string table(target.fts_table);
      return "(" + std::string(target.key) + " IN (SELECT i." + std::string(target.id_column) +
             " FROM " + table + " JOIN " + std::string(target.ids_table) +
             " i ON i.Rowid = " + table + ".rowid WHERE " + table + " MATCH " +
             args.add(join(exprs, any ? " OR " : " AND ")) + "))";
    } else {
      std::vector<std::string> exprs;
      for (auto& t : terms) {
        if (target.all_prefix || (t.prefix && !t.phrase)) {
          // The English configuration stems the prefix too ("quicky" -> "quicki"), which then
          // misses the words it begins; the prefix as written is tried as well.
          auto prefix = args.add(prefix_tsquery(t.text));
          exprs.push_back("(to_tsquery('english', " + prefix + ") || to_tsquery('simple', " +
                          prefix + "))");
        } else if (t.phrase)
          exprs.push_back("phraseto_tsquery('english', " + args.add(t.text) + ")");
        else
          exprs.push_back("plainto_tsquery('english', " + args.add(t.text) + ")");
      }
      return "(" + std::string(target.tsvector) + " @@ (" + join(exprs, any ? " || " : " && ") +
             "))";
    }
  }

  // "foo-ba" -> "foo <-> ba:*": words of letters and digits only, so to_tsquery never sees its
  // own operators.
  static std::string prefix_tsquery(const std::string& text) {
    std::vector<std::string> words;
    std::string cur;
    for (char ch : text) {
      auto u = static_cast<unsigned char>(ch);
      if (std::isalnum(u) || u >= 0x80) {
        cur += ch;
      } else if (!cur.empty()) {
        words.push_back(std::move(cur));
        cur.clear();
      }
    }
    if (!cur.empty()) words.push_back(std::move(cur));
    if (words.empty()) return "";
    words.back() += ":*";
    return join(words, " <-> ");
  }

  // Exact "#tag" entries of the space-separated Hashtags column, ASCII case-insensitive.
  static std::string hashtag_clause(const TextMatch& m, Args& args) {
    auto like = [&](const SearchTerm& t) {
      std::string pattern = "% ";
      for (char ch : t.text) {
        char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (lower == '%' || lower == '_' || lower == '\\') pattern += '\\';
        pattern += lower;
      }
      pattern += " %";
      return "(' ' || LOWER(p.Hashtags) || ' ') LIKE " + args.add(pattern) + " ESCAPE '\\'";
    };
    std::vector<std::string> pos;
    std::vector<std::string> neg;
    for (auto& t : m.terms) pos.push_back(like(t));
    for (auto& t : m.excluded) neg.push_back(like(t));
    std::vector<std::string> parts;
    if (!pos.empty()) parts.push_back("(" + join(pos, m.or_terms ? " OR " : " AND ") + ")");
    if (!neg.empty()) parts.push_back("NOT (" + join(neg, " OR ") + ")");
    if (parts.empty()) return "1 = 0";
    return join(parts, " AND ");
  }

  DbT& db_;
  std::function<void()> before_text_search_;
};

}  // namespace parley::store::sql
