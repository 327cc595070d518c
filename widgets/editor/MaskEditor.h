// Mask editing on the image canvas: tools, active label, undo per stroke; the edits are core's
// MaskOps.
#pragma once

#include "EditorTool.h"
#include "annotation/MaskEdit.h"
#include "annotation/MaskOps.h"
#include "canvas/ImageCanvas.h"

#include <QColor>
#include <QImage>
#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QPolygonF>
#include <QRect>

#include <opencv2/core/mat.hpp>

#include <array>
#include <memory>
#include <optional>
#include <string>

class QAction;
class QActionGroup;
class QKeyEvent;
class QMouseEvent;
class QUndoStack;
class QWheelEvent;

namespace handalign {

class MaskEditCommand;

class MaskEditor : public QObject {
  Q_OBJECT
 public:
  // Number keys 1..6 choose the tools in this order; Esc leaves the tool (Tool::None).
  enum class Tool { None = 0, Brush, Eraser, Polygon, FloodFill, GrabCut, FromMesh };
  static constexpr int kToolCount = 6;
  // "From mesh" proposals: the reference and the shown method of the studio, the GT mesh, and the
  // shown method's own segmentation output (`handalign infer --segmentation`).
  enum class MeshSource { Reference = 0, Shown, GroundTruth, Network };
  static constexpr int kMeshSourceCount = 4;
  static constexpr int kMinBrush = 1, kMaxBrush = 512;
  // A tool's stable name ("brush", "eraser", "polygon", "flood_fill", "grabcut", "from_mesh";
  // "" for None): what the project stores as the resume point, never the enum's position.
  static std::string toolId(Tool tool);
  // The tool of a stored id; the digits older versions stored (1..6) are read too.
  static std::optional<Tool> toolFromId(const std::string& id);

  explicit MaskEditor(QObject* parent = nullptr);
  ~MaskEditor() override;

  // Edits on `canvas` (nullptr detaches): the mask is drawn there, and while a tool is active the
  // left and right buttons edit; middle-drag still pans, the wheel still zooms, Ctrl+wheel sizes
  // the brush. The tool, Esc and [ ] shortcuts are added to the canvas.
  void attach(ImageCanvas* canvas);
  ImageCanvas* canvas() const { return canvas_; }

  // A sample to edit: its mask (all zeros at the image's size for a sample without one) and its
  // image (the caller shows it on the canvas; GrabCut reads it, scaled to the mask's size if they
  // differ). Clears the undo history; unmodified afterwards.
  void load(const MaskAnnotation& mask, const QImage& image);
  void clear();  // nothing to edit; mesh proposals are dropped
  bool hasAnnotation() const { return !mask_.hand.empty(); }
  const MaskAnnotation& annotation() const { return mask_; }
  bool isModified() const;
  void setSaved();  // the current state is the saved one (the undo stack's clean state)

  // Label images rendered from the meshes (renderLabels, any size: resampled to the mask's), the
  // proposals of "from mesh"; for Network the network's segmentation (part labels, or
  // kHandWithoutPart where it gives the hand only). The GT mesh's parts also start the part layer
  // on the first part edit.
  // `whyNone`: what the message says when `labels` is empty and the proposal is asked for.
  void setMeshLabels(MeshSource source, const LabelImage& labels, const QString& whyNone = {});
  bool hasMeshLabels(MeshSource source) const { return !meshLabels_[idx(source)].empty(); }

  Tool tool() const { return tool_; }
  void setTool(Tool tool);
  // The tool behind a Tool value (its id, name, help, cursor); null for None.
  const EditorTool* toolObject(Tool tool) const {
    return tool == Tool::None ? nullptr : tools_[std::size_t(int(tool) - 1)].get();
  }
  int label() const { return label_; }  // 0 the hand, 1..6 labelOf(Part)
  void setLabel(int label);
  bool protectOthers() const { return protect_; }
  void setProtectOthers(bool on);
  int brushSize() const { return brushSize_; }  // diameter in image pixels
  void setBrushSize(int diameter);
  void growBrush();
  void shrinkBrush();
  bool grabCutFromBox() const { return grabCutBox_; }  // else from a rough stroke
  void setGrabCutFromBox(bool box);
  MeshSource meshSource() const { return meshSource_; }  // the From-mesh tool's proposal
  void setMeshSource(MeshSource source);
  QColor overlayColor() const { return color_; }
  float overlayOpacity() const { return opacity_; }
  void setOverlayStyle(const QColor& color, float opacity);

  QUndoStack* undoStack() const { return stack_; }
  // Undo depth (0 = unlimited). QUndoStack takes a new limit only while empty: with history it
  // applies from the next load().
  void setUndoLimit(int steps);
  int undoLimit() const { return undoLimit_; }

  // For menus and toolbars; shortcuts are in the tooltips. Undo and redo come from the stack, so
  // a toolbar button, a menu item and Ctrl+Z (Ctrl+Shift+Z) are one action.
  QAction* toolAction(Tool tool) const { return toolActions_[std::size_t(int(tool) - 1)]; }
  QAction* leaveToolAction() const { return leaveAction_; }
  QAction* growBrushAction() const { return growAction_; }
  QAction* shrinkBrushAction() const { return shrinkAction_; }
  QAction* protectAction() const { return protectAction_; }
  QAction* undoAction() const { return undoAction_; }
  QAction* redoAction() const { return redoAction_; }
  QAction* fromMeshAction(MeshSource s) const { return fromMeshActions_[idx(s)]; }
  QList<QAction*> actions() const;

  // A whole mask of the loaded sample's size as one undoable step named `name` (the unsaved
  // strokes of a draft restored after a crash). False when the sizes differ or nothing changes.
  bool applyMask(const MaskAnnotation& mask, const QString& name);
  // "Start from a mesh" at once, as one undoable step (what the From-mesh actions do).
  bool applyMeshProposal(MeshSource source, bool erase = false);
  void retranslate();  // texts of the actions (the toolbar calls it on a language change)

 Q_SIGNALS:
  void editStarted();            // a stroke (or any gesture that edits) begins
  void maskEdited(QRect dirty);  // after every stroke, undo and redo: the image pixels changed
  void modifiedChanged(bool modified);
  void toolChanged(handalign::MaskEditor::Tool tool);
  void labelChanged(int label);
  void brushSizeChanged(int diameter);
  void settingsChanged();             // protect, GrabCut input, mesh source or overlay style
  void proposalsChanged();            // setMeshLabels: which "from mesh" proposals exist
  void message(const QString& text);  // for the status bar, e.g. why GrabCut found nothing

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  friend class MaskEditCommand;
  // The tools (tools/) edit through the primitives below: beginEdit, showEdit, commitEdit, ...
  friend class EditorTool;
  friend class BrushTool;
  friend class PolygonTool;
  friend class FloodFillTool;
  friend class GrabCutTool;
  friend class FromMeshTool;
  static std::size_t idx(MeshSource s) { return std::size_t(s); }
  void createActions();
  MaskBrush brush(bool erase) const;
  // A gesture: the state before it is kept so the stroke becomes one record at the end.
  void beginEdit(const MaskBrush& brush);
  void showEdit(PixelRect dirty);
  bool commitEdit(const QString& name, PixelRect dirty);
  void cancelGesture();       // drops the active tool's gesture in progress (a stroke restored)
  void setDragging(bool on);  // undo and redo wait while the mouse is held
  void applyRecord(const MaskEdit& edit, bool undo);
  void leaveTool();
  void revertGesture();  // undoes what the gesture in progress changed (a stroke cancelled)
  EditorTool* active() const {
    return tool_ == Tool::None ? nullptr : tools_[std::size_t(int(tool_) - 1)].get();
  }

  // Input (MaskEditorInput.cpp): the canvas's events, forwarded to the active tool.
  bool mousePress(QMouseEvent* e, bool doubleClick);
  void mouseMove(QMouseEvent* e);
  bool mouseRelease(QMouseEvent* e);
  bool wheel(QWheelEvent* e);
  ImagePoint toImage(QPointF widgetPoint) const;

  QPointer<ImageCanvas> canvas_;
  MaskAnnotation mask_, before_;
  cv::Mat image_;  // 8-bit RGB at the mask's size, for GrabCut
  std::array<LabelImage, kMeshSourceCount> meshLabels_;
  std::array<QString, kMeshSourceCount> whyNoProposal_;
  QUndoStack* stack_ = nullptr;
  int undoLimit_ = 100;

  Tool tool_ = Tool::None;
  int label_ = 0;
  bool protect_ = true;
  int brushSize_ = 12;
  bool grabCutBox_ = false;
  MeshSource meshSource_ = MeshSource::Shown;
  QColor color_{255, 64, 129};
  float opacity_ = 0.5f;

  PixelRect gestureDirty_;  // what the gesture in progress changed
  // One per Tool (its value − 1); the tools keep their own gesture state.
  std::array<std::unique_ptr<EditorTool>, kToolCount> tools_;

  std::array<QAction*, kToolCount> toolActions_{};
  std::array<QAction*, kMeshSourceCount> fromMeshActions_{};
  QActionGroup* toolGroup_ = nullptr;
  QAction *leaveAction_ = nullptr, *growAction_ = nullptr, *shrinkAction_ = nullptr;
  QAction *protectAction_ = nullptr, *undoAction_ = nullptr, *redoAction_ = nullptr;
};

}  // namespace handalign
