#include "shell/appsettings.h"

#include "shell/languagemanager.h"
#include "tuning.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace shoebox {

namespace {

const QString kLanguage = QStringLiteral("ui/language");
const QString kImportMode = QStringLiteral("import/mode");
const QString kImportFolder = QStringLiteral("import/folder");
const QString kDevice = QStringLiteral("analysis/device");
const QString kThumbnailSize = QStringLiteral("ui/thumbnailSize");

} // namespace

QString AppSettings::language()
{
    const QString stored = QSettings().value(kLanguage).toString();
    return stored.isEmpty() ? LanguageManager::systemLanguage() : stored;
}

void AppSettings::setLanguage(const QString& code)
{
    QSettings().setValue(kLanguage, code);
}

AppSettings::ImportMode AppSettings::importMode()
{
    const QString mode = QSettings().value(kImportMode).toString();
    if (mode == QLatin1String("index"))
        return ImportMode::IndexInPlace;
    if (mode == QLatin1String("copy"))
        return ImportMode::CopyByDate;
    return ImportMode::Ask;
}

void AppSettings::setImportMode(ImportMode mode)
{
    QSettings s;
    switch (mode) {
    case ImportMode::Ask:
        s.remove(kImportMode);
        break;
    case ImportMode::IndexInPlace:
        s.setValue(kImportMode, QStringLiteral("index"));
        break;
    case ImportMode::CopyByDate:
        s.setValue(kImportMode, QStringLiteral("copy"));
        break;
    }
}

QString AppSettings::importFolder()
{
    const QString stored = QSettings().value(kImportFolder).toString();
    if (!stored.isEmpty())
        return stored;
    return QStandardPaths::writableLocation(QStandardPaths::PicturesLocation) + QStringLiteral("/Shoebox");
}

void AppSettings::setImportFolder(const QString& folder)
{
    QSettings().setValue(kImportFolder, QDir::cleanPath(folder));
}

AppSettings::Device AppSettings::device()
{
    const QString d = QSettings().value(kDevice).toString();
    if (d == QLatin1String("cpu"))
        return Device::Cpu;
    if (d == QLatin1String("gpu"))
        return Device::Gpu;
    return Device::Automatic;
}

void AppSettings::setDevice(Device device)
{
    const char* names[] = { "auto", "cpu", "gpu" };
    QSettings().setValue(kDevice, QString::fromLatin1(names[int(device)]));
}

int AppSettings::thumbnailSize()
{
    return QSettings().value(kThumbnailSize, tuning::kDefaultThumbnailSize).toInt();
}

void AppSettings::setThumbnailSize(int size)
{
    QSettings().setValue(kThumbnailSize, size);
}

} // namespace shoebox
