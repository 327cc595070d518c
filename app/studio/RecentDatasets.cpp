#include "RecentDatasets.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QVariantMap>

#include <algorithm>

namespace handalign {
namespace {

QString canonical(const QString& dir) { return QDir::cleanPath(QDir(dir).absolutePath()); }

}  // namespace

std::vector<DatasetOpening> RecentDatasets::load() {
  std::vector<DatasetOpening> entries;
  for (const QVariant& v : QSettings().value(kKey).toList()) {
    const QVariantMap m = v.toMap();
    DatasetOpening o;
    o.dataset = m.value("dataset").toString();
    o.handModel = m.value("handModel").toString();
    for (const QString& p : m.value("predictions").toStringList()) {
      const int eq = p.indexOf('=');
      if (eq > 0) o.predictions.emplace_back(p.left(eq), p.mid(eq + 1));
    }
    for (const QString& r : m.value("refines").toStringList()) {
      Refinement x;
      if (parseRefinementArg(r.toStdString(), x)) o.refinements.push_back(x);
    }
    if (!o.dataset.isEmpty() && int(entries.size()) < kMax) entries.push_back(std::move(o));
  }
  return entries;
}

void RecentDatasets::save(const std::vector<DatasetOpening>& entries) {
  QVariantList list;
  for (const DatasetOpening& o : entries) {
    if (list.size() >= kMax) break;
    QStringList predictions;
    for (const auto& [name, file] : o.predictions) predictions << name + '=' + file;
    QStringList refines;
    for (const Refinement& r : o.refinements)
      refines << QString::fromStdString(r.refined + "=" + r.rough);
    list << QVariantMap{{"dataset", o.dataset},
                        {"handModel", o.handModel},
                        {"predictions", predictions},
                        {"refines", refines}};
  }
  QSettings().setValue(kKey, list);
}

void RecentDatasets::add(const DatasetOpening& opening) {
  std::vector<DatasetOpening> entries = load();
  DatasetOpening first = opening;
  first.dataset = canonical(opening.dataset);
  entries.erase(std::remove_if(
                    entries.begin(), entries.end(),
                    [&](const DatasetOpening& o) { return canonical(o.dataset) == first.dataset; }),
                entries.end());
  entries.insert(entries.begin(), std::move(first));
  save(entries);
}

QStringList RecentDatasets::pruneMissing() {
  std::vector<DatasetOpening> entries = load();
  QStringList dropped;
  const auto missing = [&](const DatasetOpening& o) {
    if (QFileInfo(o.dataset).isDir()) return false;
    dropped << o.dataset;
    return true;
  };
  entries.erase(std::remove_if(entries.begin(), entries.end(), missing), entries.end());
  if (!dropped.isEmpty()) save(entries);
  return dropped;
}

void RecentDatasets::fillMenu(QMenu* menu, const std::function<void(const DatasetOpening&)>& open) {
  menu->clear();
  const std::vector<DatasetOpening> recent = load();
  for (std::size_t i = 0; i < recent.size(); ++i) {
    const DatasetOpening o = recent[i];
    QAction* a = menu->addAction(QCoreApplication::translate("RecentDatasets", "&%1 %2")
                                     .arg(i + 1)
                                     .arg(QDir::toNativeSeparators(o.dataset)),
                                 menu, [open, o] { open(o); });
    QStringList names;
    for (const auto& [name, file] : o.predictions) names << name;
    a->setToolTip(QCoreApplication::translate("RecentDatasets", "Predictions: %1")
                      .arg(names.join(QStringLiteral(", "))));
  }
  if (recent.empty())
    menu->addAction(QCoreApplication::translate("RecentDatasets", "No recent datasets"))
        ->setEnabled(false);
  menu->addSeparator();
  QAction* clear = menu->addAction(QCoreApplication::translate("RecentDatasets", "&Clear List"),
                                   menu, [menu, open] {
                                     save({});
                                     fillMenu(menu, open);
                                   });
  clear->setEnabled(!recent.empty());
}

}  // namespace handalign
