#include "support/videofixture.h"
#include "support/testtimeout.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace shoebox::test {

bool VideoFixture::available()
{
    return !QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty();
}

QString VideoFixture::skipReason()
{
    return QStringLiteral("the ffmpeg tool is not installed (scripts/install-deps.sh installs it)");
}

bool VideoFixture::make(const QString& output, const QStringList& args, QString* error)
{
    QProcess p;
    p.start(QStringLiteral("ffmpeg"),
        QStringList { QStringLiteral("-y"), QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-nostdin") }
            + args + QStringList { output });
    const bool ok
        = p.waitForFinished(processTimeoutMs()) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!ok && error)
        *error = QString::fromLocal8Bit(p.readAllStandardError()).right(400);
    return ok && QFileInfo(output).size() > 0;
}

bool VideoFixture::clip(const QString& output, const QString& source, double seconds, int width, int height,
    const QStringList& extra, QString* error)
{
    const QString lavfi = QStringLiteral("%1=size=%2x%3:rate=15").arg(source).arg(width).arg(height);
    return make(output,
        QStringList { QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), lavfi, QStringLiteral("-t"),
            QString::number(seconds), QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
            QStringLiteral("ultrafast"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p") }
            + extra,
        error);
}

bool VideoFixture::liveMov(
    const QString& output, const QByteArray& contentId, const QByteArray& creationDate, QString* error)
{
    QStringList args { QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
        QStringLiteral("color=c=red:s=64x48:d=0.2"), QStringLiteral("-c:v"), QStringLiteral("mpeg4"),
        QStringLiteral("-movflags"), QStringLiteral("use_metadata_tags") };
    if (!contentId.isEmpty())
        args << QStringLiteral("-metadata")
             << QStringLiteral("com.apple.quicktime.content.identifier=") + QString::fromLatin1(contentId);
    args << QStringLiteral("-metadata")
         << QStringLiteral("com.apple.quicktime.creationdate=") + QString::fromLatin1(creationDate);
    return make(output, args, error);
}

QString VideoFixture::sample(const QString& name)
{
    const QString path = QStringLiteral(SHOEBOX_TEST_DATA "/mimetype/") + name;
    return QFileInfo::exists(path) ? path : QString();
}

} // namespace shoebox::test
