// File → Export Figure…: which samples (the current one or the N worst by a metric), the file
// (PNG, SVG or PDF by its extension), the width and the DPI of a comparison figure.
#pragma once

#include <QDialog>
#include <QString>
#include <QStringList>

#include <string>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace handalign {

struct FigureExportSettings {
  QString file;        // .png, .svg or .pdf
  bool worst = false;  // false: the current sample
  int count = 8;       // with `worst`
  std::string metric = "hand_miou";
  std::string prediction;  // empty: the last one (the refined mesh)
  double widthInches = 3.33;
  int dpi = 300;
};

class FigureExportDialog : public QDialog {
  Q_OBJECT

 public:
  // `predictions`: the open run's prediction names, in order.
  FigureExportDialog(const QStringList& predictions, QWidget* parent = nullptr);

  void setSettings(const FigureExportSettings& s);
  FigureExportSettings settings() const;

 private:
  void browse();
  void updateEnabled();

  QRadioButton* current_ = nullptr;
  QRadioButton* worst_ = nullptr;
  QSpinBox* count_ = nullptr;
  QComboBox* metric_ = nullptr;
  QComboBox* prediction_ = nullptr;
  QComboBox* width_ = nullptr;
  QSpinBox* dpi_ = nullptr;
  QLineEdit* file_ = nullptr;
  QDialogButtonBox* buttons_ = nullptr;
};

}  // namespace handalign
