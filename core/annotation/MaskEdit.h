// One undoable mask edit: the before and after pixels of both layers inside the rectangle it
// changed.
#pragma once

#include "annotation/MaskOps.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace handalign {

// Compact: a brush stroke keeps only its changed rectangle, not a copy of the image. When the edit
// created the part layer, undo removes the layer again and the record holds the whole image
// (that happens once per annotation, on its first part edit).
class MaskEdit {
 public:
  MaskEdit() = default;
  // The difference of two states of one annotation inside `hint` (the union of the operations'
  // dirty rectangles), shrunk to the pixels that really differ; empty() when nothing changed.
  static MaskEdit between(const MaskAnnotation& before, const MaskAnnotation& after,
                          PixelRect hint);

  bool empty() const { return rect_.empty() && before_.hasParts == after_.hasParts; }
  PixelRect rect() const { return rect_; }
  std::size_t bytes() const;  // memory held by the record

  void undo(MaskAnnotation& m) const { restore(m, before_); }
  void redo(MaskAnnotation& m) const { restore(m, after_); }

 private:
  struct Side {
    bool hasParts = false;
    std::vector<std::uint8_t> hand, parts;  // rect_'s pixels, row by row
  };
  static Side capture(const MaskAnnotation& m, PixelRect r);
  void restore(MaskAnnotation& m, const Side& s) const;

  PixelRect rect_;
  int width_ = 0, height_ = 0;
  Side before_, after_;
};

}  // namespace handalign
