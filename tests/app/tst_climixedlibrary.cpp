// A camera roll of every kind at once (JPEG, HEIC, RAW+JPEG pair, video, Live Photo, motion photo),
// scanned by shoebox-cli: each file is catalogued, each item is listed once as the kind it is, and the
// secondary halves of pairs appear only with --all, attached to their partner.

#include "support/clirunner.h"
#include "support/mixedlibrary.h"
#include "support/videofixture.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace shoebox::test;

namespace {

// Two sets: a second folder with its own Live Photo must not pair across folders or merge items.
constexpr int kSets = 2;

} // namespace

class TestCliMixedLibrary : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_lib, m_roll;
    QMap<QString, QString> m_env;
    QJsonObject m_scan;
    QJsonArray m_listed, m_listedAll;

    QJsonObject cli(const QStringList& args)
    {
        const CliResult r = runCli(m_lib, QStringList { QStringLiteral("--json") } + args, m_env);
        if (r.code != 0)
            qWarning("shoebox-cli %s: exit %d: %s", qPrintable(args.join(QLatin1Char(' '))), r.code, r.err.constData());
        return r.json();
    }

    // The `list --all` entry of one file of the first set.
    QJsonObject entry(const QString& name) const
    {
        for (const QJsonValue& v : m_listedAll) {
            const QString path = v.toObject().value(QStringLiteral("path")).toString();
            if (path.endsWith(QStringLiteral("/set_000/") + name))
                return v.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!VideoFixture::available())
            QSKIP(qPrintable(VideoFixture::skipReason()));
        QVERIFY(m_tmp.isValid());
        // The CLI is a normal process: its caches and settings go to the test's temporary homes.
        for (const char* home : { "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME" })
            m_env.insert(QString::fromLatin1(home), m_tmp.filePath(QString::fromLatin1(home)));
        m_lib = m_tmp.filePath(QStringLiteral("lib.db"));
        m_roll = m_tmp.filePath(QStringLiteral("roll"));
        QString error;
        QVERIFY2(MixedLibrary::write(m_roll, kSets, &error), qPrintable(error));
        m_scan = cli({ QStringLiteral("scan"), QStringLiteral("--no-tags"), m_roll });
        m_listed = cli({ QStringLiteral("list") }).value(QStringLiteral("photos")).toArray();
        m_listedAll
            = cli({ QStringLiteral("list"), QStringLiteral("--all") }).value(QStringLiteral("photos")).toArray();
    }

    void scanCataloguesEveryFileWithoutProblems()
    {
        QCOMPARE(m_scan.value(QStringLiteral("found")).toInt(), kSets * MixedLibrary::kFilesPerSet);
        QCOMPARE(m_scan.value(QStringLiteral("added")).toInt(), kSets * MixedLibrary::kFilesPerSet);
        QCOMPARE(m_scan.value(QStringLiteral("problems")).toArray(), QJsonArray());
    }

    void listShowsEachItemOnceAsItsKind()
    {
        QCOMPARE(MixedLibrary::countItems(m_listed), MixedLibrary::expectedItems(kSets));
    }

    void listAllShowsEveryFileWithItsKind_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("partnerOf");
        QTest::newRow("camera JPEG") << "IMG_0001.JPG"
                                     << "photo"
                                     << "jpeg"
                                     << ""
                                     << "";
        QTest::newRow("iPhone HEIC") << "IMG_0002.HEIC"
                                     << "photo"
                                     << "heic"
                                     << ""
                                     << "";
        QTest::newRow("RAW of a pair") << "DSC_0003.DNG"
                                       << "raw"
                                       << "dng"
                                       << "raw-original"
                                       << "DSC_0003.JPG";
        QTest::newRow("JPEG of a pair") << "DSC_0003.JPG"
                                        << "photo"
                                        << "jpeg"
                                        << ""
                                        << "";
        QTest::newRow("video") << "CLIP_0004.MP4"
                               << "video"
                               << "mp4"
                               << ""
                               << "";
        QTest::newRow("Live Photo still") << "IMG_0005.JPG"
                                          << "photo"
                                          << "jpeg"
                                          << ""
                                          << "";
        QTest::newRow("Live Photo motion") << "IMG_0005.MOV"
                                           << "video"
                                           << "mov"
                                           << "live-motion"
                                           << "IMG_0005.JPG";
        QTest::newRow("motion photo") << "PXL_0006.MP.jpg"
                                      << "photo"
                                      << "jpeg"
                                      << ""
                                      << "";
    }

    void listAllShowsEveryFileWithItsKind()
    {
        QFETCH(QString, file);
        QFETCH(QString, kind);
        QFETCH(QString, format);
        QFETCH(QString, role);
        QFETCH(QString, partnerOf);
        QCOMPARE(m_listedAll.size(), kSets * MixedLibrary::kFilesPerSet);
        const QJsonObject o = entry(file);
        QVERIFY2(!o.isEmpty(), qPrintable(file + QStringLiteral(" is not listed")));
        QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("ok"));
        QCOMPARE(o.value(QStringLiteral("kind")).toString(), kind);
        QCOMPARE(o.value(QStringLiteral("format")).toString(), format);
        QCOMPARE(o.value(QStringLiteral("role")).toString(), role);
        // A secondary half names the item it belongs to, in its own folder.
        const QString path = o.value(QStringLiteral("path")).toString();
        QCOMPARE(o.value(QStringLiteral("partner_of")).toString(),
            partnerOf.isEmpty() ? QString() : QFileInfo(path).path() + QLatin1Char('/') + partnerOf);
    }
};

QTEST_GUILESS_MAIN(TestCliMixedLibrary)
#include "tst_climixedlibrary.moc"
