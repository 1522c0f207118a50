// The console's persistent settings: one typed table of keys and defaults over QSettings.
//
//   Settings settings;
//   const bool presenter = settings.value(Settings::presenterMode);
//   settings.setValue(Settings::theme, QStringLiteral("dark"));
//
// Each key names its QSettings path and its default, so a missing or unreadable value
// always reads back as the default of the right type.
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QVariant>

namespace chaoslab::ui {

template <typename T> struct SettingKey
{
    const char* path;
    T defaultValue;
};

class Settings
{
public:
    static inline const SettingKey<QString> theme { "view/theme", QStringLiteral("light") };
    static inline const SettingKey<bool> presenterMode { "view/presenter", false };
    static inline const SettingKey<QString> serverUrl { "server/url",
        QStringLiteral("http://127.0.0.1:8474") };
    static inline const SettingKey<QByteArray> windowGeometry { "window/geometry", {} };
    static inline const SettingKey<QByteArray> windowState { "window/state", {} };
    // The probe list as a JSON array (see probespecjson.h); empty until first saved.
    static inline const SettingKey<QString> probes { "probes/specs", {} };
    // Minutes shown by the probe charts: 1, 5, 15 or 60.
    static inline const SettingKey<int> chartWindowMinutes { "charts/window_minutes", 5 };

    Settings() = default;
    // Reads and writes `fileName` in INI format instead of the user's settings; for tests.
    explicit Settings(const QString& fileName);

    template <typename T> T value(const SettingKey<T>& key) const
    {
        const QVariant stored = m_settings.value(QLatin1String(key.path));
        if (!stored.isValid() || !stored.canConvert<T>())
            return key.defaultValue;
        return stored.value<T>();
    }

    template <typename T> void setValue(const SettingKey<T>& key, const T& value)
    {
        m_settings.setValue(QLatin1String(key.path), QVariant::fromValue(value));
    }

private:
    QSettings m_settings;
};

} // namespace chaoslab::ui
