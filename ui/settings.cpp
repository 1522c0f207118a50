#include "settings.h"

namespace chaoslab::ui {

Settings::Settings(const QString& fileName) : m_settings(fileName, QSettings::IniFormat) { }

} // namespace chaoslab::ui
