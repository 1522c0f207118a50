// The controls of one console toxic on one proxy: an on/off switch, its direction, a
// slider and spin box per attribute, and its toxicity. Edits go to the server through a
// ToxicSync; server states arrive through applyServerState(). A control whose final value
// was sent waits until the sync has settled, and then follows the server again.
//
// Moving a slider of a toxic that is off switches it on, so a demonstration needs one
// gesture. Switching a timeout toxic off, or taking a direction away from it, closes the
// connections it holds, so the user confirms that first.
#pragma once

#include "eventlogmodel.h"
#include "toxicsync.h"

#include <QWidget>

#include <functional>
#include <vector>

class QComboBox;
class QLabel;
class QToolButton;

namespace chaoslab::ui {

class AttributeControl;
class ToggleSwitch;
struct ToxicTypeSpec;

class ToxicEditor : public QWidget
{
    Q_OBJECT

public:
    ToxicEditor(toxiproxy::ToxiproxyClient* client, const QString& proxy, const ToxicTypeSpec& spec,
        ToxicIdentity identity, EventLogModel* log, QWidget* parent = nullptr);
    ~ToxicEditor() override;

    const ToxicIdentity& identity() const { return m_sync.identity(); }
    bool isOn() const { return m_sync.isEnabled(); }
    ToggleSwitch* toggle() const { return m_toggle; }
    QComboBox* directionBox() const { return m_direction; }
    AttributeControl* control(const QString& key) const;
    // Shows a remove button that emits removeRequested(); for toxics added with "Add another".
    void setRemovable(bool removable);

    // `requestedAt` is when the poll that saw `server` was requested.
    void applyServerState(
        const ToxicSync::ServerPair& server, ToxicSync::Clock::time_point requestedAt);
    void forgetServerState();
    void finishReset(bool confirmed);
    // Switches the toxic off on the server (after confirmation for a timeout), hides the
    // editor, and emits removed() once the server has it off.
    void removeFromServer();
    bool isRemoving() const { return m_removing; }

signals:
    void activeChanged(bool active);
    void removeRequested();
    void removed();

private:
    void buildHeader(const ToxicTypeSpec& spec);
    void buildControls(const ToxicTypeSpec& spec);
    void handleToggleClicked(bool checked);
    void handleDirectionActivated(int index);
    void handleValueEdited(AttributeControl* control, qint64 value, bool final);
    void handleConflict(AttributeControl* control, qint64 serverValue);
    void handleFailure(const QString& message);
    void keepSlicerSizesValid(AttributeControl* changed);
    void showServerValues();
    void showSyncState();
    void settleControls();
    // Returns the server names of the toxic in its current direction, such as
    // "latency_upstream, latency_downstream".
    QString serverNames() const;
    void confirmDroppingConnections(const QString& action, std::function<void()> apply);
    void logEvent(EventLogEntry::Severity severity, const QString& message);

    ToxicSync m_sync;
    QString m_proxy;
    QString m_title;
    EventLogModel* m_log;
    ToxicSync::ServerPair m_server;
    bool m_removing = false;

    ToggleSwitch* m_toggle = nullptr;
    QLabel* m_nameLabel = nullptr;
    QComboBox* m_direction = nullptr;
    QToolButton* m_removeButton = nullptr;
    QLabel* m_errorLabel = nullptr;
    std::vector<AttributeControl*> m_controls;
    AttributeControl* m_toxicity = nullptr;
};

} // namespace chaoslab::ui
