// libvips implementation of the upload image derivatives. libvips is loaded on first use
// (files/vips_api.h); when it cannot be, every image counts as undecodable.
#include "files/images.h"

#include "files/vips_api.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace parley::files {

namespace {

using Image = VipsImagePtr;

// A new reference to `img`.
Image share(const VipsApi& v, VipsImage* img) {
  v.object_ref(img);
  return Image(img);
}

Image load(const VipsApi& v, std::string_view data) {
  VipsImage* img = v.image_new_from_buffer(data.data(), data.size(), "", nullptr);
  if (!img) v.error_clear();
  return Image(img);
}

// Runs a vips operation with one output image; empty on failure.
template <class Op>
Image apply(const VipsApi& v, Op op) {
  VipsImage* out = nullptr;
  if (op(&out) != 0) {
    v.error_clear();
    return Image();
  }
  return Image(out);
}

int orientation(const VipsApi& v, VipsImage* img) {
  int o = 1;
  if (v.image_get_typeof(img, VIPS_META_ORIENTATION) &&
      v.image_get_int(img, VIPS_META_ORIENTATION, &o) != 0) {
    v.error_clear();
    return 1;
  }
  return o;
}

Image resize_to(const VipsApi& v, VipsImage* img, int width, int height) {
  double h_scale = static_cast<double>(width) / v.image_get_width(img);
  double v_scale = static_cast<double>(height) / v.image_get_height(img);
  return apply(
      v, [&](VipsImage** out) { return v.resize(img, out, h_scale, "vscale", v_scale, nullptr); });
}

// sRGB (or grey), alpha flattened onto white: what a JPEG can hold.
Image jpeg_ready(const VipsApi& v, VipsImage* img) {
  Image cur = share(v, img);
  if (v.image_hasalpha(cur.get())) {
    VipsArrayDouble* white = v.array_double_newv(3, 255.0, 255.0, 255.0);
    Image flat = apply(v, [&](VipsImage** out) {
      return v.flatten(cur.get(), out, "background", white, nullptr);
    });
    v.area_unref(VIPS_AREA(white));
    if (!flat) return Image();
    cur = std::move(flat);
  }
  auto interp = v.image_guess_interpretation(cur.get());
  if (interp != VIPS_INTERPRETATION_sRGB && interp != VIPS_INTERPRETATION_B_W) {
    Image rgb = apply(v, [&](VipsImage** out) {
      return v.colourspace(cur.get(), out, VIPS_INTERPRETATION_sRGB, nullptr);
    });
    if (!rgb) return Image();
    cur = std::move(rgb);
  }
  return cur;
}

std::string to_jpeg(const VipsApi& v, VipsImage* img) {
  Image ready = jpeg_ready(v, img);
  if (!ready) return {};
  void* buf = nullptr;
  size_t len = 0;
  if (v.jpegsave_buffer(ready.get(), &buf, &len, "Q", 90, "strip", TRUE, nullptr) != 0) {
    v.error_clear();
    return {};
  }
  VipsBuffer owned(buf);
  return std::string(static_cast<const char*>(buf), len);
}

// Mattermost's thumbnail: when the image is larger than the box in either direction it is
// scaled so that it covers the box (height 100 for wide images, width 120 otherwise).
Image thumbnail(const VipsApi& v, VipsImage* img) {
  int w = v.image_get_width(img), h = v.image_get_height(img);
  if (w <= kThumbnailWidth && h <= kThumbnailHeight) return share(v, img);
  double ratio = static_cast<double>(h) / w;
  double box = static_cast<double>(kThumbnailHeight) / kThumbnailWidth;
  if (ratio < box)
    return resize_to(v, img,
                     std::max(1, static_cast<int>(std::lround(w * kThumbnailHeight / double(h)))),
                     kThumbnailHeight);
  return resize_to(v, img, kThumbnailWidth,
                   std::max(1, static_cast<int>(std::lround(h * kThumbnailWidth / double(w)))));
}

Image preview(const VipsApi& v, VipsImage* img) {
  int w = v.image_get_width(img), h = v.image_get_height(img);
  if (w <= kPreviewMaxWidth) return share(v, img);
  return resize_to(v, img, kPreviewMaxWidth,
                   std::max(1, static_cast<int>(std::lround(h * kPreviewMaxWidth / double(w)))));
}

Image mini_preview(const VipsApi& v, VipsImage* img) {
  return apply(v, [&](VipsImage** out) {
    return v.thumbnail_image(img, out, kMiniPreviewSize, "height", kMiniPreviewSize, "crop",
                             VIPS_INTERESTING_CENTRE, "size", VIPS_SIZE_FORCE, nullptr);
  });
}

// The value of attribute `name` in the tag text `tag` ("" when absent).
std::string attribute(std::string_view tag, std::string_view name) {
  size_t pos = 0;
  while ((pos = tag.find(name, pos)) != std::string_view::npos) {
    bool starts = pos > 0 && std::isspace(static_cast<unsigned char>(tag[pos - 1]));
    size_t i = pos + name.size();
    while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
    if (starts && i < tag.size() && tag[i] == '=') {
      ++i;
      while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
      if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
        size_t end = tag.find(tag[i], i + 1);
        if (end != std::string_view::npos) return std::string(tag.substr(i + 1, end - i - 1));
      }
      return {};
    }
    pos = i;
  }
  return {};
}

// A length such as "120", "120.5" or "120px" in whole pixels; 0 for anything else (%, em, ...).
int64_t pixels(const std::string& v) {
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  std::string_view unit(end);
  if (end == v.c_str() || !(unit.empty() || unit == "px") || d <= 0) return 0;
  return static_cast<int64_t>(d);
}

}  // namespace

std::optional<ImageSize> svg_size(std::string_view svg) {
  size_t open = svg.find("<svg");
  if (open == std::string_view::npos) return std::nullopt;
  size_t close = svg.find('>', open);
  if (close == std::string_view::npos) return std::nullopt;
  std::string_view tag = svg.substr(open, close - open);
  ImageSize s{pixels(attribute(tag, "width")), pixels(attribute(tag, "height"))};
  if (s.width > 0 && s.height > 0) return s;
  std::string box = attribute(tag, "viewBox");
  double minx = 0, miny = 0, w = 0, h = 0;
  for (char& c : box)
    if (c == ',') c = ' ';
  if (std::sscanf(box.c_str(), "%lf %lf %lf %lf", &minx, &miny, &w, &h) == 4 && w > 0 && h > 0)
    return ImageSize{static_cast<int64_t>(w), static_cast<int64_t>(h)};
  return std::nullopt;
}

std::optional<ImageSize> image_size(std::string_view data) {
  const VipsApi* v = vips_api();
  if (!v) return std::nullopt;
  Image img = load(*v, data);
  if (!img) return std::nullopt;
  ImageSize s{v->image_get_width(img.get()), v->image_get_height(img.get())};
  int o = orientation(*v, img.get());
  if (o >= 5 && o <= 8) std::swap(s.width, s.height);
  return s;
}

std::optional<DerivedImages> derive_images(std::string_view data) {
  const VipsApi* v = vips_api();
  if (!v) return std::nullopt;
  Image img = load(*v, data);
  if (!img) return std::nullopt;
  Image upright = apply(*v, [&](VipsImage** out) { return v->autorot(img.get(), out, nullptr); });
  if (!upright) return std::nullopt;
  DerivedImages d;
  d.size = {v->image_get_width(upright.get()), v->image_get_height(upright.get())};
  Image thumb = thumbnail(*v, upright.get());
  Image prev = preview(*v, upright.get());
  Image mini = mini_preview(*v, upright.get());
  if (!thumb || !prev) return std::nullopt;
  d.thumbnail = to_jpeg(*v, thumb.get());
  d.preview = to_jpeg(*v, prev.get());
  if (mini) d.mini_preview = to_jpeg(*v, mini.get());
  if (d.thumbnail.empty() || d.preview.empty()) return std::nullopt;
  return d;
}

}  // namespace parley::files
