#include "enginehost.h"

#include "hostlocality.h"
#include "hostlog.h"
#include "startdecision.h"

namespace chaoslab::host {

EngineHost::EngineHost(QObject* parent)
    : QObject(parent)
    , m_client(new toxiproxy::ToxiproxyClient(this))
{
    m_client->setDefaultTimeout(VersionTimeout);
}

EngineHost::~EngineHost()
{
    stop();
}

void EngineHost::start(const QUrl& url)
{
    stop();
    m_url = url;
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"http" && url.scheme() != u"https")) {
        failLater(tr("The Toxiproxy address \"%1\" is not valid. Give a URL such as "
                     "http://127.0.0.1:8474.")
                      .arg(url.toString()));
        return;
    }

    m_checking = true;
    const auto check = ++m_check;
    m_client->setBaseUrl(url);
    m_client->version(
        this, [this, check](const toxiproxy::ApiResult& result, const QString& version) {
            if (check == m_check)
                handleVersion(result, version);
        });
}

std::optional<QString> EngineHost::startBuiltIn(const QUrl& url)
{
    stop();
    m_url = url;
    if (!canHostBuiltIn(url)) {
        return tr("The built-in engine cannot serve %1: it serves only http:// addresses on "
                  "this computer (127.0.0.1, ::1 or localhost).")
            .arg(url.toString());
    }
    const auto host = bindAddressFor(url.host()).toStdString();
    // An HTTP client sends a URL without a port to port 80, so the engine must listen there.
    const auto port = static_cast<std::uint16_t>(url.port(80));
    auto builtIn = std::make_unique<BuiltInEngine>();
    if (auto error = builtIn->start(host, port)) {
        const auto nextStep = error->find("in use") != std::string::npos
            ? tr("Stop the program that uses port %1, or choose another address with "
                 "--toxiproxy.")
                  .arg(port)
            : tr("Choose another address with --toxiproxy.");
        return tr("Could not start the built-in engine at %1: %2. %3")
            .arg(url.toString(), QString::fromStdString(*error), nextStep);
    }
    m_builtIn = std::move(builtIn);
    return std::nullopt;
}

void EngineHost::stop()
{
    ++m_check;
    m_checking = false;
    m_client->cancelAll();
    if (m_builtIn) {
        m_builtIn.reset();
        qCInfo(lcHost, "built-in engine stopped url=%s", qPrintable(m_url.toString()));
    }
}

void EngineHost::handleVersion(const toxiproxy::ApiResult& result, const QString& version)
{
    m_checking = false;
    const auto decision = decideStart(result, m_url);
    switch (decision.action) {
    case StartAction::UseServer:
        qCInfo(lcHost, "using server url=%s version=%s", qPrintable(m_url.toString()),
            qPrintable(version));
        emit ready(Kind::Toxiproxy, tr("Toxiproxy %1 at %2").arg(version, m_url.toString()));
        return;
    case StartAction::StartBuiltIn:
        qCInfo(lcHost, "no server responded url=%s error=%s, starting the built-in engine",
            qPrintable(m_url.toString()), qPrintable(toxiproxy::errorKindName(result.error)));
        if (auto error = startBuiltIn(m_url)) {
            emit failed(*error);
            return;
        }
        emit ready(Kind::BuiltIn, tr("built-in engine at %1").arg(m_url.toString()));
        return;
    case StartAction::Fail:
        qCWarning(lcHost, "no usable server url=%s error=%s", qPrintable(m_url.toString()),
            qPrintable(decision.message));
        emit failed(decision.message);
        return;
    case StartAction::Ignore:
        return;
    }
}

void EngineHost::failLater(const QString& message)
{
    const auto check = m_check;
    QMetaObject::invokeMethod(
        this,
        [this, check, message] {
            if (check == m_check)
                emit failed(message);
        },
        Qt::QueuedConnection);
}

} // namespace chaoslab::host
