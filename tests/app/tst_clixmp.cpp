// SPDX-License-Identifier: GPL-3.0-or-later
// shoebox-cli xmp write | read | auto end to end: the sidecars written from the catalog are what a
// fresh library reads back, the preference writes them as marks change, and originals stay as they were.

#include "catalog/photostore.h"
#include "support/clirunner.h"
#include "support/exiffixture.h"
#include "support/temporaryhome.h"
#include "tags/tagstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

class TestCliXmp : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_lib;
    QString m_photos;

    CliResult cli(const QStringList& args, const QString& library = {})
    {
        return runCli(library.isEmpty() ? m_lib : library, args, temporaryHome(m_tmp->path()), m_photos);
    }
    QString photo(const QString& name) const { return m_photos + QLatin1Char('/') + name; }
    QByteArray md5(const QString& name) const
    {
        QFile f(photo(name));
        return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Md5)
                                           : QByteArray();
    }
    QStringList search(const QString& query, const QString& library)
    {
        const CliResult r = cli({ QStringLiteral("--json"), QStringLiteral("search"), query }, library);
        QStringList out;
        for (const QJsonValue& v : r.json().value(QStringLiteral("photos")).toArray())
            out << QFileInfo(v.toObject().value(QStringLiteral("path")).toString()).fileName();
        out.sort();
        return r.code == 0 ? out : QStringList { QString::fromUtf8(r.err) };
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // a.jpg and b.jpg, scanned.
    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_photos = m_tmp->filePath(QStringLiteral("photos"));
        QVERIFY(QDir().mkpath(m_photos));
        QVERIFY(writeFile(photo(QStringLiteral("a.jpg")), jpegWithExif(markedImage(200, 150), {})));
        QVERIFY(writeFile(photo(QStringLiteral("b.jpg")), jpegWithExif(markedImage(150, 200), {})));
        m_lib = m_tmp->filePath(QStringLiteral("lib.db"));
        const CliResult r = cli({ QStringLiteral("scan"), QStringLiteral("--no-tags"), m_photos });
        QVERIFY2(r.code == 0, r.err.constData());
    }
    void cleanup() { m_tmp.reset(); }

    void writtenSidecarsAreReadBackByAFreshLibrary()
    {
        const QByteArray a = md5(QStringLiteral("a.jpg")), b = md5(QStringLiteral("b.jpg"));
        const auto record = PhotoStore(m_lib).photoByPath(QFile::encodeName(photo(QStringLiteral("a.jpg"))));
        QVERIFY(record);
        QVERIFY(TagStore(m_lib).addManualTag(record->id, QStringLiteral("Sunset")));
        QCOMPARE(cli({ QStringLiteral("rate"), QStringLiteral("a.jpg"), QStringLiteral("5") }).code, 0);
        QCOMPARE(cli({ QStringLiteral("reject"), QStringLiteral("b.jpg") }).code, 0);

        const CliResult written = cli({ QStringLiteral("--json"), QStringLiteral("xmp"), QStringLiteral("write") });
        QVERIFY2(written.code == 0, written.err.constData());
        QCOMPARE(written.json().value(QStringLiteral("written")).toInt(), 2);
        QVERIFY(QFileInfo::exists(photo(QStringLiteral("a.jpg.xmp"))));
        QVERIFY(QFileInfo::exists(photo(QStringLiteral("b.jpg.xmp"))));
        QCOMPARE(md5(QStringLiteral("a.jpg")), a); // originals never written
        QCOMPARE(md5(QStringLiteral("b.jpg")), b);

        const CliResult read
            = cli({ QStringLiteral("--json"), QStringLiteral("xmp"), QStringLiteral("read"), QStringLiteral("a.jpg") });
        QCOMPARE(read.code, 0);
        QCOMPARE(read.json().value(QStringLiteral("rating")).toInt(), 5);
        QCOMPARE(read.json().value(QStringLiteral("keywords")).toArray(), QJsonArray({ QStringLiteral("Sunset") }));
        QVERIFY(read.json().value(QStringLiteral("sidecar")).toString().endsWith(QStringLiteral("a.jpg.xmp")));

        const QString fresh = m_tmp->filePath(QStringLiteral("fresh.db"));
        const CliResult scanned = cli({ QStringLiteral("scan"), QStringLiteral("--no-tags"), m_photos }, fresh);
        QVERIFY2(scanned.code == 0, scanned.err.constData());
        QCOMPARE(search(QStringLiteral("sunset"), fresh), QStringList { QStringLiteral("a.jpg") });
        QCOMPARE(search(QStringLiteral("rating:5"), fresh), QStringList { QStringLiteral("a.jpg") });
        QCOMPARE(search(QStringLiteral("rejected"), fresh), QStringList { QStringLiteral("b.jpg") });
    }

    void nothingToSayWritesNoSidecar()
    {
        const CliResult r = cli({ QStringLiteral("xmp"), QStringLiteral("write"), QStringLiteral("a.jpg") });
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(!QFileInfo::exists(photo(QStringLiteral("a.jpg.xmp"))));
    }

    void autoPreferenceWritesSidecarsAsMarksChange()
    {
        QVERIFY(cli({ QStringLiteral("xmp"), QStringLiteral("auto") }).out.contains("off")); // off by default
        QCOMPARE(cli({ QStringLiteral("rate"), QStringLiteral("a.jpg"), QStringLiteral("2") }).code, 0);
        QVERIFY(!QFileInfo::exists(photo(QStringLiteral("a.jpg.xmp"))));
        QVERIFY(cli({ QStringLiteral("xmp"), QStringLiteral("auto"), QStringLiteral("on") }).out.contains("on"));
        const QByteArray before = md5(QStringLiteral("b.jpg"));
        QCOMPARE(cli({ QStringLiteral("rate"), QStringLiteral("b.jpg"), QStringLiteral("3") }).code, 0);
        const CliResult read
            = cli({ QStringLiteral("--json"), QStringLiteral("xmp"), QStringLiteral("read"), QStringLiteral("b.jpg") });
        QCOMPARE(read.json().value(QStringLiteral("rating")).toInt(), 3);
        QVERIFY(QFileInfo::exists(photo(QStringLiteral("b.jpg.xmp"))));
        QCOMPARE(md5(QStringLiteral("b.jpg")), before);
        QVERIFY(cli({ QStringLiteral("xmp"), QStringLiteral("auto"), QStringLiteral("off") }).out.contains("off"));
    }

    void badArgumentsFailWithAReason_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::newRow("no verb") << QStringList { "xmp" } << 2;
        QTest::newRow("unknown verb") << QStringList { "xmp", "sync" } << 2;
        QTest::newRow("read without file") << QStringList { "xmp", "read" } << 2;
        QTest::newRow("auto maybe") << QStringList { "xmp", "auto", "maybe" } << 2;
        QTest::newRow("read missing file") << QStringList { "xmp", "read", "nope.jpg" } << 1;
        QTest::newRow("write file not in library") << QStringList { "xmp", "write", "nope.jpg" } << 1;
    }

    void badArgumentsFailWithAReason()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        const QString wrong = wrongRefusal(cli(args), code);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    }
};

QTEST_GUILESS_MAIN(TestCliXmp)
#include "tst_clixmp.moc"
