// Image handling for uploads with libvips: dimensions (after EXIF orientation), and the derived
// JPEGs Mattermost serves: a thumbnail covering a 120x100 box, a preview at most 1920 wide and
// a 16x16 mini preview. Images are turned upright (EXIF orientation) before anything is made.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parley::files {

struct ImageSize {
  int64_t width = 0;  // upright, i.e. width and height swapped for orientations 5-8
  int64_t height = 0;
};

// Reads only the header; nullopt when libvips cannot decode `data`.
std::optional<ImageSize> image_size(std::string_view data);

// An SVG's size from the width/height attributes of its root element (numbers, optionally in
// px), else from its viewBox; nullopt when neither gives a positive size.
std::optional<ImageSize> svg_size(std::string_view svg);

struct DerivedImages {
  ImageSize size;
  std::string thumbnail;     // JPEG
  std::string preview;       // JPEG
  std::string mini_preview;  // JPEG, 16x16
};

// nullopt when `data` cannot be decoded.
std::optional<DerivedImages> derive_images(std::string_view data);

inline constexpr int kThumbnailWidth = 120;
inline constexpr int kThumbnailHeight = 100;
inline constexpr int kPreviewMaxWidth = 1920;
inline constexpr int kMiniPreviewSize = 16;

}  // namespace parley::files
