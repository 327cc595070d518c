#include "annotation/MaskEdit.h"

#include <algorithm>

namespace handalign {
namespace {

// The smallest rectangle inside r where a and b differ (both w×h, row-major).
PixelRect changedIn(const LabelImage& a, const LabelImage& b, PixelRect r, PixelRect acc) {
  for (int y = r.y0; y < r.y1; ++y) {
    const std::uint8_t* pa = &a.pixels[std::size_t(y) * std::size_t(a.width)];
    const std::uint8_t* pb = &b.pixels[std::size_t(y) * std::size_t(b.width)];
    int x0 = r.x0;
    while (x0 < r.x1 && pa[x0] == pb[x0]) ++x0;
    if (x0 == r.x1) continue;
    int x1 = r.x1;
    while (pa[x1 - 1] == pb[x1 - 1]) --x1;
    acc = acc.united({x0, y, x1, y + 1});
  }
  return acc;
}

void copyRect(const LabelImage& from, PixelRect r, std::vector<std::uint8_t>& to) {
  to.resize(std::size_t(r.width()) * std::size_t(r.height()));
  for (int y = r.y0; y < r.y1; ++y)
    std::copy_n(&from.pixels[std::size_t(y) * std::size_t(from.width) + std::size_t(r.x0)],
                r.width(), &to[std::size_t(y - r.y0) * std::size_t(r.width())]);
}

void pasteRect(const std::vector<std::uint8_t>& from, PixelRect r, LabelImage& to) {
  for (int y = r.y0; y < r.y1; ++y)
    std::copy_n(&from[std::size_t(y - r.y0) * std::size_t(r.width())], r.width(),
                &to.pixels[std::size_t(y) * std::size_t(to.width) + std::size_t(r.x0)]);
}

}  // namespace

MaskEdit MaskEdit::between(const MaskAnnotation& before, const MaskAnnotation& after,
                           PixelRect hint) {
  MaskEdit e;
  e.width_ = after.width(), e.height_ = after.height();
  const PixelRect all = PixelRect::of(after);
  if (before.hasParts() != after.hasParts()) {
    e.rect_ = all;  // the layer appears or disappears as a whole
  } else {
    const PixelRect r = hint.intersected(all);
    e.rect_ = changedIn(before.hand, after.hand, r, {});
    if (after.hasParts()) e.rect_ = changedIn(before.parts, after.parts, r, e.rect_);
  }
  e.before_ = capture(before, e.rect_);
  e.after_ = capture(after, e.rect_);
  return e;
}

MaskEdit::Side MaskEdit::capture(const MaskAnnotation& m, PixelRect r) {
  Side s;
  s.hasParts = m.hasParts();
  if (r.empty()) return s;
  copyRect(m.hand, r, s.hand);
  if (s.hasParts) copyRect(m.parts, r, s.parts);
  return s;
}

void MaskEdit::restore(MaskAnnotation& m, const Side& s) const {
  if (!s.hasParts)
    m.parts = LabelImage();
  else if (!m.hasParts())
    m.parts.reset(width_, height_, 0);
  if (rect_.empty()) return;
  pasteRect(s.hand, rect_, m.hand);
  if (s.hasParts) pasteRect(s.parts, rect_, m.parts);
}

std::size_t MaskEdit::bytes() const {
  return sizeof(*this) + before_.hand.capacity() + before_.parts.capacity() +
         after_.hand.capacity() + after_.parts.capacity();
}

}  // namespace handalign
