#include "StatusReporter.h"

#include <QLabel>
#include <QMainWindow>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>

namespace handalign {

StatusReporter::StatusReporter(QMainWindow* window)
    : QObject(window),
      window_(window),
      inspector_(new QLabel(window)),
      progress_(new QProgressBar(window)),
      cancel_(new QPushButton(window)) {
  window->statusBar()->addWidget(inspector_, 1);
  window->statusBar()->addPermanentWidget(progress_);
  window->statusBar()->addPermanentWidget(cancel_);
  connect(cancel_, &QPushButton::clicked, this, &StatusReporter::cancelRequested);
  idle();
  retranslate();
}

void StatusReporter::message(const QString& text, int ms) {
  window_->statusBar()->showMessage(text, ms);
}

void StatusReporter::error(const QString& message) {
  window_->statusBar()->showMessage(message, 10000);
  // Window-modal but not blocking: the event loop (and a running job) carry on.
  auto* box = new QMessageBox(QMessageBox::Warning, tr("HandAlign Studio"), message,
                              QMessageBox::Ok, window_);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
}

void StatusReporter::busy(const QString& what) {
  progress_->setValue(0);
  progress_->show();
  cancel_->show();
  message(what, 0);
}

void StatusReporter::idle() {
  progress_->hide();
  cancel_->hide();
}

void StatusReporter::progress(qint64 done, qint64 total) {
  progress_->setMaximum(int(total));
  progress_->setValue(int(done));
}

void StatusReporter::inspect(const QString& text) { inspector_->setText(text); }

void StatusReporter::retranslate() {
  cancel_->setText(tr("Cancel"));
  cancel_->setToolTip(tr("Cancel the evaluation or the model run"));
}

}  // namespace handalign
