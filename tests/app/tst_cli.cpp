// shoebox-cli end to end, as a script would use it.

#include "catalog/database.h"
#include "support/exiffixture.h"
#include "support/testtimeout.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

#include <memory>

using namespace shoebox;

namespace {

const QString kCli = QStringLiteral(SHOEBOX_BINARY_DIR "/app/shoebox-cli");
const QString kDarknet = QStringLiteral(SHOEBOX_TEST_DATA "/darknet");

struct Result {
    int code = -1;
    QByteArray out, err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_lib;

    Result cli(const QStringList& args, const QString& lib = QString())
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_tmp->filePath(QStringLiteral("cache")));
        p.setProcessEnvironment(env);
        p.start(kCli, QStringList { QStringLiteral("--library"), lib.isEmpty() ? m_lib : lib } + args);
        p.waitForFinished(shoebox::test::processTimeoutMs());
        return { p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError() };
    }

    // The slot's library with the seven darknet photos in it.
    void scanDarknet()
    {
        const Result r
            = cli({ QStringLiteral("--json"), QStringLiteral("scan"), QStringLiteral("--no-tags"), kDarknet });
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("added")).toInt(), 7);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!QDir(kDarknet).exists())
            QSKIP("darknet test photos missing: run scripts/fetch-test-photos.sh");
    }

    // Every slot starts from a library of its own that does not exist yet.
    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_lib = m_tmp->filePath(QStringLiteral("lib.db"));
    }

    void cleanup() { m_tmp.reset(); }

    void scanDarknetPhotosAndListThem()
    {
        scanDarknet();
        const Result list = cli({ QStringLiteral("--json"), QStringLiteral("list") });
        QCOMPARE(list.json().value(QStringLiteral("count")).toInt(), 7);
    }

    void infoShowsExifOfDogPhoto()
    {
        scanDarknet();
        const Result r
            = cli({ QStringLiteral("--json"), QStringLiteral("info"), kDarknet + QStringLiteral("/dog.jpg") });
        QCOMPARE(r.code, 0);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("camera_model")).toString(), QStringLiteral("Canon PowerShot S95"));
        QCOMPARE(o.value(QStringLiteral("taken_at")).toString(), QStringLiteral("2014-09-19T16:08:30.000"));
        QCOMPARE(o.value(QStringLiteral("width")).toInt(), 768);
        QCOMPARE(o.value(QStringLiteral("hashes")).toObject().value(QStringLiteral("phash")).toString().size(), 16);
    }

    // A RAW+JPEG pair is one photo with its RAW as partner; a motion photo is live.
    void listAndInfoShowPairsAsOnePhoto()
    {
        const QString dir = m_tmp->filePath(QStringLiteral("roll"));
        QVERIFY(QDir().mkpath(dir));
        std::vector<unsigned char> buf;
        cv::imencode(".jpg", test::markedImage(320, 240), buf);
        const QByteArray jpeg(reinterpret_cast<const char*>(buf.data()), int(buf.size()));
        QByteArray mp4 = QByteArray("\0\0\0\x18"
                                    "ftypisom\0\0\x02\0isommp41",
                             24)
            + QByteArray("\0\0\x04\x08mdat", 8);
        mp4 += QByteArray(1024, '\x01');
        QVERIFY(test::writeFile(dir + QStringLiteral("/DSC_0100.JPG"), jpeg));
        QVERIFY(test::writeFile(dir + QStringLiteral("/DSC_0100.CR2"), QByteArray("not really a CR2")));
        QVERIFY(test::writeFile(dir + QStringLiteral("/PXL_0001.MP.jpg"), jpeg + mp4));
        QCOMPARE(cli({ QStringLiteral("scan"), QStringLiteral("--no-tags"), dir }).code, 0);

        const QJsonArray photos = cli({ QStringLiteral("--json"), QStringLiteral("list") })
                                      .json()
                                      .value(QStringLiteral("photos"))
                                      .toArray();
        QCOMPARE(photos.size(), 2);
        QJsonObject pair, motion;
        for (const QJsonValue& v : photos)
            (v.toObject().value(QStringLiteral("path")).toString().endsWith(QLatin1String("DSC_0100.JPG")) ? pair
                                                                                                           : motion)
                = v.toObject();
        const QJsonArray partners = pair.value(QStringLiteral("partners")).toArray();
        QCOMPARE(partners.size(), 1);
        QCOMPARE(
            partners[0].toObject().value(QStringLiteral("path")).toString(), dir + QStringLiteral("/DSC_0100.CR2"));
        QCOMPARE(partners[0].toObject().value(QStringLiteral("role")).toString(), QStringLiteral("raw-original"));
        QVERIFY(!pair.contains(QStringLiteral("live")));
        QCOMPARE(motion.value(QStringLiteral("live")).toBool(), true);
        QCOMPARE(motion.value(QStringLiteral("motion_offset")).toInt(), int(jpeg.size()));

        const Result info = cli({ QStringLiteral("info"), dir + QStringLiteral("/DSC_0100.JPG") });
        QVERIFY2(info.out.contains(QByteArray("RAW original  " + QFile::encodeName(dir) + "/DSC_0100.CR2")),
            info.out.constData());
        const Result all = cli({ QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("--all") });
        bool rawListed = false;
        for (const QJsonValue& v : all.json().value(QStringLiteral("photos")).toArray())
            rawListed = rawListed
                || v.toObject().value(QStringLiteral("partner_of")).toString() == dir + QStringLiteral("/DSC_0100.JPG");
        QVERIFY(rawListed);
    }

    void timelineCountsEveryPhoto()
    {
        scanDarknet();
        const Result r = cli({ QStringLiteral("--json"), QStringLiteral("timeline") });
        int total = 0;
        for (const QJsonValue& b : r.json().value(QStringLiteral("buckets")).toArray())
            total += b.toObject().value(QStringLiteral("count")).toInt();
        QCOMPARE(total, 7);
    }

    void failuresGiveOneLineReasonAndNonZeroExit()
    {
        const Result unknown = cli({ QStringLiteral("info"), QStringLiteral("/no/such/photo.jpg") });
        QVERIFY(unknown.code != 0);
        QCOMPARE(unknown.err.trimmed().count('\n'), 0);
        QVERIFY(unknown.err.contains("not in the library"));
        const Result bad = cli({ QStringLiteral("frobnicate") });
        QCOMPARE(bad.code, 2);
        // A library file that is not a database.
        const QString junk = m_tmp->filePath(QStringLiteral("junk.db"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(QByteArray(8192, 'j')) == 8192);
        f.close();
        const Result notDb = cli({ QStringLiteral("list") }, junk);
        QVERIFY(notDb.code != 0);
        QVERIFY(notDb.err.startsWith("shoebox-cli: "));
    }

    void killedScanLeavesHealthyLibraryAndResumes()
    {
        QTemporaryDir photos;
        cv::Mat m(600, 800, CV_8UC3);
        for (int i = 0; i < 150; ++i) {
            cv::randu(m, cv::Scalar::all(i % 50), cv::Scalar::all(200));
            cv::imwrite(photos.filePath(QStringLiteral("p%1.png").arg(i)).toStdString(), m);
        }
        const QString lib = m_tmp->filePath(QStringLiteral("killed.db"));
        QProcess p;
        p.start(kCli,
            { QStringLiteral("--library"), lib, QStringLiteral("scan"), QStringLiteral("--no-tags"),
                QStringLiteral("--threads"), QStringLiteral("1"), photos.path() });
        QVERIFY(p.waitForStarted());
        // Kill -9 as soon as the first batch is committed.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QSqlDatabase db = Database::connection(lib);
                QSqlQuery q(db);
                return q.exec(QStringLiteral("SELECT count(*) FROM photos")) && q.next() && q.value(0).toInt() > 0;
            }() || p.state() == QProcess::NotRunning,
            60000);
        p.kill();
        p.waitForFinished();
        Database::closeThreadConnection(lib);
        const Result again = cli(
            { QStringLiteral("--json"), QStringLiteral("scan"), QStringLiteral("--no-tags"), photos.path() }, lib);
        QCOMPARE(again.code, 0);
        const QJsonObject o = again.json();
        QCOMPARE(o.value(QStringLiteral("added")).toInt() + o.value(QStringLiteral("unchanged")).toInt(), 150);
        QSqlQuery q(Database::connection(lib));
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM photos WHERE state = 'ok'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 150);
        Database::closeThreadConnection(lib);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
