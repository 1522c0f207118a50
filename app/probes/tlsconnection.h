// A TLS client connection for https probes, on QSslSocket. connected() follows the TLS
// handshake, so an attempt's connectMs includes it.
//
// QSslSocket (Qt 6.4) reports a peer's RST like a FIN, as RemoteHostClosedError, and its
// read consumes the RST's ECONNRESET. To tell them apart, the connection keeps a duplicate
// of the socket descriptor from the TCP connect on, so the socket stays open after
// QSslSocket closes its own descriptor. The kernel's TCP state (TCP_INFO) is then CLOSE
// after an RST, during the handshake or after it (failed with Reset), and CLOSE_WAIT
// after a FIN (peerClosed).
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
    ~TlsConnection() override;

    void open(const QHostAddress& address, quint16 port, const QString& peerName) override;
    void write(const QByteArray& bytes) override;
    void close() override;

private:
    void handleError(QAbstractSocket::SocketError error);
    void keepDescriptor();
    bool wasReset() const;
    void handleRemoteClose();
    void handleSslErrors(const QList<QSslError>& errors);
    void fail(ProbeOutcome outcome, const QString& detail);

    QSslSocket* m_socket = nullptr;
    // A duplicate of m_socket's descriptor after the TCP connect, or -1.
    int m_descriptor = -1;
    bool m_insecure;
    QString m_endpoint;
    QString m_sslErrors;
};

} // namespace chaoslab::probes
