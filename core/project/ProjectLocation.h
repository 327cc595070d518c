// Where a dataset's project lives: one project file per dataset folder in the user's data folder
// (the dataset itself is never written), and the folders beside it.
#pragma once

#include <filesystem>
#include <string>

namespace handalign {

// <AppDataLocation>/projects/<16 hex digits of SHA-1(absolute dataset path)>.handalign; the folder
// is created when missing.
std::filesystem::path projectFileFor(const std::filesystem::path& dataset);
// Beside the project file: <key>.models/<model stem>-<UTC time>/, for a model's prediction files.
std::filesystem::path modelOutputDirFor(const std::filesystem::path& projectFile,
                                        const std::filesystem::path& model);

}  // namespace handalign
