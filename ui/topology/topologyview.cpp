#include "topologyview.h"

#include "topologyscene.h"

#include <QPainter>

#include <algorithm>

namespace chaoslab::ui {

namespace {

// Below this the text in the diagram gets too small to read, so the view scrolls instead.
constexpr qreal minimumScale = 0.6;
// A short diagram grows to use a wide view, but not so much that it looks like a poster.
constexpr qreal maximumScale = 1.4;

} // namespace

TopologyView::TopologyView(TopologyScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Topology"));
    viewport()->setAccessibleName(tr("Topology diagram"));
    setAccessibleDescription(
        tr("Each proxy as a row: clients, the proxy, its toxics per direction, and its upstream"));
    connect(scene, &QGraphicsScene::sceneRectChanged, this, &TopologyView::fitToWidth);
}

void TopologyView::setEmptyText(const QString& text)
{
    m_emptyText = text;
    viewport()->update();
}

void TopologyView::fitToWidth()
{
    const QRectF rect = m_scene->sceneRect();
    const qreal available = viewport()->width() - 8;
    qreal scale = 1.0;
    if (rect.width() > 0)
        scale = std::clamp(available / rect.width(), minimumScale, maximumScale);
    setTransform(QTransform::fromScale(scale, scale));
}

void TopologyView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    fitToWidth();
}

void TopologyView::drawForeground(QPainter* painter, const QRectF&)
{
    if (m_scene->rowCount() > 0 || m_emptyText.isEmpty())
        return;
    painter->save();
    painter->resetTransform();
    painter->setPen(palette().color(QPalette::PlaceholderText));
    painter->setFont(font());
    const QRect box = viewport()->rect().adjusted(40, 40, -40, -40);
    painter->drawText(box, Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
    painter->restore();
}

} // namespace chaoslab::ui
