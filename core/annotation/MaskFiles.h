// The stored form of a corrected mask: the PNG bytes of its two layers, their checks and hash.
#pragma once

#include "annotation/MaskAnnotation.h"

#include <filesystem>
#include <string>

namespace handalign {

// One version of a sample's correction as bytes on disk (and in the project journal). Both empty:
// no correction, the dataset's original mask applies.
struct MaskFiles {
  std::string hand;   // PNG, 8-bit grey, 0 background / 255 hand
  std::string parts;  // PNG, 8-bit grey, 0..6 (labelOf(Part)); empty when there is no part layer

  bool empty() const { return hand.empty() && parts.empty(); }
  // Identity of this version: "" when empty, else "<sha256 of hand>/<sha256 of parts or ->".
  std::string hash() const;
};

// Encodes both layers as PNG. Throws std::invalid_argument for an annotation that breaks the data
// model (empty hand layer, values out of range, layers of different sizes).
MaskFiles encodeMaskAnnotation(const MaskAnnotation& annotation);

// Decodes and checks one layer. `file` names it in errors; width × height is the sample image's
// size. Throws InputError(file, problem) for anything but a complete 8-bit single-channel PNG of
// that size holding 0/255 (hand layer) or 0..6 (part layer).
enum class MaskLayer { Hand, Parts };
LabelImage decodeMaskLayer(const std::string& png, MaskLayer layer, int width, int height,
                           const std::filesystem::path& file);

// Both layers (parts only when present); errors name `handFile` or `partsFile`.
MaskAnnotation decodeMaskFiles(const MaskFiles& files, int width, int height,
                               const std::filesystem::path& handFile,
                               const std::filesystem::path& partsFile);

}  // namespace handalign
