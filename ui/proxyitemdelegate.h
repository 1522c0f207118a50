// Draws a proxy in the proxy list on two lines: a status dot and the name, then
// "listen → upstream", with the number of toxics on the right.
#pragma once

#include "theme.h"

#include <QStyledItemDelegate>

namespace chaoslab::ui {

class ProxyItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setColors(const ThemeColors& colors) { m_colors = colors; }

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
        const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    void paintToxicCount(QPainter* painter, const QRectF& box, int count, bool selected) const;

    ThemeColors m_colors = Theme::make(Theme::Name::Light, false).colors();
};

} // namespace chaoslab::ui
