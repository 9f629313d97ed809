#pragma once
// The names of automatic tags in many languages (resources/tags.json, compiled in): English keys such
// as "dog", each with names in en, zh_CN, zh_TW, ja, ko, de, fr, es, it, pt_BR and ru. Missing names
// fall back to English, then to the key. Immutable after loading: any thread may read builtin().

#include <QHash>
#include <QString>
#include <QStringList>

namespace shoebox {

class TagVocabulary {
public:
    // The vocabulary shipped with Shoebox.
    static const TagVocabulary& builtin();

    bool loadJson(const QByteArray& json, QString* error);
    QStringList languages() const { return m_languages; }
    QStringList keys() const { return m_keys; }
    bool contains(const QString& key) const { return m_names.contains(key); }
    // The name of key in lang ("ja", "ja_JP", "pt", "zh_HK" ...), else English, else the key itself.
    QString name(const QString& key, const QString& lang) const;
    // All names of key by language.
    QHash<QString, QString> names(const QString& key) const { return m_names.value(key); }
    // Keys with a name (in any language) or key equal to text, ignoring case.
    QStringList keysForName(const QString& text) const;

    // Maps a locale or language name to one of the vocabulary's languages; empty when none fits.
    QString matchLanguage(const QString& lang) const;

private:
    QStringList m_languages;
    QStringList m_keys;
    QHash<QString, QHash<QString, QString>> m_names; // key -> lang -> name
    QHash<QString, QStringList> m_byFoldedName; // folded name -> keys
};

} // namespace shoebox
