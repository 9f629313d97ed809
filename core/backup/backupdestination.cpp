#include "backup/backupdestination.h"

#include "backup/backuprepository.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStorageInfo>

namespace shoebox {

DestinationState BackupDestination::probe(const QString& destination, bool hasBackedUp, qint64 minimumFree)
{
    const QFileInfo info(destination);
    if (destination.isEmpty() || !info.isDir() || (hasBackedUp && !BackupRepository::isBackup(destination)))
        return DestinationState::Missing;
    const QStorageInfo storage(destination);
    if (!storage.isValid() || !storage.isReady())
        return DestinationState::Missing;
    if (storage.isReadOnly() || !info.isWritable())
        return DestinationState::ReadOnly;
    return storage.bytesAvailable() < minimumFree ? DestinationState::Full : DestinationState::Ready;
}

QString BackupDestination::message(DestinationState state, const QString& destination)
{
    switch (state) {
    case DestinationState::Ready:
        return {};
    case DestinationState::Missing:
        return QCoreApplication::translate("BackupDestination", "%1 is not there; plug in the drive to back up.")
            .arg(destination);
    case DestinationState::ReadOnly:
        return QCoreApplication::translate("BackupDestination", "%1 is read-only.").arg(destination);
    case DestinationState::Full:
        return QCoreApplication::translate("BackupDestination", "%1 is full.").arg(destination);
    }
    return {};
}

} // namespace shoebox
