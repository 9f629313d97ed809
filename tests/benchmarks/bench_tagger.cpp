// Tagging speed and quality on the real default model.
//   bench_tagger speed DARKNET_DIR [threads]     photos/s at input 512, 416, 320 and the tags found
//   bench_tagger embedding TFJS_JSON PHOTO_DIR... which layer's pooled features tell near-duplicates
//                                               from unrelated photos best
//   bench_tagger dump PHOTO PREFIX              raw input and outputs for check_import_vs_tfjs.sh
// The speed mode uses the installed model (SHOEBOX_MODELS or the build tree).

#include "cocolabels.h"
#include "modelmanifest.h"
#include "preprocess.h"
#include "tfjsgraph.h"
#include "tfjsimporter.h"
#include "torchanalyzer.h"

#include <ATen/Parallel.h>
#include <torch/script.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QTextStream>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

using namespace shoebox;

namespace {

QTextStream out(stdout);
constexpr int kRounds = 7;

std::vector<std::pair<QString, cv::Mat>> loadPhotos(const QStringList& dirs)
{
    std::vector<std::pair<QString, cv::Mat>> photos;
    for (const QString& d : dirs) {
        const QDir dir(d);
        for (const QString& f : dir.entryList({ "*.jpg", "*.png", "*.jpeg" }, QDir::Files, QDir::Name)) {
            cv::Mat m = cv::imread(dir.filePath(f).toStdString(), cv::IMREAD_COLOR);
            if (!m.empty())
                photos.emplace_back(f, m);
        }
    }
    return photos;
}

int speed(const QString& darknet, int threads)
{
    QString error;
    const auto model = ModelManifest::locate(QString(), &error);
    if (!model) {
        out << "no model: " << error << Qt::endl;
        return 1;
    }
    const auto photos = loadPhotos({ darknet });
    std::vector<cv::Mat> images;
    for (const auto& p : photos)
        images.push_back(p.second);
    const QMap<QString, QStringList> expected = { { "dog.jpg", { "bicycle", "car", "dog" } },
        { "horses.jpg", { "horse" } }, { "person.jpg", { "dog", "person" } }, { "giraffe.jpg", { "giraffe", "zebra" } },
        { "eagle.jpg", { "bird" } }, { "kite.jpg", { "kite", "person" } }, { "scream.jpg", {} } };
    out << "model " << model->modelId() << ", " << images.size() << " photos (decoded beforehand), " << threads
        << " torch threads, CPU; median of " << kRounds << " interleaved rounds\n\n";
    struct Config {
        int size;
        int batch;
        std::unique_ptr<TorchAnalyzer> analyzer;
        std::vector<double> seconds;
        std::vector<Analysis> results;
    };
    std::vector<Config> configs;
    for (auto [size, batch] : std::vector<std::pair<int, int>> { { 512, 1 }, { 512, 4 }, { 416, 1 }, { 320, 1 } }) {
        AnalyzerOptions o;
        o.device = QStringLiteral("cpu");
        o.threads = threads;
        o.inputSize = size;
        o.batchSize = batch;
        auto analyzer = TorchAnalyzer::load(*model, o, &error);
        if (!analyzer) {
            out << error << Qt::endl;
            return 1;
        }
        analyzer->analyze({ images[0] }); // warm-up (first-call JIT profiling)
        configs.push_back({ size, batch, std::move(analyzer), {}, {} });
    }
    // Rounds alternate the configurations so that load from other jobs falls on all of them.
    for (int r = 0; r < kRounds; ++r) {
        for (Config& c : configs) {
            QElapsedTimer t;
            t.start();
            c.results = c.analyzer->analyze(images);
            c.seconds.push_back(t.nsecsElapsed() / 1e9);
        }
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    const double base = median(configs[0].seconds);
    out << "| input | batch | photos/s | s/photo | time vs 512 batch 1 | expected tags found | extra tags |\n"
           "|---|---|---|---|---|---|---|\n";
    for (const Config& c : configs) {
        const double secs = median(c.seconds);
        int found = 0, wanted = 0;
        QStringList extra, missing;
        for (size_t i = 0; i < photos.size(); ++i) {
            QSet<QString> labels;
            for (const Detection& d : c.results[i].detections)
                labels.insert(d.label);
            const QStringList exp = expected.value(photos[i].first);
            wanted += exp.size();
            for (const QString& e : exp) {
                const bool hit = labels.contains(e) || (e == "car" && labels.contains("truck"));
                found += hit ? 1 : 0;
                if (!hit)
                    missing << photos[i].first.section('.', 0, 0) + ":" + e;
            }
            for (const QString& l : labels)
                if (!exp.contains(l) && !(photos[i].first == "dog.jpg" && l == "truck"))
                    extra << photos[i].first.section('.', 0, 0) + ":" + l;
        }
        const double n = double(images.size());
        out << "| " << c.size << " | " << c.batch << " | " << QString::number(n / secs, 'f', 2) << " | "
            << QString::number(secs / n, 'f', 3) << " | " << QString::number(secs / base, 'f', 2) << " | " << found
            << "/" << wanted << (missing.isEmpty() ? QString() : " (missed " + missing.join(", ") + ")") << " | "
            << (extra.isEmpty() ? QStringLiteral("none") : extra.join(", ")) << " |\n";
    }
    out.flush();
    return 0;
}

// Near-duplicate variants of a photo: what a re-save, a crop or an edit does to a copy.
std::vector<std::pair<QString, cv::Mat>> variants(const cv::Mat& img)
{
    std::vector<std::pair<QString, cv::Mat>> v;
    cv::Mat small, jpeg;
    cv::resize(img, small, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
    std::vector<uchar> buf;
    cv::imencode(".jpg", small, buf, { cv::IMWRITE_JPEG_QUALITY, 50 });
    v.emplace_back("half-size q50", cv::imdecode(buf, cv::IMREAD_COLOR));
    const int dx = img.cols / 10, dy = img.rows / 10;
    v.emplace_back("crop 10%", img(cv::Rect(dx, dy, img.cols - 2 * dx, img.rows - dy)).clone());
    cv::Mat edited;
    img.convertTo(edited, -1, 1.2, 25);
    v.emplace_back("contrast+brightness", edited);
    return v;
}

double cosine(const std::vector<float>& a, const std::vector<float>& b)
{
    double s = 0;
    for (size_t i = 0; i < a.size(); ++i)
        s += double(a[i]) * b[i];
    return s;
}

int embedding(const QString& tfjs, const QStringList& dirs)
{
    at::set_num_threads(2);
    TfjsGraph graph;
    QString error;
    if (!graph.load(tfjs, &error)) {
        out << error << Qt::endl;
        return 1;
    }
    const QStringList layers = {
        "tower_0/MobilenetV3/expanded_conv_14/add", // last backbone block, stride 32
        "tower_0/extern1/hard_swish/mul_1", // backbone's final 1x1 conv, stride 32
        "tower_0/CenternetHead/Relu_2", // head features, all scales merged, stride 4 (= its SE "Mean")
        "tower_0/keypoints", // class heat map: 80 class scores per cell
    };
    ImportOptions o;
    o.outputs = layers;
    auto module = TfjsImporter::import(graph, o, &error);
    if (!module) {
        out << error << Qt::endl;
        return 1;
    }
    const auto photos = loadPhotos(dirs);
    // embeddings[layer][photo][variant 0 = original]
    std::vector<std::vector<std::vector<std::vector<float>>>> emb(layers.size());
    std::vector<int> dims(layers.size());
    c10::InferenceMode guard;
    auto embed = [&](const cv::Mat& img, int photo) {
        const cv::Mat in = preprocessForModel(img, 512);
        const at::Tensor x = torch::from_blob(in.data, { 1, 512, 512, 3 }).permute({ 0, 3, 1, 2 }).contiguous();
        const auto outs = module->forward({ x }).toTuple()->elements();
        for (int l = 0; l < layers.size(); ++l) {
            at::Tensor t = outs[l].toTensor().mean({ 2, 3 }).flatten();
            t = t / t.norm();
            dims[l] = int(t.numel());
            emb[l][photo].emplace_back(t.data_ptr<float>(), t.data_ptr<float>() + t.numel());
        }
    };
    for (auto& e : emb)
        e.resize(photos.size());
    QElapsedTimer timer;
    timer.start();
    for (size_t p = 0; p < photos.size(); ++p) {
        embed(photos[p].second, int(p));
        for (const auto& v : variants(photos[p].second))
            embed(v.second, int(p));
    }
    out << photos.size() << " photos x 4 versions embedded in " << timer.elapsed() / 1000.0 << " s\n\n";
    out << "| layer | dim | near-dup cosine mean / min | unrelated cosine mean / max | AUC | real pair (motorcycle "
           "L/R) |\n"
           "|---|---|---|---|---|---|\n";
    int left = -1, right = -1;
    for (size_t p = 0; p < photos.size(); ++p) {
        if (photos[p].first.startsWith("motorcycle_left"))
            left = int(p);
        if (photos[p].first.startsWith("motorcycle_right"))
            right = int(p);
    }
    for (int l = 0; l < layers.size(); ++l) {
        std::vector<double> near, unrelated;
        for (size_t p = 0; p < photos.size(); ++p)
            for (size_t v = 1; v < emb[l][p].size(); ++v)
                near.push_back(cosine(emb[l][p][0], emb[l][p][v]));
        for (size_t a = 0; a < photos.size(); ++a)
            for (size_t b = a + 1; b < photos.size(); ++b)
                if (!((int(a) == left && int(b) == right) || (int(a) == right && int(b) == left)))
                    unrelated.push_back(cosine(emb[l][a][0], emb[l][b][0]));
        double auc = 0;
        for (double n : near)
            for (double u : unrelated)
                auc += n > u ? 1 : (n == u ? 0.5 : 0);
        auc /= double(near.size() * unrelated.size());
        auto mean = [](const std::vector<double>& v) {
            double s = 0;
            for (double x : v)
                s += x;
            return s / v.size();
        };
        const QString pair = left >= 0 && right >= 0
            ? QString::number(cosine(emb[l][left][0], emb[l][right][0]), 'f', 3)
            : QStringLiteral("n/a");
        out << "| `" << layers[l] << "` | " << dims[l] << " | " << QString::number(mean(near), 'f', 3) << " / "
            << QString::number(*std::min_element(near.begin(), near.end()), 'f', 3) << " | "
            << QString::number(mean(unrelated), 'f', 3) << " / "
            << QString::number(*std::max_element(unrelated.begin(), unrelated.end()), 'f', 3) << " | "
            << QString::number(auc, 'f', 4) << " | " << pair << " |\n";
        out.flush();
    }
    out << "\n"
        << photos.size() * 3 << " near-duplicate pairs, " << photos.size() * (photos.size() - 1) / 2 - 1
        << " unrelated pairs\n";
    return 0;
}

// Writes the preprocessed input of a photo (NHWC float) and the installed model's heat map and boxes
// (NHWC) as raw float32 files, for check_import_vs_tfjs.sh.
int dump(const QString& photo, const QString& prefix)
{
    at::set_num_threads(2);
    QString error;
    const auto model = ModelManifest::locate(QString(), &error);
    if (!model) {
        out << "no model: " << error << Qt::endl;
        return 1;
    }
    torch::jit::Module m = torch::jit::load(model->path().toStdString());
    const cv::Mat in = preprocessForModel(cv::imread(photo.toStdString()), 512);
    if (in.empty())
        return 1;
    auto write = [](const QString& path, const void* data, qint64 bytes) {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(static_cast<const char*>(data), bytes) == bytes;
    };
    write(prefix + ".in", in.data, 512 * 512 * 3 * 4);
    c10::InferenceMode guard;
    const auto outs = m.forward({ torch::from_blob(in.data, { 1, 512, 512, 3 }).permute({ 0, 3, 1, 2 }).contiguous() })
                          .toTuple()
                          ->elements();
    for (int i = 0; i < 2; ++i) {
        const at::Tensor t = outs[i].toTensor().permute({ 0, 2, 3, 1 }).contiguous();
        write(prefix + (i ? ".wh" : ".heat"), t.data_ptr<float>(), t.numel() * 4);
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() >= 2 && args[0] == QLatin1String("speed"))
        return speed(args[1], args.size() > 2 ? args[2].toInt() : 2);
    if (args.size() >= 3 && args[0] == QLatin1String("dump"))
        return dump(args[1], args[2]);
    if (args.size() >= 3 && args[0] == QLatin1String("embedding"))
        return embedding(args[1], args.mid(2));
    out << "usage: bench_tagger speed DARKNET_DIR [threads] | embedding TFJS_JSON PHOTO_DIR... | dump PHOTO PREFIX\n";
    return 2;
}
