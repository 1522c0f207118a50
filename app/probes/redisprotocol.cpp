#include "redisprotocol.h"

namespace chaoslab::probes {

namespace {

// A reply line longer than this is not a reply to AUTH, SELECT or PING.
constexpr qsizetype MaxReplyLine = 64 * 1024;

// A RESP array of bulk strings, the form in which clients send commands.
QByteArray command(const QList<QByteArray>& words)
{
    QByteArray out = '*' + QByteArray::number(words.size()) + "\r\n";
    for (const QByteArray& word : words)
        out += '$' + QByteArray::number(word.size()) + "\r\n" + word + "\r\n";
    return out;
}

QString text(const QByteArray& line)
{
    return QString::fromUtf8(line);
}

bool isAuthError(const QByteArray& line)
{
    return line.startsWith("-NOAUTH") || line.startsWith("-WRONGPASS");
}

} // namespace

RedisProtocol::RedisProtocol(const ProbeSpec& spec)
    : m_user(spec.user)
    , m_password(spec.password)
    , m_database(spec.database)
{ }

QByteArray RedisProtocol::start()
{
    QByteArray out;
    m_pending.clear();
    if (!m_password.isEmpty()) {
        QList<QByteArray> auth { QByteArrayLiteral("AUTH") };
        if (!m_user.isEmpty())
            auth.append(m_user.toUtf8());
        auth.append(m_password.toUtf8());
        out += command(auth);
        m_pending.append(auth.first());
    }
    if (!m_database.isEmpty()) {
        out += command({ QByteArrayLiteral("SELECT"), m_database.toUtf8() });
        m_pending.append(QByteArrayLiteral("SELECT"));
    }
    return out + restart();
}

QByteArray RedisProtocol::restart()
{
    m_pending.append(QByteArrayLiteral("PING"));
    return command({ QByteArrayLiteral("PING") });
}

ProtocolStep RedisProtocol::receive(QByteArray& buffer)
{
    while (!m_pending.isEmpty()) {
        const qsizetype end = buffer.indexOf("\r\n");
        if (end < 0) {
            if (buffer.size() > MaxReplyLine)
                return ProtocolStep::finish(ProbeOutcome::ProtocolError,
                    QStringLiteral("reply line longer than %1 bytes").arg(MaxReplyLine));
            return ProtocolStep::needMore();
        }
        const QByteArray line = buffer.left(end);
        buffer.remove(0, end + 2);
        const ProtocolStep step = handleReply(m_pending.takeFirst(), line);
        if (step.finished) {
            m_pending.clear();
            return step;
        }
    }
    return ProtocolStep::needMore();
}

// Any error reply to AUTH is a failed login: Redis 6 and later reply -WRONGPASS, older
// servers "-ERR invalid password", and a server without a password for the default user
// "-ERR AUTH <password> called without any password configured".
ProtocolStep RedisProtocol::handleReply(const QByteArray& command, const QByteArray& line) const
{
    const bool error = line.startsWith('-');
    if (command == "PING" && line == "+PONG")
        return ProtocolStep::finish(ProbeOutcome::Ok, QStringLiteral("PONG"));
    if (command != "PING" && line == "+OK")
        return ProtocolStep::needMore();
    if (error && (command == "AUTH" || isAuthError(line)))
        return ProtocolStep::finish(ProbeOutcome::AuthenticationFailed, text(line.mid(1)));
    if (error)
        return ProtocolStep::finish(ProbeOutcome::ProtocolError, text(line.mid(1)));
    return ProtocolStep::finish(ProbeOutcome::ProtocolError,
        QStringLiteral("unexpected reply to %1: %2")
            .arg(QString::fromLatin1(command), text(line.left(80))));
}

} // namespace chaoslab::probes
