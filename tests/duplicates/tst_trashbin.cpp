#include "duplicates/trashbin.h"
#include "support/testlibrary.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace shoebox;
using namespace shoebox::test;

class TestTrashBin : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_home; // the trash lives here, never in the user's real one

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(test::useTemporaryHome(m_home.path()));
    }

    void trashThenUndoRestoresBytes()
    {
        QTemporaryDir photos(m_home.filePath(QStringLiteral("photos-XXXXXX")));
        const TestLibrary library;
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        const QString lib = library.path();
        QString error;
        const QString file = photos.filePath(QStringLiteral("copy of IMG_0001.jpg"));
        QByteArray bytes(100000, '\0');
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = char((i * 131) % 251);
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        TrashBin bin(lib);
        const auto rec = bin.moveToTrash(0, QFile::encodeName(file), "hash", &error);
        QVERIFY2(rec, qPrintable(error));
        QVERIFY(!QFile::exists(file));
        const QString trashed = QFile::decodeName(rec->trashPath);
        QVERIFY2(trashed.startsWith(m_home.path()), qPrintable(trashed));
        QVERIFY(QFile::exists(trashed));
        QCOMPARE(bin.lastBatch().size(), 1);

        QStringList errors;
        QCOMPARE(TrashBin(lib).undoLastBatch(&errors), 1);
        QVERIFY(errors.isEmpty());
        QFile back(file);
        QVERIFY(back.open(QIODevice::ReadOnly));
        QCOMPARE(back.readAll(), bytes);
        QVERIFY(!QFile::exists(trashed));
        QVERIFY(bin.lastBatch().isEmpty());
    }

    void undoNeverOverwritesANewFile()
    {
        QTemporaryDir photos(m_home.filePath(QStringLiteral("photos-XXXXXX")));
        const TestLibrary library;
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        const QString lib = library.path();
        QString error;
        const QString file = photos.filePath(QStringLiteral("a.jpg"));
        auto write = [&](const QByteArray& b) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(b);
        };
        write("old");
        TrashBin bin(lib);
        QVERIFY(bin.moveToTrash(0, QFile::encodeName(file), "h", &error));
        write("new");
        QStringList errors;
        QCOMPARE(bin.undoLastBatch(&errors), 0);
        QCOMPARE(errors.size(), 1);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("new"));
    }

    void missingFileIsRefused()
    {
        const TestLibrary library;
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        const QString lib = library.path();
        QString error;
        QVERIFY(!TrashBin(lib).moveToTrash(0, "/nonexistent/x.jpg", "h", &error));
        QVERIFY(error.contains(QStringLiteral("no such file")));
    }
};

QTEST_GUILESS_MAIN(TestTrashBin)
#include "tst_trashbin.moc"
