// Post and PostList JSON written straight into one string: the same bytes as
// boost::json::serialize(to_json(...)) (model/post.h), without building a boost::json tree per
// post first. Used for the post lists of the read path, where that tree was a fifth of the work.
#pragma once

#include "model/post.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parley::model {

// Appends `s` as a JSON string literal, escaped as boost::json escapes it.
void append_json_string(std::string& out, std::string_view s);
void append_json(std::string& out, const Post& p);
std::string to_json_text(const Post& p);
std::string to_json_text(const PostList& l);

// A PostList's JSON cut where each root post's "is_following" goes, the one part of a channel
// page that differs between users: text has one piece more than following_of (the root post
// ids, in order). join() writes each root's "is_following" from `following` (nothing for a root
// missing there), giving to_json_text's bytes for the list with those values set. The posts'
// own is_following values are not written.
struct PostListPieces {
  std::vector<std::string> text;
  std::vector<std::string> following_of;
};
PostListPieces to_json_pieces(const PostList& l);
std::string join(const PostListPieces& pieces,
                 const std::unordered_map<std::string, bool>& following);

}  // namespace parley::model
