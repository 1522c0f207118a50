#include "probesdialog.h"

#include "probeboard.h"
#include "probedialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace chaoslab::ui {

ProbesDialog::ProbesDialog(
    ProbeBoard* board, std::function<QMap<QString, QString>()> proxies, QWidget* parent)
    : QDialog(parent)
    , m_board(board)
    , m_proxies(std::move(proxies))
    , m_list(new QListView(this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
{
    setWindowTitle(tr("Probes"));
    m_list->setModel(board);
    m_list->setAccessibleName(tr("Probes"));
    m_list->setAccessibleDescription(tr("Each probe runs continuously and is drawn on the charts"));
    auto* add = new QPushButton(tr("&Add…"), this);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto* buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto* row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(close);
    resize(fontMetrics().averageCharWidth() * 80, fontMetrics().height() * 16);

    connect(add, &QPushButton::clicked, this, &ProbesDialog::addProbe);
    connect(m_edit, &QPushButton::clicked, this, &ProbesDialog::editSelected);
    connect(m_remove, &QPushButton::clicked, this, &ProbesDialog::removeSelected);
    connect(m_list, &QListView::activated, this, &ProbesDialog::editSelected);
    connect(close, &QDialogButtonBox::rejected, this, &ProbesDialog::reject);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ProbesDialog::updateButtons);
    connect(board, &QAbstractItemModel::rowsRemoved, this, &ProbesDialog::updateButtons);
    updateButtons();
}

QString ProbesDialog::selectedId() const
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid() || !m_list->selectionModel()->isSelected(current))
        return {};
    return current.data(ProbeBoard::IdRole).toString();
}

QStringList ProbesDialog::labelsExcept(const QString& id) const
{
    QStringList labels;
    for (const auto& spec : m_board->specs()) {
        if (spec.id != id)
            labels.append(spec.label);
    }
    return labels;
}

void ProbesDialog::updateButtons()
{
    const bool selected = !selectedId().isEmpty();
    m_edit->setEnabled(selected);
    m_remove->setEnabled(selected);
}

ProbeDialog* ProbesDialog::addProbe()
{
    probes::ProbeSpec spec;
    spec.kind = probes::ProbeKind::Http;
    spec.path = QStringLiteral("/health");
    const auto proxies = m_proxies();
    if (!proxies.isEmpty())
        spec.proxy = proxies.firstKey();
    auto* editor = new ProbeDialog(spec, proxies, labelsExcept({}), this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this, editor] {
        const QString id = m_board->addProbe(editor->spec());
        m_list->setCurrentIndex(m_board->index(m_board->rowOf(id)));
    });
    editor->open();
    return editor;
}

ProbeDialog* ProbesDialog::editSelected()
{
    const QString id = selectedId();
    const auto* spec = m_board->spec(id);
    if (!spec)
        return nullptr;
    auto* editor = new ProbeDialog(*spec, m_proxies(), labelsExcept(id), this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this,
        [this, editor, id] { m_board->updateProbe(id, editor->spec()); });
    editor->open();
    return editor;
}

void ProbesDialog::removeSelected()
{
    const QString id = selectedId();
    if (!id.isEmpty())
        m_board->removeProbe(id);
}

} // namespace chaoslab::ui
