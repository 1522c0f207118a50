#include "toxiceditor.h"

#include "attributecontrol.h"
#include "confirmdialog.h"
#include "toggleswitch.h"
#include "toxiccatalog.h"
#include "toxicsummary.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>

namespace chaoslab::ui {

using toxiproxy::ToxicStream;
using Severity = EventLogEntry::Severity;

namespace {

// Combo box rows, in this order.
constexpr std::array<ToxicDirection, 3> directions { ToxicDirection::Downstream,
    ToxicDirection::Upstream, ToxicDirection::Both };

int rowOf(ToxicDirection direction)
{
    return int(std::find(directions.begin(), directions.end(), direction) - directions.begin());
}

} // namespace

ToxicEditor::ToxicEditor(toxiproxy::ToxiproxyClient* client, const QString& proxy,
    const ToxicTypeSpec& spec, ToxicIdentity identity, EventLogModel* log, QWidget* parent)
    : QWidget(parent)
    , m_sync(client, proxy, std::move(identity))
    , m_proxy(proxy)
    , m_title(spec.title)
    , m_log(log)
{
    buildHeader(spec);
    buildControls(spec);

    connect(&m_sync, &ToxicSync::stateAdopted, this, &ToxicEditor::showSyncState);
    connect(&m_sync, &ToxicSync::failed, this, &ToxicEditor::handleFailure);
    connect(&m_sync, &ToxicSync::structureChanged, this,
        [this](const QString& message) { logEvent(Severity::Change, message); });
    connect(&m_sync, &ToxicSync::settled, this, [this] {
        settleControls();
        if (m_removing)
            emit removed();
    });
    showSyncState();
}

ToxicEditor::~ToxicEditor() = default;

void ToxicEditor::buildHeader(const ToxicTypeSpec& spec)
{
    m_toggle = new ToggleSwitch(this);
    m_toggle->setAccessibleName(tr("%1 on or off").arg(identity().name));
    m_toggle->setAccessibleDescription(spec.description);
    m_toggle->setToolTip(tr("Switches %1 on or off on the server").arg(identity().name));

    m_nameLabel = new QLabel(this);
    m_nameLabel->setProperty("role", QStringLiteral("muted"));
    m_nameLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Long names are cut rather than widening the dock.
    m_nameLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_direction = new QComboBox(this);
    m_direction->addItem(tr("← Downstream"));
    m_direction->addItem(tr("→ Upstream"));
    m_direction->addItem(tr("⇄ Both"));
    m_direction->setItemData(0, tr("Data from the server to the client"), Qt::ToolTipRole);
    m_direction->setItemData(1, tr("Data from the client to the server"), Qt::ToolTipRole);
    m_direction->setItemData(2, tr("Both directions, as two toxics"), Qt::ToolTipRole);
    m_direction->setAccessibleName(tr("Direction of %1").arg(identity().name));
    m_direction->setToolTip(tr("Which data the toxic acts on: downstream is server to client, "
                               "upstream is client to server. Both adds two toxics, "
                               "NAME_upstream and NAME_downstream."));
    if (!identity().paired) {
        // A toxic with a name of its own is one server toxic, so it has one direction.
        m_direction->setItemData(rowOf(ToxicDirection::Both), 0, Qt::UserRole - 1);
    }

    m_removeButton = new QToolButton(this);
    m_removeButton->setText(tr("Remove"));
    m_removeButton->setAccessibleName(tr("Remove %1").arg(identity().name));
    m_removeButton->hide();

    auto* header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(m_toggle);
    header->addWidget(m_nameLabel, 1);
    header->addWidget(m_removeButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(header);

    connect(m_toggle, &ToggleSwitch::clicked, this, &ToxicEditor::handleToggleClicked);
    connect(m_direction, &QComboBox::activated, this, &ToxicEditor::handleDirectionActivated);
    connect(m_removeButton, &QToolButton::clicked, this, &ToxicEditor::removeRequested);
}

void ToxicEditor::buildControls(const ToxicTypeSpec& spec)
{
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(2);
    grid->setColumnStretch(1, 1);

    auto* directionLabel = new QLabel(tr("&Direction"), this);
    directionLabel->setBuddy(m_direction);
    grid->addWidget(directionLabel, 0, 0);
    grid->addWidget(m_direction, 0, 1, 1, 2, Qt::AlignLeft);

    int row = 1;
    auto add = [this, grid, &row](const AttributeSpec& attribute) {
        auto* control = new AttributeControl(attribute, this);
        control->addToGrid(grid, row);
        row += 2;
        connect(control, &AttributeControl::valueEdited, this,
            [this, control](
                qint64 value, bool final) { handleValueEdited(control, value, final); });
        connect(control, &AttributeControl::conflictSeen, this,
            [this, control](qint64 value) { handleConflict(control, value); });
        return control;
    };
    for (const auto& attribute : spec.attributes)
        m_controls.push_back(add(attribute));
    m_toxicity = add(ToxicCatalog::toxicity());

    m_errorLabel = new QLabel(this);
    m_errorLabel->setProperty("role", QStringLiteral("conflict"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();

    auto* layout = static_cast<QVBoxLayout*>(this->layout());
    layout->addLayout(grid);
    layout->addWidget(m_errorLabel);

    keepSlicerSizesValid(nullptr);
    QMap<QString, qint64> values;
    for (auto* control : m_controls)
        values.insert(control->spec().key, control->value());
    m_sync.setInitialValues(values, m_toxicity->value() / 100.0);
}

AttributeControl* ToxicEditor::control(const QString& key) const
{
    if (key == m_toxicity->spec().key)
        return m_toxicity;
    for (auto* control : m_controls) {
        if (control->spec().key == key)
            return control;
    }
    return nullptr;
}

void ToxicEditor::setRemovable(bool removable)
{
    m_removeButton->setVisible(removable);
}

void ToxicEditor::applyServerState(
    const ToxicSync::ServerPair& server, ToxicSync::Clock::time_point requestedAt)
{
    m_server = server;
    m_sync.applyServerState(server, requestedAt);
    showServerValues();
}

void ToxicEditor::forgetServerState()
{
    m_server = {};
    m_sync.forgetServerState();
}

void ToxicEditor::finishReset(bool confirmed)
{
    m_sync.finishReset(confirmed);
}

void ToxicEditor::settleControls()
{
    for (auto* control : m_controls)
        control->settle();
    m_toxicity->settle();
    showServerValues();
}

void ToxicEditor::showServerValues()
{
    const auto& shown = m_server[1] ? m_server[1] : m_server[0];
    if (!shown)
        return;
    // The average slice size goes first, because it bounds the size variation.
    for (auto* control : m_controls) {
        if (const auto value = shown->attribute(control->spec().key)) {
            control->showServerValue(*value);
            keepSlicerSizesValid(control);
        }
    }
    m_toxicity->showServerValue(qRound64(shown->toxicity * 100));
}

void ToxicEditor::showSyncState()
{
    const bool enabled = m_sync.isEnabled();
    {
        const QSignalBlocker blockToggle(m_toggle);
        m_toggle->setChecked(enabled);
        const QSignalBlocker blockDirection(m_direction);
        m_direction->setCurrentIndex(rowOf(m_sync.direction()));
    }
    m_nameLabel->setText(enabled ? serverNames() : tr("%1 (off)").arg(serverNames()));
    emit activeChanged(enabled);
}

QString ToxicEditor::serverNames() const
{
    QStringList names;
    for (auto stream : { ToxicStream::Upstream, ToxicStream::Downstream }) {
        const bool used = m_sync.direction() == ToxicDirection::Both
            || (m_sync.direction() == ToxicDirection::Upstream)
                == (stream == ToxicStream::Upstream);
        if (used && !names.contains(m_sync.serverName(stream)))
            names.append(m_sync.serverName(stream));
    }
    return names.join(QStringLiteral(", "));
}

void ToxicEditor::handleToggleClicked(bool checked)
{
    m_errorLabel->hide();
    if (checked) {
        m_sync.setEnabled(true);
        logEvent(Severity::Change, tr("Switched %1 on").arg(serverNames()));
        showSyncState();
        return;
    }
    // Stays on until the user confirms.
    m_toggle->setChecked(true);
    confirmDroppingConnections(tr("Switch off"), [this] {
        m_sync.setEnabled(false);
        logEvent(Severity::Change, tr("Switched %1 off").arg(serverNames()));
        showSyncState();
    });
}

void ToxicEditor::handleDirectionActivated(int index)
{
    const auto direction = directions.at(size_t(index));
    const auto previous = m_sync.direction();
    if (direction == previous)
        return;
    const bool dropsStream = previous == ToxicDirection::Both || direction != ToxicDirection::Both;
    auto apply = [this, direction] {
        m_sync.setDirection(direction);
        logEvent(Severity::Change,
            tr("Set the direction of %1 to %2")
                .arg(identity().name, m_direction->itemText(rowOf(direction))));
        showSyncState();
    };
    {
        const QSignalBlocker blockDirection(m_direction);
        m_direction->setCurrentIndex(rowOf(previous));
    }
    if (dropsStream && m_sync.isEnabled())
        confirmDroppingConnections(tr("Change direction"), apply);
    else
        apply();
}

void ToxicEditor::handleValueEdited(AttributeControl* control, qint64 value, bool final)
{
    m_errorLabel->hide();
    if (control == m_toxicity) {
        m_sync.setToxicity(value / 100.0);
    } else {
        keepSlicerSizesValid(control);
        m_sync.setAttribute(control->spec().key, value);
        if (identity().type == u"slicer") {
            // The server checks both sizes together, so both are always sent.
            for (auto* other : m_controls)
                m_sync.setAttribute(other->spec().key, other->value());
        }
    }
    // Values first, so that the toxic is created with them.
    if (!m_sync.isEnabled()) {
        m_sync.setEnabled(true);
        logEvent(Severity::Change, tr("Switched %1 on").arg(serverNames()));
        showSyncState();
    }
    if (!final)
        return;
    logEvent(Severity::Change,
        tr("Set %1 to %2 on %3")
            .arg(control->spec().key, ToxicSummary::formatValue(value, control->spec().unit),
                serverNames()));
    // A value that led to no request has no acknowledgement to wait for.
    if (!m_sync.isBusy())
        settleControls();
}

void ToxicEditor::handleConflict(AttributeControl* control, qint64 serverValue)
{
    logEvent(Severity::Warning,
        tr("%1 on %2 was changed elsewhere to %3 while being set here; the value set here is "
           "sent on release")
            .arg(control->spec().key, serverNames(),
                ToxicSummary::formatValue(serverValue, control->spec().unit)));
}

void ToxicEditor::handleFailure(const QString& message)
{
    m_errorLabel->setText(message);
    m_errorLabel->show();
    logEvent(Severity::Error, message);
}

// A slicer's size variation must stay below its average size, or Toxiproxy 2.12 panics.
void ToxicEditor::keepSlicerSizesValid(AttributeControl* changed)
{
    auto* average = control(QStringLiteral("average_size"));
    auto* variation = control(QStringLiteral("size_variation"));
    if (!average || !variation || changed == variation)
        return;
    variation->setMaximum(average->value() - 1);
}

void ToxicEditor::confirmDroppingConnections(const QString& action, std::function<void()> apply)
{
    if (identity().type != u"timeout") {
        apply();
        return;
    }
    ConfirmRequest request;
    request.title = tr("Close connections?");
    request.text = tr("Removing the timeout toxic %1 closes every connection it holds on proxy "
                      "\"%2\".")
                       .arg(identity().name, m_proxy);
    request.details = tr("Clients connected through this proxy will see their connections drop.");
    request.acceptLabel = action;
    ConfirmDialog::ask(this, request, this, std::move(apply));
}

void ToxicEditor::removeFromServer()
{
    confirmDroppingConnections(tr("Remove"), [this] {
        m_removing = true;
        hide();
        if (m_sync.isEnabled())
            logEvent(Severity::Change, tr("Removed %1").arg(identity().name));
        m_sync.setEnabled(false);
        // The editor stays until its requests are done, or the deletion would never be sent.
        if (!m_sync.isBusy())
            emit removed();
    });
}

void ToxicEditor::logEvent(Severity severity, const QString& message)
{
    if (!m_log)
        return;
    EventLogEntry entry;
    entry.severity = severity;
    entry.proxy = m_proxy;
    entry.message = message;
    m_log->append(std::move(entry));
}

} // namespace chaoslab::ui
