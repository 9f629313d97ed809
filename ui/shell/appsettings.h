#pragma once
// The user's preferences, stored with QSettings (organisation "shoebox"). Typed accessors so that keys
// and defaults live in one place. Any thread may read; the UI thread writes.

#include <QString>

namespace shoebox {

class AppSettings {
public:
    enum class ImportMode { Ask, IndexInPlace, CopyByDate };
    enum class Device { Automatic, Cpu, Gpu };

    static QString language(); // "en", "zh_CN", ... (the system language on first run)
    static void setLanguage(const QString& code);
    static ImportMode importMode();
    static void setImportMode(ImportMode mode);
    static QString importFolder(); // where "copy into library" puts photos (YYYY/MM below it)
    static void setImportFolder(const QString& folder);
    static Device device();
    static void setDevice(Device device);
    static int thumbnailSize();
    static void setThumbnailSize(int size);
};

} // namespace shoebox
