// AMQP 0-9-1 probe (RabbitMQ). The probe sends the protocol header and expects
// Connection.Start. Without credentials that ends the attempt; the runner then closes the
// socket. With credentials the connection is opened and closed properly:
//
//   client                         broker
//   "AMQP" 0 0 9 1            ->
//                             <-   Connection.Start
//   Start-Ok (PLAIN)          ->
//                             <-   Connection.Tune
//   Tune-Ok, Open (vhost)     ->
//                             <-   Connection.Open-Ok
//   Close                     ->
//                             <-   Connection.Close-Ok
//
// The client properties announce authentication_failure_close, so that RabbitMQ reports a
// refused login as Connection.Close with 403 ACCESS_REFUSED instead of dropping the socket.
#pragma once

#include "amqpframes.h"
#include "probeprotocol.h"

namespace chaoslab::probes {

class AmqpProtocol : public ProbeProtocol
{
public:
    explicit AmqpProtocol(const ProbeSpec& spec);

    QByteArray start() override;
    ProtocolStep receive(QByteArray& buffer) override;
    // A broker that drops the connection right after Start-Ok refused the login: that is
    // how AMQP 0-9-1 brokers report it to clients without authentication_failure_close.
    ProtocolStep receiveClose(const QByteArray& buffer) override;

private:
    enum class State { ProtocolHeader, Start, Tune, OpenOk, CloseOk };

    ProtocolStep handleMethod(quint16 classId, quint16 methodId, amqp::ArgumentReader& args);
    ProtocolStep handleStart(amqp::ArgumentReader& args);
    ProtocolStep handleTune(amqp::ArgumentReader& args);
    ProtocolStep handleServerClose(amqp::ArgumentReader& args) const;
    QByteArray startOk() const;
    bool loginRequested() const { return !m_user.isEmpty(); }

    QByteArray m_user;
    QByteArray m_password;
    QByteArray m_virtualHost;
    State m_state = State::ProtocolHeader;
    QString m_server;
};

} // namespace chaoslab::probes
