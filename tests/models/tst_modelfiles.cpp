// ModelFiles: the manifest's and `models install`'s one reader of JSON objects and label lists; bad
// files give a one-line reason naming the file, never a half-read result.
#include "modelfiles.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace shoebox;

class TestModelFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void labelNames_data();
    void labelNames();
    void labelsOneALine();
    void missingFilesGiveAReason();

private:
    QString write(const QString& name, const QByteArray& bytes);
    QTemporaryDir m_dir;
};

void TestModelFiles::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestModelFiles::write(const QString& name, const QByteArray& bytes)
{
    QFile f(m_dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    return f.fileName();
}

void TestModelFiles::labelNames_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("reason"); // part of the error when not ok
    QTest::newRow("names by language") << QByteArray(R"({"sunset": {"de": "Sonnenuntergang", "ja": "夕焼け"}})") << true
                                       << QString();
    QTest::newRow("empty object") << QByteArray("{}") << true << QString();
    QTest::newRow("not JSON") << QByteArray("sunset: Sonnenuntergang") << false
                              << QStringLiteral("is not a JSON object of label names");
    QTest::newRow("an array") << QByteArray(R"([{"sunset": {}}])") << false
                              << QStringLiteral("the top level is not an object");
    QTest::newRow("a name that is not an object")
        << QByteArray(R"({"sunset": "Sonnenuntergang"})") << false << QStringLiteral("\"sunset\"");
}

void TestModelFiles::labelNames()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, ok);
    QFETCH(QString, reason);
    const QString path = write(QStringLiteral("names.json"), bytes);
    QVERIFY(!path.isEmpty());
    QString error;
    const auto names = ModelFiles::readLabelNames(path, &error);
    QCOMPARE(names.has_value(), ok);
    if (ok) {
        QVERIFY(error.isEmpty());
        if (!names->isEmpty())
            QCOMPARE(names->value(QStringLiteral("sunset")).toObject().value(QStringLiteral("ja")).toString(),
                QStringLiteral("夕焼け"));
    } else {
        QVERIFY2(error.contains(path) && error.contains(reason), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }
}

void TestModelFiles::labelsOneALine()
{
    const QString path = write(QStringLiteral("labels.txt"), "beach\r\n\n  mountain \nСнег\n");
    QString error;
    const auto labels = ModelFiles::readLabels(path, &error);
    QVERIFY2(labels, qPrintable(error));
    QCOMPARE(*labels, QStringList({ QStringLiteral("beach"), QStringLiteral("mountain"), QStringLiteral("Снег") }));
}

void TestModelFiles::missingFilesGiveAReason()
{
    const QString path = m_dir.filePath(QStringLiteral("absent.json"));
    QString error;
    QVERIFY(!ModelFiles::readLabels(path, &error));
    QVERIFY2(error.startsWith(QStringLiteral("cannot read ")) && error.contains(path), qPrintable(error));
    error.clear();
    QVERIFY(!ModelFiles::readJsonObject(path, QStringLiteral("a model manifest"), &error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestModelFiles)
#include "tst_modelfiles.moc"
