// The console's look: light or dark palette, and presenter mode for a projector (larger
// fonts, higher contrast, thicker lines). Widgets that paint themselves, such as the
// topology items, read their colours and line widths from the current Theme.
#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QString>

class QApplication;

namespace chaoslab::ui {

struct ThemeColors
{
    QColor window;
    QColor base;
    QColor alternateBase;
    // Background of cards such as the toxic panels, set off from input fields.
    QColor surface;
    QColor text;
    QColor mutedText;
    QColor border;
    QColor accent;
    QColor accentText;
    QColor upstream; // client -> server direction
    QColor downstream; // server -> client direction
    QColor danger;
    // Background of the "Reset all" button, dark enough for white text.
    QColor panic;
    QColor warning;
    QColor success;
    QColor disabled;
};

class Theme
{
public:
    enum class Name { Light, Dark };

    static Theme make(Name name, bool presenter);

    // Parses "light" or "dark"; anything else is Light.
    static Name nameFromString(const QString& text);
    static QString nameToString(Name name);

    Name name() const { return m_name; }
    bool isPresenter() const { return m_presenter; }
    const ThemeColors& colors() const { return m_colors; }

    // Pen width for topology lines and outlines, in device-independent pixels.
    qreal lineWidth() const { return m_presenter ? 3.5 : 1.6; }
    // Factor applied to the application's normal font size.
    qreal fontScale() const { return m_presenter ? 1.6 : 1.0; }

    QPalette palette() const;
    QString styleSheet() const;

private:
    Theme(Name name, bool presenter, const ThemeColors& colors);

    Name m_name;
    bool m_presenter;
    ThemeColors m_colors;
};

// Returns `foreground` laid over `background` with opacity `amount` (0 to 1).
QColor blend(const QColor& foreground, const QColor& background, qreal amount);

// Applies `theme` to the whole application. `normalFont` is the font the application
// started with, so switching presenter mode on and off never compounds the scale.
void applyTheme(QApplication& application, const Theme& theme, const QFont& normalFont);

} // namespace chaoslab::ui
