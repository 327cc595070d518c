#include "browser/SampleBrowser.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace handalign {

SampleBrowser::SampleBrowser(QWidget* parent)
    : QWidget(parent),
      model_(new SampleTableModel(this)),
      proxy_(new SampleFilterProxy(this)),
      view_(new QTableView),
      filter_(new QLineEdit),
      count_(new QLabel) {
  proxy_->setSourceModel(model_);
  view_->setModel(proxy_);
  view_->setSortingEnabled(true);
  view_->sortByColumn(SampleTableModel::IndexColumn, Qt::AscendingOrder);  // Qt's: descending
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->setSelectionMode(QAbstractItemView::SingleSelection);
  view_->verticalHeader()->hide();
  // Method over metric on two lines, never cut: each column is as wide as its header needs.
  QHeaderView* header = view_->horizontalHeader();
  header->setTextElideMode(Qt::ElideNone);
  header->setDefaultAlignment(Qt::AlignCenter);
  header->setResizeContentsPrecision(0);  // the visible rows only: fast at 32k rows
  filter_->setClearButtonEnabled(true);
  connect(filter_, &QLineEdit::editingFinished, this, &SampleBrowser::applyFilter);
  connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            if (current.isValid()) Q_EMIT sampleSelected(currentSample());
          });
  connect(proxy_, &QAbstractItemModel::modelReset, this, &SampleBrowser::updateCount);
  connect(proxy_, &QAbstractItemModel::layoutChanged, this, &SampleBrowser::updateCount);
  connect(proxy_, &QAbstractItemModel::rowsInserted, this, &SampleBrowser::updateCount);
  connect(proxy_, &QAbstractItemModel::rowsRemoved, this, &SampleBrowser::updateCount);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* row = new QHBoxLayout;
  row->addWidget(filter_, 1);
  row->addWidget(count_);
  layout->addLayout(row);
  layout->addWidget(view_);
  filter_->setPlaceholderText(tr("Filter, e.g. ours.finger_hd95 > 8 or ours worse than baseline"));
  updateCount();
}

void SampleBrowser::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) {
    filter_->setPlaceholderText(
        tr("Filter, e.g. ours.finger_hd95 > 8 or ours worse than baseline"));
    updateCount();
  }
  QWidget::changeEvent(e);
}

void SampleBrowser::setRuns(std::vector<RunSamples> runs, int reference, int keepSample) {
  model_->setRuns(std::move(runs), reference);
  if (!filter_->text().trimmed().isEmpty()) applyFilter();  // a name gone: marked, not dropped
  fitColumns();
  if (keepSample >= 0) selectSample(keepSample);
}

void SampleBrowser::fitColumns() {
  // Each column as wide as its two-line header or its widest possible value, whichever is wider:
  // computed from the header and the value format, not from 32,560 rows of text layout.
  QHeaderView* header = view_->horizontalHeader();
  const QFontMetrics fm(view_->font());
  const int margin = 2 * view_->style()->pixelMetric(QStyle::PM_HeaderMargin) + 8;
  for (int c = 0; c < model_->columnCount(); ++c) {
    const QString title = model_->headerData(c, Qt::Horizontal).toString();
    int width = 0;
    for (const QString& line : title.split('\n'))
      width = std::max(width, fm.horizontalAdvance(line));
    QString widest = QStringLiteral("000000");
    if (c == SampleTableModel::SampleColumn) widest = QStringLiteral("00000000");
    if (c == model_->reviewColumn()) widest = SampleTableModel::reviewStateText(3);
    if (const MetricInfo* m = model_->columnMetric(c))
      widest = QStringLiteral("+0000.") + QString(m->storedDecimals(), '0');
    width = std::max(width, fm.horizontalAdvance(widest));
    header->resizeSection(c, width + margin);
  }
}

void SampleBrowser::setReference(int reference, int keepSample) {
  model_->setReference(reference);
  applyFilter();  // the filter may name delta columns that changed
  fitColumns();
  if (keepSample >= 0 && !selectSample(keepSample)) selectRow(0);
}

int SampleBrowser::currentSample() const {
  const QModelIndex current = view_->currentIndex();
  if (!current.isValid()) return -1;
  return int(model_->value(proxy_->mapToSource(current).row(), SampleTableModel::IndexColumn));
}

void SampleBrowser::selectRow(int proxyRow) {
  if (proxyRow < 0 || proxyRow >= proxy_->rowCount()) return;
  view_->selectRow(proxyRow);
  view_->scrollTo(proxy_->index(proxyRow, 0));
}

bool SampleBrowser::selectSample(int datasetIndex) {
  const int source = datasetIndex >= 0 ? model_->rowOfIndex(std::size_t(datasetIndex)) : -1;
  if (source < 0) return false;
  const QModelIndex row = proxy_->mapFromSource(model_->index(source, 0));
  if (!row.isValid()) return false;
  selectRow(row.row());
  return true;
}

void SampleBrowser::nextSample() { selectRow(view_->currentIndex().row() + 1); }
void SampleBrowser::previousSample() { selectRow(view_->currentIndex().row() - 1); }

bool SampleBrowser::jumpTo(const QString& idOrIndex, QString* error) {
  const QString text = idOrIndex.trimmed();
  int source = -1;
  for (int r = 0; r < model_->rowCount() && source < 0 && !text.isEmpty(); ++r)
    if (model_->index(r, SampleTableModel::SampleColumn).data().toString() == text) source = r;
  bool isNumber = false;
  const int index = text.toInt(&isNumber);
  if (source < 0 && isNumber && index >= 0) source = model_->rowOfIndex(std::size_t(index));
  if (source < 0) {
    if (error)
      *error = tr("No sample with id or index \"%1\" in the dataset (%n sample(s))", nullptr,
                  model_->rowCount())
                   .arg(text);
    return false;
  }
  QModelIndex row = proxy_->mapFromSource(model_->index(source, 0));
  if (!row.isValid()) {  // hidden by the filter
    filter_->clear();
    applyFilter();
    row = proxy_->mapFromSource(model_->index(source, 0));
  }
  selectRow(row.row());
  return true;
}

void SampleBrowser::setFrozen(bool frozen) {
  proxy_->setDynamicSortFilter(!frozen);  // turning it back on re-sorts and re-filters once
}

void SampleBrowser::applyFilter() {
  const bool ok = proxy_->setFilterExpression(filter_->text());
  filter_->setStyleSheet(ok ? QString() : QStringLiteral("QLineEdit { border: 1px solid #d33; }"));
  filter_->setToolTip(ok ? QString() : proxy_->errorString());
  updateCount();
  if (!ok) Q_EMIT filterError(proxy_->errorString());
}

void SampleBrowser::updateCount() {
  count_->setText(proxy_->filterExpression().isEmpty()
                      ? tr("%n sample(s)", nullptr, model_->rowCount())
                      : tr("%1 of %2 match").arg(proxy_->rowCount()).arg(model_->rowCount()));
}

}  // namespace handalign
