// Preferences: language, palette, evaluation and inference defaults, stored in QSettings and
// applied at once.
#pragma once

#include "eval/EvalOptions.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QSpinBox;

namespace handalign {

inline constexpr const char* kThreadsKey = "Evaluation/Threads";        // 0: all cores
inline constexpr const char* kResolutionKey = "Evaluation/Resolution";  // the paper's 224
inline constexpr const char* kHdModeKey = "Evaluation/HdMode";          // max or pooled
inline constexpr const char* kHdEmptyKey = "Evaluation/HdEmpty";        // nan or diagonal
inline constexpr const char* kDeviceKey = "Inference/Device";           // auto, cpu or cuda
inline constexpr const char* kBatchKey = "Inference/BatchSize";         // samples per forward pass
inline constexpr const char* kHalfKey = "Inference/HalfPrecision";      // float16 on CUDA
// Model runs also compute the network's segmentation (the editor's proposal).
inline constexpr const char* kSegmentationKey = "Inference/Segmentation";
inline constexpr const char* kUndoDepthKey = "Editor/UndoDepth";  // strokes kept; 0: all
inline constexpr int kDefaultUndoDepth = 200;

// Threads, resolution and the HD95 conventions as the preferences have them.
EvalOptions evaluationOptionsFromSettings();

class PreferencesDialog : public QDialog {
  Q_OBJECT

 public:
  explicit PreferencesDialog(QWidget* parent = nullptr);

  // Stores the choices in QSettings and applies palette and language (OK and Apply do this).
  void apply();

  QComboBox* languageBox() const { return language_; }
  QComboBox* paletteBox() const { return palette_; }
  QComboBox* hdEmptyBox() const { return hdEmpty_; }
  QComboBox* hdModeBox() const { return hdMode_; }

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void retranslate();

  QGroupBox* interface_ = nullptr;
  QGroupBox* evaluation_ = nullptr;
  QGroupBox* inference_ = nullptr;
  QGroupBox* editor_ = nullptr;
  QLabel* languageLabel_ = nullptr;
  QLabel* paletteLabel_ = nullptr;
  QLabel* threadsLabel_ = nullptr;
  QLabel* resolutionLabel_ = nullptr;
  QLabel* hdModeLabel_ = nullptr;
  QLabel* hdEmptyLabel_ = nullptr;
  QLabel* deviceLabel_ = nullptr;
  QLabel* batchLabel_ = nullptr;
  QLabel* undoLabel_ = nullptr;
  QComboBox* language_ = nullptr;
  QComboBox* palette_ = nullptr;
  QSpinBox* threads_ = nullptr;
  QSpinBox* resolution_ = nullptr;
  QComboBox* hdMode_ = nullptr;
  QComboBox* hdEmpty_ = nullptr;
  QComboBox* device_ = nullptr;
  QSpinBox* batch_ = nullptr;
  QCheckBox* half_ = nullptr;
  QCheckBox* segmentation_ = nullptr;
  QSpinBox* undoDepth_ = nullptr;
  QDialogButtonBox* buttons_ = nullptr;
};

}  // namespace handalign
