// The legend of the probe charts: a key for the p50 (solid) and p95 (light) lines, then one
// entry per probe with its colour and label. Entries wrap onto more rows instead of being
// cut, so every probe stays readable however narrow the dock. A label longer than
// MaxLabelChars average characters is elided in the middle, which keeps the start and
// the end that usually tell probes apart, and its tooltip shows the whole label.
#pragma once

#include "chartlook.h"

#include <QWidget>

namespace chaoslab::ui {

class ProbeLegend : public QWidget
{
    Q_OBJECT

public:
    static constexpr int MaxLabelChars = 36;

    struct Entry
    {
        QString label;
        QColor color;
    };

    explicit ProbeLegend(QWidget* parent = nullptr);

    void setEntries(const QList<Entry>& entries);
    void setLook(const ChartLook& look);
    // The label as drawn for entry `index`, elided when it is long.
    QString shownLabel(int index) const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    // One swatch and its text, placed for a given width. Entry -1 and -2 are the key.
    struct Placed
    {
        int entry = 0;
        QRect swatch;
        QRect text;
        QString shown;
        QColor color;
    };

    QList<Placed> place(int width) const;
    int rowHeight() const;

    QList<Entry> m_entries;
    ChartLook m_look;
};

} // namespace chaoslab::ui
