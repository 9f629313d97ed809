#include "modelfiles.h"
#include "modelinstaller.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace shoebox {

namespace {

std::optional<QByteArray> readAll(const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    return f.readAll();
}

} // namespace

std::optional<QJsonObject> ModelFiles::readJsonObject(const QString& path, const QString& what, QString* error)
{
    const auto bytes = readAll(path, error);
    if (!bytes)
        return std::nullopt;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &pe);
    if (!doc.isObject()) {
        *error = QStringLiteral("%1 is not %2: %3")
                     .arg(path, what,
                         pe.error == QJsonParseError::NoError ? QStringLiteral("the top level is not an object")
                                                              : pe.errorString());
        return std::nullopt;
    }
    return doc.object();
}

std::optional<QJsonObject> ModelFiles::readLabelNames(const QString& path, QString* error)
{
    const QString what = QStringLiteral("a JSON object of label names");
    auto names = readJsonObject(path, what, error);
    if (!names)
        return std::nullopt;
    for (auto it = names->constBegin(); it != names->constEnd(); ++it) {
        if (!it.value().isObject()) {
            *error = QStringLiteral("%1 is not %2: the names of \"%3\" are not an object of languages")
                         .arg(path, what, it.key());
            return std::nullopt;
        }
    }
    return names;
}

std::optional<QStringList> ModelFiles::readLabels(const QString& path, QString* error)
{
    const auto bytes = readAll(path, error);
    if (!bytes)
        return std::nullopt;
    QStringList labels;
    for (const QString& l : QString::fromUtf8(*bytes).split(QLatin1Char('\n')))
        if (!l.trimmed().isEmpty())
            labels << l.trimmed();
    return labels;
}

// Declared in modelinstaller.h; defined here, torch-free, for the CLI that has not loaded the plugin.
QString installTaskFor(const QString& file)
{
    const QString name = QFileInfo(file).fileName();
    if (name.contains(QLatin1String("blazeface")))
        return QStringLiteral("blazeface");
    if (name.endsWith(QLatin1String("weights_manifest.json")))
        return QStringLiteral("face-descriptor");
    return QStringLiteral("centernet");
}

} // namespace shoebox
