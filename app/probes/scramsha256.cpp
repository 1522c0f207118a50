#include "scramsha256.h"

#include <QCryptographicHash>
#include <QList>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QRandomGenerator>

#include <array>

namespace chaoslab::probes {

namespace {

constexpr int NonceBytes = 24;
constexpr int KeyBytes = 32;
// Far above the 4096 PostgreSQL uses; a server asking for more would stall the probe.
constexpr int MaxIterations = 1'000'000;

QByteArray hmac(const QByteArray& key, const QByteArray& message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QByteArray randomNonce()
{
    std::array<quint32, NonceBytes / 4> words;
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char*>(words.data()), NonceBytes).toBase64();
}

// The value of attribute `name` ("r", "s", ...) in a comma-separated SCRAM message.
std::optional<QByteArray> attribute(const QByteArray& message, char name)
{
    for (const QByteArray& part : message.split(',')) {
        if (part.size() >= 2 && part.at(0) == name && part.at(1) == '=')
            return part.mid(2);
    }
    return std::nullopt;
}

// User names in SCRAM escape ',' and '='.
QByteArray saslName(QByteArray user)
{
    return user.replace('=', "=3D").replace(',', "=2C");
}

} // namespace

ScramSha256Client::ScramSha256Client(QByteArray user, QByteArray password, QByteArray nonce)
    : m_user(std::move(user))
    , m_password(std::move(password))
    , m_nonce(nonce.isEmpty() ? randomNonce() : std::move(nonce))
{ }

QByteArray ScramSha256Client::clientFirstBare() const
{
    return "n=" + saslName(m_user) + ",r=" + m_nonce;
}

QByteArray ScramSha256Client::clientFirstMessage() const
{
    return "n,," + clientFirstBare();
}

std::optional<QByteArray> ScramSha256Client::clientFinalMessage(
    const QByteArray& serverFirst, QString* error)
{
    const auto nonce = attribute(serverFirst, 'r');
    const auto salt = attribute(serverFirst, 's');
    const auto iterationsText = attribute(serverFirst, 'i');
    bool numeric = false;
    const int iterations = iterationsText ? iterationsText->toInt(&numeric) : 0;
    if (!nonce || !salt || !numeric || iterations < 1 || iterations > MaxIterations) {
        *error = QStringLiteral("malformed SCRAM server-first message: %1")
                     .arg(QString::fromUtf8(serverFirst.left(200)));
        return std::nullopt;
    }
    if (!nonce->startsWith(m_nonce) || nonce->size() == m_nonce.size()) {
        *error = QStringLiteral("SCRAM server nonce does not extend the client nonce");
        return std::nullopt;
    }
    m_saltedPassword = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, m_password,
        QByteArray::fromBase64(*salt), iterations, KeyBytes);
    const QByteArray clientKey = hmac(m_saltedPassword, "Client Key");
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, QCryptographicHash::Sha256);
    // "biws" is base64 of "n,,": no channel binding.
    const QByteArray finalWithoutProof = "c=biws,r=" + *nonce;
    m_authMessage = clientFirstBare() + ',' + serverFirst + ',' + finalWithoutProof;
    const QByteArray signature = hmac(storedKey, m_authMessage);
    QByteArray proof = clientKey;
    for (int i = 0; i < proof.size(); ++i)
        proof[i] = char(proof.at(i) ^ signature.at(i));
    return finalWithoutProof + ",p=" + proof.toBase64();
}

bool ScramSha256Client::verifyServerFinal(const QByteArray& serverFinal, QString* error) const
{
    if (const auto serverError = attribute(serverFinal, 'e')) {
        *error = QStringLiteral("SCRAM error from the server: %1")
                     .arg(QString::fromUtf8(*serverError));
        return false;
    }
    const auto verifier = attribute(serverFinal, 'v');
    const QByteArray serverKey = hmac(m_saltedPassword, "Server Key");
    if (!verifier || QByteArray::fromBase64(*verifier) != hmac(serverKey, m_authMessage)) {
        *error = QStringLiteral("the server's SCRAM signature does not match; it does not know "
                                "the password, so it may not be the expected server");
        return false;
    }
    return true;
}

} // namespace chaoslab::probes
