// Mask editor latency on a 1024² image: a brush dab (the operation alone, then end to end through
// the canvas: event, dirty-rectangle upload, repaint) and re-scoring the hand-level metrics on the
// edited mask. Usage (needs an X display, e.g. xvfb-run): bench_editor [DABS_PER_SIZE]
#include "GlFormat.h"
#include "MaskEditor.h"
#include "annotation/MaskOps.h"
#include "canvas/ImageCanvas.h"
#include "metrics/MaskMetrics.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace handalign;

namespace {

constexpr int kSize = 1024;

double percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[std::size_t(q * double(v.size() - 1) + 0.5)];
}

// A hand-like silhouette: a palm disk and five finger capsules, shifted by (dx, dy).
LabelImage handShape(int dx, int dy) {
  MaskAnnotation m;
  m.hand.reset(kSize, kSize, 0);
  const MaskBrush paint{0, false, false};
  paintDab(m, {512.0 + dx, 620.0 + dy}, 190, paint);
  const double angles[5] = {-150, -110, -90, -70, -45};
  for (int i = 0; i < 5; ++i) {
    const double a = angles[i] * M_PI / 180, len = i == 0 ? 230 : 300;
    const ImagePoint base{512.0 + dx + 150 * std::cos(a), 620.0 + dy + 150 * std::sin(a)};
    paintSegment(m, base, {base.x + len * std::cos(a), base.y + len * std::sin(a)}, 38, paint);
  }
  return m.hand;
}

QImage photo() {
  QImage img(kSize, kSize, QImage::Format_RGB32);
  const LabelImage hand = handShape(0, 0);
  for (int y = 0; y < kSize; ++y)
    for (int x = 0; x < kSize; ++x)
      img.setPixel(x, y, hand.at(x, y) ? qRgb(210, 160, 130) : qRgb(40 + x / 16, 60 + y / 16, 70));
  return img;
}

// The mouse positions of brisk strokes, ~8 px between events: strokes of 25 events, each pair
// over the same path off the hand (painted, then erased), so every dab changes pixels.
std::vector<QPointF> strokePath(int n) {
  const double rows[3] = {50, 900, 975};
  std::vector<QPointF> out;
  for (int i = 0; i < n; ++i) {
    const int pair = i / 50, k = i % 25;
    out.emplace_back(100 + 8 * k + 280 * (pair % 3), rows[pair / 3 % 3] + 15 * std::sin(k * 0.3));
  }
  return out;
}

void mouse(QWidget* w, QEvent::Type type, QPointF p, Qt::MouseButton button,
           Qt::MouseButtons buttons) {
  QMouseEvent e(type, p, w->mapToGlobal(p), button, buttons, Qt::NoModifier);
  QApplication::sendEvent(w, &e);
}

// The canvas with its paintGL timed (dirty-rectangle upload + draw, finished).
class TimedCanvas : public ImageCanvas {
 public:
  std::vector<double> paintMs;

 protected:
  void paintGL() override {
    QElapsedTimer t;
    t.start();
    ImageCanvas::paintGL();
    context()->functions()->glFinish();
    paintMs.push_back(double(t.nsecsElapsed()) / 1e6);
  }
};

void row(const char* what, const std::vector<double>& ms) {
  std::printf("| %s | %.3f | %.3f | %.3f |\n", what, percentile(ms, 0.5), percentile(ms, 0.95),
              ms.empty() ? 0.0 : *std::max_element(ms.begin(), ms.end()));
}

}  // namespace

int main(int argc, char** argv) {
  setDefaultGlFormat();
  QApplication app(argc, argv);
  const int dabs = argc > 1 ? std::max(10, std::atoi(argv[1])) : 400;
  const std::vector<QPointF> path = strokePath(dabs);

  std::printf("| what (1024² image) | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|\n");
  // 1. The operation alone: one segment between consecutive mouse positions.
  for (int size : {8, 32, 96}) {
    MaskAnnotation m;
    m.hand = handShape(0, 0);
    std::vector<double> ms;
    for (int i = 1; i < dabs; ++i) {
      QElapsedTimer t;
      t.start();
      paintSegment(m, {path[std::size_t(i - 1)].x(), path[std::size_t(i - 1)].y()},
                   {path[std::size_t(i)].x(), path[std::size_t(i)].y()}, size / 2.0,
                   MaskBrush{0, false, true});
      ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    char what[80];
    std::snprintf(what, sizeof what, "brush dab, operation only, %d px brush", size);
    row(what, ms);
  }

  // 2. End to end through the editor and a 1024×1024 canvas (zoom 1).
  TimedCanvas canvas;
  canvas.resize(kSize, kSize);
  canvas.setImage(photo());
  MaskEditor editor;
  editor.attach(&canvas);
  MaskAnnotation start;
  start.hand = handShape(0, 0);
  editor.load(start, photo());
  canvas.show();
  for (int i = 0; i < 20; ++i) QApplication::processEvents();
  canvas.resetView();
  editor.setTool(MaskEditor::Tool::Brush);
  editor.setLabel(0);
  canvas.makeCurrent();
  QOpenGLFunctions* gl = QOpenGLContext::currentContext()->functions();
  std::vector<double> press, event, frame, paint, release, metrics, fingerMetrics;
  MaskScorer scorer;
  const LabelImage prediction = handShape(9, 6);  // a rendered prediction a few pixels off
  for (int size : {8, 32, 96}) {
    editor.load(start, photo());
    editor.setBrushSize(size);
    event.clear(), frame.clear(), paint.clear();
    for (int s = 0; s + 25 <= dabs; s += 25) {  // strokes of 25 mouse events
      const Qt::MouseButton button = (s / 25) % 2 ? Qt::RightButton : Qt::LeftButton;
      QElapsedTimer t;
      t.start();
      mouse(&canvas, QEvent::MouseButtonPress, canvas.mapFromImage(path[std::size_t(s)]), button,
            button);
      press.push_back(double(t.nsecsElapsed()) / 1e6);
      for (int i = s + 1; i < s + 25; ++i) {
        t.restart();
        mouse(&canvas, QEvent::MouseMove, canvas.mapFromImage(path[std::size_t(i)]), Qt::NoButton,
              button);
        event.push_back(double(t.nsecsElapsed()) / 1e6);
        // Until the frame holding this dab is drawn and composed: Qt paints on its own update
        // requests (the editor calls update()), so this includes its throttling, as a user sees.
        canvas.paintMs.clear();
        while (canvas.paintMs.empty() && t.elapsed() < 2000) QApplication::processEvents();
        canvas.makeCurrent();
        gl->glFinish();
        frame.push_back(double(t.nsecsElapsed()) / 1e6);
        double painted = 0;
        for (double ms : canvas.paintMs) painted += ms;
        paint.push_back(painted);
      }
      t.restart();
      mouse(&canvas, QEvent::MouseButtonRelease, canvas.mapFromImage(path[std::size_t(s + 24)]),
            button, Qt::NoButton);
      release.push_back(double(t.nsecsElapsed()) / 1e6);
      // The live metrics: the hand level, as the studio re-scores it after a stroke.
      t.restart();
      scorer.scoreForeground(prediction, editor.annotation().hand);
      metrics.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    char what[96];
    std::snprintf(what, sizeof what, "brush dab, mouse event (operation + dirty-rect copy), %d px",
                  size);
    row(what, event);
    std::snprintf(what, sizeof what, "brush dab, event to frame drawn (+ upload, repaint), %d px",
                  size);
    row(what, frame);
    std::snprintf(what, sizeof what, "of which paintGL (upload + draw + glFinish), %d px", size);
    row(what, paint);
    std::vector<double> rest;  // Qt's wait for its update request, composing, swapping
    for (std::size_t i = 0; i < frame.size(); ++i) rest.push_back(frame[i] - event[i] - paint[i]);
    std::snprintf(what, sizeof what,
                  "of which Qt (update request, composing the %d² window), %d px", kSize, size);
    row(what, rest);
  }
  row("stroke start (snapshot of both layers)", press);
  row("stroke end (undo record + QUndoStack push)", release);
  row("hand-level metrics on the edited mask (IoU + HD95)", metrics);
  // Finger level for comparison: seven classes of the part layer.
  MaskAnnotation parts = editor.annotation();
  LabelImage predParts(kSize, kSize, 0);
  for (std::size_t i = 0; i < predParts.pixels.size(); ++i)
    predParts.pixels[i] = prediction.pixels[i] ? std::uint8_t(1 + (i % kSize) / 171) : 0;
  ensurePartLayer(parts, &predParts);
  for (int i = 0; i < 20; ++i) {
    QElapsedTimer t;
    t.start();
    ClassScore out[7];
    scorer.scoreAllLabels(predParts, parts.parts, 6, out);
    fingerMetrics.push_back(double(t.nsecsElapsed()) / 1e6);
  }
  row("finger-level metrics (6 parts, IoU + HD95), for comparison", fingerMetrics);
  // GrabCut assist from a box around the hand (5 iterations), for scale.
  cv::Mat rgb(kSize, kSize, CV_8UC3);
  const QImage img = photo().convertToFormat(QImage::Format_RGB888);
  for (int y = 0; y < kSize; ++y) std::copy_n(img.constScanLine(y), 3 * kSize, rgb.ptr<uchar>(y));
  std::vector<double> grab;
  for (int i = 0; i < 3; ++i) {
    QElapsedTimer t;
    t.start();
    grabCutBox(rgb, {250, 80, 800, 830}, 5);
    grab.push_back(double(t.nsecsElapsed()) / 1e6);
  }
  row("GrabCut from a 550×750 box (5 iterations)", grab);
  std::printf("\nundo stack: %d strokes\n", editor.undoStack()->count());
  return 0;
}
