#include "probelegend.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace chaoslab::ui {

namespace {

constexpr int SwatchPx = 18;
constexpr int SwatchGapPx = 5;
constexpr int EntryGapPx = 14;
constexpr int RowGapPx = 2;
// The opacity of the p95 sample in the key: ProbeSeriesSet blends p95 lines 45% over the
// chart's background.
constexpr float P95Alpha = 0.45f;

} // namespace

ProbeLegend::ProbeLegend(QWidget* parent) : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setAccessibleName(tr("Chart legend"));
}

void ProbeLegend::setEntries(const QList<Entry>& entries)
{
    m_entries = entries;
    QStringList labels;
    for (const Entry& entry : entries)
        labels.append(entry.label);
    setAccessibleDescription(labels.join(QStringLiteral(", ")));
    updateGeometry();
    update();
}

void ProbeLegend::setLook(const ChartLook& look)
{
    m_look = look;
    setFont(look.font);
    updateGeometry();
    update();
}

QString ProbeLegend::shownLabel(int index) const
{
    const QFontMetrics metrics(font());
    const int maxWidth = metrics.averageCharWidth() * MaxLabelChars;
    return metrics.elidedText(m_entries.at(index).label, Qt::ElideMiddle, maxWidth);
}

int ProbeLegend::rowHeight() const
{
    return QFontMetrics(font()).height() + RowGapPx;
}

QList<ProbeLegend::Placed> ProbeLegend::place(int width) const
{
    const QFontMetrics metrics(font());
    QColor light = m_look.colors.mutedText;
    light.setAlphaF(P95Alpha);
    QList<Placed> placed { { -1, {}, {}, tr("p50"), m_look.colors.mutedText },
        { -2, {}, {}, tr("p95"), light } };
    for (int i = 0; i < m_entries.size(); ++i)
        placed.append({ i, {}, {}, shownLabel(i), m_entries.at(i).color });

    const int height = rowHeight();
    int x = 0;
    int y = 0;
    for (Placed& entry : placed) {
        // A label wider than the whole legend is cut further, on its own row.
        const int room = std::max(0, width - SwatchPx - SwatchGapPx);
        if (metrics.horizontalAdvance(entry.shown) > room)
            entry.shown = metrics.elidedText(entry.shown, Qt::ElideMiddle, room);
        const int textWidth = metrics.horizontalAdvance(entry.shown);
        const int entryWidth = SwatchPx + SwatchGapPx + textWidth;
        if (x > 0 && x + entryWidth > width) {
            x = 0;
            y += height;
        }
        entry.swatch = QRect(x, y, SwatchPx, height);
        entry.text = QRect(x + SwatchPx + SwatchGapPx, y, textWidth, height);
        x += entryWidth + EntryGapPx;
    }
    return placed;
}

int ProbeLegend::heightForWidth(int width) const
{
    const QList<Placed> placed = place(width);
    return placed.isEmpty() ? 0 : placed.back().swatch.bottom() + 1;
}

QSize ProbeLegend::sizeHint() const
{
    const int width = std::max(200, parentWidget() ? parentWidget()->width() : 400);
    return { width, heightForWidth(width) };
}

QSize ProbeLegend::minimumSizeHint() const
{
    return { SwatchPx * 4, rowHeight() };
}

bool ProbeLegend::event(QEvent* event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    const auto* help = static_cast<QHelpEvent*>(event);
    for (const Placed& entry : place(width())) {
        if (entry.entry < 0 || !entry.swatch.united(entry.text).contains(help->pos()))
            continue;
        QToolTip::showText(help->globalPos(), m_entries.at(entry.entry).label, this);
        return true;
    }
    QToolTip::hideText();
    event->ignore();
    return true;
}

void ProbeLegend::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    for (const Placed& entry : place(width())) {
        const qreal y = entry.swatch.center().y() + 0.5;
        painter.setPen(QPen(entry.color, m_look.lineWidth, Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(QPointF(entry.swatch.left(), y), QPointF(entry.swatch.right() + 1, y));
        painter.setPen(entry.entry < 0 ? m_look.colors.mutedText : m_look.colors.text);
        painter.drawText(entry.text, Qt::AlignLeft | Qt::AlignVCenter, entry.shown);
    }
}

} // namespace chaoslab::ui
