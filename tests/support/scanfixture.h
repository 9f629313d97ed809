#pragma once
// What the scan, offline-drive, disk-full and originals tests share: small random pictures, the
// checksums of every file below a folder, the catalog's PRAGMA integrity_check through a connection
// of its own, and a thumbnail cache inside the slot's library folder. Test thread only.

#include <QByteArray>
#include <QMap>
#include <QString>

namespace shoebox::test {

class TestLibrary;

// A PNG of random pixels; different seeds give different pictures.
QByteArray randomPng(int seed, int width = 64, int height = 48);
// SHA-256 of every file below dir (hidden ones included), by path; sidecars (.xmp) left out when
// skipSidecars, since they are the one thing Shoebox may write next to originals.
QMap<QString, QByteArray> checksums(const QString& dir, bool skipSidecars = false);
// PRAGMA integrity_check's first line for the catalog file ("ok" when sound), or why it could not run.
QString integrityCheck(const QString& library);
// Points XDG_CACHE_HOME (the freedesktop thumbnail cache) into the library's folder.
void useCacheIn(const TestLibrary& library);

} // namespace shoebox::test
