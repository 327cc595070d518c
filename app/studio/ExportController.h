// What the studio writes for a paper: File → Export Figure… (the current sample or the worst ones
// by a metric), File → Export Tables… (the CLI's tables of the runs shown) and the stored runs
// compared through File → Compare Stored Runs….
#pragma once

#include "FigureExportDialog.h"

#include <QObject>
#include <QString>

class QWidget;

namespace handalign {

class StudioSession;

class ExportController : public QObject {
  Q_OBJECT
 public:
  ExportController(StudioSession* session, QWidget* dialogParent);

  // Writes the figure and its provenance JSON; false (with error()) when nothing was written.
  bool exportFigure(const FigureExportSettings& settings, int currentSample);
  // table.csv, table.md and table.tex of the runs shown into `dir`, all three or none.
  bool exportTables(const QString& dir);
  void showFigureDialog(int currentSample);
  void showTablesDialog();
  void showStoredRunsDialog();

 Q_SIGNALS:
  void message(const QString& text, int ms);
  void error(const QString& message);

 private:
  StudioSession* session_;
  QWidget* parent_;
  FigureExportSettings lastFigure_;
  QString lastTablesDir_;
};

}  // namespace handalign
