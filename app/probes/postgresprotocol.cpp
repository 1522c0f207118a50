#include "postgresprotocol.h"

#include <QCryptographicHash>
#include <QtEndian>

namespace chaoslab::probes {

namespace {

// Messages before ReadyForQuery are small; a longer one is not from PostgreSQL.
constexpr qint32 MaxMessage = 64 * 1024;
constexpr qint32 ProtocolVersion30 = 3 << 16;
constexpr char ScramMechanism[] = "SCRAM-SHA-256";

// AuthenticationRequest codes.
enum AuthCode : qint32 {
    AuthOk = 0,
    AuthCleartextPassword = 3,
    AuthMd5Password = 5,
    AuthSasl = 10,
    AuthSaslContinue = 11,
    AuthSaslFinal = 12,
};

QByteArray int32(qint32 value)
{
    QByteArray out(4, Qt::Uninitialized);
    qToBigEndian(value, out.data());
    return out;
}

qint32 readInt32(const QByteArray& bytes, qsizetype at)
{
    return qFromBigEndian<qint32>(bytes.constData() + at);
}

// A typed frontend message: type byte, length including itself, body.
QByteArray message(char type, const QByteArray& body)
{
    return type + int32(qint32(body.size() + 4)) + body;
}

QByteArray md5Hex(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

// The fields of an ErrorResponse or NoticeResponse: a code byte and a C string each.
QByteArray errorField(const QByteArray& body, char code)
{
    for (const QByteArray& field : body.split('\0')) {
        if (field.startsWith(code))
            return field.mid(1);
    }
    return {};
}

bool isAuthenticationFailure(const QByteArray& sqlState)
{
    return sqlState == "28P01" || sqlState == "28000";
}

ProtocolStep protocolError(const QString& detail)
{
    return ProtocolStep::finish(ProbeOutcome::ProtocolError, detail);
}

} // namespace

PostgresProtocol::PostgresProtocol(const ProbeSpec& spec, QByteArray scramNonce)
    : m_user(spec.user.toUtf8())
    , m_password(spec.password.toUtf8())
    , m_database(spec.database.toUtf8())
    , m_scramNonce(std::move(scramNonce))
{ }

// StartupMessage: length, protocol version, then name/value C strings and a final NUL.
QByteArray PostgresProtocol::start()
{
    QByteArray body = int32(ProtocolVersion30);
    body += QByteArray("user") + '\0';
    body += (loginRequested() ? m_user : QByteArray(AnonymousProbeUser)) + '\0';
    if (loginRequested() && !m_database.isEmpty())
        body += QByteArray("database") + '\0' + m_database + '\0';
    body += QByteArray("application_name") + '\0' + QByteArray("chaoslab-probe") + '\0';
    body += '\0';
    return int32(qint32(body.size() + 4)) + body;
}

ProtocolStep PostgresProtocol::receive(QByteArray& buffer)
{
    while (buffer.size() >= 5) {
        const char type = buffer.at(0);
        const qint32 length = readInt32(buffer, 1);
        if (length < 4 || length > MaxMessage)
            return protocolError(QStringLiteral("message '%1' with invalid length %2; is this a "
                                                "PostgreSQL server?")
                                     .arg(QLatin1Char(type))
                                     .arg(length));
        if (buffer.size() < 1 + length)
            break;
        const QByteArray body = buffer.mid(5, length - 4);
        buffer.remove(0, 1 + length);
        ProtocolStep step = handleMessage(type, body);
        if (step.finished || !step.send.isEmpty())
            return step;
    }
    return ProtocolStep::needMore();
}

ProtocolStep PostgresProtocol::handleMessage(char type, const QByteArray& body)
{
    switch (type) {
    case 'R':
        return handleAuthentication(body);
    case 'E':
        return handleError(body);
    case 'Z':
        return ProtocolStep::finish(
            ProbeOutcome::Ok, QStringLiteral("ready for query"), message('X', {}));
    case 'S': // ParameterStatus
    case 'K': // BackendKeyData
    case 'N': // NoticeResponse
    case 'v': // NegotiateProtocolVersion: the server lacks an optional parameter.
        return ProtocolStep::needMore();
    }
    return protocolError(
        QStringLiteral("unexpected message '%1' during startup").arg(QLatin1Char(type)));
}

ProtocolStep PostgresProtocol::handleAuthentication(const QByteArray& body)
{
    if (body.size() < 4)
        return protocolError(QStringLiteral("truncated authentication request"));
    const qint32 code = readInt32(body, 0);
    if (!loginRequested())
        return ProtocolStep::finish(ProbeOutcome::Ok,
            code == AuthOk ? QStringLiteral("server accepted the connection")
                           : QStringLiteral("server requested authentication method %1").arg(code));
    switch (code) {
    case AuthOk:
        return ProtocolStep::needMore();
    case AuthCleartextPassword:
        return ProtocolStep::needMore(message('p', m_password + '\0'));
    case AuthMd5Password: {
        const QByteArray salt = body.mid(4, 4);
        const QByteArray hash = "md5" + md5Hex(md5Hex(m_password + m_user) + salt);
        return ProtocolStep::needMore(message('p', hash + '\0'));
    }
    case AuthSasl:
        return handleSasl(body.mid(4));
    case AuthSaslContinue:
        return handleSaslContinue(body.mid(4));
    case AuthSaslFinal:
        return handleSaslFinal(body.mid(4));
    }
    return ProtocolStep::finish(ProbeOutcome::AuthenticationFailed,
        QStringLiteral("server requested authentication method %1, which the probe does not "
                       "support; use scram-sha-256, md5 or password in pg_hba.conf")
            .arg(code));
}

// AuthenticationSASL lists mechanisms as C strings; SASLInitialResponse names one and
// carries the client-first message with its length.
ProtocolStep PostgresProtocol::handleSasl(const QByteArray& mechanisms)
{
    if (!mechanisms.split('\0').contains(ScramMechanism))
        return ProtocolStep::finish(ProbeOutcome::AuthenticationFailed,
            QStringLiteral("server offers no SCRAM-SHA-256 (mechanisms: %1)")
                .arg(QString::fromUtf8(mechanisms).replace(QChar(0), QLatin1Char(' ')).trimmed()));
    // PostgreSQL takes the user from the StartupMessage and ignores the SCRAM user name.
    m_scram.emplace(QByteArray(), m_password, m_scramNonce);
    const QByteArray first = m_scram->clientFirstMessage();
    const QByteArray body = QByteArray(ScramMechanism) + '\0' + int32(qint32(first.size())) + first;
    return ProtocolStep::needMore(message('p', body));
}

ProtocolStep PostgresProtocol::handleSaslContinue(const QByteArray& serverFirst)
{
    if (!m_scram)
        return protocolError(QStringLiteral("SCRAM continuation before the SCRAM request"));
    QString error;
    const std::optional<QByteArray> final = m_scram->clientFinalMessage(serverFirst, &error);
    if (!final)
        return ProtocolStep::finish(ProbeOutcome::AuthenticationFailed, error);
    return ProtocolStep::needMore(message('p', *final));
}

ProtocolStep PostgresProtocol::handleSaslFinal(const QByteArray& serverFinal)
{
    QString error;
    if (!m_scram || !m_scram->verifyServerFinal(serverFinal, &error))
        return ProtocolStep::finish(ProbeOutcome::AuthenticationFailed,
            m_scram ? error : QStringLiteral("SCRAM final message before the SCRAM request"));
    return ProtocolStep::needMore();
}

ProtocolStep PostgresProtocol::handleError(const QByteArray& body) const
{
    const QByteArray state = errorField(body, 'C');
    QByteArray severity = errorField(body, 'V');
    if (severity.isEmpty())
        severity = errorField(body, 'S');
    const QString detail = QStringLiteral("%1 %2 %3")
                               .arg(QString::fromUtf8(severity), QString::fromUtf8(state),
                                   QString::fromUtf8(errorField(body, 'M')));
    // Class 28 is invalid authorization; 3D000 a database that does not exist.
    const bool serverAnswered = state.startsWith("28") || state == "3D000";
    if (!loginRequested() && serverAnswered)
        return ProtocolStep::finish(ProbeOutcome::Ok, detail);
    if (loginRequested() && isAuthenticationFailure(state))
        return ProtocolStep::finish(ProbeOutcome::AuthenticationFailed, detail);
    return protocolError(detail);
}

} // namespace chaoslab::probes
