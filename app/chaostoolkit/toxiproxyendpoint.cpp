#include "toxiproxyendpoint.h"

#include "chaostoxisignatures.h"

#include "builtinengine.h"
#include "hostlocality.h"
#include "startdecision.h"
#include "toxiproxy/toxiproxyclient.h"

using namespace Qt::Literals::StringLiterals;

namespace chaoslab::chaostoolkit {

namespace {

bool callsChaostoxi(const std::vector<Activity>& activities)
{
    for (const auto& activity : activities) {
        if (activity.providerType() == "python"
            && isChaostoxiModule(activity.provider.value("module", std::string())))
            return true;
    }
    return false;
}

} // namespace

std::optional<QUrl> toxiproxyApiUrl(const RunContext& context, std::string& error)
{
    const auto& configuration = context.configuration;
    QUrl url;
    const auto configuredUrl = configuration.stringValue("toxiproxy_url");
    if (!configuredUrl.empty()) {
        QString text = QString::fromStdString(configuredUrl);
        while (text.endsWith(u'/'))
            text.chop(1);
        if (text.endsWith(u"/proxies"_s))
            text.chop(8);
        url = QUrl(text, QUrl::StrictMode);
    } else {
        const auto host = configuration.stringValue("toxiproxy_host");
        if (host.empty()) {
            error = "the configuration has neither \"toxiproxy_host\" nor \"toxiproxy_url\"; "
                    "add one, or pass --var toxiproxy_host=127.0.0.1";
            return std::nullopt;
        }
        auto port = configuration.stringValue("toxiproxy_port");
        if (port.empty() || port == "0")
            port = "8474";
        url = QUrl(QString::fromStdString("http://" + host + ":" + port), QUrl::StrictMode);
    }
    if (!url.isValid() || url.host().isEmpty()) {
        error = "the Toxiproxy address " + url.toString().toStdString()
            + " from the configuration is not a valid http URL";
        return std::nullopt;
    }
    return context.addressMap.mapUrl(url);
}

QString configuredToxiproxyHost(const RunContext& context)
{
    const auto configuredUrl = context.configuration.stringValue("toxiproxy_url");
    if (!configuredUrl.empty())
        return QUrl(QString::fromStdString(configuredUrl)).host();
    return QString::fromStdString(context.configuration.stringValue("toxiproxy_host"));
}

bool usesChaostoxi(const Experiment& experiment)
{
    return (experiment.hypothesis && callsChaostoxi(experiment.hypothesis->probes))
        || callsChaostoxi(experiment.method) || callsChaostoxi(experiment.rollbacks);
}

ToxiproxyEndpoint::ToxiproxyEndpoint(QObject* parent)
    : QObject(parent)
    , m_client(new toxiproxy::ToxiproxyClient(this))
{
    m_client->setDefaultTimeout(std::chrono::milliseconds(2000));
}

ToxiproxyEndpoint::~ToxiproxyEndpoint() = default;

void ToxiproxyEndpoint::prepare(
    const QUrl& url, const LogSink& log, std::function<void(std::optional<std::string>)> done)
{
    m_client->setBaseUrl(url);
    m_client->version(
        this, [this, url, log, done](const toxiproxy::ApiResult& result, const QString& version) {
            const auto decision = host::decideStart(result, url);
            const auto address = url.toString().toStdString();
            switch (decision.action) {
            case host::StartAction::UseServer:
                log(LogLevel::Info,
                    "Using the Toxiproxy server at " + address + " (version "
                        + version.toStdString() + ")");
                return done(std::nullopt);
            case host::StartAction::StartBuiltIn: {
                m_engine = std::make_unique<host::BuiltInEngine>();
                const auto bindHost = host::bindAddressFor(url.host()).toStdString();
                if (auto error = m_engine->start(bindHost, std::uint16_t(url.port(8474)))) {
                    m_engine.reset();
                    return done("cannot start the built-in engine at " + address + ": " + *error);
                }
                log(LogLevel::Info,
                    "No Toxiproxy server answered at " + address
                        + "; started Chaos Lab's built-in engine there");
                return done(std::nullopt);
            }
            case host::StartAction::Fail:
                log(LogLevel::Warning, decision.message.toStdString());
                return done(std::nullopt);
            case host::StartAction::Ignore:
                return done(std::nullopt);
            }
        });
}

} // namespace chaoslab::chaostoolkit
