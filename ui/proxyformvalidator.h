// Checks the proxy form before anything is sent, so the server only receives a name,
// listen address and upstream it can accept, and the user reads which field is wrong and
// how to write it.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace chaoslab::ui {

struct ProxyFormValues
{
    QString name;
    QString listen;
    QString upstream;
    bool enabled = true;
};

struct ProxyFormError
{
    enum class Field { Name, Listen, Upstream };
    Field field;
    QString message;
};

class ProxyFormValidator
{
    Q_DECLARE_TR_FUNCTIONS(ProxyFormValidator)

public:
    // `takenNames` are the names of the other proxies on the server; the form's name must
    // differ from each of them.
    explicit ProxyFormValidator(QStringList takenNames);

    // Returns the first invalid field with a message, or nothing when every field is valid.
    std::optional<ProxyFormError> validate(const ProxyFormValues& values) const;

    std::optional<QString> checkName(const QString& name) const;
    // A listen address may use port 0, which lets the server pick a free port.
    static std::optional<QString> checkListen(const QString& address);
    static std::optional<QString> checkUpstream(const QString& address);

private:
    static std::optional<QString> checkAddress(
        const QString& address, const QString& field, int lowestPort);

    QStringList m_takenNames;
};

} // namespace chaoslab::ui
