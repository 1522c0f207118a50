#include "mysqlprotocol.h"

namespace chaoslab::probes {

using namespace mysql;

namespace {

// Packets of the login phase are small; anything larger is not from a MySQL server.
constexpr qsizetype MaxPayload = 64 * 1024;
constexpr quint32 MaxClientPacket = 16 * 1024 * 1024;
constexpr char Utf8mb4GeneralCi = 45;

constexpr quint8 OkHeader = 0x00;
constexpr quint8 AuthMoreDataHeader = 0x01;
constexpr quint8 AuthSwitchHeader = 0xfe;
constexpr quint8 ErrHeader = 0xff;
constexpr char ComQuit = 0x01;
constexpr char ComPing = 0x0e;

// Status bytes that caching_sha2_password sends after the fast-path scramble.
constexpr char FastAuthSuccess = 0x03;
constexpr char FullAuthRequired = 0x04;

// ER_DBACCESS_DENIED_ERROR, ER_ACCESS_DENIED_ERROR, ER_ACCESS_DENIED_NO_PASSWORD_ERROR.
bool isAccessDenied(quint16 code)
{
    return code == 1044 || code == 1045 || code == 1698;
}

void appendLittleEndian(QByteArray& out, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        out += char((value >> (8 * i)) & 0xff);
}

QString displayVersion(QString version)
{
    // MariaDB prefixes its version with "5.5.5-" for clients that parse it as MySQL 5.
    if (version.startsWith(QLatin1String("5.5.5-")))
        version.remove(0, 6);
    return version;
}

ProtocolStep protocolError(const QString& detail)
{
    return ProtocolStep::finish(ProbeOutcome::ProtocolError, detail);
}

QByteArray command(char code)
{
    return writePacket(0, QByteArray(1, code));
}

} // namespace

MysqlProtocol::MysqlProtocol(const ProbeSpec& spec)
    : m_user(spec.user.toUtf8())
    , m_password(spec.password.toUtf8())
    , m_database(spec.database.toUtf8())
{ }

QByteArray MysqlProtocol::start()
{
    m_state = State::Greeting;
    return {};
}

ProtocolStep MysqlProtocol::receive(QByteArray& buffer)
{
    while (true) {
        Packet packet;
        const ReadStatus status = readPacket(buffer, MaxPayload, &packet);
        if (status == ReadStatus::Incomplete)
            return ProtocolStep::needMore();
        if (status == ReadStatus::TooLarge)
            return protocolError(
                QStringLiteral("packet longer than %1 bytes; is this a MySQL server?")
                    .arg(MaxPayload));
        ProtocolStep step = handlePacket(packet);
        if (step.finished || !step.send.isEmpty())
            return step;
    }
}

ProtocolStep MysqlProtocol::handlePacket(const Packet& packet)
{
    m_sequence = quint8(packet.sequence + 1);
    if (packet.payload.isEmpty())
        return protocolError(QStringLiteral("empty packet from the server"));
    switch (m_state) {
    case State::Greeting:
        return handleGreeting(packet.payload);
    case State::Login:
        return handleLoginReply(packet.payload);
    case State::Ping:
        return handlePingReply(packet.payload);
    }
    return protocolError(QStringLiteral("unexpected packet"));
}

ProtocolStep MysqlProtocol::handleGreeting(const QByteArray& payload)
{
    if (quint8(payload.at(0)) == ErrHeader)
        return protocolError(errorText(payload));
    QString error;
    const std::optional<Greeting> greeting = parseGreeting(payload, &error);
    if (!greeting)
        return protocolError(error);
    const quint32 required = ClientProtocol41 | ClientSecureConnection;
    if ((greeting->capabilities & required) != required)
        return protocolError(QStringLiteral("server %1 lacks the 4.1 protocol with secure "
                                            "authentication, which the probe needs")
                                 .arg(greeting->serverVersion));
    m_serverVersion = displayVersion(greeting->serverVersion);
    m_state = State::Login;
    return ProtocolStep::needMore(writePacket(m_sequence, handshakeResponse(*greeting)));
}

// HandshakeResponse41: capabilities (4), max packet size (4), character set, 23 zero bytes,
// user name, length-prefixed auth response, database, auth plugin name.
QByteArray MysqlProtocol::handshakeResponse(const Greeting& greeting) const
{
    const QByteArray user = loginRequested() ? m_user : QByteArray(AnonymousProbeUser);
    const bool withDatabase = loginRequested() && !m_database.isEmpty()
        && (greeting.capabilities & ClientConnectWithDb);
    const bool pluginAuth = greeting.capabilities & ClientPluginAuth;
    const QString plugin = greeting.authPlugin == QLatin1String(CachingSha2Password)
        ? greeting.authPlugin
        : QString::fromLatin1(NativePassword);

    quint32 capabilities
        = ClientLongPassword | ClientProtocol41 | ClientSecureConnection | ClientTransactions;
    if (withDatabase)
        capabilities |= ClientConnectWithDb;
    if (pluginAuth)
        capabilities |= ClientPluginAuth;

    QByteArray out;
    appendLittleEndian(out, capabilities);
    appendLittleEndian(out, MaxClientPacket);
    out += Utf8mb4GeneralCi;
    out += QByteArray(23, '\0');
    out += user + '\0';
    const QByteArray auth = scramble(plugin, greeting.nonce).value_or(QByteArray());
    out += char(auth.size()) + auth;
    if (withDatabase)
        out += m_database + '\0';
    if (pluginAuth)
        out += plugin.toLatin1() + '\0';
    return out;
}

std::optional<QByteArray> MysqlProtocol::scramble(
    const QString& plugin, const QByteArray& nonce) const
{
    // Without a user any plugin gets an empty response, so that the server rejects the
    // login instead of seeing an aborted handshake.
    if (!loginRequested())
        return QByteArray();
    const QByteArray password = m_password;
    if (plugin == QLatin1String(NativePassword))
        return nativePasswordScramble(password, nonce);
    if (plugin == QLatin1String(CachingSha2Password))
        return cachingSha2Scramble(password, nonce);
    return std::nullopt;
}

ProtocolStep MysqlProtocol::handleLoginReply(const QByteArray& payload)
{
    switch (quint8(payload.at(0))) {
    case OkHeader:
        if (!loginRequested())
            return ProtocolStep::finish(ProbeOutcome::Ok,
                QStringLiteral("%1 accepted an anonymous login").arg(m_serverVersion),
                command(ComQuit));
        m_state = State::Ping;
        return ProtocolStep::needMore(command(ComPing));
    case ErrHeader:
        return finishLoginError(payload);
    case AuthSwitchHeader:
        return handleAuthSwitch(payload);
    case AuthMoreDataHeader:
        return handleAuthMoreData(payload);
    }
    return protocolError(QStringLiteral("unexpected packet 0x%1 during login")
                             .arg(quint8(payload.at(0)), 2, 16, QLatin1Char('0')));
}

ProtocolStep MysqlProtocol::finishWithoutLogin() const
{
    return ProtocolStep::finish(
        ProbeOutcome::Ok, QStringLiteral("%1 is up (probed without a login)").arg(m_serverVersion));
}

ProtocolStep MysqlProtocol::finishLoginError(const QByteArray& payload)
{
    const quint16 code = errorCode(payload);
    if (!loginRequested() && isAccessDenied(code))
        return finishWithoutLogin();
    if (isAccessDenied(code))
        return ProtocolStep::finish(ProbeOutcome::AuthenticationFailed, errorText(payload));
    return protocolError(errorText(payload));
}

// AuthSwitchRequest: 0xfe, plugin name, NUL, the plugin's nonce (often NUL-terminated).
ProtocolStep MysqlProtocol::handleAuthSwitch(const QByteArray& payload)
{
    const qsizetype end = payload.indexOf('\0', 1);
    if (end < 0)
        return ProtocolStep::finish(ProbeOutcome::AuthenticationFailed,
            QStringLiteral("server asks for the pre-4.1 password scramble, which is insecure "
                           "and not supported; set a mysql_native_password password"));
    const QString plugin = QString::fromLatin1(payload.mid(1, end - 1));
    const std::optional<QByteArray> auth = scramble(plugin, payload.mid(end + 1, 20));
    if (!auth)
        return ProtocolStep::finish(ProbeOutcome::AuthenticationFailed,
            QStringLiteral("server asks for authentication plugin %1, which the probe does not "
                           "support; use mysql_native_password or caching_sha2_password")
                .arg(plugin));
    return ProtocolStep::needMore(writePacket(m_sequence, *auth));
}

ProtocolStep MysqlProtocol::handleAuthMoreData(const QByteArray& payload)
{
    if (!loginRequested())
        return finishWithoutLogin();
    if (payload.size() == 2 && payload.at(1) == FastAuthSuccess)
        return ProtocolStep::needMore();
    if (payload.size() == 2 && payload.at(1) == FullAuthRequired)
        return ProtocolStep::finish(ProbeOutcome::AuthenticationFailed,
            QStringLiteral("%1 requires caching_sha2_password full authentication, which "
                           "needs TLS or the server's RSA key; log in once with the mysql "
                           "client so the server caches the password, or use "
                           "mysql_native_password")
                .arg(m_serverVersion));
    return protocolError(
        QStringLiteral("unexpected authentication data of %1 bytes").arg(payload.size()));
}

ProtocolStep MysqlProtocol::handlePingReply(const QByteArray& payload)
{
    if (quint8(payload.at(0)) == OkHeader)
        return ProtocolStep::finish(ProbeOutcome::Ok, m_serverVersion, command(ComQuit));
    if (quint8(payload.at(0)) == ErrHeader)
        return protocolError(errorText(payload));
    return protocolError(QStringLiteral("unexpected packet 0x%1 in reply to COM_PING")
                             .arg(quint8(payload.at(0)), 2, 16, QLatin1Char('0')));
}

} // namespace chaoslab::probes
