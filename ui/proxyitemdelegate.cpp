#include "proxyitemdelegate.h"

#include "proxylistmodel.h"

#include <QApplication>
#include <QPainter>

namespace chaoslab::ui {

void ProxyItemDelegate::paint(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const bool enabled = index.data(ProxyListModel::EnabledRole).toBool();
    const QFontMetricsF metrics(option.font);
    const qreal line = metrics.height();
    const QRectF box
        = QRectF(option.rect).adjusted(line * 0.6, line * 0.35, -line * 0.6, -line * 0.35);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    const qreal dot = line * 0.55;
    painter->setPen(Qt::NoPen);
    painter->setBrush(enabled ? m_colors.success : m_colors.disabled);
    painter->drawEllipse(QRectF(box.left(), box.top() + (line - dot) / 2, dot, dot));

    const int count = index.data(ProxyListModel::ToxicCountRole).toInt();
    const qreal countWidth = count > 0 ? line * 2.2 : 0;
    const QRectF nameBox(box.left() + dot + line * 0.45, box.top(),
        box.width() - dot - line * 0.45 - countWidth, line);
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    painter->setPen(text);
    const QString name = index.data(ProxyListModel::NameRole).toString();
    painter->drawText(nameBox, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(bold).elidedText(name, Qt::ElideRight, nameBox.width()));

    const QString route = enabled
        ? tr("%1 → %2").arg(index.data(ProxyListModel::ListenRole).toString(),
            index.data(ProxyListModel::UpstreamRole).toString())
        : tr("disabled · %1").arg(index.data(ProxyListModel::UpstreamRole).toString());
    const QRectF routeBox(
        nameBox.left(), nameBox.bottom() + line * 0.1, box.right() - nameBox.left(), line);
    painter->setFont(option.font);
    painter->setPen(selected ? text : m_colors.mutedText);
    painter->drawText(routeBox, Qt::AlignLeft | Qt::AlignVCenter,
        metrics.elidedText(route, Qt::ElideRight, routeBox.width()));

    if (count > 0)
        paintToxicCount(painter, QRectF(box.right() - countWidth, box.top(), countWidth, line),
            count, selected);
    painter->restore();
}

void ProxyItemDelegate::paintToxicCount(
    QPainter* painter, const QRectF& box, int count, bool selected) const
{
    const QRectF pill
        = box.adjusted(box.width() * 0.15, box.height() * 0.05, 0, -box.height() * 0.05);
    painter->setPen(Qt::NoPen);
    painter->setBrush(selected ? m_colors.base : m_colors.accent);
    painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    painter->setPen(selected ? m_colors.accent : m_colors.accentText);
    painter->drawText(pill, Qt::AlignCenter, QString::number(count));
}

QSize ProxyItemDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    const qreal line = QFontMetricsF(option.font).height();
    return QSize(int(line * 8), int(line * 2.9));
}

} // namespace chaoslab::ui
