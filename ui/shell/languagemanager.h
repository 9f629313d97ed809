#pragma once
// Switches the UI language at run time: swaps the installed QTranslators (Shoebox's own and Qt's),
// sets the default QLocale, and tells everyone through languageChanged() so that widgets retranslate
// (QEvent::LanguageChange) and tag names reload in the new language. UI thread only.

#include <QList>
#include <QObject>
#include <QString>
#include <QTranslator>

#include <memory>

namespace shoebox {

class LanguageManager : public QObject {
    Q_OBJECT
public:
    struct Language {
        QString code; // "en", "zh_CN", "zh_TW", "ja", "ko", "de", "fr", "es", "it", "pt", "ru"
        QString nativeName; // as its speakers write it
    };

    explicit LanguageManager(QObject* parent = nullptr);
    ~LanguageManager() override;

    // Every language tag names exist in; the UI itself is translated into a subset.
    static QList<Language> languages();
    // The supported language closest to the system locale, else "en".
    static QString systemLanguage();
    static bool hasUiTranslation(const QString& code);

    QString language() const { return m_code; }
    void setLanguage(const QString& code);

Q_SIGNALS:
    void languageChanged(const QString& code);

private:
    QString m_code;
    std::unique_ptr<QTranslator> m_app;
    std::unique_ptr<QTranslator> m_qt;
};

} // namespace shoebox
