// The MANO layer (core/hand/ManoLayer) against a NumPy reference
// (tools/reference/mano_reference.py) on a synthetic MANO-like model converted by
// tools/mano_to_handmodel.py: random axis-angle and PCA poses, shapes and translations, with and
// without the mean pose. No MANO data is involved.
#include "TestSupport.h"

#include "hand/HandModel.h"
#include "hand/ManoLayer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace handalign;
namespace fs = std::filesystem;

namespace {
QJsonArray array(const std::vector<double>& v) {
  QJsonArray a;
  for (double x : v) a.append(x);
  return a;
}
}  // namespace

class TestManoLayer : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  fs::path dir() const { return fs::path(tmp_.path().toStdString()); }

 private Q_SLOTS:
  void matchesTheNumpyReference() {
    const fs::path pkl = dir() / "MANO_RIGHT.pkl", model = dir() / "mano.json";
    const fs::path cases = dir() / "cases.json", results = dir() / "results.json";
    const QString src = QString::fromStdString(test::sourceDir().string());
    const auto made =
        test::runPython({"-c", QString("import sys; sys.path[:0] = ['%1/tests/tools', '%1/tools', "
                                       "'%1/tools/reference']\n"
                                       "from test_mano_converter import make_fake_mano\n"
                                       "import mano_to_handmodel as conv\n"
                                       "make_fake_mano('%2')\n"
                                       "sys.exit(conv.main(['%2', '--out', '%3']))")
                                   .arg(src, QString::fromStdString(pkl.string()),
                                        QString::fromStdString(model.string()))});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    const HandModel hand = loadHandModel(model);
    QVERIFY(hand.mano);
    QCOMPARE(hand.mano->side, std::string("right"));
    QCOMPARE(hand.mano->tipVertices[2], 444);  // manopth's right middle tip (the layer's joints)

    std::mt19937 rng(7);
    std::normal_distribution<double> n(0.0, 0.6);
    std::vector<ManoParameters> params;
    QJsonArray list;
    for (int k = 0; k < 8; ++k) {
      ManoParameters p;
      p.pca = k % 2 == 1;
      p.flatHandMean = k % 4 >= 2;
      p.globalRotation = {n(rng), n(rng), n(rng)};
      p.hand.resize(p.pca ? 6 + k : 45);
      for (double& x : p.hand) x = n(rng);
      p.shape.resize(k == 0 ? 0 : 10);
      for (double& x : p.shape) x = 2 * n(rng);
      p.translation = {0.1 * n(rng), 0.1 * n(rng), 0.5 + 0.1 * n(rng)};
      params.push_back(p);
      list.append(QJsonObject{
          {"global", array({p.globalRotation.x(), p.globalRotation.y(), p.globalRotation.z()})},
          {"hand", array(p.hand)},
          {"shape", array(p.shape)},
          {"trans", array({p.translation.x(), p.translation.y(), p.translation.z()})},
          {"pca", p.pca},
          {"flat", p.flatHandMean}});
    }
    test::writeText(cases, QJsonDocument(list).toJson().toStdString());
    const auto ref = test::runPython(
        {"-c", QString("import sys, json; sys.path.insert(0, '%1/tools/reference')\n"
                       "import mano_reference as ref\n"
                       "m = json.load(open('%2'))\n"
                       "out = []\n"
                       "for c in json.load(open('%3')):\n"
                       "    v, j = ref.forward(m['mano'], m['rest_vertices'], c['global'], "
                       "c['hand'], c['shape'], c['trans'], c['pca'], c['flat'])\n"
                       "    out.append({'v': v.tolist(), 'j': j.tolist()})\n"
                       "json.dump(out, open('%4', 'w'))")
                   .arg(src, QString::fromStdString(model.string()),
                        QString::fromStdString(cases.string()),
                        QString::fromStdString(results.string()))});
    QVERIFY2(ref.exitCode == 0, qPrintable(ref.err));
    const QJsonArray expected =
        QJsonDocument::fromJson(QByteArray::fromStdString(test::readText(results))).array();
    QCOMPARE(expected.size(), qsizetype(params.size()));
    double worst = 0, moved = 0;
    for (std::size_t k = 0; k < params.size(); ++k) {
      const ManoMesh mesh = manoForward(*hand.mano, params[k]);
      const QJsonArray v = expected[qsizetype(k)].toObject()["v"].toArray();
      const QJsonArray j = expected[qsizetype(k)].toObject()["j"].toArray();
      QCOMPARE(v.size(), qsizetype(mesh.vertices.rows()));
      QCOMPARE(j.size(), qsizetype(21));
      for (int i = 0; i < mesh.vertices.rows(); ++i)
        for (int c = 0; c < 3; ++c) {
          worst = std::max(worst, std::abs(mesh.vertices(i, c) - v[i].toArray()[c].toDouble()));
          moved = std::max(moved, std::abs(mesh.vertices(i, c) - hand.restVertices(i, c)));
        }
      for (int i = 0; i < 21; ++i)
        for (int c = 0; c < 3; ++c)
          worst = std::max(worst, std::abs(mesh.joints(i, c) - j[i].toArray()[c].toDouble()));
    }
    qInfo("largest difference to the reference: %.3g m (vertices moved up to %.3g m)", worst,
          moved);
    QVERIFY2(worst < 1e-9, qPrintable(QString::number(worst)));
    QVERIFY(moved > 0.01);  // the poses did something

    // Identity: no pose, no shape, flat mean, no translation → the template itself.
    ManoParameters rest;
    rest.flatHandMean = true;
    rest.hand.assign(45, 0.0);
    const ManoMesh still = manoForward(*hand.mano, rest);
    QVERIFY((still.vertices - hand.restVertices).cwiseAbs().maxCoeff() < 1e-12);
    // Bad parameter counts are refused.
    ManoParameters wrong;
    wrong.hand.assign(44, 0.0);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, manoForward(*hand.mano, wrong));
  }
};

QTEST_GUILESS_MAIN(TestManoLayer)
#include "TestManoLayer.moc"
