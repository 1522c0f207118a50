// A TLS client connection for https probes, on QSslSocket. connected() follows the TLS
// handshake, so an attempt's connectMs includes it.
//
// QSslSocket reports a peer's RST like a FIN (RemoteHostClosedError), so an https probe
// counts a reset connection as closed (peerClosed); only plain TCP distinguishes them.
#pragma once

#include "probeconnection.h"

#include <QSslSocket>

namespace chaoslab::probes {

class TlsConnection : public ProbeConnection
{
    Q_OBJECT

public:
    // `insecure`: accept any certificate instead of only one the system trusts for the
    // peer's name.
    explicit TlsConnection(bool insecure, QObject* parent = nullptr);

    void open(const QHostAddress& address, quint16 port, const QString& peerName) override;
    void write(const QByteArray& bytes) override;
    void close() override;

private:
    void handleError(QAbstractSocket::SocketError error);
    void handleSslErrors(const QList<QSslError>& errors);
    void fail(ProbeOutcome outcome, const QString& detail);

    QSslSocket* m_socket = nullptr;
    bool m_insecure;
    QString m_endpoint;
    QString m_sslErrors;
};

} // namespace chaoslab::probes
