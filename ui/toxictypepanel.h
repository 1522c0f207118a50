// One card per toxic type in the toxic controls: the type's title and description, an
// editor per console toxic of that type on the proxy (one to start with), and "Add
// another" for a further toxic of the type under a new name. The card is marked active
// while any of its toxics is on.
#pragma once

#include "toxiccatalog.h"
#include "toxiceditor.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace chaoslab::ui {

class ToxicTypePanel : public QFrame
{
    Q_OBJECT

public:
    ToxicTypePanel(toxiproxy::ToxiproxyClient* client, const QString& proxy,
        const ToxicTypeSpec& spec, EventLogModel* log, QWidget* parent = nullptr);

    const QString& type() const { return m_spec.type; }
    const std::vector<ToxicEditor*>& editors() const { return m_editors; }
    ToxicEditor* find(const QString& name, bool paired) const;
    // Adds an editor for a toxic of this type, for example one created elsewhere.
    ToxicEditor* addEditor(ToxicIdentity identity);
    // Adds an editor under the first free name "<type>_2", "<type>_3", ...; `takenNames`
    // are names in use on the server.
    ToxicEditor* addAnother(const QStringList& takenNames);
    QPushButton* addButton() const { return m_addButton; }

signals:
    void addAnotherRequested();

private:
    void updateActive();

    toxiproxy::ToxiproxyClient* m_client;
    QString m_proxy;
    ToxicTypeSpec m_spec;
    EventLogModel* m_log;
    std::vector<ToxicEditor*> m_editors;
    QVBoxLayout* m_editorLayout;
    QPushButton* m_addButton;
};

} // namespace chaoslab::ui
