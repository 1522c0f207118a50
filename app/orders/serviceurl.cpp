#include "serviceurl.h"

#include <QUrl>

namespace chaoslab::orders {

std::string ServiceUrl::address() const
{
    return host + ":" + std::to_string(port);
}

std::string redactedUrl(const std::string& text)
{
    QUrl url(QString::fromStdString(text), QUrl::StrictMode);
    if (!url.isValid() || url.password().isEmpty())
        return text;
    url.setPassword(QStringLiteral("***"));
    return url.toString().toStdString();
}

ServiceUrlParse parseServiceUrl(
    const std::string& text, const std::string& scheme, std::uint16_t defaultPort)
{
    const auto fail = [&](const std::string& problem) {
        return ServiceUrlParse { std::nullopt,
            "invalid " + scheme + " URL '" + redactedUrl(text) + "': " + problem + "; expected "
                + scheme + "://user:password@host:port/path" };
    };
    const QUrl url(QString::fromStdString(text), QUrl::StrictMode);
    if (!url.isValid())
        return fail(url.errorString().toStdString());
    if (url.scheme().toStdString() != scheme)
        return fail("the scheme is '" + url.scheme().toStdString() + "'");
    if (url.host().isEmpty())
        return fail("the host is missing");
    if (url.hasQuery() || url.hasFragment())
        return fail("query and fragment parts are not supported");

    ServiceUrl value;
    value.scheme = scheme;
    value.user = url.userName(QUrl::FullyDecoded).toStdString();
    value.password = url.password(QUrl::FullyDecoded).toStdString();
    value.host = url.host().toStdString();
    const int port = url.port(defaultPort);
    if (port <= 0)
        return fail("the port must be from 1 to 65535");
    value.port = static_cast<std::uint16_t>(port);
    auto path = url.path(QUrl::FullyDecoded).toStdString();
    if (!path.empty() && path.front() == '/')
        path.erase(0, 1);
    value.path = path;
    return { value, {} };
}

} // namespace chaoslab::orders
