// Shows the topology scene scaled to the width of the view (within limits that keep it
// readable), with a hint in place of the diagram while there are no proxies.
#pragma once

#include <QGraphicsView>

namespace chaoslab::ui {

class TopologyScene;

class TopologyView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit TopologyView(TopologyScene* scene, QWidget* parent = nullptr);

    void setEmptyText(const QString& text);
    // Fits the diagram again, for example after the scene was rebuilt.
    void fitToWidth();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    TopologyScene* m_scene;
    QString m_emptyText;
};

} // namespace chaoslab::ui
