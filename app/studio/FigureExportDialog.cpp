#include "FigureExportDialog.h"

#include "eval/SampleResult.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace handalign {

FigureExportDialog::FigureExportDialog(const QStringList& predictions, QWidget* parent)
    : QDialog(parent) {
  setWindowTitle(tr("Export Figure"));
  current_ = new QRadioButton(tr("The current sample"), this);
  worst_ = new QRadioButton(tr("The worst samples"), this);
  current_->setChecked(true);
  count_ = new QSpinBox(this);
  count_->setRange(1, 64);
  count_->setValue(8);
  metric_ = new QComboBox(this);
  for (const std::string& c : metricColumns()) metric_->addItem(QString::fromStdString(c));
  prediction_ = new QComboBox(this);
  prediction_->addItems(predictions);
  prediction_->setCurrentIndex(int(predictions.size()) - 1);
  width_ = new QComboBox(this);
  width_->addItem(tr("Column (3.33 in)"), 3.33);
  width_->addItem(tr("Text width (6.9 in)"), 6.9);
  dpi_ = new QSpinBox(this);
  dpi_->setRange(50, 2400);
  dpi_->setValue(300);
  dpi_->setSuffix(tr(" dpi"));
  file_ = new QLineEdit(this);
  file_->setPlaceholderText(tr("figure.png, .svg or .pdf"));
  auto* browse = new QPushButton(tr("Browse…"), this);
  connect(browse, &QPushButton::clicked, this, &FigureExportDialog::browse);

  auto* worstRow = new QHBoxLayout;
  worstRow->addWidget(worst_);
  worstRow->addWidget(count_);
  worstRow->addWidget(metric_, 1);
  auto* fileRow = new QHBoxLayout;
  fileRow->addWidget(file_, 1);
  fileRow->addWidget(browse);
  auto* form = new QFormLayout;
  form->addRow(tr("Samples:"), current_);
  form->addRow(QString(), worstRow);
  form->addRow(tr("By the metric of:"), prediction_);
  form->addRow(tr("Width:"), width_);
  form->addRow(tr("Resolution:"), dpi_);
  form->addRow(tr("File:"), fileRow);
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons_->button(QDialogButtonBox::Ok)->setText(tr("Export"));
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(buttons_);
  connect(worst_, &QRadioButton::toggled, this, &FigureExportDialog::updateEnabled);
  connect(file_, &QLineEdit::textChanged, this, &FigureExportDialog::updateEnabled);
  updateEnabled();
}

void FigureExportDialog::browse() {
  QString selected;
  const QString file = QFileDialog::getSaveFileName(
      this, tr("Export Figure"), file_->text(),
      tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"), &selected);
  if (file.isEmpty()) return;
  QString path = file;
  if (QFileInfo(path).suffix().isEmpty())  // the chosen filter's extension
    path += selected.contains("*.svg") ? ".svg" : selected.contains("*.pdf") ? ".pdf" : ".png";
  file_->setText(path);
}

void FigureExportDialog::updateEnabled() {
  count_->setEnabled(worst_->isChecked());
  metric_->setEnabled(worst_->isChecked());
  prediction_->setEnabled(worst_->isChecked());
  const QString suffix = QFileInfo(file_->text()).suffix().toLower();
  buttons_->button(QDialogButtonBox::Ok)
      ->setEnabled(suffix == "png" || suffix == "svg" || suffix == "pdf");
}

void FigureExportDialog::setSettings(const FigureExportSettings& s) {
  file_->setText(s.file);
  (s.worst ? worst_ : current_)->setChecked(true);
  count_->setValue(s.count);
  metric_->setCurrentText(QString::fromStdString(s.metric));
  if (!s.prediction.empty()) prediction_->setCurrentText(QString::fromStdString(s.prediction));
  width_->setCurrentIndex(std::abs(s.widthInches - 6.9) < 0.01 ? 1 : 0);
  dpi_->setValue(s.dpi);
}

FigureExportSettings FigureExportDialog::settings() const {
  FigureExportSettings s;
  s.file = file_->text().trimmed();
  s.worst = worst_->isChecked();
  s.count = count_->value();
  s.metric = metric_->currentText().toStdString();
  s.prediction = prediction_->currentText().toStdString();
  s.widthInches = width_->currentData().toDouble();
  s.dpi = dpi_->value();
  return s;
}

}  // namespace handalign
