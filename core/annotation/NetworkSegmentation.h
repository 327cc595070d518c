// A network's own segmentation as a mask-editor proposal: what `handalign infer --segmentation`
// wrote beside its predictions (infer.json "segmentation": hand masks, part labels).
#pragma once

#include "raster/LabelImage.h"

#include <filesystem>
#include <string>

namespace handalign {

struct DeclaredSegmentation {
  std::filesystem::path hand;   // <id>.png hand masks; empty when the folder declares none
  std::filesystem::path parts;  // <id>.png part labels 0..6; empty for a hand-only output
  bool empty() const { return hand.empty(); }
};

// The segmentation infer.json in `dir` declares (folder names inside `dir` only). Empty when there
// is no infer.json or it declares none; InputError naming infer.json when it is malformed.
DeclaredSegmentation readDeclaredSegmentation(const std::filesystem::path& dir);

// Sample `id`'s proposal labels: the part labels where parts are declared, else
// kHandWithoutPart (MaskOps.h) on the hand. Empty when the sample has no file. InputError naming
// the file for one that is not a mask of width×height (or holds a label above 6).
LabelImage readNetworkSegmentation(const DeclaredSegmentation& segmentation, const std::string& id,
                                   int width, int height);

// A segmentation output of background + the six parts (class = part label); else hand-only.
bool classesAreParts(int classCount);

// The classes of a network's segmentation (0 = background) as proposal labels: the part labels
// for a 7-class output (background + the six parts), else kHandWithoutPart on the hand.
LabelImage proposalFromClasses(const LabelImage& classes, int classCount);

}  // namespace handalign
