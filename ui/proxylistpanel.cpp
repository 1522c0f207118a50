#include "proxylistpanel.h"

#include "proxyactions.h"
#include "proxyitemdelegate.h"
#include "proxylistmodel.h"

#include <QAction>
#include <QListView>
#include <QMenu>
#include <QVBoxLayout>

namespace chaoslab::ui {

ProxyListPanel::ProxyListPanel(
    ProxyListModel* model, QItemSelectionModel* selection, ProxyActions* actions, QWidget* parent)
    : QWidget(parent)
    , m_list(new QListView(this))
    , m_delegate(new ProxyItemDelegate(this))
{
    m_list->setModel(model);
    m_list->setSelectionModel(selection);
    m_list->setItemDelegate(m_delegate);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setAccessibleName(tr("Proxies"));
    m_list->setAccessibleDescription(tr("Every proxy on the server; select one to see its toxics"));
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 4);
    layout->addWidget(m_list, 1);

    connect(
        m_list, &QListView::customContextMenuRequested, this, [this, actions](const QPoint& at) {
            if (!m_list->indexAt(at).isValid())
                return;
            auto* menu = new QMenu(this);
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->addActions(
                { actions->enableAction(), actions->editAction(), actions->deleteAction() });
            menu->popup(m_list->viewport()->mapToGlobal(at));
        });
    connect(m_list, &QListView::activated, actions->editAction(), &QAction::trigger);
}

} // namespace chaoslab::ui
