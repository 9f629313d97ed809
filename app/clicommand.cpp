#include "clicommand.h"

#include "catalog/database.h"

#include <QFile>
#include <QJsonDocument>

namespace shoebox::cli {

namespace {
QList<Command>& registry()
{
    static QList<Command> list;
    return list;
}
} // namespace

Registrar::Registrar(Command command)
{
    registry().append(std::move(command));
}

const QList<Command>& Registrar::commands()
{
    return registry();
}

bool Context::openLibrary()
{
    QString error;
    if (Database::open(libraryPath, &error))
        return true;
    fail(error);
    return false;
}

int Context::fail(const QString& reason, int code)
{
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
