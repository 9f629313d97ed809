#include "support/testlibrary.h"

#include "catalog/database.h"

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

} // namespace shoebox::test
