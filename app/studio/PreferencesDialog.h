// Preferences: language, palette and evaluation defaults, stored in QSettings and applied at once.
#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QSpinBox;

namespace handalign {

inline constexpr const char* kThreadsKey = "Evaluation/Threads";        // 0: all cores
inline constexpr const char* kResolutionKey = "Evaluation/Resolution";  // the paper's 224

class PreferencesDialog : public QDialog {
  Q_OBJECT

 public:
  explicit PreferencesDialog(QWidget* parent = nullptr);

  // Stores the choices in QSettings and applies palette and language (OK and Apply do this).
  void apply();

  QComboBox* languageBox() const { return language_; }
  QComboBox* paletteBox() const { return palette_; }

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void retranslate();

  QGroupBox* interface_ = nullptr;
  QGroupBox* evaluation_ = nullptr;
  QLabel* languageLabel_ = nullptr;
  QLabel* paletteLabel_ = nullptr;
  QLabel* threadsLabel_ = nullptr;
  QLabel* resolutionLabel_ = nullptr;
  QComboBox* language_ = nullptr;
  QComboBox* palette_ = nullptr;
  QSpinBox* threads_ = nullptr;
  QSpinBox* resolution_ = nullptr;
  QDialogButtonBox* buttons_ = nullptr;
};

}  // namespace handalign
