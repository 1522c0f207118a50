// The "http" provider: one request through QNetworkAccessManager, with chaostoolkit's output
// {"status", "headers", "body"}. A GET sends the arguments as query parameters. Other methods
// send them as a JSON body when the Content-Type header is application/json, and as a form
// otherwise. 4xx and 5xx responses are outputs, not failures, unless "expected_status" requires
// otherwise. The body is parsed as JSON only for Content-Type exactly "application/json".
#pragma once

#include "activityprovider.h"

#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace chaoslab::chaostoolkit {

class HttpProvider : public ActivityProvider
{
public:
    explicit HttpProvider(QObject* parent = nullptr);

    void start(const Json& provider, RunContext& context, ProviderDone done) override;
    void abort() override;

private:
    void handleFinished(QNetworkReply* reply, const Json& provider, const QUrl& url);

    QNetworkAccessManager* m_network;
    QPointer<QNetworkReply> m_reply;
    ProviderDone m_done;
};

} // namespace chaoslab::chaostoolkit
