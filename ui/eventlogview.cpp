#include "eventlogview.h"

#include "eventlogmodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace chaoslab::ui {

EventLogView::EventLogView(EventLogModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_table(new QTableView(this))
{
    m_table->setModel(model);
    m_table->setAccessibleName(tr("Event log"));
    m_table->setAccessibleDescription(tr("Changes made here or seen on the server, and errors"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed sizes: measuring 2,000 rows on every new entry would stall the window.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    auto* header = m_table->horizontalHeader();
    header->setSectionResizeMode(EventLogModel::TimeColumn, QHeaderView::Fixed);
    header->setSectionResizeMode(EventLogModel::ProxyColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(EventLogModel::EventColumn, QHeaderView::Stretch);
    updateSizes();

    auto* clear = new QPushButton(tr("C&lear log"), this);
    clear->setAccessibleDescription(tr("Removes every entry from the event log"));

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(clear);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    auto* scrollBar = m_table->verticalScrollBar();
    connect(scrollBar, &QScrollBar::valueChanged, this,
        [this, scrollBar](int value) { m_followNewest = value >= scrollBar->maximum() - 2; });
    connect(model, &QAbstractItemModel::rowsInserted, this, &EventLogView::scrollToNewest);
    connect(clear, &QPushButton::clicked, model, &EventLogModel::clear);
}

void EventLogView::updateSizes()
{
    // The table's own font may not have changed yet when this widget hears of a new one.
    const auto metrics = fontMetrics();
    m_table->verticalHeader()->setDefaultSectionSize(metrics.height() + 6);
    auto* header = m_table->horizontalHeader();
    header->resizeSection(EventLogModel::TimeColumn,
        metrics.horizontalAdvance(QStringLiteral("00:00:00.000")) + metrics.averageCharWidth() * 3);
    header->resizeSection(EventLogModel::ProxyColumn, metrics.averageCharWidth() * 16);
}

void EventLogView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateSizes();
}

void EventLogView::scrollToNewest()
{
    if (m_followNewest)
        m_table->scrollToBottom();
}

} // namespace chaoslab::ui
