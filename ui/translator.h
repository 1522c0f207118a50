// Language selection for the console: Chaos Lab's own translation plus Qt's for standard
// dialogs and shortcuts.
#pragma once

#include <QString>

class QCoreApplication;

namespace chaoslab::ui {

// Installs the translations for `language` ("en", "id", or empty for the system language)
// on `application`: Chaos Lab's from the resource folder :/i18n and Qt's qtbase from the
// system's Qt translations when present. A language without a Chaos Lab translation falls
// back to English. An explicit language also becomes the default QLocale for number
// formats. Returns the language whose translation was installed ("en" or "id").
QString installTranslations(QCoreApplication& application, const QString& language);

} // namespace chaoslab::ui
