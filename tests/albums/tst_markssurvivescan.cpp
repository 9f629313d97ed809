#include "albums/albumstore.h"
#include "albums/markstore.h"
#include "catalog/photostore.h"
#include "scan/scanner.h"
#include "support/testlibrary.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

namespace {

// A small JPEG of noise drawn from seed: different seeds give different content hashes.
bool writePhoto(const QString& path, int seed)
{
    cv::Mat m(120, 160, CV_8UC3);
    cv::theRNG().state = uint64_t(seed);
    cv::randu(m, cv::Scalar::all(0), cv::Scalar::all(255));
    QDir().mkpath(QFileInfo(path).absolutePath());
    return cv::imwrite(QFile::encodeName(path).toStdString(), m);
}

} // namespace

// Marks and albums key on the photo id; a rescan, a rename, a move or an edit in place keeps it.
class TestMarksSurviveScan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void marksAndAlbumsSurvive_data();
    void marksAndAlbumsSurvive();
};

void TestMarksSurviveScan::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMarksSurviveScan::marksAndAlbumsSurvive_data()
{
    QTest::addColumn<QString>("newName"); // where the photo is at the second scan ("" = same place)
    QTest::addColumn<bool>("edit"); // its bytes change
    QTest::newRow("rescan") << QString() << false;
    QTest::newRow("renamed") << QStringLiteral("renamed.jpg") << false;
    QTest::newRow("moved into a sub-folder") << QStringLiteral("2024/japan/kyoto.jpg") << false;
    QTest::newRow("edited in place") << QString() << true;
}

void TestMarksSurviveScan::marksAndAlbumsSurvive()
{
    QFETCH(QString, newName);
    QFETCH(bool, edit);
    TestLibrary lib;
    QVERIFY2(lib.isOpen(), qPrintable(lib.error()));
    const QString root = lib.filePath(QStringLiteral("photos"));
    const QString first = root + QStringLiteral("/kyoto.jpg");
    QVERIFY(writePhoto(first, 1));
    QVERIFY(writePhoto(root + QStringLiteral("/other.jpg"), 2));
    Scanner(lib.path()).scan({ QFile::encodeName(root) });
    const auto before = PhotoStore(lib.path()).photoByPath(QFile::encodeName(first));
    QVERIFY(before);
    const PhotoMarks marks { true, 4, PickFlag::Picked, false };
    QVERIFY(MarkStore(lib.path()).setMarks({ { before->id, marks } }));
    AlbumStore albums(lib.path());
    const qint64 album = albums.createAlbum(QStringLiteral("Travel / Japan"));
    QCOMPARE(albums.addPhotos(album, { before->id }).size(), 1);

    QString now = first;
    if (!newName.isEmpty()) {
        now = root + QLatin1Char('/') + newName;
        QDir().mkpath(QFileInfo(now).absolutePath());
        QVERIFY(QFile::rename(first, now));
    }
    if (edit)
        QVERIFY(writePhoto(now, 3));
    Scanner(lib.path()).scan({ QFile::encodeName(root) });

    const auto after = PhotoStore(lib.path()).photoByPath(QFile::encodeName(now));
    QVERIFY(after);
    QCOMPARE(after->state, PhotoState::Ok);
    QCOMPARE(after->contentHash == before->contentHash, !edit);
    QCOMPARE(MarkStore(lib.path()).marks(after->id), marks);
    QCOMPARE(albums.photosOf(album), QVector<qint64> { after->id });
    QCOMPARE(MarkStore(lib.path()).favourites(), QVector<qint64> { after->id });
}

QTEST_GUILESS_MAIN(TestMarksSurviveScan)
#include "tst_markssurvivescan.moc"
