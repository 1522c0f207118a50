#include "translator.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace chaoslab::ui {

namespace {

const QString kResourceFolder = QStringLiteral(":/i18n");
const QString kLanguageSeparator = QStringLiteral("_");

// Loads `name`_<language>.qm for the first of the locale's UI languages that has one.
bool installTranslator(QCoreApplication& application, const QLocale& locale, const QString& name,
    const QString& folder)
{
    auto* translator = new QTranslator(&application);
    if (!translator->load(locale, name, kLanguageSeparator, folder)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

} // namespace

QString installTranslations(QCoreApplication& application, const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // An explicit language also formats numbers its way, for example 2.000 ms in Indonesian.
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    const QString qtFolder = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    // The English translation only supplies plural forms ("1 toxic", "2 toxics"), so it is
    // also the fallback for languages Chaos Lab has no translation for.
    QLocale installed = locale;
    if (!installTranslator(application, locale, QStringLiteral("chaoslab"), kResourceFolder)) {
        installed = QLocale(QLocale::English);
        installTranslator(application, installed, QStringLiteral("chaoslab"), kResourceFolder);
    }
    installTranslator(application, installed, QStringLiteral("qtbase"), qtFolder);
    return QLocale::languageToCode(installed.language());
}

} // namespace chaoslab::ui
