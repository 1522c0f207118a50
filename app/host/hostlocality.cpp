#include "hostlocality.h"

#include <QHostAddress>

namespace chaoslab::host {

namespace {

bool isLocalhostName(const QString& host)
{
    return host.compare(u"localhost", Qt::CaseInsensitive) == 0
        || host.compare(u"localhost.", Qt::CaseInsensitive) == 0;
}

} // namespace

bool isLoopbackHost(const QString& host)
{
    if (isLocalhostName(host))
        return true;
    auto text = host;
    if (text.startsWith(u'[') && text.endsWith(u']'))
        text = text.mid(1, text.size() - 2);
    QHostAddress address;
    if (!address.setAddress(text))
        return false;
    return address.isLoopback();
}

bool canHostBuiltIn(const QUrl& url)
{
    return url.isValid() && url.scheme() == u"http" && isLoopbackHost(url.host());
}

QString bindAddressFor(const QString& host)
{
    return isLocalhostName(host) ? QStringLiteral("127.0.0.1") : host;
}

} // namespace chaoslab::host
