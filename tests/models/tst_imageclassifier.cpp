// A user's own TorchScript classifier (manifest task "classifier", issue 12): a tiny classifier defined
// here through torch::jit::Module::define is installed with its labels and label names, listed by
// `models list`, run in the tagger's pass, and its labels become tags named in the user's language.

#include "imageclassifier.h"
#include "modelinstaller.h"
#include "modelmanifest.h"
#include "tags/tagstore.h"
#include "torchanalyzer.h"

#include "catalog/database.h"
#include "support/testlibrary.h"

#include <torch/script.h>

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace shoebox;

namespace {

// Scores are the mean of each colour channel (inputs are ImageNet-normalised), times 10: a red photo is
// "sunset", a green one "forest", a blue one "sea".
const char* const kTinyClassifier = R"TS(
def forward(self, images: Tensor):
    return torch.mean(images, [2, 3]) * 10.0
)TS";

// Same, with a fourth score: does not fit three labels.
const char* const kWrongWidth = R"TS(
def forward(self, images: Tensor):
    m = torch.mean(images, [2, 3])
    return torch.cat([m, m[:, :1]], 1)
)TS";

// A tagger meeting the CenterNet contract that finds nothing (all-zero heat map).
const char* const kQuietTagger = R"TS(
def forward(self, images: Tensor):
    n = images.size(0)
    h = images.size(2) // 4
    w = images.size(3) // 4
    heat = torch.zeros([n, 1, h, w], dtype=images.dtype, device=images.device)
    box = torch.zeros([n, 4, h, w], dtype=images.dtype, device=images.device)
    return (heat, box, torch.mean(images, [2, 3]))
)TS";

const QStringList kLabels { QStringLiteral("sunset"), QStringLiteral("forest"), QStringLiteral("sea") };

QString saveModule(const QString& dir, const char* source, const QString& name)
{
    torch::jit::Module m("Tiny");
    m.define(source);
    const QString path = dir + QLatin1Char('/') + name + QStringLiteral(".pt");
    m.save(path.toStdString());
    return path;
}

QJsonObject labelNames()
{
    return QJsonDocument::fromJson(R"({"sunset": {"de": "Sonnenuntergang", "ja": "夕焼け"}, "sea": {"de": "Meer"}})")
        .object();
}

cv::Mat colour(int b, int g, int r)
{
    return cv::Mat(90, 160, CV_8UC3, cv::Scalar(b, g, r));
}

} // namespace

class TestImageClassifier : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void inputIsCentreCutAndNormalised();
    void installedClassifierLabelsPhotos_data();
    void installedClassifierLabelsPhotos();
    void refusesScoresThatDoNotFitTheLabels();
    void runsInTheTaggersPassAndTagsAreNamed();
    void modelsListShowsTheClassifier();

private:
    std::optional<ModelInfo> install(const QString& folder, QString* error);
    QTemporaryDir m_dir;
};

void TestImageClassifier::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

std::optional<ModelInfo> TestImageClassifier::install(const QString& folder, QString* error)
{
    InstallOptions options;
    options.folder = folder;
    options.name = QStringLiteral("scenes");
    const QString file = saveModule(m_dir.path(), kTinyClassifier, QStringLiteral("scenes-src"));
    return installClassifier(file, options, kLabels, labelNames(), 32, error);
}

void TestImageClassifier::inputIsCentreCutAndNormalised()
{
    ModelInfo m;
    // A 200x100 photo, left half black, right half white: the centre cut of a 20 px input sees both.
    cv::Mat photo(100, 200, CV_8UC3, cv::Scalar(0, 0, 0));
    photo(cv::Rect(100, 0, 100, 100)).setTo(cv::Scalar(255, 255, 255));
    const cv::Mat in = ImageClassifier::input(photo, 20, m);
    QCOMPARE(in.cols, 20);
    QCOMPARE(in.rows, 20);
    QCOMPARE(in.type(), CV_32FC3);
    const cv::Vec3f left = in.at<cv::Vec3f>(10, 1), right = in.at<cv::Vec3f>(10, 18);
    QVERIFY(qAbs(left[0] - (0.f - 0.485f) / 0.229f) < 1e-4f); // R of black
    QVERIFY(qAbs(right[2] - (1.f - 0.406f) / 0.225f) < 1e-4f); // B of white
    QVERIFY(ImageClassifier::input(cv::Mat(), 20, m).empty());
}

void TestImageClassifier::installedClassifierLabelsPhotos_data()
{
    QTest::addColumn<int>("blue");
    QTest::addColumn<int>("green");
    QTest::addColumn<int>("red");
    QTest::addColumn<QString>("label");
    QTest::newRow("red") << 0 << 0 << 255 << QStringLiteral("sunset");
    QTest::newRow("green") << 0 << 255 << 0 << QStringLiteral("forest");
    QTest::newRow("blue") << 255 << 0 << 0 << QStringLiteral("sea");
}

void TestImageClassifier::installedClassifierLabelsPhotos()
{
    QFETCH(int, blue);
    QFETCH(int, green);
    QFETCH(int, red);
    QFETCH(QString, label);
    const cv::Mat photo = colour(blue, green, red);
    const QString folder = m_dir.filePath(QStringLiteral("models-labels"));
    QString error;
    const auto info = install(folder, &error);
    QVERIFY2(info, qPrintable(error));
    QCOMPARE(info->task, QStringLiteral("classifier"));
    ModelManifest manifest; // what was written reads back the same
    QVERIFY2(manifest.read(folder, &error), qPrintable(error));
    const auto listed = manifest.findTask(QStringLiteral("classifier"));
    QVERIFY(listed);
    QCOMPARE(listed->labels, kLabels);
    QCOMPARE(listed->inputSize, 32);
    QCOMPARE(listed->labelNames, labelNames());
    AnalyzerOptions cpu;
    cpu.device = QStringLiteral("cpu");
    auto classifier = ImageClassifier::load(*listed, cpu, &error);
    QVERIFY2(classifier, qPrintable(error));
    std::vector<QString> errors;
    const auto result = classifier->classify({ photo, cv::Mat() }, &errors);
    QVERIFY(!errors[1].isEmpty()); // an unusable image is reported, not a crash
    QVERIFY(result[1].empty());
    QVERIFY(!result[0].empty());
    QCOMPARE(result[0].front().label, label);
    QVERIFY(result[0].front().score > 0.9f);
    QCOMPARE(result[0].front().box, QRectF(0, 0, 1, 1));
}

void TestImageClassifier::refusesScoresThatDoNotFitTheLabels()
{
    InstallOptions options;
    options.folder = m_dir.filePath(QStringLiteral("models-wrong"));
    options.name = QStringLiteral("wrong");
    const QString file = saveModule(m_dir.path(), kWrongWidth, QStringLiteral("wrong-src"));
    QString error;
    QVERIFY(!installClassifier(file, options, kLabels, {}, 32, &error));
    QVERIFY2(error.contains(QStringLiteral("classifier contract")), qPrintable(error));
    QVERIFY(!QFile::exists(options.folder + QStringLiteral("/wrong.pt")));
    QVERIFY(!installClassifier(file, options, {}, {}, 32, &error)); // no labels
    QVERIFY2(error.contains(QStringLiteral("labels")), qPrintable(error));
}

void TestImageClassifier::runsInTheTaggersPassAndTagsAreNamed()
{
    const QString folder = m_dir.filePath(QStringLiteral("models-pass"));
    QString error;
    const auto scenes = install(folder, &error);
    QVERIFY2(scenes, qPrintable(error));
    ModelInfo tagger;
    tagger.name = QStringLiteral("quiet");
    tagger.file = saveModule(folder, kQuietTagger, tagger.name).section(QLatin1Char('/'), -1);
    tagger.folder = folder;
    tagger.inputSize = 64;
    tagger.labels = { QStringLiteral("cat") };
    tagger.sha256 = ModelManifest::sha256Of(tagger.path(), &error);
    tagger.bytes = QFile(tagger.path()).size();
    AnalyzerOptions cpu;
    cpu.device = QStringLiteral("cpu");
    cpu.threads = 1;
    auto analyzer = TorchAnalyzer::load(tagger, cpu, &error);
    QVERIFY2(analyzer, qPrintable(error));
    const QString alone = analyzer->modelId();
    analyzer->attachClassifier(ImageClassifier::load(*scenes, cpu, &error));
    QCOMPARE(analyzer->modelId(), alone + QLatin1Char('+') + scenes->modelId()); // photos are tagged again
    const auto analyses = analyzer->analyze({ colour(0, 0, 255) });
    QCOMPARE(analyses.at(0).detections.size(), size_t(1));
    const Detection& d = analyses[0].detections[0];
    QCOMPARE(d.label, QStringLiteral("sunset"));
    QCOMPARE(d.names.value(QStringLiteral("de")), QStringLiteral("Sonnenuntergang"));

    // The label becomes a tag with the classifier's own names.
    test::TestLibrary lib;
    QVERIFY2(lib.isOpen(), qPrintable(lib.error()));
    TagStore tags(lib.path());
    QVERIFY2(tags.ensureTag(d.label, &error, d.names) > 0, qPrintable(error));
    QSqlQuery q(Database::connection(lib.path()));
    QVERIFY(q.exec(QStringLiteral("SELECT n.lang, n.name FROM tag_names n JOIN tags t ON t.id = n.tag_id"
                                  " WHERE t.key = 'sunset' ORDER BY n.lang")));
    QStringList names;
    while (q.next())
        names << q.value(0).toString() + QLatin1Char('=') + q.value(1).toString();
    QCOMPARE(names, QStringList({ QStringLiteral("de=Sonnenuntergang"), QStringLiteral("ja=夕焼け") }));
}

void TestImageClassifier::modelsListShowsTheClassifier()
{
    const QString folder = m_dir.filePath(QStringLiteral("models-cli"));
    QString error;
    QVERIFY2(install(folder, &error), qPrintable(error));
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SHOEBOX_MODELS"), folder);
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("xdg"))); // no user models
    cli.setProcessEnvironment(env);
    cli.start(
        QStringLiteral(SHOEBOX_BINARY_DIR "/app/shoebox-cli"), { QStringLiteral("models"), QStringLiteral("list") });
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 0);
    const QString out = QString::fromUtf8(cli.readAllStandardOutput());
    QVERIFY2(
        out.contains(QStringLiteral("scenes@")) && out.contains(QStringLiteral("  classifier  ")), qPrintable(out));
    QVERIFY2(!out.contains(QStringLiteral("INVALID")), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestImageClassifier)
#include "tst_imageclassifier.moc"
