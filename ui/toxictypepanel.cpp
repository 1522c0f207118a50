#include "toxictypepanel.h"

#include "toxiccatalog.h"

#include <QFrame>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace chaoslab::ui {

ToxicTypePanel::ToxicTypePanel(toxiproxy::ToxiproxyClient* client, const QString& proxy,
    const ToxicTypeSpec& spec, EventLogModel* log, QWidget* parent)
    : QFrame(parent)
    , m_client(client)
    , m_proxy(proxy)
    , m_spec(spec)
    , m_log(log)
    , m_editorLayout(new QVBoxLayout)
    , m_addButton(new QPushButton(tr("Add another"), this))
{
    setObjectName(QStringLiteral("toxicEditor"));
    setAccessibleName(tr("%1 toxic").arg(spec.title));
    setAccessibleDescription(spec.description);

    auto* title = new QLabel(spec.title, this);
    title->setProperty("role", QStringLiteral("heading"));

    auto* description = new QLabel(spec.description, this);
    description->setProperty("role", QStringLiteral("muted"));
    description->setWordWrap(true);

    m_addButton->setToolTip(tr("Adds another %1 toxic under a new name").arg(spec.type));
    m_addButton->setAccessibleName(tr("Add another %1 toxic").arg(spec.title));
    m_addButton->setFlat(true);

    auto* header = new QHBoxLayout;
    header->addWidget(title, 1);
    header->addWidget(m_addButton);

    m_editorLayout->setSpacing(14);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->setSpacing(6);
    layout->addLayout(header);
    layout->addWidget(description);
    layout->addLayout(m_editorLayout);

    connect(m_addButton, &QPushButton::clicked, this, &ToxicTypePanel::addAnotherRequested);
    addEditor({ spec.type, spec.type, true });
}

ToxicEditor* ToxicTypePanel::find(const QString& name, bool paired) const
{
    for (auto* editor : m_editors) {
        if (editor->identity().name == name && editor->identity().paired == paired)
            return editor;
    }
    return nullptr;
}

ToxicEditor* ToxicTypePanel::addEditor(ToxicIdentity identity)
{
    auto* editor = new ToxicEditor(m_client, m_proxy, m_spec, std::move(identity), m_log, this);
    if (!m_editors.empty()) {
        auto* separator = new QFrame(editor);
        separator->setFrameShape(QFrame::HLine);
        separator->setFrameShadow(QFrame::Plain);
        static_cast<QVBoxLayout*>(editor->layout())->insertWidget(0, separator);
        editor->setRemovable(true);
    }
    m_editors.push_back(editor);
    m_editorLayout->addWidget(editor);

    connect(editor, &ToxicEditor::activeChanged, this, &ToxicTypePanel::updateActive);
    connect(editor, &ToxicEditor::removeRequested, editor, &ToxicEditor::removeFromServer);
    connect(editor, &ToxicEditor::removed, this, [this, editor] {
        std::erase(m_editors, editor);
        editor->deleteLater();
        updateActive();
    });
    updateActive();
    return editor;
}

ToxicEditor* ToxicTypePanel::addAnother(const QStringList& takenNames)
{
    const auto isTaken = [this, &takenNames](const QString& name) {
        if (find(name, true) || find(name, false))
            return true;
        for (const auto& taken : takenNames) {
            if (taken == name || taken.startsWith(name + u'_'))
                return true;
        }
        return false;
    };
    int number = 2;
    while (isTaken(m_spec.type + u'_' + QString::number(number)))
        ++number;
    return addEditor({ m_spec.type, m_spec.type + u'_' + QString::number(number), true });
}

void ToxicTypePanel::updateActive()
{
    bool active = false;
    for (auto* editor : m_editors)
        active = active || editor->isOn();
    if (property("active").toBool() == active)
        return;
    setProperty("active", active);
    style()->unpolish(this);
    style()->polish(this);
}

} // namespace chaoslab::ui
