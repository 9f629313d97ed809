// shoebox-cli's tagging commands end to end: scan tags photos, tags and search work in many
// languages, and a broken model never stops the scan.

#include "support/testtimeout.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kCli = QStringLiteral(SHOEBOX_BINARY_DIR "/app/shoebox-cli");
const QString kDarknet = QStringLiteral(SHOEBOX_TEST_DATA "/darknet");
const QString kBuildModels = QStringLiteral(SHOEBOX_BINARY_DIR "/models");

struct Result {
    int code = -1;
    QString out, err;
};

} // namespace

class TestCliTagging : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void scanTagsPhotosFoundInAnyLanguage();
    void corruptModelIsRefusedAndScanStillIndexes();
    void noTagsSkipsTagging();

private:
    Result cli(const QStringList& args, const QString& models, const QString& lib);
    QTemporaryDir m_tmp;
};

void TestCliTagging::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (!QDir(kDarknet).exists())
        QSKIP("darknet photos missing (scripts/fetch-test-photos.sh)");
}

Result TestCliTagging::cli(const QStringList& args, const QString& models, const QString& lib)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SHOEBOX_MODELS"), models);
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_tmp.filePath(QStringLiteral("xdg"))); // no user models
    p.setProcessEnvironment(env);
    p.start(kCli, QStringList { QStringLiteral("--library"), lib } + args);
    if (!p.waitForFinished(shoebox::test::processTimeoutMs()))
        return {};
    return { p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()) };
}

void TestCliTagging::scanTagsPhotosFoundInAnyLanguage()
{
    if (!QFile::exists(kBuildModels + QStringLiteral("/models.json")))
        QSKIP("default model not installed in the build tree (scripts/install-model.sh)");
    const QString lib = m_tmp.filePath(QStringLiteral("tagged.db"));
    const Result scan = cli(
        { QStringLiteral("scan"), QStringLiteral("--device"), QStringLiteral("cpu"), kDarknet }, kBuildModels, lib);
    QVERIFY2(scan.code == 0, qPrintable(scan.err));
    QVERIFY2(scan.out.contains(QStringLiteral("tagged 7 photos")), qPrintable(scan.out + scan.err));
    for (const QString& query : { QStringLiteral("狗"), QStringLiteral("Hund"), QStringLiteral("dog") }) {
        const Result r = cli({ QStringLiteral("search"), query }, kBuildModels, lib);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("/dog.jpg\n")), qPrintable(query + QStringLiteral(": ") + r.out));
    }
    const Result ja
        = cli({ QStringLiteral("--json"), QStringLiteral("tags"), QStringLiteral("--lang"), QStringLiteral("ja") },
            kBuildModels, lib);
    QCOMPARE(ja.code, 0);
    QStringList names;
    for (const QJsonValue& t :
        QJsonDocument::fromJson(ja.out.toUtf8()).object().value(QStringLiteral("tags")).toArray())
        names << t.toObject().value(QStringLiteral("name")).toString();
    QVERIFY2(
        names.contains(QStringLiteral("犬")) && names.contains(QStringLiteral("キリン")), qPrintable(names.join(',')));
    // A second scan finds nothing left to tag: the job resumes from the catalog's state.
    const Result again = cli({ QStringLiteral("scan"), kDarknet }, kBuildModels, lib);
    QVERIFY2(again.out.contains(QStringLiteral("tagged 0 photos")), qPrintable(again.out + again.err));
}

void TestCliTagging::corruptModelIsRefusedAndScanStillIndexes()
{
    const QString models = m_tmp.filePath(QStringLiteral("badmodels"));
    QVERIFY(QDir().mkpath(models));
    QFile pt(models + QStringLiteral("/bad.pt"));
    QVERIFY(pt.open(QIODevice::WriteOnly));
    pt.write(QByteArray(1000, 'z'));
    pt.close();
    QFile manifest(models + QStringLiteral("/models.json"));
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.write(R"({"version": 1, "models": [{"name": "bad", "file": "bad.pt", "bytes": 1000,
        "sha256": "0000000000000000000000000000000000000000000000000000000000000000", "task": "centernet",
        "input": {"size": 512, "multipleOf": 32}, "stride": 4, "labels": ["dog"]}]})");
    manifest.close();
    const QString lib = m_tmp.filePath(QStringLiteral("bad.db"));
    const Result scan = cli({ QStringLiteral("--json"), QStringLiteral("scan"), kDarknet }, models, lib);
    QVERIFY2(scan.code == 0, qPrintable(scan.err));
    const QJsonObject o = QJsonDocument::fromJson(scan.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("added")).toInt(), 7);
    const QString why = o.value(QStringLiteral("tagging")).toObject().value(QStringLiteral("skipped")).toString();
#ifdef SHOEBOX_WITH_TORCH
    QVERIFY2(why.contains(QStringLiteral("SHA-256")) && why.contains(QStringLiteral("bad.pt")), qPrintable(scan.out));
    const Result list = cli({ QStringLiteral("models"), QStringLiteral("list") }, models, lib);
    QVERIFY2(list.out.contains(QStringLiteral("INVALID")), qPrintable(list.out));
#else
    QCOMPARE(why, QStringLiteral("built without libtorch"));
#endif
}

void TestCliTagging::noTagsSkipsTagging()
{
    const QString lib = m_tmp.filePath(QStringLiteral("notags.db"));
    const Result scan = cli(
        { QStringLiteral("--json"), QStringLiteral("scan"), QStringLiteral("--no-tags"), kDarknet }, kBuildModels, lib);
    QCOMPARE(scan.code, 0);
    QVERIFY(QJsonDocument::fromJson(scan.out.toUtf8()).object().value(QStringLiteral("tagging")).toObject().isEmpty());
    // No model ran: none of the photos' subjects is a tag. kite.jpg's own IPTC/XMP keywords (beach,
    // vacation) are still read, as manual tags.
    const Result tags = cli({ QStringLiteral("tags") }, kBuildModels, lib);
    for (const char* subject : { "person", "dog", "horse", "kite" })
        QVERIFY2(!tags.out.contains(QLatin1String(subject)), qPrintable(tags.out));
    QVERIFY2(tags.out.contains(QStringLiteral("beach")), qPrintable(tags.out));
}

QTEST_GUILESS_MAIN(TestCliTagging)
#include "tst_clitagging.moc"
