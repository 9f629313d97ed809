// SPDX-License-Identifier: GPL-3.0-or-later
// Originals are never written: a camera roll of every format Shoebox reads (JPEG, HEIC, AVIF,
// RAW/DNG beside its JPEG, MP4/MOV, Live Photo, motion photo, PNG, an existing .xmp sidecar) goes
// through everything shoebox-cli does to a library short of deleting (scan with thumbnails, marks,
// sidecar writes, duplicate search, a trash and its undo) and every file but the sidecars keeps its
// SHA-256.
#include "support/clirunner.h"
#include "support/exiffixture.h"
#include "support/heiffixture.h"
#include "support/mixedlibrary.h"
#include "support/scanfixture.h"
#include "support/videofixture.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/core.hpp>

using namespace shoebox::test;

class TestCliOriginals : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_lib, m_roll;
    QMap<QString, QString> m_env;

    void cli(const QStringList& args)
    {
        const CliResult r = runCli(m_lib, args, m_env);
        QVERIFY2(r.code == 0, qPrintable(args.join(QLatin1Char(' ')) + QLatin1String(": ") + QString::fromUtf8(r.err)));
    }

    QStringList originals() const { return checksums(m_roll, true).keys(); }

private Q_SLOTS:
    void initTestCase()
    {
        if (!VideoFixture::available())
            QSKIP(qPrintable(VideoFixture::skipReason()));
        QVERIFY(m_tmp.isValid());
        for (const char* home : { "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "HOME" })
            m_env.insert(QString::fromLatin1(home), m_tmp.filePath(QString::fromLatin1(home)));
        m_lib = m_tmp.filePath(QStringLiteral("lib.db"));
        m_roll = m_tmp.filePath(QStringLiteral("roll"));
        QString error;
        QVERIFY2(MixedLibrary::write(m_roll, 1, &error), qPrintable(error));
        cv::Mat picture(120, 160, CV_8UC3);
        cv::randu(picture, cv::Scalar::all(0), cv::Scalar::all(255));
        HeifFields avif;
        avif.avif = true;
        const QByteArray avifBytes = encodeHeif(picture, avif, &error);
        QVERIFY2(!avifBytes.isEmpty(), qPrintable(error));
        QVERIFY(QDir().mkpath(m_roll + QStringLiteral("/extra")));
        QVERIFY(writeFile(m_roll + QStringLiteral("/extra/phone.avif"), avifBytes));
        QVERIFY(writeFile(m_roll + QStringLiteral("/extra/scan.png"), randomPng(7)));
        QVERIFY(writeFile(m_roll + QStringLiteral("/extra/scan copy.png"), randomPng(7))); // for the trash
        QVERIFY(writeFile(m_roll + QStringLiteral("/extra/scan.xmp"),
            "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
            "<rdf:Description xmlns:xmp='http://ns.adobe.com/xap/1.0/' xmp:Rating='3'/></rdf:RDF></x:xmpmeta>"));
        VideoFixture::clip(m_roll + QStringLiteral("/extra/clip.mp4"), QStringLiteral("testsrc2"), 1.0);
    }

    void everyFormatKeepsItsBytes()
    {
        const QMap<QString, QByteArray> before = checksums(m_roll, true);
        QSet<QString> formats;
        for (const QString& f : before.keys())
            formats << QFileInfo(f).suffix().toLower();
        for (const char* ext : { "jpg", "heic", "avif", "dng", "mov", "mp4", "png" })
            QVERIFY2(formats.contains(QString::fromLatin1(ext)), ext);
        const int sidecarsBefore = int(checksums(m_roll).size() - before.size());

        cli({ QStringLiteral("scan"), QStringLiteral("--no-tags"), m_roll });
        const QStringList files = originals();
        cli(QStringList { QStringLiteral("rate") } + files + QStringList { QStringLiteral("4") });
        cli(QStringList { QStringLiteral("fav") } + files);
        cli(QStringList { QStringLiteral("xmp"), QStringLiteral("write") } + files);
        cli({ QStringLiteral("duplicates"), QStringLiteral("--level"), QStringLiteral("exact"),
            QStringLiteral("--trash-others") });
        cli({ QStringLiteral("duplicates"), QStringLiteral("--undo") });
        cli({ QStringLiteral("scan"), QStringLiteral("--no-tags"), m_roll });

        QCOMPARE(checksums(m_roll, true), before);
        // The marks did go somewhere: into sidecars, the one thing written next to originals.
        QVERIFY(checksums(m_roll).size() - before.size() > sidecarsBefore);
    }
};

QTEST_GUILESS_MAIN(TestCliOriginals)
#include "tst_clioriginals.moc"
