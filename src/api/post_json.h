// Decoding Mattermost's Post JSON from request bodies (createPost, updatePost, patchPost).
#pragma once

#include "app/posts.h"
#include "model/post.h"

#include <boost/json/object.hpp>

#include <optional>

namespace parley::api {

struct DecodedPost {
  model::Post post;
  bool has_file_ids = false;  // "file_ids" was present and not null
};

// nullopt when a field has the wrong JSON type (Go's json.Decode would fail).
std::optional<DecodedPost> post_from_json(const boost::json::object& o);
std::optional<app::PostPatch> patch_from_json(const boost::json::object& o);

}  // namespace parley::api
