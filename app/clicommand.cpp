// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommand.h"

#include "catalog/catalogbackups.h"
#include "catalog/database.h"
#include "duplicates/trashreconciler.h"

#include <QFile>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>
#include <atomic>
#include <csignal>

namespace shoebox::cli {

namespace {

QList<Command>& registry()
{
    static QList<Command> list;
    return list;
}

std::atomic<int> g_signal { 0 };
std::atomic<void (*)()> g_hook { nullptr };

void onSignal(int sig)
{
    g_signal.store(sig);
    if (auto hook = g_hook.load())
        hook();
}

} // namespace

Command::Command(QString name, QString usage, std::function<int(Context&)> run, Help help)
    : name(std::move(name))
    , usage(std::move(usage))
    , run(std::move(run))
    , help(std::move(help))
{
}

Registrar::Registrar(Command command)
{
    registry().append(std::move(command));
}

QList<Command> Registrar::commands()
{
    QList<Command> list = registry();
    std::sort(list.begin(), list.end(), [](const Command& a, const Command& b) { return a.name < b.name; });
    return list;
}

const Command* Registrar::find(const QString& name)
{
    for (const Command& c : registry())
        if (c.name == name)
            return &c;
    return nullptr;
}

void installSignalHandlers()
{
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

void setInterruptHook(void (*onInterrupt)())
{
    g_hook.store(onInterrupt);
    // A signal that came before the hook was set still reaches the work.
    if (onInterrupt && g_signal.load() != 0)
        onInterrupt();
}

int interruptSignal()
{
    return g_signal.load();
}

bool Context::openLibrary()
{
    QString error;
    if (Database::open(libraryPath, &error)) {
        // A command killed mid-trash or mid-undo left a pending record: settled before anything else.
        const TrashReconcileResult settled = TrashReconciler::reconcile(libraryPath);
        if (!settled.error.isEmpty())
            *err << "shoebox-cli: trash log: " << settled.error << Qt::endl;
        return true;
    }
    // A damaged catalog is never rewritten here: the user is told which backup to restore.
    const QString advice = CatalogBackups::recoveryAdvice(libraryPath);
    fail(advice.isEmpty() ? error : advice);
    return false;
}

int Context::fail(const QString& reason, int code)
{
    if (json) {
        const QJsonObject o { { QStringLiteral("error"), reason }, { QStringLiteral("exit_code"), code } };
        *err << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << Qt::endl;
        return code;
    }
    if (color)
        *err << "\033[1;31mshoebox-cli:\033[0m " << reason << Qt::endl;
    else
        *err << "shoebox-cli: " << reason << Qt::endl;
    return code;
}

QString Context::takeOption(const QString& name, const QString& def)
{
    const QString flag = QStringLiteral("--") + name;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == flag && i + 1 < args.size()) {
            const QString v = args[i + 1];
            args.remove(i, 2);
            return v;
        }
        if (args[i].startsWith(flag + QLatin1Char('='))) {
            const QString v = args[i].mid(flag.size() + 1);
            args.removeAt(i);
            return v;
        }
    }
    return def;
}

bool Context::takeFlag(const QString& name)
{
    return args.removeAll(QStringLiteral("--") + name) > 0;
}

bool Context::takeCount(const QString& name, int* value)
{
    const QString text = takeOption(name);
    if (text.isEmpty())
        return true;
    bool ok = false;
    *value = text.toInt(&ok);
    return ok && *value >= 0;
}

QString megabytes(qint64 bytes)
{
    return QLocale::c().toString(double(bytes) / 1e6, 'f', 1) + QStringLiteral(" MB");
}

QByteArray Context::pathBytes(const QString& arg) const
{
    return rawArgs.value(arg, QFile::encodeName(arg));
}

void Context::printJson(const QJsonObject& obj)
{
    *out << QString::fromUtf8(QJsonDocument(obj).toJson(QJsonDocument::Indented));
    out->flush();
}

} // namespace shoebox::cli
