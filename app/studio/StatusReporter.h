// The studio's status bar: messages, errors (also as a window-modal box that does not block the
// running job), the pixel inspector's line, and the progress bar with Cancel of a running job.
#pragma once

#include <QObject>
#include <QString>

class QLabel;
class QMainWindow;
class QProgressBar;
class QPushButton;

namespace handalign {

class StatusReporter : public QObject {
  Q_OBJECT
 public:
  explicit StatusReporter(QMainWindow* window);

  void message(const QString& text, int ms = 5000);
  void error(const QString& message);
  void busy(const QString& what);  // progress bar and Cancel shown
  void idle();
  void progress(qint64 done, qint64 total);
  void inspect(const QString& text);
  void retranslate();

 Q_SIGNALS:
  void cancelRequested();

 private:
  QMainWindow* window_;
  QLabel* inspector_;
  QProgressBar* progress_;
  QPushButton* cancel_;
};

}  // namespace handalign
