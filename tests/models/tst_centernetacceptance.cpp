// The real default model (installed by scripts/install-model.sh) on darknet's photos: the tags a
// person sees in each photo, and no others. Skips when the model or the photos are missing.

#include "modelmanifest.h"
#include "torchanalyzer.h"

#include <QDir>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

using namespace shoebox;

class TestCenternetAcceptance : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void findsTheObjectsInDarknetPhotos_data();
    void findsTheObjectsInDarknetPhotos();
    void dogBoxLiesWhereTheDogIs();
    void embeddingIsUnitLength();

private:
    std::unique_ptr<TorchAnalyzer> m_analyzer;
    QDir m_photos;
};

void TestCenternetAcceptance::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_photos = QDir(QStringLiteral(SHOEBOX_TEST_DATA "/darknet"));
    if (!m_photos.exists(QStringLiteral("dog.jpg")))
        QSKIP("darknet photos missing (scripts/fetch-test-photos.sh)");
    QString error;
    const auto model = ModelManifest::locate(QStringLiteral("centernet-mobilenetv3-coco"), &error);
    if (!model)
        QSKIP(qPrintable(QStringLiteral("default model not installed (scripts/install-model.sh): ") + error));
    AnalyzerOptions options;
    options.device = QStringLiteral("cpu");
    options.threads = 2;
    m_analyzer = TorchAnalyzer::load(*model, options, &error);
    QVERIFY2(m_analyzer, qPrintable(error));
}

void TestCenternetAcceptance::findsTheObjectsInDarknetPhotos_data()
{
    QTest::addColumn<QString>("photo");
    QTest::addColumn<QStringList>("required");
    QTest::addColumn<QStringList>("allowed"); // besides the required ones
    QTest::newRow("dog") << "dog.jpg" << QStringList { "bicycle", "dog" } << QStringList { "car", "truck" };
    QTest::newRow("horses") << "horses.jpg" << QStringList { "horse" } << QStringList {};
    QTest::newRow("person") << "person.jpg" << QStringList { "person", "dog" } << QStringList {};
    QTest::newRow("giraffe") << "giraffe.jpg" << QStringList { "giraffe", "zebra" } << QStringList {};
    QTest::newRow("eagle") << "eagle.jpg" << QStringList { "bird" } << QStringList {};
    QTest::newRow("kite") << "kite.jpg" << QStringList { "kite", "person" } << QStringList {};
}

void TestCenternetAcceptance::findsTheObjectsInDarknetPhotos()
{
    QFETCH(QString, photo);
    QFETCH(QStringList, required);
    QFETCH(QStringList, allowed);
    const cv::Mat img = cv::imread(m_photos.filePath(photo).toStdString());
    QVERIFY(!img.empty());
    const auto results = m_analyzer->analyze({ img });
    QVERIFY2(results.at(0).error.isEmpty(), qPrintable(results[0].error));
    QSet<QString> found;
    QStringList described;
    for (const Detection& d : results[0].detections) {
        found.insert(d.label);
        described << QStringLiteral("%1 %2").arg(d.label).arg(d.score, 0, 'f', 2);
    }
    for (const QString& r : required)
        QVERIFY2(found.contains(r), qPrintable(QStringLiteral("%1 missing; found: %2").arg(r, described.join(", "))));
    if (photo == QLatin1String("dog.jpg"))
        QVERIFY2(found.contains("car") || found.contains("truck"), qPrintable(described.join(", ")));
    for (const QString& f : found)
        QVERIFY2(required.contains(f) || allowed.contains(f),
            qPrintable(QStringLiteral("unexpected %1; found: %2").arg(f, described.join(", "))));
}

void TestCenternetAcceptance::dogBoxLiesWhereTheDogIs()
{
    const auto results = m_analyzer->analyze({ cv::imread(m_photos.filePath("dog.jpg").toStdString()) });
    for (const Detection& d : results.at(0).detections) {
        if (d.label != QLatin1String("dog"))
            continue;
        // The dog sits in the lower left of the photo.
        QVERIFY2(d.box.center().x() < 0.5 && d.box.center().y() > 0.5,
            qPrintable(QStringLiteral("%1,%2").arg(d.box.center().x()).arg(d.box.center().y())));
        QVERIFY(d.box.width() > 0.1 && d.box.height() > 0.2);
        return;
    }
    QFAIL("no dog found");
}

void TestCenternetAcceptance::embeddingIsUnitLength()
{
    const auto results = m_analyzer->analyze({ cv::imread(m_photos.filePath("eagle.jpg").toStdString()) });
    const auto& e = results.at(0).embedding;
    QVERIFY(e.size() >= 64);
    double norm = 0;
    for (float x : e)
        norm += double(x) * x;
    QVERIFY(std::abs(norm - 1.0) < 1e-4);
}

QTEST_GUILESS_MAIN(TestCenternetAcceptance)
#include "tst_centernetacceptance.moc"
