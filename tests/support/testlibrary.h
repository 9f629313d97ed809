#pragma once
// A new, empty Shoebox library in a temporary folder of its own, for one test slot.

#include <QString>
#include <QTemporaryDir>

#include "support/temporaryhome.h"

namespace shoebox::test {

// Creates and opens the library on construction; on destruction closes this thread's connection to
// it and removes the folder. Other files a slot needs (photos, a trash) can live in the same folder.
// Used on the test's own thread.
class TestLibrary {
public:
    explicit TestLibrary(const QString& fileName = QStringLiteral("library.db"));
    ~TestLibrary();
    TestLibrary(const TestLibrary&) = delete;
    TestLibrary& operator=(const TestLibrary&) = delete;

    bool isOpen() const { return m_open; }
    // Why the library could not be opened.
    QString error() const { return m_error; }
    // The library file, for the catalog classes' constructors.
    QString path() const { return m_path; }
    // A path in the library's folder.
    QString filePath(const QString& name) const { return m_dir.filePath(name); }
    QString folder() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_error;
    bool m_open = false;
};

} // namespace shoebox::test
