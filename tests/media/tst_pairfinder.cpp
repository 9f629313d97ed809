#include "media/pairfinder.h"

#include <QTest>

using namespace shoebox;

namespace {

// One record from "NAME[@hh:mm:ss.zzz[~offset minutes]][#content id][!state]"; ids count from 1.
PhotoRecord record(const QString& spec, int index)
{
    PhotoRecord r;
    r.id = index + 1;
    QString rest = spec;
    auto take = [&rest](QChar mark) {
        const int at = int(rest.indexOf(mark));
        if (at < 0)
            return QString();
        int end = at + 1;
        while (end < rest.size() && !QStringLiteral("@#!").contains(rest[end]))
            ++end;
        const QString value = rest.mid(at + 1, end - at - 1);
        rest.remove(at, end - at);
        return value;
    };
    const QString state = take(QLatin1Char('!'));
    r.state = state.isEmpty() ? PhotoState::Ok : photoStateFromName(state);
    r.meta.contentId = take(QLatin1Char('#'));
    const QStringList time = take(QLatin1Char('@')).split(QLatin1Char('~'));
    if (!time.first().isEmpty())
        r.meta.takenAt = QDateTime(
            QDate(2023, 5, 1), QTime::fromString(time.first(), QStringLiteral("hh:mm:ss.zzz")), Qt::LocalTime);
    if (time.size() > 1)
        r.meta.utcOffsetMinutes = time[1].toInt();
    r.path = "/photos/2023/" + rest.toUtf8();
    r.displayPath = QString::fromUtf8(r.path);
    const QString ext = rest.mid(rest.lastIndexOf(QLatin1Char('.')) + 1).toLower();
    r.format = ext == QLatin1String("jpg") ? QStringLiteral("jpeg") : ext;
    return r;
}

QString describe(const PairLink& link, const QList<PhotoRecord>& records)
{
    auto name = [&records](qint64 id) { return records[int(id) - 1].displayPath.section(QLatin1Char('/'), -1); };
    return name(link.secondaryId) + QStringLiteral(">") + name(link.primaryId) + QLatin1Char(' ')
        + partnerRoleName(link.role);
}

} // namespace

class TestPairFinder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pairsPhotosThatBelongTogether_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QStringList>("links"); // "SECONDARY>PRIMARY role", in the finder's order
        const QString t = QStringLiteral("@12:00:00.000");
        QTest::newRow("Live Photo by content identifier") << QStringList { "IMG_0001.JPG#AAA", "IMG_0001.MOV#AAA" }
                                                          << QStringList { "IMG_0001.MOV>IMG_0001.JPG live-motion" };
        QTest::newRow("identifier matches across names") << QStringList { "IMG_0002.HEIC#BBB", "IMG_E0002.MOV#BBB" }
                                                         << QStringList { "IMG_E0002.MOV>IMG_0002.HEIC live-motion" };
        QTest::newRow("different identifiers never pair by name")
            << QStringList { "IMG_0003.JPG#CCC" + t, "IMG_0003.MOV#DDD" + t } << QStringList {};
        QTest::newRow("no identifiers: name and 1.5 s") << QStringList { "IMG_0004.JPG@12:00:01.500",
            "img_0004.mov@12:00:00.000" } << QStringList { "img_0004.mov>IMG_0004.JPG live-motion" };
        QTest::newRow("no identifiers: 3 s apart")
            << QStringList { "IMG_0005.JPG@12:00:03.000", "IMG_0005.MOV@12:00:00.000" } << QStringList {};
        QTest::newRow("no identifiers, no times") << QStringList { "IMG_0006.JPG", "IMG_0006.MOV" } << QStringList {};
        QTest::newRow("times compared as instants when offsets are known")
            << QStringList { "IMG_0007.JPG@12:00:00.000~120", "IMG_0007.MOV@10:00:01.000~0" }
            << QStringList { "IMG_0007.MOV>IMG_0007.JPG live-motion" };
        QTest::newRow("other name, same time")
            << QStringList { "IMG_0008.JPG" + t, "IMG_0009.MOV" + t } << QStringList {};
        QTest::newRow("one MOV per still") << QStringList { "IMG_0010.JPG#EEE", "IMG_0010.MOV#EEE",
            "IMG_0010 copy.MOV#EEE" } << QStringList { "IMG_0010.MOV>IMG_0010.JPG live-motion" };
        QTest::newRow("RAW+JPEG, case-insensitive") << QStringList { "DSC_0100.NEF", "dsc_0100.jpg" }
                                                    << QStringList { "DSC_0100.NEF>dsc_0100.jpg raw-original" };
        QTest::newRow("RAW in error still pairs by name") << QStringList { "IMG_0200.JPG", "IMG_0200.CR2!error" }
                                                          << QStringList { "IMG_0200.CR2>IMG_0200.JPG raw-original" };
        QTest::newRow("HEIC and DNG") << QStringList { "IMG_0300.HEIC", "IMG_0300.DNG!unsupported" }
                                      << QStringList { "IMG_0300.DNG>IMG_0300.HEIC raw-original" };
        QTest::newRow("two stills of one name: no guess")
            << QStringList { "IMG_0400.JPG", "IMG_0400.JPEG", "IMG_0400.ARW" } << QStringList {};
        QTest::newRow("two RAWs of one name: no guess")
            << QStringList { "IMG_0500.JPG", "IMG_0500.CR2", "IMG_0500.DNG" } << QStringList {};
        QTest::newRow("a still in error stands for nothing")
            << QStringList { "IMG_0600.JPG!error", "IMG_0600.RAF" } << QStringList {};
        QTest::newRow("missing half is ignored")
            << QStringList { "IMG_0700.JPG", "IMG_0700.ORF!missing" } << QStringList {};
        QTest::newRow("PNG is not the JPEG of a pair")
            << QStringList { "IMG_0800.PNG", "IMG_0800.RW2" } << QStringList {};
        QTest::newRow("RAW alone") << QStringList { "IMG_0900.PEF" } << QStringList {};
        QTest::newRow("Live Photo with a RAW")
            << QStringList { "IMG_1000.JPG#FFF", "IMG_1000.DNG", "IMG_1000.MOV#FFF" }
            << QStringList { "IMG_1000.MOV>IMG_1000.JPG live-motion", "IMG_1000.DNG>IMG_1000.JPG raw-original" };
    }

    void pairsPhotosThatBelongTogether()
    {
        QFETCH(QStringList, files);
        QFETCH(QStringList, links);
        QList<PhotoRecord> records;
        for (int i = 0; i < files.size(); ++i)
            records.append(record(files[i], i));
        QStringList got;
        for (const PairLink& link : PairFinder::find(records))
            got << describe(link, records);
        QCOMPARE(got, links);
        // The same folder listed in another order pairs the same way.
        QList<PhotoRecord> reversed(records.crbegin(), records.crend());
        QStringList again;
        for (const PairLink& link : PairFinder::find(reversed))
            again << describe(link, records);
        QCOMPARE(again, links);
    }

    void baseNameIgnoresFolderExtensionAndCase_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QString>("base");
        QTest::newRow("RAW") << QByteArray("/a/b/IMG_0001.CR2") << QStringLiteral("img_0001");
        QTest::newRow("dots in the name")
            << QByteArray("/a/2023.05.01 party.jpg") << QStringLiteral("2023.05.01 party");
        QTest::newRow("no extension") << QByteArray("/a.b/IMG") << QStringLiteral("img");
    }

    void baseNameIgnoresFolderExtensionAndCase()
    {
        QFETCH(QByteArray, path);
        QFETCH(QString, base);
        QCOMPARE(PairFinder::baseName(path), base);
    }
};

QTEST_GUILESS_MAIN(TestPairFinder)
#include "tst_pairfinder.moc"
