// The mask editor's toolbar: tools, active label, protect, brush size, overlay style, undo / redo.
#pragma once

#include <QToolBar>

class QAction;
class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;
class QToolButton;

namespace handalign {

class MaskEditor;

// A view of the editor's state: every control writes through the editor's setters and follows its
// signals, so shortcuts, menus and this toolbar always agree.
class EditorToolBar : public QToolBar {
  Q_OBJECT
 public:
  explicit EditorToolBar(MaskEditor* editor, QWidget* parent = nullptr);

  QComboBox* labelBox() const { return label_; }
  QSpinBox* brushSizeBox() const { return size_; }
  QSlider* opacitySlider() const { return opacity_; }

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void retranslate();
  void sync();
  void chooseColor();
  void updateLabelIcons();

  MaskEditor* editor_;
  QComboBox* label_ = nullptr;
  QComboBox* mesh_ = nullptr;
  QSpinBox* size_ = nullptr;
  QSlider* opacity_ = nullptr;
  QToolButton* color_ = nullptr;
  QAction* box_ = nullptr;
  QAction *undo_ = nullptr, *redo_ = nullptr;
  void updateUndoTips();
  QLabel* opacityCaption_ = nullptr;
};

}  // namespace handalign
