// SimilarSearch, the service behind `shoebox-cli similar` and the window's Find Similar: the query is
// resolved the same way whichever front end asks (a photo by id, a catalogued file by path, an
// outside file from disk), and the resized copy of a photo is found first.

#include "catalog/database.h"
#include "search/similarsearch.h"
#include "support/duplicatefixture.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace shoebox;

class TestSimilarSearch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void queryIsResolvedTheSameForEveryFrontEnd_data()
    {
        QTest::addColumn<QString>("query"); // "id", "catalogued path" or "outside file"
        QTest::newRow("photo of the library by id") << QStringLiteral("id");
        QTest::newRow("photo of the library by path") << QStringLiteral("catalogued path");
        QTest::newRow("file outside the library") << QStringLiteral("outside file");
    }

    void queryIsResolvedTheSameForEveryFrontEnd()
    {
        QFETCH(QString, query);
        QTemporaryDir dir;
        const QString lib = dir.filePath(QStringLiteral("lib.db"));
        QString error;
        QVERIFY2(Database::open(lib, &error), qPrintable(error));
        const cv::Mat a = test::syntheticPhoto(31, 640, 480);
        const cv::Mat b = test::syntheticPhoto(32, 640, 480);
        const QString fileA = dir.filePath(QStringLiteral("a.jpg"));
        const QString fileSmall = dir.filePath(QStringLiteral("a-small.jpg"));
        const QString fileB = dir.filePath(QStringLiteral("b.jpg"));
        const QString outside = dir.filePath(QStringLiteral("outside.png"));
        QVERIFY(cv::imwrite(fileA.toStdString(), a));
        QVERIFY(cv::imwrite(fileSmall.toStdString(), test::half(a)));
        QVERIFY(cv::imwrite(fileB.toStdString(), b));
        QVERIFY(cv::imwrite(outside.toStdString(), a));
        const qint64 idA = test::addToCatalog(lib, a, fileA, "a");
        const qint64 idSmall = test::addToCatalog(lib, test::half(a), fileSmall, "a-small");
        test::addToCatalog(lib, b, fileB, "b");

        const SimilarSearch search(lib);
        SimilarSearchResult r;
        if (query == QLatin1String("id"))
            r = search.run(idA, QString(), 10);
        else if (query == QLatin1String("catalogued path"))
            r = search.run(0, fileA, 10);
        else
            r = search.run(0, outside, 10);
        Database::closeThreadConnection(lib);

        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.queryId, query == QLatin1String("outside file") ? 0 : idA);
        QVERIFY(!r.matches.isEmpty());
        for (const SimilarMatch& m : std::as_const(r.matches))
            QVERIFY(m.id != r.queryId || r.queryId == 0); // never the query itself
        const SimilarMatch& best = r.matches.first();
        QCOMPARE(best.id, query == QLatin1String("outside file") ? idA : idSmall);
        QVERIFY(best.level != DuplicateLevel::None);
        QVERIFY(!best.reasons.isEmpty());
        const QList<SimilarMatch> scene = r.sameScene();
        QVERIFY(!scene.isEmpty());
        QCOMPARE(scene.first().id, best.id);
        for (const SimilarMatch& m : scene)
            QVERIFY(m.level != DuplicateLevel::None);
    }

    void unreadableFileIsReported()
    {
        QTemporaryDir dir;
        const QString lib = dir.filePath(QStringLiteral("lib.db"));
        QString error;
        QVERIFY2(Database::open(lib, &error), qPrintable(error));
        const QString notAnImage = dir.filePath(QStringLiteral("notes.jpg"));
        {
            QFile f(notAnImage);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not a picture");
        }
        const SimilarSearchResult r = SimilarSearch(lib).run(0, notAnImage, 10);
        Database::closeThreadConnection(lib);
        QCOMPARE(r.status, SimilarSearchResult::FileUnreadable);
        QCOMPARE(r.error, notAnImage + QStringLiteral(": not an image Shoebox can read"));
        QVERIFY(r.matches.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSimilarSearch)
#include "tst_similarsearch.moc"
