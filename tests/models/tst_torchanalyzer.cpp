// The TorchScript loading path with a tiny model made here, and refusal of bad model files.

#include "modelinstaller.h"
#include "modelmanifest.h"
#include "torchanalyzer.h"

#include <torch/cuda.h>
#include <torch/script.h>

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace shoebox;

namespace {

// Heat map with one strong peak (class 1 at cell x=3, y=2) and one weak one (class 0, 0.2), boxes
// reaching 8 px from each cell centre, and the mean colour as the embedding.
const char* const kTinyModel = R"TS(
def forward(self, images: Tensor):
    n = images.size(0)
    h = images.size(2) // 4
    w = images.size(3) // 4
    heat = torch.zeros([n, 2, h, w], dtype=images.dtype, device=images.device)
    heat[:, 1, 2, 3] = 0.9
    heat[:, 0, 10, 10] = 0.2
    box = torch.ones([n, 4, h, w], dtype=images.dtype, device=images.device) * 8.0
    emb = torch.mean(images, [2, 3])
    return (heat, box, emb)
)TS";

const char* const kWrongContract = R"TS(
def forward(self, images: Tensor):
    return (images,)
)TS";

ModelInfo saveModel(const QString& dir, const char* source, const QString& name)
{
    torch::jit::Module m("Tiny");
    m.define(source);
    ModelInfo info;
    info.name = name;
    info.file = name + QStringLiteral(".pt");
    info.folder = dir;
    info.inputSize = 64;
    info.multipleOf = 32;
    info.stride = 4;
    info.labels = { QStringLiteral("cat"), QStringLiteral("dog") };
    m.save(info.path().toStdString());
    QString error;
    info.sha256 = ModelManifest::sha256Of(info.path(), &error);
    info.bytes = QFile(info.path()).size();
    return info;
}

} // namespace

class TestTorchAnalyzer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tinyModelGivesBoxLabelAndNormalisedEmbedding();
    void manifestRoundTripsAndLocatesByName();
    void refusesWrongChecksum();
    void refusesTruncatedFile();
    void refusesCorruptFileWithMatchingChecksum();
    void refusesModelBreakingTheContract();
    void refusesUnknownDevice();
    void cudaDeviceRunsWhenAvailable();
    void userTorchScriptModelIsCheckedAndListed();

private:
    QTemporaryDir m_dir;
};

void TestTorchAnalyzer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestTorchAnalyzer::tinyModelGivesBoxLabelAndNormalisedEmbedding()
{
    const ModelInfo info = saveModel(m_dir.path(), kTinyModel, QStringLiteral("tiny"));
    QString error;
    AnalyzerOptions options;
    options.device = QStringLiteral("cpu");
    options.threads = 1;
    auto analyzer = TorchAnalyzer::load(info, options, &error);
    QVERIFY2(analyzer, qPrintable(error));
    QCOMPARE(analyzer->modelId(), QStringLiteral("tiny@") + info.sha256.left(12));
    const cv::Mat red(48, 80, CV_8UC3, cv::Scalar(0, 0, 255)); // BGR
    const auto results = analyzer->analyze({ red, cv::Mat(), red });
    QCOMPARE(results.size(), size_t(3));
    QVERIFY(!results[1].error.isEmpty()); // an empty image is reported, not a crash
    const Analysis& a = results[0];
    QVERIFY2(a.error.isEmpty(), qPrintable(a.error));
    QCOMPARE(a.detections.size(), size_t(1)); // the 0.2 peak is under the threshold
    QCOMPARE(a.detections[0].label, QStringLiteral("dog"));
    QCOMPARE(a.detections[0].classIndex, 1);
    QCOMPARE(a.detections[0].score, 0.9f);
    // Cell (3, 2) at stride 4 is (12, 8) in the 64 px input; +-8 px, clipped, divided by 64.
    const QRectF box = a.detections[0].box;
    QCOMPARE(box.left(), 4.0 / 64);
    QCOMPARE(box.top(), 0.0);
    QCOMPARE(box.right(), 20.0 / 64);
    QCOMPARE(box.bottom(), 16.0 / 64);
    // Red in BGR is RGB (255, 0, 0): the embedding proves the colour order and the L2 norm.
    QCOMPARE(a.embedding.size(), size_t(3));
    QCOMPARE(a.embedding[0], 1.f);
    QCOMPARE(a.embedding[2], 0.f);
    QCOMPARE(results[2].detections.size(), size_t(1));
}

void TestTorchAnalyzer::manifestRoundTripsAndLocatesByName()
{
    const ModelInfo info = saveModel(m_dir.path(), kTinyModel, QStringLiteral("located"));
    ModelManifest manifest;
    manifest.upsert(info);
    QString error;
    QVERIFY2(manifest.write(m_dir.path(), &error), qPrintable(error));
    qputenv("SHOEBOX_MODELS", m_dir.path().toUtf8());
    const auto found = ModelManifest::locate(QStringLiteral("located"), &error);
    qunsetenv("SHOEBOX_MODELS");
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->sha256, info.sha256);
    QCOMPARE(found->labels, info.labels);
    QVERIFY(!ModelManifest::locate(QStringLiteral("no-such-model"), &error));
}

void TestTorchAnalyzer::refusesWrongChecksum()
{
    ModelInfo info = saveModel(m_dir.path(), kTinyModel, QStringLiteral("checksum"));
    info.sha256 = QString(64, QLatin1Char('0'));
    QString error;
    QVERIFY(!TorchAnalyzer::load(info, AnalyzerOptions(), &error));
    QVERIFY2(
        error.contains(QStringLiteral("SHA-256")) && error.contains(QStringLiteral("refusing")), qPrintable(error));
}

void TestTorchAnalyzer::refusesTruncatedFile()
{
    const ModelInfo info = saveModel(m_dir.path(), kTinyModel, QStringLiteral("truncated"));
    QFile f(info.path());
    QVERIFY(f.resize(info.bytes / 2));
    QString error;
    QVERIFY(!TorchAnalyzer::load(info, AnalyzerOptions(), &error));
    QVERIFY2(error.contains(QStringLiteral("truncated")), qPrintable(error));
}

void TestTorchAnalyzer::refusesCorruptFileWithMatchingChecksum()
{
    ModelInfo info = saveModel(m_dir.path(), kTinyModel, QStringLiteral("corrupt"));
    QFile f(info.path());
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QByteArray(4096, 'x'));
    f.close();
    QString error;
    info.sha256 = ModelManifest::sha256Of(info.path(), &error); // a manifest written for the bad file
    info.bytes = 4096;
    QVERIFY(!TorchAnalyzer::load(info, AnalyzerOptions(), &error));
    QVERIFY2(error.startsWith(QStringLiteral("cannot load model")), qPrintable(error));
}

void TestTorchAnalyzer::refusesModelBreakingTheContract()
{
    const ModelInfo info = saveModel(m_dir.path(), kWrongContract, QStringLiteral("wrong"));
    QString error;
    QVERIFY(!TorchAnalyzer::load(info, AnalyzerOptions(), &error));
    QVERIFY2(error.contains(QStringLiteral("contract")), qPrintable(error));
}

void TestTorchAnalyzer::refusesUnknownDevice()
{
    const ModelInfo info = saveModel(m_dir.path(), kTinyModel, QStringLiteral("device"));
    AnalyzerOptions options;
    options.device = QStringLiteral("tpu");
    QString error;
    QVERIFY(!TorchAnalyzer::load(info, options, &error));
    QVERIFY2(error.contains(QStringLiteral("tpu")), qPrintable(error));
}

void TestTorchAnalyzer::cudaDeviceRunsWhenAvailable()
{
    if (!torch::cuda::is_available())
        QSKIP("no CUDA device: the fp16 CUDA path is not exercised here");
    const ModelInfo info = saveModel(m_dir.path(), kTinyModel, QStringLiteral("cuda"));
    AnalyzerOptions options;
    options.device = QStringLiteral("cuda");
    QString error;
    auto analyzer = TorchAnalyzer::load(info, options, &error);
    QVERIFY2(analyzer, qPrintable(error));
    const auto results = analyzer->analyze({ cv::Mat(64, 64, CV_8UC3, cv::Scalar(0, 0, 255)) });
    QCOMPARE(results.at(0).detections.size(), size_t(1));
    QCOMPARE(results.at(0).detections[0].label, QStringLiteral("dog"));
}

void TestTorchAnalyzer::userTorchScriptModelIsCheckedAndListed()
{
    const ModelInfo made = saveModel(m_dir.path(), kTinyModel, QStringLiteral("made"));
    const ModelInfo wrong = saveModel(m_dir.path(), kWrongContract, QStringLiteral("wrongmade"));
    InstallOptions options;
    options.folder = m_dir.filePath(QStringLiteral("installed"));
    options.name = QStringLiteral("mine");
    QString error;
    const auto info
        = installTorchScriptModel(made.path(), options, { QStringLiteral("cat"), QStringLiteral("dog") }, 64, &error);
    QVERIFY2(info, qPrintable(error));
    QCOMPARE(info->sha256, made.sha256);
    options.name = QStringLiteral("broken");
    QVERIFY(!installTorchScriptModel(wrong.path(), options, {}, 64, &error));
    QVERIFY2(error.contains(QStringLiteral("contract")), qPrintable(error));
    ModelManifest manifest;
    QVERIFY(manifest.read(options.folder, &error));
    QCOMPARE(manifest.models().size(), 1);
    QCOMPARE(manifest.models()[0].name, QStringLiteral("mine"));
    QVERIFY(!QFile::exists(options.folder + QStringLiteral("/broken.pt")));
    QVERIFY2(TorchAnalyzer::load(manifest.models()[0], AnalyzerOptions(), &error), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestTorchAnalyzer)
#include "tst_torchanalyzer.moc"
