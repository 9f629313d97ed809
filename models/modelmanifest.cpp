#include "modelmanifest.h"

#include "modelfiles.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace shoebox {

namespace {
const QString kManifest = QStringLiteral("models.json");
}

QString ModelInfo::path() const
{
    return QDir(folder).filePath(file);
}

QJsonObject ModelInfo::toJson() const
{
    // The input and outputs each task's contract fixes (modelmanifest.h), written out for readers.
    QJsonArray outputs { QStringLiteral("heatmap"), QStringLiteral("box_ltrb"), QStringLiteral("embedding") };
    QJsonArray range { 0, 255 };
    if (task == QLatin1String("blazeface")) {
        outputs = { QStringLiteral("logits_16x16x2"), QStringLiteral("boxes_16x16x2"), QStringLiteral("logits_8x8x6"),
            QStringLiteral("boxes_8x8x6") };
        range = { -1, 1 };
    } else if (task == QLatin1String("face-descriptor")) {
        outputs = { QStringLiteral("descriptor_128") };
    }
    const bool classifier = task == QLatin1String("classifier");
    QJsonArray meanJson { 0, 0, 0 }, stdJson { 1, 1, 1 };
    if (classifier) {
        outputs = { QStringLiteral("logits") };
        range = { 0, 1 };
        meanJson = { mean[0], mean[1], mean[2] };
        stdJson = { stddev[0], stddev[1], stddev[2] };
    }
    QJsonObject input { { QStringLiteral("size"), inputSize }, { QStringLiteral("multipleOf"), multipleOf },
        { QStringLiteral("layout"), QStringLiteral("NCHW") }, { QStringLiteral("color"), QStringLiteral("RGB") },
        { QStringLiteral("range"), range }, { QStringLiteral("mean"), meanJson }, { QStringLiteral("std"), stdJson } };
    QJsonObject o { { QStringLiteral("name"), name }, { QStringLiteral("file"), file },
        { QStringLiteral("sha256"), sha256 }, { QStringLiteral("bytes"), bytes }, { QStringLiteral("task"), task },
        { QStringLiteral("input"), input }, { QStringLiteral("outputs"), outputs },
        { QStringLiteral("stride"), stride }, { QStringLiteral("labels"), QJsonArray::fromStringList(labels) },
        { QStringLiteral("embeddingLayer"), embeddingLayer }, { QStringLiteral("source"), source },
        { QStringLiteral("license"), license } };
    if (classifier && !labelNames.isEmpty())
        o.insert(QStringLiteral("labelNames"), labelNames);
    return o;
}

std::optional<ModelInfo> ModelInfo::fromJson(const QJsonObject& o, QString* error)
{
    ModelInfo m;
    m.name = o.value(QStringLiteral("name")).toString();
    m.file = o.value(QStringLiteral("file")).toString();
    m.sha256 = o.value(QStringLiteral("sha256")).toString().toLower();
    m.bytes = o.value(QStringLiteral("bytes")).toInteger();
    m.task = o.value(QStringLiteral("task")).toString();
    const QJsonObject input = o.value(QStringLiteral("input")).toObject();
    m.inputSize = input.value(QStringLiteral("size")).toInt();
    m.multipleOf = input.value(QStringLiteral("multipleOf")).toInt(1);
    m.stride = o.value(QStringLiteral("stride")).toInt();
    for (const QJsonValue& l : o.value(QStringLiteral("labels")).toArray())
        m.labels << l.toString();
    if (m.task == QLatin1String("classifier")) {
        const QJsonArray mean = input.value(QStringLiteral("mean")).toArray();
        const QJsonArray stdev = input.value(QStringLiteral("std")).toArray();
        for (int c = 0; c < 3 && mean.size() == 3 && stdev.size() == 3; ++c) {
            m.mean[size_t(c)] = float(mean[c].toDouble());
            m.stddev[size_t(c)] = float(stdev[c].toDouble());
        }
        m.labelNames = o.value(QStringLiteral("labelNames")).toObject();
    }
    m.embeddingLayer = o.value(QStringLiteral("embeddingLayer")).toString();
    m.source = o.value(QStringLiteral("source")).toString();
    m.license = o.value(QStringLiteral("license")).toString();
    QString why;
    if (m.name.isEmpty() || m.file.isEmpty() || m.file.contains(QLatin1Char('/')))
        why = QStringLiteral("needs a name and a plain file name");
    else if (m.sha256.size() != 64)
        why = QStringLiteral("has no valid sha256");
    else if (!ModelInfo::tasks().contains(m.task))
        why = QStringLiteral("has unsupported task '%1'").arg(m.task);
    else if (m.inputSize <= 0 || m.multipleOf <= 0)
        why = QStringLiteral("lacks an input size");
    else if (m.task == QLatin1String("centernet") && (m.stride <= 0 || m.labels.isEmpty()))
        why = QStringLiteral("lacks stride or labels");
    else if (m.task == QLatin1String("classifier") && m.labels.isEmpty())
        why = QStringLiteral("lacks labels");
    else if (std::any_of(m.stddev.begin(), m.stddev.end(), [](float s) { return !(s > 0.f); }))
        why = QStringLiteral("has a non-positive std");
    if (!why.isEmpty()) {
        *error = QStringLiteral("model entry '%1' %2").arg(m.name, why);
        return std::nullopt;
    }
    return m;
}

bool ModelManifest::read(const QString& folder, QString* error)
{
    m_models.clear();
    const QString path = QDir(folder).filePath(kManifest);
    if (!QFileInfo::exists(path))
        return true;
    const auto doc = ModelFiles::readJsonObject(path, QStringLiteral("a valid model manifest"), error);
    if (!doc)
        return false;
    for (const QJsonValue& v : doc->value(QStringLiteral("models")).toArray()) {
        auto m = ModelInfo::fromJson(v.toObject(), error);
        if (!m) {
            *error = path + QStringLiteral(": ") + *error;
            return false;
        }
        m->folder = QFileInfo(folder).absoluteFilePath();
        m_models << *m;
    }
    return true;
}

bool ModelManifest::write(const QString& folder, QString* error) const
{
    QJsonArray list;
    for (const ModelInfo& m : m_models)
        list << m.toJson();
    QSaveFile f(QDir(folder).filePath(kManifest));
    if (!f.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString());
        return false;
    }
    f.write(QJsonDocument(QJsonObject { { QStringLiteral("version"), 1 }, { QStringLiteral("models"), list } })
                .toJson(QJsonDocument::Indented));
    if (!f.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString());
        return false;
    }
    return true;
}

void ModelManifest::upsert(const ModelInfo& m)
{
    for (ModelInfo& existing : m_models) {
        if (existing.name == m.name) {
            existing = m;
            return;
        }
    }
    m_models.prepend(m);
}

QStringList ModelInfo::tasks()
{
    return { QStringLiteral("centernet"), QStringLiteral("blazeface"), QStringLiteral("face-descriptor"),
        QStringLiteral("classifier") };
}

std::optional<ModelInfo> ModelManifest::find(const QString& name) const
{
    for (const ModelInfo& m : m_models)
        if (name.isEmpty() ? m.task == QLatin1String("centernet") : m.name == name)
            return m;
    return std::nullopt;
}

std::optional<ModelInfo> ModelManifest::findTask(const QString& task) const
{
    for (const ModelInfo& m : m_models)
        if (m.task == task)
            return m;
    return std::nullopt;
}

QStringList ModelManifest::searchPath()
{
    QStringList dirs;
    const QString env = qEnvironmentVariable("SHOEBOX_MODELS");
    if (!env.isEmpty())
        dirs << env;
    dirs << defaultInstallFolder();
    dirs << QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/shoebox/models"));
    dirs << QStringLiteral(SHOEBOX_BUILD_MODELS_DIR);
    dirs.removeDuplicates();
    return dirs;
}

QString ModelManifest::defaultInstallFolder()
{
    const QString env = qEnvironmentVariable("SHOEBOX_MODELS");
    if (!env.isEmpty())
        return env;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("models"));
}

std::optional<ModelInfo> ModelManifest::locate(const QString& name, QString* error)
{
    QStringList problems;
    for (const QString& dir : searchPath()) {
        ModelManifest manifest;
        QString why;
        if (!manifest.read(dir, &why)) {
            problems << why;
            continue;
        }
        if (auto m = manifest.find(name))
            return m;
    }
    *error = problems.isEmpty()
        ? QStringLiteral("no model installed (run scripts/fetch-model.sh, then shoebox-cli models install)")
        : problems.join(QStringLiteral("; "));
    return std::nullopt;
}

std::optional<ModelInfo> ModelManifest::locateTask(const QString& task, QString* error)
{
    for (const QString& dir : searchPath()) {
        ModelManifest manifest;
        QString why;
        if (!manifest.read(dir, &why))
            continue; // locate() reports unreadable manifests
        if (auto m = manifest.findTask(task))
            return m;
    }
    *error = QStringLiteral("no %1 model installed (run scripts/install-model.sh)").arg(task);
    return std::nullopt;
}

QString ModelManifest::sha256Of(const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return QString();
    }
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

bool ModelManifest::verify(const ModelInfo& m, QString* error)
{
    const QFileInfo fi(m.path());
    if (!fi.isFile()) {
        *error = QStringLiteral("model file %1 is missing").arg(m.path());
        return false;
    }
    if (m.bytes > 0 && fi.size() != m.bytes) {
        *error = QStringLiteral("model file %1 is %2 bytes, the manifest says %3 (truncated or replaced?)")
                     .arg(m.path())
                     .arg(fi.size())
                     .arg(m.bytes);
        return false;
    }
    const QString sum = sha256Of(m.path(), error);
    if (sum.isEmpty())
        return false;
    if (sum != m.sha256) {
        *error = QStringLiteral("model file %1 has SHA-256 %2, the manifest says %3: refusing to load it")
                     .arg(m.path(), sum.left(16), m.sha256.left(16));
        return false;
    }
    return true;
}

} // namespace shoebox
