// Rewrites the Docker host names and public URLs of the academy's experiments to local
// addresses, so that they run offline and unchanged. Three forms of `--map FROM=TO`:
//
//   NAME=ADDRESS                       host NAME on any port goes to host ADDRESS, same port
//   NAME:PORT=ADDRESS:PORT             that host and port goes to that address and port
//   https://NAME=http://ADDRESS:PORT   URLs starting with the prefix get the other prefix
//
// URLs try the prefixes first, then host and port, then host. Names compare without regard
// to case. The maps apply to HTTP provider URLs, to the Toxiproxy API address, and to the
// listen and upstream addresses that chaostoxi functions send to Toxiproxy.
#pragma once

#include <QString>
#include <QUrl>

#include <optional>
#include <string>
#include <vector>

namespace chaoslab::chaostoolkit {

struct HostPort
{
    QString host;
    int port = 0;
};

class AddressMap
{
public:
    // Adds one FROM=TO entry. Returns the error message when it has none of the three forms.
    std::optional<std::string> add(const QString& text);
    bool isEmpty() const { return m_prefixes.empty() && m_hostPorts.empty() && m_hosts.empty(); }

    QUrl mapUrl(const QUrl& url) const;
    HostPort mapHostPort(const HostPort& address) const;
    // True when a host:port or host entry matches.
    bool hasEntryFor(const HostPort& address) const;

    // Splits "host:port" or "[v6]:port". Returns nothing without a valid port.
    static std::optional<HostPort> splitHostPort(const QString& text);
    static QString joinHostPort(const HostPort& address);

private:
    struct Prefix
    {
        QString from;
        QString to;
    };
    struct HostPortEntry
    {
        HostPort from;
        HostPort to;
    };
    struct HostEntry
    {
        QString from;
        QString to;
    };

    std::vector<Prefix> m_prefixes;
    std::vector<HostPortEntry> m_hostPorts;
    std::vector<HostEntry> m_hosts;
};

} // namespace chaoslab::chaostoolkit
