// shoebox-cli duplicates and similar end to end, as a script would use them.

#include "support/clirunner.h"
#include "support/duplicatefixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <memory>

using namespace shoebox;

namespace {

using Result = shoebox::test::CliResult;

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCliDuplicates : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_tmp; // HOME, trash, cache and library all live here, one per slot
    QString m_photos;

    QString photo(const char* name) const { return m_photos + QLatin1Char('/') + QLatin1String(name); }

    Result cli(const QStringList& args)
    {
        return shoebox::test::runCli(m_tmp->filePath(QStringLiteral("lib.db")), args,
            { { QStringLiteral("HOME"), m_tmp->path() },
                { QStringLiteral("XDG_DATA_HOME"), m_tmp->filePath(QStringLiteral("share")) },
                { QStringLiteral("XDG_CACHE_HOME"), m_tmp->filePath(QStringLiteral("cache")) } });
    }

    QJsonArray groups(const QStringList& extra = {})
    {
        const Result r = cli(QStringList { QStringLiteral("--json"), QStringLiteral("duplicates") } + extra);
        return r.json().value(QStringLiteral("groups")).toArray();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Every slot gets its own photos (a, a byte-identical copy, a smaller copy, an unrelated b),
    // scanned into its own library, with its own trash.
    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        QVERIFY(QDir().mkpath(m_tmp->filePath(QStringLiteral("share"))));
        m_photos = m_tmp->filePath(QStringLiteral("photos"));
        QVERIFY(QDir().mkpath(m_photos));
        const cv::Mat a = test::syntheticPhoto(101, 800, 600);
        cv::Mat small;
        cv::resize(a, small, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
        QVERIFY(cv::imwrite(photo("a.jpg").toStdString(), a, { cv::IMWRITE_JPEG_QUALITY, 92 }));
        QVERIFY(QFile::copy(photo("a.jpg"), photo("copy of a.jpg")));
        QVERIFY(cv::imwrite(photo("a-small.jpg").toStdString(), small, { cv::IMWRITE_JPEG_QUALITY, 80 }));
        QVERIFY(cv::imwrite(photo("b.jpg").toStdString(), test::syntheticPhoto(102, 800, 600)));
        const Result scan = cli({ QStringLiteral("scan"), QStringLiteral("--no-thumbnails"), m_photos });
        QVERIFY2(scan.code == 0, scan.err.constData());
    }

    void cleanup() { m_tmp.reset(); }

    void duplicatesJsonHasAbsolutePathsKeeperAndReasons()
    {
        const QJsonArray near = groups();
        QCOMPARE(near.size(), 1);
        const QJsonObject g = near.first().toObject();
        QCOMPARE(g.value(QStringLiteral("level")).toString(), QStringLiteral("near"));
        const QJsonArray files = g.value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 3);
        for (const auto& f : files)
            QVERIFY(QDir::isAbsolutePath(f.toString()));
        QVERIFY(!files.contains(photo("b.jpg")));
        QVERIFY(g.value(QStringLiteral("keep")).toString() != photo("a-small.jpg"));
        QCOMPARE(g.value(QStringLiteral("reasons")).toArray().size(), 2);
        QCOMPARE(g.value(QStringLiteral("toCheck")).toArray().size(), 0); // a resized copy is confirmed

        const QJsonArray exact = groups({ QStringLiteral("--level"), QStringLiteral("exact") });
        QCOMPARE(exact.size(), 1);
        QCOMPARE(exact.first().toObject().value(QStringLiteral("files")).toArray().size(), 2);
    }

    void similarFindsTheResizedCopy()
    {
        const Result r = cli({ QStringLiteral("--json"), QStringLiteral("similar"), photo("a-small.jpg") });
        QCOMPARE(r.code, 0);
        const QJsonArray hits = r.json().value(QStringLiteral("similar")).toArray();
        // Every other photo in the library, best first: the two full-size copies of a, then b.
        QStringList files;
        for (const auto& hit : hits)
            files << QFileInfo(hit.toObject().value(QStringLiteral("file")).toString()).fileName();
        QVERIFY2(files.size() == 3 && files.last() == QLatin1String("b.jpg"), qPrintable(files.join(QLatin1Char(','))));
        QStringList copies = files.mid(0, 2);
        copies.sort();
        QCOMPARE(copies, (QStringList { QStringLiteral("a.jpg"), QStringLiteral("copy of a.jpg") }));
        QVERIFY(hits.first().toObject().value(QStringLiteral("file")).toString().contains(QStringLiteral("a.jpg")));
    }

    void dryRunTouchesNothing()
    {
        const Result r = cli({ QStringLiteral("--json"), QStringLiteral("duplicates"), QStringLiteral("--trash-others"),
            QStringLiteral("--dry-run") });
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json().value(QStringLiteral("wouldTrash")).toArray().size(), 2);
        for (const char* f : { "a.jpg", "copy of a.jpg", "a-small.jpg", "b.jpg" })
            QVERIFY(QFile::exists(photo(f)));
    }

    void trashOthersThenUndoRestoresTheFiles()
    {
        QMap<QString, QByteArray> before;
        for (const char* f : { "a.jpg", "copy of a.jpg", "a-small.jpg" })
            before.insert(photo(f), readAll(photo(f)));
        QCOMPARE(cli({ QStringLiteral("duplicates"), QStringLiteral("--trash-others") }).code, 0);
        int left = 0;
        for (const QString& f : before.keys())
            left += QFile::exists(f) ? 1 : 0;
        QCOMPARE(left, 1);
        QVERIFY(groups().isEmpty());
        QCOMPARE(QDir(m_tmp->filePath(QStringLiteral("share/Trash/files"))).entryList(QDir::Files).size(), 2);

        QCOMPARE(cli({ QStringLiteral("duplicates"), QStringLiteral("--undo") }).code, 0);
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(readAll(it.key()), it.value());
        QCOMPARE(groups().size(), 1);
        const Result again = cli({ QStringLiteral("duplicates"), QStringLiteral("--undo") });
        QCOMPARE(again.code, 1);
        QVERIFY(again.err.startsWith("shoebox-cli: nothing to undo"));
    }

    // A crop of a near-empty picture, joined only by a window the thumbnail search moved, is marked
    // check beside a resized copy (a sure link): --trash-others moves the resized copy, leaves the crop
    // where it is and says so; after an undo, --include-to-check moves the crop too.
    void aCopyToCheckStaysUnlessAskedFor()
    {
        const QString plain = m_tmp->filePath(QStringLiteral("plain"));
        QVERIFY(QDir().mkpath(plain));
        const cv::Mat img = test::nearEmptyPicture();
        const QString original = plain + QStringLiteral("/plain.jpg"), crop = plain + QStringLiteral("/plain-crop.jpg");
        const QString small = plain + QStringLiteral("/plain-small.jpg");
        QVERIFY(cv::imwrite(original.toStdString(), img));
        QVERIFY(cv::imwrite(small.toStdString(), test::half(img)));
        QVERIFY(cv::imwrite(crop.toStdString(), test::cropped(img, 0.08)));
        QCOMPARE(cli({ QStringLiteral("scan"), QStringLiteral("--no-thumbnails"), plain }).code, 0);
        const QJsonArray withCrop = groups({ QStringLiteral("--folder"), plain });
        QCOMPARE(withCrop.size(), 1);
        QCOMPARE(withCrop.first().toObject().value(QStringLiteral("toCheck")).toArray(), QJsonArray { crop });

        const Result left = cli(
            { QStringLiteral("duplicates"), QStringLiteral("--folder"), plain, QStringLiteral("--trash-others") });
        QCOMPARE(left.code, 0);
        QVERIFY2(
            left.out.contains(QByteArray(QByteArray("left for you to check: ") + crop.toUtf8())), left.out.constData());
        QVERIFY(QFile::exists(crop));
        QVERIFY(!QFile::exists(small));
        // The crop alone beside its original has no sure link left: no near group until the copy is back.
        QVERIFY(groups({ QStringLiteral("--folder"), plain }).isEmpty());
        QCOMPARE(cli({ QStringLiteral("duplicates"), QStringLiteral("--undo") }).code, 0);
        const Result moved = cli({ QStringLiteral("duplicates"), QStringLiteral("--folder"), plain,
            QStringLiteral("--trash-others"), QStringLiteral("--include-to-check") });
        QCOMPARE(moved.code, 0);
        QVERIFY(!QFile::exists(crop));
        QVERIFY(!QFile::exists(small));
        QVERIFY(QFile::exists(original));
    }

    void notDuplicatesVerdictIsNeverProposedAgain()
    {
        QCOMPARE(cli({ QStringLiteral("duplicates"), QStringLiteral("--not-duplicates"), photo("a.jpg"),
                         photo("a-small.jpg") })
                     .code,
            0);
        // The copy has the same bytes as a.jpg, so the verdict covers it too: only the exact pair is left.
        const QJsonArray near = groups();
        QCOMPARE(near.size(), 1);
        QCOMPARE(near.first().toObject().value(QStringLiteral("level")).toString(), QStringLiteral("exact"));
        QVERIFY(!near.first().toObject().value(QStringLiteral("files")).toArray().contains(photo("a-small.jpg")));
    }

    void badArgumentsFailWithOneLine()
    {
        const Result r = cli({ QStringLiteral("duplicates"), QStringLiteral("--level"), QStringLiteral("fuzzy") });
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err.count('\n'), 1);
        QCOMPARE(cli({ QStringLiteral("duplicates"), QStringLiteral("--dry-run") }).code, 2);
        QCOMPARE(cli({ QStringLiteral("duplicates"), QStringLiteral("--include-to-check") }).code, 2);
        QCOMPARE(cli({ QStringLiteral("similar"), photo("missing.jpg") }).code, 1);
    }
};

QTEST_GUILESS_MAIN(TestCliDuplicates)
#include "tst_cliduplicates.moc"
