#pragma once
// Applies PairFinder to the catalog after a scan: groups the photos of the scanned folders by
// directory, decides the pairs again and writes only the links that changed, in one transaction
// through PhotoStore. Deciding again from the files each time keeps pairs stable across rescans and
// unpairs the survivor when one half is deleted. Use on one thread (the scan's); create per use.

#include <QList>
#include <QString>

namespace shoebox {

class PairingService {
public:
    explicit PairingService(QString libraryPath);
    // folderIds: catalog folders (scan roots); empty: the whole library. Returns the number of pairs
    // in those folders, or -1 with *error when the catalog could not be read or written.
    int apply(const QList<qint64>& folderIds, QString* error = nullptr);

private:
    QString m_path;
};

} // namespace shoebox
