#include "project/ProjectLocation.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace handalign {
namespace fs = std::filesystem;

fs::path projectFileFor(const fs::path& dataset) {
  const QString absolute = QDir(QString::fromStdString(dataset.string())).absolutePath();
  const QString key = QString::fromLatin1(
      QCryptographicHash::hash(absolute.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
  const QString dir =
      QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/projects";
  QDir().mkpath(dir);
  return fs::path((dir + "/" + key + ".handalign").toStdString());
}

fs::path modelOutputDirFor(const fs::path& projectFile, const fs::path& model) {
  const QString stamp = QDateTime::currentDateTimeUtc().toString("yyyyMMdd-HHmmss-zzz");
  fs::path dir = projectFile;
  return dir.replace_extension(".models") /
         (QFileInfo(QString::fromStdString(model.string())).completeBaseName() + "-" + stamp)
             .toStdString();
}

}  // namespace handalign
