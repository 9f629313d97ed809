// shoebox-cli albums, album, rate, fav, pick, reject and hide end to end, as a script would use them.

#include "support/clirunner.h"
#include "support/temporaryhome.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <memory>

namespace {

using Result = shoebox::test::CliResult;

} // namespace

class TestCliMarks : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_shared; // the photos and the template library, for the whole test
    std::unique_ptr<QTemporaryDir> m_tmp; // the slot's library and cache
    QString m_lib;
    QString m_photos;

    Result cli(const QStringList& args)
    {
        return shoebox::test::runCli(m_lib, args, shoebox::test::temporaryHome(m_tmp->path()), m_photos);
    }

    // File names (without folder) of a --json photo list.
    QStringList names(const Result& r)
    {
        QStringList out;
        for (const QJsonValue& v : r.json().value(QStringLiteral("photos")).toArray())
            out << QFileInfo(v.toObject().value(QStringLiteral("path")).toString()).fileName();
        out.sort();
        return out;
    }

    QStringList search(const QString& query)
    {
        const Result r = cli({ QStringLiteral("--json"), QStringLiteral("search"), query });
        return r.code == 0 ? names(r) : QStringList { QString::fromUtf8(r.err) };
    }

    QJsonObject albumNamed(const QString& path)
    {
        const Result r = cli({ QStringLiteral("--json"), QStringLiteral("albums") });
        for (const QJsonValue& v : r.json().value(QStringLiteral("albums")).toArray())
            if (v.toObject().value(QStringLiteral("path")).toString() == path)
                return v.toObject();
        return {};
    }

private Q_SLOTS:
    // a.jpg, b.jpg and c.jpg scanned once into a template library that every slot copies.
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_shared.isValid());
        m_photos = m_shared.filePath(QStringLiteral("photos"));
        QVERIFY(QDir().mkpath(m_photos));
        int seed = 1;
        for (const char* name : { "a.jpg", "b.jpg", "c.jpg" }) {
            cv::Mat m(90, 120, CV_8UC3);
            cv::theRNG().state = uint64_t(seed++);
            cv::randu(m, cv::Scalar::all(0), cv::Scalar::all(255));
            QVERIFY(cv::imwrite(QString(m_photos + QLatin1Char('/') + QLatin1String(name)).toStdString(), m));
        }
        m_tmp = std::make_unique<QTemporaryDir>();
        m_lib = m_shared.filePath(QStringLiteral("template.db"));
        const Result r = cli({ QStringLiteral("scan"), QStringLiteral("--no-tags"), m_photos });
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(
            !QFile::exists(m_lib + QStringLiteral("-wal")) || QFileInfo(m_lib + QStringLiteral("-wal")).size() == 0);
    }

    // Every slot: a fresh copy of the template library.
    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_lib = m_tmp->filePath(QStringLiteral("lib.db"));
        QVERIFY(QFile::copy(m_shared.filePath(QStringLiteral("template.db")), m_lib));
    }

    void cleanup() { m_tmp.reset(); }

    void marksAreSearchable_data()
    {
        QTest::addColumn<QList<QStringList>>("commands");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("found");
        QTest::newRow("rate") << QList<QStringList> { { "rate", "a.jpg", "b.jpg", "4" }, { "rate", "c.jpg", "2" } }
                              << "rating:>=4" << QStringList { "a.jpg", "b.jpg" };
        QTest::newRow("rate 0 clears") << QList<QStringList> { { "rate", "a.jpg", "5" }, { "rate", "a.jpg", "0" } }
                                       << "rating:5" << QStringList {};
        QTest::newRow("fav") << QList<QStringList> { { "fav", "a.jpg", "c.jpg" }, { "fav", "--off", "c.jpg" } } << "fav"
                             << QStringList { "a.jpg" };
        QTest::newRow("pick") << QList<QStringList> { { "pick", "b.jpg" } } << "picked" << QStringList { "b.jpg" };
        QTest::newRow("reject") << QList<QStringList> { { "reject", "a.jpg", "b.jpg" }, { "reject", "--off", "a.jpg" } }
                                << "rejected" << QStringList { "b.jpg" };
        QTest::newRow("hidden leaves search")
            << QList<QStringList> { { "rate", "a.jpg", "b.jpg", "3" }, { "hide", "a.jpg" } } << "rating:3"
            << QStringList { "b.jpg" };
        QTest::newRow("hidden asked for")
            << QList<QStringList> { { "hide", "a.jpg", "c.jpg" }, { "hide", "--off", "c.jpg" } } << "hidden"
            << QStringList { "a.jpg" };
    }

    void marksAreSearchable()
    {
        QFETCH(QList<QStringList>, commands);
        QFETCH(QString, query);
        QFETCH(QStringList, found);
        for (const QStringList& c : commands) {
            const Result r = cli(c);
            QVERIFY2(r.code == 0, r.err.constData());
        }
        QCOMPARE(search(query), found);
    }

    void hiddenPhotosLeaveTheList()
    {
        QVERIFY(cli({ QStringLiteral("hide"), QStringLiteral("b.jpg") }).code == 0);
        const Result r = cli({ QStringLiteral("--json"), QStringLiteral("list") });
        QCOMPARE(r.code, 0);
        QVERIFY(!r.out.contains("b.jpg"));
        QVERIFY(r.out.contains("a.jpg"));
    }

    void albumsAreMadeFilledAndListed()
    {
        QCOMPARE(cli({ "album", "create", "Travel / 2024 / Japan", "--description", "Spring" }).code, 0);
        QCOMPARE(cli({ "album", "add", "Travel / 2024 / Japan", "a.jpg", "b.jpg" }).code, 0);
        QCOMPARE(cli({ "album", "add", "travel/2024/japan", "a.jpg" }).code, 0); // already in: no change
        const QJsonObject japan = albumNamed("Travel / 2024 / Japan");
        QCOMPARE(japan.value("photos").toInt(), 2);
        QCOMPARE(japan.value("description").toString(), QStringLiteral("Spring"));
        QCOMPARE(search("album:Travel"), QStringList({ "a.jpg", "b.jpg" }));
        QCOMPARE(cli({ "album", "remove", "Travel / 2024 / Japan", "a.jpg" }).code, 0);
        QCOMPARE(cli({ "album", "rename", "Travel / 2024 / Japan", "Kyoto" }).code, 0);
        QCOMPARE(names(cli({ "--json", "album", "show", "Travel / 2024 / Kyoto" })), QStringList { "b.jpg" });
        QCOMPARE(cli({ "album", "delete", "Travel" }).code, 0);
        QVERIFY(cli({ "--json", "albums" }).json().value("albums").toArray().isEmpty());
    }

    void smartAndFromSearchAlbums()
    {
        QCOMPARE(cli({ "rate", "a.jpg", "5" }).code, 0);
        QCOMPARE(cli({ "album", "create", "Best", "--smart", "rating:>=4" }).code, 0);
        QCOMPARE(cli({ "album", "create", "Snapshot", "--from-search", "rating:>=4" }).code, 0);
        QCOMPARE(cli({ "rate", "c.jpg", "4" }).code, 0);
        // The smart album follows the new rating; the one filled from a search keeps what it found.
        QCOMPARE(albumNamed("Best").value("photos").toInt(), 2);
        QVERIFY(albumNamed("Best").value("smart").toBool());
        QCOMPARE(albumNamed("Snapshot").value("photos").toInt(), 1);
        QCOMPARE(cli({ "album", "add", "Best", "b.jpg" }).code, 1); // a smart album takes no photos by hand
    }

    void badArgumentsFailWithAReason_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::newRow("rating too high") << QStringList { "rate", "a.jpg", "7" } << 2;
        QTest::newRow("rating missing") << QStringList { "rate", "a.jpg" } << 2;
        QTest::newRow("file not in library") << QStringList { "fav", "nope.jpg" } << 1;
        QTest::newRow("unknown album") << QStringList { "album", "add", "Mars", "a.jpg" } << 1;
        QTest::newRow("album without verb") << QStringList { "album", "create" } << 2;
        QTest::newRow("smart and from-search")
            << QStringList { "album", "create", "X", "--smart", "fav", "--from-search", "fav" } << 2;
    }

    void badArgumentsFailWithAReason()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        const QString wrong = shoebox::test::wrongRefusal(cli(args), code);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    }
};

QTEST_GUILESS_MAIN(TestCliMarks)
#include "tst_climarks.moc"
