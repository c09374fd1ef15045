// Links in a post message as Mattermost's Markdown sees them: autolinked URLs (http, https and
// www.) outside code, and Markdown image destinations. Used to choose what to preview.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parley::app {

// Autolinks in order of appearance; "www.x" becomes "http://www.x". Markdown link destinations
// ([text](url)) and image destinations are not autolinks.
std::vector<std::string> autolinks(std::string_view message);

// Destinations of ![alt](url) images outside code.
std::vector<std::string> markdown_images(std::string_view message);

// ServiceSettings.RestrictLinkPreviews: false when the URL's host contains one of the listed
// domains (space, comma or @ separated), or when the URL cannot be parsed.
bool link_allowed_for_preview(std::string_view url, std::string_view restricted_domains);

}  // namespace parley::app
