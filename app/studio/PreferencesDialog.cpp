#include "PreferencesDialog.h"

#include "Appearance.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>

namespace handalign {

PreferencesDialog::PreferencesDialog(QWidget* parent) : QDialog(parent) {
  QSettings settings;
  interface_ = new QGroupBox(this);
  evaluation_ = new QGroupBox(this);
  inference_ = new QGroupBox(this);
  editor_ = new QGroupBox(this);
  languageLabel_ = new QLabel(this);
  paletteLabel_ = new QLabel(this);
  threadsLabel_ = new QLabel(this);
  resolutionLabel_ = new QLabel(this);
  deviceLabel_ = new QLabel(this);
  batchLabel_ = new QLabel(this);
  undoLabel_ = new QLabel(this);

  language_ = new QComboBox(this);
  for (const QString& code : availableLanguages()) language_->addItem(languageName(code), code);
  language_->setCurrentIndex(
      std::max(0, language_->findData(settings.value(kLanguageKey, "en").toString())));
  palette_ = new QComboBox(this);
  for (const char* name : {"system", "light", "dark"}) palette_->addItem(QString(), QString(name));
  palette_->setCurrentIndex(
      std::max(0, palette_->findData(settings.value(kPaletteKey, "system").toString())));

  threads_ = new QSpinBox(this);
  threads_->setRange(0, std::max(64, QThread::idealThreadCount()));
  threads_->setValue(settings.value(kThreadsKey, 0).toInt());
  resolution_ = new QSpinBox(this);
  resolution_->setRange(32, 2048);
  resolution_->setSingleStep(32);
  resolution_->setValue(settings.value(kResolutionKey, 224).toInt());

  hdModeLabel_ = new QLabel(this);
  hdEmptyLabel_ = new QLabel(this);
  hdMode_ = new QComboBox(this);
  for (const char* name : {"max", "pooled"}) hdMode_->addItem(QString(), QString(name));
  hdMode_->setCurrentIndex(
      std::max(0, hdMode_->findData(settings.value(kHdModeKey, "max").toString())));
  hdEmpty_ = new QComboBox(this);
  for (const char* name : {"nan", "diagonal"}) hdEmpty_->addItem(QString(), QString(name));
  hdEmpty_->setCurrentIndex(
      std::max(0, hdEmpty_->findData(settings.value(kHdEmptyKey, "nan").toString())));
  device_ = new QComboBox(this);
  for (const char* name : {"auto", "cpu", "cuda"}) device_->addItem(QString(), QString(name));
  device_->setCurrentIndex(
      std::max(0, device_->findData(settings.value(kDeviceKey, "auto").toString())));
  batch_ = new QSpinBox(this);
  batch_->setRange(1, 256);
  batch_->setValue(settings.value(kBatchKey, 8).toInt());
  half_ = new QCheckBox(this);
  half_->setChecked(settings.value(kHalfKey, false).toBool());
  segmentation_ = new QCheckBox(this);
  segmentation_->setChecked(settings.value(kSegmentationKey, false).toBool());

  undoDepth_ = new QSpinBox(this);
  undoDepth_->setRange(0, 100000);
  undoDepth_->setValue(settings.value(kUndoDepthKey, kDefaultUndoDepth).toInt());

  auto* interfaceForm = new QFormLayout(interface_);
  interfaceForm->addRow(languageLabel_, language_);
  interfaceForm->addRow(paletteLabel_, palette_);
  auto* evaluationForm = new QFormLayout(evaluation_);
  evaluationForm->addRow(threadsLabel_, threads_);
  evaluationForm->addRow(resolutionLabel_, resolution_);
  evaluationForm->addRow(hdModeLabel_, hdMode_);
  evaluationForm->addRow(hdEmptyLabel_, hdEmpty_);
  auto* inferenceForm = new QFormLayout(inference_);
  inferenceForm->addRow(deviceLabel_, device_);
  inferenceForm->addRow(batchLabel_, batch_);
  inferenceForm->addRow(half_);
  inferenceForm->addRow(segmentation_);
  auto* editorForm = new QFormLayout(editor_);
  editorForm->addRow(undoLabel_, undoDepth_);
  buttons_ = new QDialogButtonBox(
      QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(interface_);
  layout->addWidget(evaluation_);
  layout->addWidget(inference_);
  layout->addWidget(editor_);
  layout->addStretch();
  layout->addWidget(buttons_);

  connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
    apply();
    accept();
  });
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(buttons_->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
          &PreferencesDialog::apply);
  retranslate();
}

void PreferencesDialog::retranslate() {
  setWindowTitle(tr("Preferences"));
  interface_->setTitle(tr("Interface"));
  evaluation_->setTitle(tr("Evaluation defaults"));
  languageLabel_->setText(tr("&Language:"));
  languageLabel_->setBuddy(language_);
  paletteLabel_->setText(tr("&Palette:"));
  paletteLabel_->setBuddy(palette_);
  threadsLabel_->setText(tr("&Threads:"));
  threadsLabel_->setBuddy(threads_);
  resolutionLabel_->setText(tr("&Resolution:"));
  resolutionLabel_->setBuddy(resolution_);
  palette_->setItemText(0, tr("System"));
  palette_->setItemText(1, tr("Light"));
  palette_->setItemText(2, tr("Dark"));
  threads_->setSpecialValueText(tr("All cores"));
  threads_->setToolTip(tr("Worker threads for evaluations started from now on"));
  inference_->setTitle(tr("Models"));
  deviceLabel_->setText(tr("&Device:"));
  deviceLabel_->setBuddy(device_);
  hdModeLabel_->setText(tr("HD95 &convention:"));
  hdModeLabel_->setBuddy(hdMode_);
  hdMode_->setItemText(0, tr("Max of the two directed 95th percentiles (MONAI)"));
  hdMode_->setItemText(1, tr("Both directions pooled (MedPy)"));
  hdMode_->setToolTip(tr("How HD95 combines the two directions (eval --hd-mode)"));
  hdEmptyLabel_->setText(tr("Class in one mask &only:"));
  hdEmptyLabel_->setBuddy(hdEmpty_);
  hdEmpty_->setItemText(0, tr("Left out of HD95 (counted as excluded)"));
  hdEmpty_->setItemText(1, tr("Image diagonal"));
  hdEmpty_->setToolTip(
      tr("HD95 of a class present in exactly one of the two masks "
         "(eval --hd-empty); F5 re-evaluates with the new choice"));
  batchLabel_->setText(tr("&Batch size:"));
  batchLabel_->setBuddy(batch_);
  device_->setItemText(0, tr("Automatic (GPU when available)"));
  device_->setItemText(1, tr("CPU"));
  device_->setItemText(2, tr("CUDA GPU"));
  device_->setToolTip(tr("Where checkpoints run; CUDA needs a LibTorch built with it and a GPU"));
  batch_->setToolTip(tr("Samples per forward pass when a model runs on a whole dataset"));
  half_->setText(tr("&Half precision (CUDA only)"));
  half_->setToolTip(tr("Run models in float16 on the GPU: faster, slightly less exact"));
  segmentation_->setText(tr("Also compute the network's &segmentation"));
  segmentation_->setToolTip(
      tr("<p>When the model has a segmentation output, model runs also compute it (a run on the "
         "whole dataset writes it beside its predictions), and the mask editor offers it as a "
         "proposal (Annotate → Start From → From Network Segmentation).</p><p>Slower: the native "
         "HandAR network takes about twice as long per image with its segmentation "
         "branch.</p>"));
  editor_->setTitle(tr("Mask editor"));
  undoLabel_->setText(tr("&Undo depth:"));
  undoLabel_->setBuddy(undoDepth_);
  undoDepth_->setSpecialValueText(tr("Unlimited"));
  undoDepth_->setSuffix(tr(" strokes"));
  undoDepth_->setToolTip(
      tr("How many strokes of a sample can be undone (from the next sample on)"));
  resolution_->setSuffix(tr(" px"));
  resolution_->setToolTip(
      tr("Silhouette resolution of the alignment metrics; the paper uses 224 × 224"));
}

void PreferencesDialog::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) retranslate();
  QDialog::changeEvent(e);
}

void PreferencesDialog::apply() {
  QSettings settings;
  const QString language = language_->currentData().toString();
  const QString palette = palette_->currentData().toString();
  settings.setValue(kThreadsKey, threads_->value());
  settings.setValue(kResolutionKey, resolution_->value());
  settings.setValue(kDeviceKey, device_->currentData().toString());
  settings.setValue(kHdModeKey, hdMode_->currentData().toString());
  settings.setValue(kHdEmptyKey, hdEmpty_->currentData().toString());
  settings.setValue(kBatchKey, batch_->value());
  settings.setValue(kHalfKey, half_->isChecked());
  settings.setValue(kSegmentationKey, segmentation_->isChecked());
  settings.setValue(kUndoDepthKey, undoDepth_->value());
  applyPalette(palette);
  settings.setValue(kPaletteKey, palette);
  if (settings.value(kLanguageKey, "en").toString() != language) applyLanguage(language);
  settings.setValue(kLanguageKey, language);
}

EvalOptions evaluationOptionsFromSettings() {
  const QSettings settings;
  EvalOptions o;
  o.threads = std::max(0, settings.value(kThreadsKey, 0).toInt());
  o.resolution = std::max(1, settings.value(kResolutionKey, 224).toInt());
  if (!parseHdMode(settings.value(kHdModeKey, "max").toString().toStdString(), o.hd.mode))
    o.hd.mode = HdMode::Max;
  if (!parseHdEmpty(settings.value(kHdEmptyKey, "nan").toString().toStdString(), o.hd.empty))
    o.hd.empty = HdEmpty::Nan;
  return o;
}

}  // namespace handalign
