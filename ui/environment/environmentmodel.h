// The Environment panel's table: one row per service and proxy of the lab stack, with its
// address, state and what to do when it is not running.
#pragma once

#include "environmentstatus.h"

#include <QAbstractTableModel>
#include <QColor>

namespace chaoslab::ui {

class EnvironmentModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, AddressColumn, StateColumn, DetailColumn, ColumnCount };

    explicit EnvironmentModel(QObject* parent = nullptr);

    void setStatus(const EnvironmentStatus& status);
    const EnvironmentItem& item(int row) const { return m_items.at(row); }
    // Colours of the state column: good, warning and error states.
    void setStateColors(const QColor& good, const QColor& warning, const QColor& error);

    static QString stateText(EnvironmentItem::State state);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayData(const EnvironmentItem& item, int column) const;
    QString toolTip(const EnvironmentItem& item) const;
    QColor stateColor(EnvironmentItem::State state) const;

    QList<EnvironmentItem> m_items;
    QColor m_good;
    QColor m_warning;
    QColor m_error;
};

} // namespace chaoslab::ui
