#include "support/scanfixture.h"

#include "support/testlibrary.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

namespace shoebox::test {

QByteArray randomPng(int seed, int width, int height)
{
    cv::Mat m(height, width, CV_8UC3);
    cv::randu(m, cv::Scalar::all(seed % 100), cv::Scalar::all(seed % 100 + 120));
    std::vector<unsigned char> buf;
    cv::imencode(".png", m, buf);
    return QByteArray(reinterpret_cast<const char*>(buf.data()), int(buf.size()));
}

QMap<QString, QByteArray> checksums(const QString& dir, bool skipSidecars)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString p = it.next();
        if (skipSidecars && p.endsWith(QLatin1String(".xmp"), Qt::CaseInsensitive))
            continue;
        QFile f(p);
        out.insert(p,
            f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                        : QByteArray("unreadable"));
    }
    return out;
}

QString integrityCheck(const QString& library)
{
    const QString name = QStringLiteral("integrity-") + QUuid::createUuid().toString(QUuid::Id128);
    QString verdict;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(library);
        if (!db.open()) {
            verdict = QStringLiteral("cannot open: ") + db.lastError().text();
        } else {
            QSqlQuery q(db);
            verdict = q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next() ? q.value(0).toString()
                                                                                   : QStringLiteral("cannot run");
        }
    }
    QSqlDatabase::removeDatabase(name);
    return verdict;
}

void useCacheIn(const TestLibrary& library)
{
    qputenv("XDG_CACHE_HOME", QFile::encodeName(library.filePath(QStringLiteral("cache"))));
}

} // namespace shoebox::test
