#include "amqpprotocol.h"

#include <QStringList>

#include <algorithm>

namespace chaoslab::probes {

using namespace amqp;

namespace {

constexpr char ProtocolHeader[] = "AMQP\x00\x00\x09\x01";
constexpr int ProtocolHeaderSize = 8;
// Connection.Start is under 1 KiB; larger frames before Tune are not from a broker.
constexpr quint32 MaxFrame = 128 * 1024;
constexpr quint32 PreferredFrameMax = 128 * 1024;

constexpr quint16 ConnectionClass = 10;
enum ConnectionMethod : quint16 {
    StartMethod = 10,
    StartOkMethod = 11,
    TuneMethod = 30,
    TuneOkMethod = 31,
    OpenMethod = 40,
    OpenOkMethod = 41,
    CloseMethod = 50,
    CloseOkMethod = 51,
};

// Reply codes of Connection.Close.
constexpr quint16 ReplySuccess = 200;
constexpr quint16 AccessRefused = 403;
constexpr quint16 NotAllowed = 530;

ProtocolStep protocolError(const QString& detail)
{
    return ProtocolStep::finish(ProbeOutcome::ProtocolError, detail);
}

QByteArray clientProperties()
{
    QByteArray capabilities;
    appendShortString(capabilities, "authentication_failure_close");
    capabilities += 't';
    capabilities += char(1);

    QByteArray table;
    appendShortString(table, "product");
    table += 'S';
    appendLongString(table, "chaoslab-probe");
    appendShortString(table, "capabilities");
    table += 'F';
    appendLongString(table, capabilities);

    QByteArray out;
    appendLongString(out, table);
    return out;
}

QByteArray closeMethod()
{
    QByteArray args;
    appendShort(args, ReplySuccess);
    appendShortString(args, "Goodbye");
    appendShort(args, 0);
    appendShort(args, 0);
    return methodFrame(ConnectionClass, CloseMethod, args);
}

} // namespace

AmqpProtocol::AmqpProtocol(const ProbeSpec& spec)
    : m_user(spec.user.toUtf8())
    , m_password(spec.password.toUtf8())
    , m_virtualHost(spec.database.isEmpty() ? QByteArray("/") : spec.database.toUtf8())
{ }

QByteArray AmqpProtocol::start()
{
    m_state = State::ProtocolHeader;
    return QByteArray(ProtocolHeader, ProtocolHeaderSize);
}

ProtocolStep AmqpProtocol::receive(QByteArray& buffer)
{
    if (m_state == State::ProtocolHeader) {
        // A broker that does not speak 0-9-1 replies with its own protocol header and closes.
        if (buffer.size() < ProtocolHeaderSize)
            return ProtocolStep::needMore();
        if (buffer.startsWith("AMQP"))
            return protocolError(QStringLiteral("broker does not speak AMQP 0-9-1; it offers "
                                                "protocol %1-%2-%3")
                                     .arg(quint8(buffer.at(5)))
                                     .arg(quint8(buffer.at(6)))
                                     .arg(quint8(buffer.at(7))));
        m_state = State::Start;
    }
    while (true) {
        Frame frame;
        const ReadStatus status = readFrame(buffer, MaxFrame, &frame);
        if (status == ReadStatus::Incomplete)
            return ProtocolStep::needMore();
        if (status == ReadStatus::Invalid)
            return protocolError(QStringLiteral("invalid AMQP frame; is this an AMQP broker?"));
        if (frame.type == HeartbeatFrame)
            continue;
        ArgumentReader args(frame.payload);
        const quint16 classId = args.shortValue();
        const quint16 methodId = args.shortValue();
        if (frame.type != MethodFrame || frame.channel != 0 || args.failed())
            return protocolError(QStringLiteral("unexpected frame of type %1 on channel %2")
                                     .arg(frame.type)
                                     .arg(frame.channel));
        ProtocolStep step = handleMethod(classId, methodId, args);
        if (step.finished || !step.send.isEmpty())
            return step;
    }
}

ProtocolStep AmqpProtocol::receiveClose(const QByteArray& buffer)
{
    if (m_state == State::Tune)
        return ProtocolStep::finish(ProbeOutcome::AuthenticationFailed,
            QStringLiteral("broker closed the connection after the login; check the user name "
                           "and password"));
    return ProbeProtocol::receiveClose(buffer);
}

ProtocolStep AmqpProtocol::handleMethod(quint16 classId, quint16 methodId, ArgumentReader& args)
{
    if (classId == ConnectionClass && methodId == CloseMethod)
        return handleServerClose(args);
    const auto expect
        = [&](ConnectionMethod method) { return classId == ConnectionClass && methodId == method; };
    if (m_state == State::Start && expect(StartMethod))
        return handleStart(args);
    if (m_state == State::Tune && expect(TuneMethod))
        return handleTune(args);
    if (m_state == State::OpenOk && expect(OpenOkMethod)) {
        m_state = State::CloseOk;
        return ProtocolStep::needMore(closeMethod());
    }
    if (m_state == State::CloseOk && expect(CloseOkMethod))
        return ProtocolStep::finish(ProbeOutcome::Ok, m_server);
    return protocolError(QStringLiteral("unexpected method %1.%2").arg(classId).arg(methodId));
}

// Connection.Start: version major, version minor, server properties, mechanisms, locales.
ProtocolStep AmqpProtocol::handleStart(ArgumentReader& args)
{
    args.octet();
    args.octet();
    QString product;
    QString version;
    for (const auto& [name, value] : args.tableStrings()) {
        if (name == "product")
            product = QString::fromUtf8(value);
        else if (name == "version")
            version = QString::fromUtf8(value);
    }
    const QList<QByteArray> mechanisms = args.longString().split(' ');
    if (args.failed())
        return protocolError(QStringLiteral("malformed Connection.Start"));
    m_server = QStringList { product, version }.join(QLatin1Char(' ')).trimmed();
    if (!loginRequested())
        return ProtocolStep::finish(ProbeOutcome::Ok, m_server);
    if (!mechanisms.contains("PLAIN"))
        return ProtocolStep::finish(ProbeOutcome::AuthenticationFailed,
            QStringLiteral("broker does not offer the PLAIN mechanism; enable it in the broker"));
    m_state = State::Tune;
    return ProtocolStep::needMore(methodFrame(ConnectionClass, StartOkMethod, startOk()));
}

// Connection.Start-Ok: client properties, mechanism, response ("\0user\0password" for
// PLAIN), locale.
QByteArray AmqpProtocol::startOk() const
{
    QByteArray args = clientProperties();
    appendShortString(args, "PLAIN");
    appendLongString(args, '\0' + m_user + '\0' + m_password);
    appendShortString(args, "en_US");
    return args;
}

// Connection.Tune: channel max, frame max, heartbeat. The probe keeps the broker's channel
// limit, caps the frame size and turns heartbeats off, since a probe connection is short.
ProtocolStep AmqpProtocol::handleTune(ArgumentReader& args)
{
    const quint16 channelMax = args.shortValue();
    const quint32 frameMax = args.longValue();
    args.shortValue();
    if (args.failed())
        return protocolError(QStringLiteral("malformed Connection.Tune"));
    QByteArray tuneOk;
    appendShort(tuneOk, channelMax);
    appendLong(tuneOk, frameMax == 0 ? PreferredFrameMax : std::min(frameMax, PreferredFrameMax));
    appendShort(tuneOk, 0);

    QByteArray open;
    appendShortString(open, m_virtualHost);
    appendShortString(open, {});
    open += char(0);

    m_state = State::OpenOk;
    return ProtocolStep::needMore(methodFrame(ConnectionClass, TuneOkMethod, tuneOk)
        + methodFrame(ConnectionClass, OpenMethod, open));
}

// Connection.Close: reply code, reply text, class and method that caused it.
ProtocolStep AmqpProtocol::handleServerClose(ArgumentReader& args) const
{
    const quint16 code = args.shortValue();
    const QString text = QString::fromUtf8(args.shortString());
    const QString detail = QStringLiteral("%1 %2").arg(code).arg(text);
    const QByteArray closeOk = methodFrame(ConnectionClass, CloseOkMethod, {});
    // 530 NOT_ALLOWED during Open: the user may not use the virtual host.
    if (code == AccessRefused || (code == NotAllowed && m_state == State::OpenOk))
        return ProtocolStep::finish(ProbeOutcome::AuthenticationFailed, detail, closeOk);
    return ProtocolStep::finish(ProbeOutcome::ProtocolError,
        QStringLiteral("broker closed the connection: %1").arg(detail), closeOk);
}

} // namespace chaoslab::probes
