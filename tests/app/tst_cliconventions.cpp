// SPDX-License-Identifier: GPL-3.0-or-later
// shoebox-cli behaves like a Unix tool: --version, help, exit codes, results on stdout and only
// messages on stderr, JSON errors, quiet logs, NO_COLOR, Ctrl-C, shell completions.

#include "support/testtimeout.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

namespace {

const QString kCli = QStringLiteral(SHOEBOX_BINARY_DIR "/app/shoebox-cli");
const QString kDarknet = QStringLiteral(SHOEBOX_TEST_DATA "/darknet");
// GNOME's wallpapers: large WebP files, slow enough to decode that a scan of them is still running when
// a signal arrives (darknet's seven photos can be scanned before the test has looked).
const QString kBackgrounds = QStringLiteral(SHOEBOX_TEST_DATA "/backgrounds");
const QString kModels = QStringLiteral(SHOEBOX_BINARY_DIR "/models/models.json");

struct Result {
    int code = -1;
    QByteArray out, err;
};

} // namespace

class TestCliConventions : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_lib;
    QByteArray m_bashCompletion;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_tmp->filePath(QStringLiteral("cache")));
        env.remove(QStringLiteral("QT_LOGGING_RULES")); // ctest sets it; the CLI's own defaults are tested
        env.remove(QStringLiteral("NO_COLOR"));
        return env;
    }

    Result cli(const QStringList& args, const QProcessEnvironment& env)
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(kCli, QStringList { QStringLiteral("--library"), m_lib } + args);
        p.waitForFinished(shoebox::test::processTimeoutMs());
        return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError() };
    }
    Result cli(const QStringList& args) { return cli(args, environment()); }

    // Runs the CLI on a pseudo-terminal (util-linux script), stdout and stderr merged.
    Result onTerminal(const QStringList& args, const QProcessEnvironment& env)
    {
        QStringList quoted { kCli, QStringLiteral("--library"), m_lib };
        quoted += args;
        for (QString& a : quoted)
            a = QLatin1Char('\'') + a + QLatin1Char('\'');
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("script"),
            { QStringLiteral("-qec"), quoted.join(QLatin1Char(' ')), QStringLiteral("/dev/null") });
        p.waitForFinished(shoebox::test::processTimeoutMs());
        return { p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError() };
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_lib = m_tmp->filePath(QStringLiteral("lib.db"));
    }

    void cleanup() { m_tmp.reset(); }

    void versionPrintsNameAndVersion()
    {
        const Result r = cli({ QStringLiteral("--version") });
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray("shoebox-cli " PROJECT_VERSION "\n"));
        QCOMPARE(r.err, QByteArray());
    }

    void helpListsCommandsOnStdout()
    {
        const Result r = cli({ QStringLiteral("--help") });
        QCOMPARE(r.code, 0);
        QCOMPARE(r.err, QByteArray());
        for (const char* word : { "scan", "search", "duplicates", "completion", "exit status", "130" })
            QVERIFY2(r.out.contains(word), word);
    }

    void helpCommandEqualsCommandDashHelp_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("scan") << QStringLiteral("scan");
        QTest::newRow("duplicates") << QStringLiteral("duplicates");
    }

    void helpCommandEqualsCommandDashHelp()
    {
        QFETCH(QString, command);
        const Result help = cli({ QStringLiteral("help"), command });
        const Result dash = cli({ command, QStringLiteral("--help") });
        QCOMPARE(help.code, 0);
        QCOMPARE(dash.code, 0);
        const QByteArray usage = "usage: shoebox-cli [GLOBAL OPTIONS] " + command.toUtf8();
        QVERIFY(help.out.startsWith(usage));
        QCOMPARE(dash.out, help.out);
        QVERIFY(!QFile::exists(m_lib)); // help never creates a library
    }

    void manPageHasEveryCommandAndTheExitCodes()
    {
        const Result r = cli({ QStringLiteral("help"), QStringLiteral("--man") });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(".\\\""));
        for (const char* part : { ".SS \"scan", ".SS \"search", ".SH EXIT STATUS", ".B 130", ".SH ENVIRONMENT" })
            QVERIFY2(r.out.contains(part), part);
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString file = QStringLiteral(SHOEBOX_SOURCE_DIR "/LICENSE");
        QTest::newRow("no command") << QStringList() << 2 << QStringLiteral("usage: shoebox-cli");
        QTest::newRow("unknown command") << QStringList { QStringLiteral("frobnicate") } << 2
                                         << QStringLiteral("shoebox-cli: unknown command 'frobnicate'");
        QTest::newRow("unknown option") << QStringList { QStringLiteral("--frobnicate") } << 2
                                        << QStringLiteral("shoebox-cli: unknown option '--frobnicate'");
        QTest::newRow("help for unknown command") << QStringList { QStringLiteral("help"),
            QStringLiteral("frobnicate") } << 2 << QStringLiteral("shoebox-cli: unknown command 'frobnicate'");
        QTest::newRow("scan without folder") << QStringList { QStringLiteral("scan") } << 2
                                             << QStringLiteral("shoebox-cli: scan needs at least one folder");
        QTest::newRow("scan missing folder")
            << QStringList { QStringLiteral("scan"), QStringLiteral("/no/such/folder") } << 1
            << QStringLiteral("shoebox-cli: cannot scan /no/such/folder: no such folder");
        QTest::newRow("scan a file") << QStringList { QStringLiteral("scan"), file } << 1
                                     << QStringLiteral("shoebox-cli: cannot scan %1: not a folder").arg(file);
        QTest::newRow("info on a file not in the library") << QStringList { QStringLiteral("info"),
            file } << 1 << QStringLiteral("shoebox-cli: %1 is not in the library (scan its folder first)").arg(file);
    }

    // Each failure is one line on stderr, nothing on stdout.
    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        const Result r = cli(args);
        QCOMPARE(r.code, code);
        QVERIFY2(QString::fromUtf8(r.err).startsWith(message), r.err.constData());
        if (code == 1) {
            QCOMPARE(r.out, QByteArray());
            QCOMPARE(r.err.count('\n'), 1);
        }
    }

    void missingFolderCreatesNoLibrary()
    {
        QCOMPARE(cli({ QStringLiteral("scan"), QStringLiteral("/no/such/folder") }).code, 1);
        QVERIFY(!QFile::exists(m_lib));
    }

    void unreadableLibraryFails()
    {
        m_lib = m_tmp->path(); // a folder is no database
        const Result r = cli({ QStringLiteral("list") });
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.startsWith("shoebox-cli: "));
        QCOMPARE(r.out, QByteArray());
    }

    void jsonErrorsAreJsonOnStderr()
    {
        const Result r = cli({ QStringLiteral("--json"), QStringLiteral("scan"), QStringLiteral("/no/such/folder") });
        QCOMPARE(r.code, 1);
        QCOMPARE(r.out, QByteArray());
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(r.err, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(
            o.value(QStringLiteral("error")).toString(), QStringLiteral("cannot scan /no/such/folder: no such folder"));
        QCOMPARE(o.value(QStringLiteral("exit_code")).toInt(), 1);
    }

    // Without a terminal a scan is quiet: the summary on stdout, nothing at all on stderr.
    void plainScanPrintsOnlyTheSummary_data()
    {
        QTest::addColumn<bool>("tags");
        QTest::newRow("no tags") << false;
        QTest::newRow("tags") << true; // loads the model: its log line must stay off
    }

    void plainScanPrintsOnlyTheSummary()
    {
        QFETCH(bool, tags);
        if (!QDir(kDarknet).exists())
            QSKIP("darknet test photos missing: run scripts/fetch-test-photos.sh");
        if (tags && !QFile::exists(kModels))
            QSKIP("no model installed in the build tree: run scripts/install-model.sh");
        QStringList args { QStringLiteral("scan"), QStringLiteral("--no-thumbnails") };
        if (!tags)
            args << QStringLiteral("--no-tags");
        const Result r = cli(args << kDarknet);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.err, QByteArray());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), tags ? 2 : 1);
        QVERIFY2(lines.first().startsWith("scanned 7 files in "), r.out.constData());
        if (tags)
            QVERIFY2(lines.last().startsWith("tagged 7 photos"), r.out.constData());
    }

    void verboseOrLoggingRulesTurnLogsOn_data()
    {
        QTest::addColumn<bool>("verbose");
        QTest::addColumn<QString>("rules");
        QTest::newRow("--verbose") << true << QString();
        QTest::newRow("QT_LOGGING_RULES") << false << QStringLiteral("shoebox.core.scan.debug=true");
    }

    void verboseOrLoggingRulesTurnLogsOn()
    {
        QFETCH(bool, verbose);
        QFETCH(QString, rules);
        if (!QDir(kDarknet).exists())
            QSKIP("darknet test photos missing: run scripts/fetch-test-photos.sh");
        QProcessEnvironment env = environment();
        if (!rules.isEmpty())
            env.insert(QStringLiteral("QT_LOGGING_RULES"), rules);
        QStringList args { QStringLiteral("scan"), QStringLiteral("--no-tags"), QStringLiteral("--no-thumbnails"),
            kDarknet };
        if (verbose)
            args.prepend(QStringLiteral("--verbose"));
        const Result r = cli(args, env);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains("shoebox.core.scan: scan: 7 files"), r.err.constData());
        QVERIFY(r.out.startsWith("scanned 7 files"));
    }

    // SIGINT at any point after start-up: a clean stop, exit 130, and a catalog the next run completes.
    void interruptExits130AndTheNextRunResumes()
    {
        if (!QDir(kDarknet).exists() || !QDir(kBackgrounds).exists())
            QSKIP("test photos missing: run scripts/fetch-test-photos.sh");
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(kCli,
            { QStringLiteral("--library"), m_lib, QStringLiteral("scan"), QStringLiteral("--no-tags"), kBackgrounds,
                kDarknet });
        QVERIFY(p.waitForStarted());
        // The library exists once main() runs, and main() installs the handler first.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_lib) || p.state() == QProcess::NotRunning, 60000);
        QVERIFY(p.state() != QProcess::NotRunning);
        const qint64 pid = p.processId();
        QVERIFY(pid > 0); // kill(0, ...) would signal ctest's whole process group
        ::kill(pid_t(pid), SIGINT);
        QVERIFY(p.waitForFinished(shoebox::test::processTimeoutMs()));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 130);
        QVERIFY(p.readAllStandardError().contains("interrupted"));

        const Result again = cli({ QStringLiteral("--json"), QStringLiteral("scan"), QStringLiteral("--no-tags"),
            QStringLiteral("--no-thumbnails"), kBackgrounds, kDarknet });
        QCOMPARE(again.code, 0);
        const Result list = cli({ QStringLiteral("--json"), QStringLiteral("list") });
        const int files = int(QDir(kBackgrounds).entryList(QDir::Files).size()) + 7;
        QCOMPARE(QJsonDocument::fromJson(list.out).object().value(QStringLiteral("count")).toInt(), files);
    }

    void colorOnlyOnTerminalWithoutNoColor_data()
    {
        QTest::addColumn<bool>("terminal");
        QTest::addColumn<bool>("noColor");
        QTest::addColumn<bool>("colored");
        QTest::newRow("terminal") << true << false << true;
        QTest::newRow("terminal, NO_COLOR") << true << true << false;
        QTest::newRow("pipe") << false << false << false;
    }

    void colorOnlyOnTerminalWithoutNoColor()
    {
        QFETCH(bool, terminal);
        QFETCH(bool, noColor);
        QFETCH(bool, colored);
        if (terminal && QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty())
            QSKIP("util-linux script is needed for a pseudo-terminal");
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("TERM"), QStringLiteral("xterm"));
        if (noColor)
            env.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
        const QStringList args { QStringLiteral("scan"), QStringLiteral("/no/such/folder") };
        const Result r = terminal ? onTerminal(args, env) : cli(args, env);
        const QByteArray all = r.out + r.err;
        QVERIFY2(all.contains("cannot scan /no/such/folder"), all.constData());
        QCOMPARE(all.contains("\x1b["), colored);
    }

    void bashCompletionCompletesCommandsAndOptions_data()
    {
        QTest::addColumn<QString>("words");
        QTest::addColumn<QString>("expected");
        QTest::newRow("command") << QStringLiteral("shoebox-cli sc") << QStringLiteral("scan");
        QTest::newRow("after --library") << QStringLiteral("shoebox-cli --library x.db sea")
                                         << QStringLiteral("search");
        QTest::newRow("option") << QStringLiteral("shoebox-cli scan --no-ta") << QStringLiteral("--no-tags");
        QTest::newRow("help topic") << QStringLiteral("shoebox-cli help dup") << QStringLiteral("duplicates");
    }

    void bashCompletionCompletesCommandsAndOptions()
    {
        QFETCH(QString, words);
        QFETCH(QString, expected);
        if (m_bashCompletion.isEmpty()) { // made once: every start of the CLI costs a second
            const Result script = cli({ QStringLiteral("completion"), QStringLiteral("bash") });
            QCOMPARE(script.code, 0);
            m_bashCompletion = script.out;
        }
        const QString file = m_tmp->filePath(QStringLiteral("completion.bash"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(m_bashCompletion);
        f.close();
        QProcess bash;
        bash.start(QStringLiteral("bash"),
            { QStringLiteral("-c"),
                QStringLiteral("source \"$0\"; COMP_WORDS=(%1); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); "
                               "_shoebox_cli; echo \"${COMPREPLY[*]}\"")
                    .arg(words),
                file });
        QVERIFY(bash.waitForFinished(30000));
        QCOMPARE(QString::fromUtf8(bash.readAllStandardOutput()).trimmed(), expected);
    }
};

QTEST_GUILESS_MAIN(TestCliConventions)
#include "tst_cliconventions.moc"
