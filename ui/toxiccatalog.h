// Presentation of each toxic type in the console: titles, attribute labels, units, ranges and
// starting values for the sliders. Names of types and attributes are Toxiproxy 2.12's.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace chaoslab::ui {

struct AttributeSpec
{
    // The attribute's JSON name, such as "latency".
    QString key;
    QString label;
    // Unit shown next to the value ("ms", "KB/s", "bytes", "µs", "%").
    QString unit;
    QString description;
    qint64 minimum = 0;
    qint64 maximum = 0;
    // The value a new toxic starts with in the console.
    qint64 initialValue = 0;
    bool logarithmic = false;
};

struct ToxicTypeSpec
{
    QString type;
    QString title;
    QString description;
    QList<AttributeSpec> attributes;

    const AttributeSpec* attribute(const QString& key) const;
};

class ToxicCatalog
{
    Q_DECLARE_TR_FUNCTIONS(ToxicCatalog)

public:
    // The seven types the console controls, in the order their panels appear.
    static const QList<ToxicTypeSpec>& types();
    // Returns the type named `type`, or nullptr for a type the console does not know.
    static const ToxicTypeSpec* find(const QString& type);
    // The toxicity control, in percent (the API's 0 to 1 times 100).
    static const AttributeSpec& toxicity();

private:
    static QList<ToxicTypeSpec> makeTypes();
};

} // namespace chaoslab::ui
