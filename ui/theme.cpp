#include "theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace chaoslab::ui {

namespace {

ThemeColors lightColors(bool highContrast)
{
    ThemeColors colors;
    colors.window = highContrast ? QColor::fromRgb(0xffffff) : QColor::fromRgb(0xf3f4f6);
    colors.base = QColor::fromRgb(0xffffff);
    colors.alternateBase = QColor::fromRgb(0xf6f8fa);
    colors.surface = QColor::fromRgb(0xffffff);
    colors.text = highContrast ? QColor::fromRgb(0x000000) : QColor::fromRgb(0x1f2328);
    colors.mutedText = highContrast ? QColor::fromRgb(0x262626) : QColor::fromRgb(0x59636e);
    colors.border = highContrast ? QColor::fromRgb(0x404040) : QColor::fromRgb(0xd0d7de);
    colors.accent = highContrast ? QColor::fromRgb(0x0040a8) : QColor::fromRgb(0x0969da);
    colors.accentText = QColor::fromRgb(0xffffff);
    colors.upstream = highContrast ? QColor::fromRgb(0xa84300) : QColor::fromRgb(0xc2570c);
    colors.downstream = highContrast ? QColor::fromRgb(0x5b1fb8) : QColor::fromRgb(0x7c3aed);
    colors.danger = highContrast ? QColor::fromRgb(0xa40e26) : QColor::fromRgb(0xcf222e);
    colors.panic = highContrast ? QColor::fromRgb(0xa40e26) : QColor::fromRgb(0xcf222e);
    colors.warning = highContrast ? QColor::fromRgb(0x7a4d00) : QColor::fromRgb(0x9a6700);
    colors.success = highContrast ? QColor::fromRgb(0x0a5c1d) : QColor::fromRgb(0x1a7f37);
    colors.disabled = highContrast ? QColor::fromRgb(0x595959) : QColor::fromRgb(0x8c959f);
    return colors;
}

ThemeColors darkColors(bool highContrast)
{
    ThemeColors colors;
    colors.window = highContrast ? QColor::fromRgb(0x000000) : QColor::fromRgb(0x1c1f24);
    colors.base = highContrast ? QColor::fromRgb(0x000000) : QColor::fromRgb(0x15171b);
    colors.alternateBase = highContrast ? QColor::fromRgb(0x121212) : QColor::fromRgb(0x1f2329);
    colors.surface = highContrast ? QColor::fromRgb(0x1a1a1a) : QColor::fromRgb(0x252a31);
    colors.text = highContrast ? QColor::fromRgb(0xffffff) : QColor::fromRgb(0xe6edf3);
    colors.mutedText = highContrast ? QColor::fromRgb(0xe0e0e0) : QColor::fromRgb(0x9aa4af);
    colors.border = highContrast ? QColor::fromRgb(0xbfbfbf) : QColor::fromRgb(0x3d444d);
    colors.accent = highContrast ? QColor::fromRgb(0x79b8ff) : QColor::fromRgb(0x4c9aff);
    colors.accentText = QColor::fromRgb(0x0b0d10);
    colors.upstream = highContrast ? QColor::fromRgb(0xffb454) : QColor::fromRgb(0xf59e0b);
    colors.downstream = highContrast ? QColor::fromRgb(0xd0b3ff) : QColor::fromRgb(0xa78bfa);
    colors.danger = highContrast ? QColor::fromRgb(0xff6b6b) : QColor::fromRgb(0xf85149);
    colors.panic = highContrast ? QColor::fromRgb(0xb31d28) : QColor::fromRgb(0xb62324);
    colors.warning = highContrast ? QColor::fromRgb(0xffd75e) : QColor::fromRgb(0xd29922);
    colors.success = highContrast ? QColor::fromRgb(0x7ee787) : QColor::fromRgb(0x3fb950);
    colors.disabled = highContrast ? QColor::fromRgb(0xa6a6a6) : QColor::fromRgb(0x6e7681);
    return colors;
}

} // namespace

QColor blend(const QColor& foreground, const QColor& background, qreal amount)
{
    const auto mix = [amount](int a, int b) { return qRound(a * amount + b * (1.0 - amount)); };
    return QColor(mix(foreground.red(), background.red()),
        mix(foreground.green(), background.green()), mix(foreground.blue(), background.blue()));
}

Theme::Theme(Name name, bool presenter, const ThemeColors& colors)
    : m_name(name)
    , m_presenter(presenter)
    , m_colors(colors)
{ }

Theme Theme::make(Name name, bool presenter)
{
    const auto colors = name == Name::Dark ? darkColors(presenter) : lightColors(presenter);
    return Theme(name, presenter, colors);
}

Theme::Name Theme::nameFromString(const QString& text)
{
    return text == u"dark" ? Name::Dark : Name::Light;
}

QString Theme::nameToString(Name name)
{
    return name == Name::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

QPalette Theme::palette() const
{
    const auto& c = m_colors;
    QPalette palette;
    palette.setColor(QPalette::Window, c.window);
    palette.setColor(QPalette::WindowText, c.text);
    palette.setColor(QPalette::Base, c.base);
    palette.setColor(QPalette::AlternateBase, c.alternateBase);
    palette.setColor(QPalette::Text, c.text);
    palette.setColor(QPalette::PlaceholderText, c.mutedText);
    palette.setColor(QPalette::Button, m_name == Name::Dark ? c.alternateBase : c.base);
    palette.setColor(QPalette::ButtonText, c.text);
    palette.setColor(QPalette::Highlight, c.accent);
    palette.setColor(QPalette::HighlightedText, c.accentText);
    palette.setColor(QPalette::ToolTipBase, c.base);
    palette.setColor(QPalette::ToolTipText, c.text);
    palette.setColor(QPalette::Link, c.accent);
    palette.setColor(QPalette::Mid, c.border);
    palette.setColor(QPalette::Dark, c.border.darker(130));
    palette.setColor(QPalette::Light, c.base.lighter(110));
    for (auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        palette.setColor(QPalette::Disabled, role, c.disabled);
    return palette;
}

QString Theme::styleSheet() const
{
    const auto& c = m_colors;
    const int border = m_presenter ? 2 : 1;
    // Only what the palette cannot express: the prominent reset button, the toxic editor
    // cards with an accent stripe while active, and the inline banner.
    return QStringLiteral(R"(
QToolButton#resetAllButton {
    background: %1; color: #ffffff; font-weight: bold;
    border: none; border-radius: 5px; padding: 5px 14px; margin: 2px 6px;
}
QToolButton#resetAllButton:hover { background: %2; }
QToolButton#resetAllButton:focus { border: 2px solid %3; }
QFrame#toxicEditor {
    background: %4; border: %6px solid %5; border-radius: 8px;
}
QFrame#toxicEditor[active="true"] { border: %7px solid %8; }
QLabel[role="muted"] { color: %9; }
QLabel[role="heading"] { font-weight: bold; }
QLabel[role="conflict"] { color: %10; }
QFrame#banner { border-radius: 6px; border: %6px solid %11; background: %12; }
QFrame#banner[kind="info"] { border-color: %13; background: %14; }
QDockWidget::title { padding: 4px 8px; }
)")
        .arg(c.panic.name(), c.panic.darker(115).name(), c.text.name(), c.surface.name(),
            c.border.name(), QString::number(border), QString::number(border + 1), c.accent.name(),
            c.mutedText.name())
        .arg(c.warning.name(), c.danger.name(), blend(c.danger, c.base, 0.12).name(),
            c.accent.name(), blend(c.accent, c.base, 0.12).name());
}

void applyTheme(QApplication& application, const Theme& theme, const QFont& normalFont)
{
    // Fusion draws the palette faithfully on every platform, dark or light.
    if (auto* fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        application.setStyle(fusion);
    application.setPalette(theme.palette());

    QFont font = normalFont;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(normalFont.pointSizeF() * theme.fontScale());
    else
        font.setPixelSize(qRound(normalFont.pixelSize() * theme.fontScale()));
    application.setFont(font);
    application.setStyleSheet(theme.styleSheet());
}

} // namespace chaoslab::ui
