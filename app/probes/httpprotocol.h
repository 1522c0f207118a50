// The http and https probe: sends one request and reads the whole response. The attempt is
// Ok when the status is spec.expectedStatus, or any 2xx or 3xx status when that is 0.
//
// With spec.keepAlive the request requests a persistent connection, and the connection
// carries the next attempt when the response allows it: HTTP/1.1 without
// "Connection: close", or HTTP/1.0 with "Connection: keep-alive", and a body with a known
// length. Without it the request carries "Connection: close".
#pragma once

#include "httpresponseparser.h"
#include "probeprotocol.h"

#include <optional>

namespace chaoslab::probes {

class HttpProtocol : public ProbeProtocol
{
public:
    explicit HttpProtocol(const ProbeSpec& spec);

    QByteArray start() override;
    ProtocolStep receive(QByteArray& buffer) override;
    ProtocolStep receiveClose(const QByteArray& buffer) override;
    bool reusable() const override;

    // The request bytes, as start() sends them.
    const QByteArray& request() const { return m_request; }

private:
    ProtocolStep finishResponse();

    QByteArray m_request;
    int m_expectedStatus;
    bool m_keepAlive;
    bool m_headRequest;
    std::optional<HttpResponseParser> m_parser;
    bool m_reusable = false;
};

// The request an HTTP probe sends: spec.method and spec.path with Host, User-Agent,
// Accept, spec.headers, Basic authentication when spec.user is set, and spec.body with its
// Content-Length.
QByteArray httpRequest(const ProbeSpec& spec);

} // namespace chaoslab::probes
