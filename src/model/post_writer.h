// Post and PostList JSON written straight into one string: the same bytes as
// boost::json::serialize(to_json(...)) (model/post.h), without building a boost::json tree per
// post first. Used for the post lists of the read path, where that tree was a fifth of the work.
#pragma once

#include "model/post.h"

#include <string>
#include <string_view>

namespace parley::model {

// Appends `s` as a JSON string literal, escaped as boost::json escapes it.
void append_json_string(std::string& out, std::string_view s);
void append_json(std::string& out, const Post& p);
std::string to_json_text(const Post& p);
std::string to_json_text(const PostList& l);

}  // namespace parley::model
