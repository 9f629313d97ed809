#include "support/temporaryhome.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace shoebox::test {

QMap<QString, QString> temporaryHome(const QString& dir)
{
    const QDir home(dir);
    const QMap<QString, QString> env {
        { QStringLiteral("HOME"), home.path() },
        { QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".qttest/share")) },
        { QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral(".qttest/cache")) },
        { QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".qttest/config")) },
    };
    for (auto it = env.cbegin(); it != env.cend(); ++it) {
        if (!QDir().mkpath(it.value()))
            return {};
    }
    return env;
}

QProcessEnvironment temporaryHomeEnvironment(const QString& dir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QMap<QString, QString> home = temporaryHome(dir);
    for (auto it = home.cbegin(); it != home.cend(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

bool useTemporaryHome(const QString& dir)
{
    const QMap<QString, QString> home = temporaryHome(dir);
    for (auto it = home.cbegin(); it != home.cend(); ++it)
        qputenv(qPrintable(it.key()), QFile::encodeName(it.value()));
    QStandardPaths::setTestModeEnabled(true);
    return !home.isEmpty()
        && QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        == home.value(QStringLiteral("XDG_DATA_HOME"));
}

} // namespace shoebox::test
