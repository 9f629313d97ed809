#include "support/testlibrary.h"

#include "catalog/database.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace shoebox::test {

TestLibrary::TestLibrary(const QString& fileName)
    : m_path(m_dir.filePath(fileName))
{
    if (!m_dir.isValid())
        m_error = m_dir.errorString();
    else
        m_open = Database::open(m_path, &m_error);
}

TestLibrary::~TestLibrary()
{
    Database::closeThreadConnection(m_path);
}

bool useTemporaryHome(const QString& dir)
{
    qputenv("HOME", QFile::encodeName(dir));
    qputenv("XDG_DATA_HOME", QFile::encodeName(QDir(dir).filePath(QStringLiteral(".qttest/share"))));
    QStandardPaths::setTestModeEnabled(true);
    return QDir().mkpath(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation));
}

} // namespace shoebox::test
