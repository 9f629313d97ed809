// ModelsPlugin: the app and the CLI reach libtorch only through libshoebox-models.so, loaded when they
// first tag or install a model. This test links the torch-free half only, like the CLI.
#include "modelsplugin.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace shoebox;

namespace {

const QString kBuiltPlugin = QStringLiteral(SHOEBOX_BINARY_DIR "/lib/libshoebox-models.so");

bool torchMapped()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    return maps.open(QIODevice::ReadOnly) && maps.readAll().contains("libtorch_cpu");
}

} // namespace

class TestModelsPlugin : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void reasons_data();
    void reasons();
    void theCliDoesNotLinkTorch();
    void torchArrivesWithThePlugin();

private:
    QTemporaryDir m_dir;
};

void TestModelsPlugin::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!torchMapped(), "the torch-free half loaded libtorch");
    QFile notALibrary(m_dir.filePath(QStringLiteral("libshoebox-models.so")));
    QVERIFY(notALibrary.open(QIODevice::WriteOnly));
    notALibrary.write("#!/bin/sh\necho not a library\n");
}

void TestModelsPlugin::reasons_data()
{
    QTest::addColumn<QStringList>("candidates");
    QTest::addColumn<QString>("reason"); // empty: loads
    const QString missing = m_dir.filePath(QStringLiteral("gone/libshoebox-models.so"));
    const QString text = m_dir.filePath(QStringLiteral("libshoebox-models.so"));
    QTest::newRow("nothing there") << QStringList { missing }
                                   << QString(QStringLiteral("is not installed (looked in ") + missing);
    QTest::newRow("not a library") << QStringList { text } << QStringLiteral("cannot be loaded");
    QTest::newRow("first one that loads") << QStringList { missing, text, kBuiltPlugin } << QString();
}

void TestModelsPlugin::reasons()
{
    QFETCH(QStringList, candidates);
    QFETCH(QString, reason);
    QString error;
    const ModelsApi* api = ModelsPlugin::loadFrom(candidates, &error);
    if (reason.isEmpty()) {
        QVERIFY2(api, qPrintable(error));
        QCOMPARE(api->abiVersion, ModelsPlugin::kAbiVersion);
        QVERIFY(api->createAnalyzer && api->installTfjsModel && api->installClassifier);
    } else {
        QVERIFY(!api);
        QVERIFY2(error.contains(reason), qPrintable(error));
    }
}

// Every command but tagging and model installs starts without libtorch's second of start-up.
void TestModelsPlugin::theCliDoesNotLinkTorch()
{
    QProcess ldd;
    ldd.start(QStringLiteral("ldd"), { QStringLiteral(SHOEBOX_BINARY_DIR "/app/shoebox-cli") });
    QVERIFY(ldd.waitForFinished(60000));
    const QByteArray libraries = ldd.readAllStandardOutput();
    QVERIFY2(libraries.contains("libQt6Core"), libraries.constData());
    QVERIFY2(!libraries.contains("libtorch"), libraries.constData());
}

void TestModelsPlugin::torchArrivesWithThePlugin()
{
    qputenv("SHOEBOX_MODELS_PLUGIN", kBuiltPlugin.toUtf8());
    QString error;
    QVERIFY2(ModelsPlugin::api(&error), qPrintable(error));
    QVERIFY(torchMapped());
    // No model installed under this name: a reason, not a crash, from the plugin's own factory.
    QVERIFY(!ModelsPlugin::createAnalyzer(QStringLiteral("cpu"), &error, QStringLiteral("no-such-model")));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestModelsPlugin)
#include "tst_modelsplugin.moc"
