#include "tags/tagvocabulary.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

namespace shoebox {

namespace {
Q_LOGGING_CATEGORY(lcVocabulary, "shoebox.core.tags")
}

const TagVocabulary& TagVocabulary::builtin()
{
    static const TagVocabulary vocabulary = [] {
        TagVocabulary v;
        QFile f(QStringLiteral(":/shoebox/tags.json"));
        QString error;
        if (!f.open(QIODevice::ReadOnly) || !v.loadJson(f.readAll(), &error))
            qCWarning(lcVocabulary) << "built-in tag vocabulary unusable:"
                                    << (error.isEmpty() ? f.errorString() : error);
        return v;
    }();
    return vocabulary;
}

bool TagVocabulary::loadJson(const QByteArray& json, QString* error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (!doc.isObject()) {
        *error = QStringLiteral("tag vocabulary is not valid JSON: %1").arg(pe.errorString());
        return false;
    }
    m_languages.clear();
    m_keys.clear();
    m_names.clear();
    m_byFoldedName.clear();
    for (const QJsonValue& l : doc.object().value(QStringLiteral("languages")).toArray())
        m_languages << l.toString();
    for (const QJsonValue& t : doc.object().value(QStringLiteral("tags")).toArray()) {
        const QString key = t.toObject().value(QStringLiteral("key")).toString();
        if (key.isEmpty() || m_names.contains(key)) {
            *error = QStringLiteral("tag vocabulary has an empty or repeated key '%1'").arg(key);
            return false;
        }
        QHash<QString, QString> names;
        const QJsonObject o = t.toObject().value(QStringLiteral("names")).toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString name = it.value().toString().trimmed();
            if (!name.isEmpty())
                names.insert(it.key(), name);
        }
        m_keys << key;
        m_byFoldedName[key.toCaseFolded()] << key;
        for (const QString& n : std::as_const(names)) {
            QStringList& keys = m_byFoldedName[n.toCaseFolded()];
            if (!keys.contains(key))
                keys << key;
        }
        m_names.insert(key, names);
    }
    return true;
}

QString TagVocabulary::matchLanguage(const QString& lang) const
{
    QString l = lang;
    l.replace(QLatin1Char('-'), QLatin1Char('_'));
    l = l.section(QLatin1Char('.'), 0, 0); // "de_DE.UTF-8"
    if (m_languages.contains(l))
        return l;
    const QString base = l.section(QLatin1Char('_'), 0, 0).toLower();
    if (base == QLatin1String("zh")) { // Traditional script for Taiwan, Hong Kong, Macau and "Hant"
        const bool traditional = l.contains(QLatin1String("TW")) || l.contains(QLatin1String("HK"))
            || l.contains(QLatin1String("MO")) || l.contains(QLatin1String("Hant"));
        return traditional ? QStringLiteral("zh_TW") : QStringLiteral("zh_CN");
    }
    for (const QString& known : m_languages)
        if (known.section(QLatin1Char('_'), 0, 0) == base)
            return known;
    return QString();
}

QString TagVocabulary::name(const QString& key, const QString& lang) const
{
    const auto it = m_names.constFind(key);
    if (it == m_names.constEnd())
        return key;
    const QString l = matchLanguage(lang);
    const QString n = it->value(l);
    if (!n.isEmpty())
        return n;
    return it->value(QStringLiteral("en"), key);
}

QStringList TagVocabulary::keysForName(const QString& text) const
{
    return m_byFoldedName.value(text.trimmed().toCaseFolded());
}

} // namespace shoebox
