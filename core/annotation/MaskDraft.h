// The unsaved state of a mask being edited, kept on disk after every stroke.
#pragma once

#include "annotation/MaskFiles.h"

#include <filesystem>
#include <optional>
#include <string>

namespace handalign {

// `<annotation folder>/.drafts/<sample id>.draft`: both layers of the editor's current mask in one
// file (magic, the two PNG lengths, the PNGs), written atomically and synced after every completed
// stroke, removed when the mask is saved. A studio killed between saves reopens the sample with
// the draft restored as unsaved edits: no completed stroke is lost. Drafts are not corrections:
// eval and export never read them. Safe to call from a worker thread (no shared state).
namespace draft {

std::filesystem::path pathFor(const std::filesystem::path& annotationFolder,
                              const std::string& sampleId);
// Throws InputError naming the file when it cannot be written.
void write(const std::filesystem::path& annotationFolder, const std::string& sampleId,
           const MaskFiles& files);
// The draft's layers, or nullopt when there is none or it is not a complete draft (a foreign or
// damaged file is never taken for edits).
std::optional<MaskFiles> read(const std::filesystem::path& annotationFolder,
                              const std::string& sampleId);
void remove(const std::filesystem::path& annotationFolder, const std::string& sampleId);

}  // namespace draft
}  // namespace handalign
