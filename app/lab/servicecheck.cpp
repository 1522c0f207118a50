#include "servicecheck.h"

#include <QTcpSocket>
#include <QTimer>

namespace chaoslab::lab {

ServiceCheck::ServiceCheck(QObject* parent) : QObject(parent) { }

void ServiceCheck::run(const QList<LabService>& services)
{
    m_missing.clear();
    m_pending = int(services.size());
    if (m_pending == 0) {
        QTimer::singleShot(0, this, [this] { emit finished({}); });
        return;
    }
    for (const LabService& service : services) {
        const qsizetype colon = service.address.lastIndexOf(u':');
        auto* socket = new QTcpSocket(this);
        auto* timer = new QTimer(socket);
        timer->setSingleShot(true);
        const auto done = [this, socket, timer, service](bool reachable) {
            // Whichever comes first settles the service; the others are cut off here.
            timer->stop();
            timer->disconnect();
            socket->disconnect();
            socket->abort();
            socket->deleteLater();
            settle(service, reachable);
        };
        connect(socket, &QTcpSocket::connected, this, [done] { done(true); });
        connect(socket, &QTcpSocket::errorOccurred, this, [done] { done(false); });
        connect(timer, &QTimer::timeout, this, [done] { done(false); });
        timer->start(TimeoutMs);
        socket->connectToHost(
            service.address.left(colon), service.address.mid(colon + 1).toUShort());
    }
}

void ServiceCheck::settle(const LabService& service, bool reachable)
{
    if (!reachable)
        m_missing.append(service);
    if (--m_pending == 0)
        emit finished(m_missing);
}

} // namespace chaoslab::lab
