#include "shell/languagemanager.h"

#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>

namespace shoebox {

LanguageManager::LanguageManager(QObject* parent)
    : QObject(parent)
{
}

LanguageManager::~LanguageManager()
{
    if (m_app)
        QCoreApplication::removeTranslator(m_app.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
}

QList<LanguageManager::Language> LanguageManager::languages()
{
    return {
        { QStringLiteral("en"), QStringLiteral("English") },
        { QStringLiteral("zh_CN"), QStringLiteral("简体中文") },
        { QStringLiteral("zh_TW"), QStringLiteral("繁體中文") },
        { QStringLiteral("ja"), QStringLiteral("日本語") },
        { QStringLiteral("ko"), QStringLiteral("한국어") },
        { QStringLiteral("de"), QStringLiteral("Deutsch") },
        { QStringLiteral("fr"), QStringLiteral("Français") },
        { QStringLiteral("es"), QStringLiteral("Español") },
        { QStringLiteral("it"), QStringLiteral("Italiano") },
        { QStringLiteral("pt"), QStringLiteral("Português") },
        { QStringLiteral("ru"), QStringLiteral("Русский") },
    };
}

QString LanguageManager::systemLanguage()
{
    const QLocale system = QLocale::system();
    if (system.language() == QLocale::Chinese) {
        const bool traditional = system.script() == QLocale::TraditionalChineseScript
            || system.territory() == QLocale::Taiwan || system.territory() == QLocale::HongKong;
        return traditional ? QStringLiteral("zh_TW") : QStringLiteral("zh_CN");
    }
    const QString name = system.name().section(QLatin1Char('_'), 0, 0);
    for (const Language& l : languages()) {
        if (l.code == name)
            return name;
    }
    return QStringLiteral("en");
}

bool LanguageManager::hasUiTranslation(const QString& code)
{
    return QFile::exists(QStringLiteral(":/i18n/shoebox_%1.qm").arg(code));
}

void LanguageManager::setLanguage(const QString& code)
{
    if (code == m_code)
        return;
    m_code = code;
    if (m_app)
        QCoreApplication::removeTranslator(m_app.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_app.reset();
    m_qt.reset();
    const QLocale locale(code);
    QLocale::setDefault(locale);
    // English has a translator too: it carries the plural forms ("1 photo", "2 photos").
    auto app = std::make_unique<QTranslator>();
    if (app->load(QStringLiteral(":/i18n/shoebox_%1.qm").arg(code))) {
        QCoreApplication::installTranslator(app.get());
        m_app = std::move(app);
    }
    if (code != QLatin1String("en")) {
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            m_qt = std::move(qt);
        }
    }
    Q_EMIT languageChanged(code);
}

} // namespace shoebox
