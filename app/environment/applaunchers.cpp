// The lab's own programs: the demo HTTP service (`chaoslab demo-http`), the order API and
// the notifier, each connecting to its dependencies through the engine's proxies.
#include "launcher.h"

#include "blockinghttp.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace chaoslab::environment {

namespace {

// A program from the folder of the running chaoslab that serves GET /health over HTTP.
class HttpAppLauncher : public ServiceLauncher
{
public:
    using Arguments = std::function<QStringList(const EnvLayout&)>;

    HttpAppLauncher(QString name, const char* portName, QString program, Arguments arguments)
        : m_name(std::move(name))
        , m_portName(portName)
        , m_program(std::move(program))
        , m_arguments(std::move(arguments))
    { }

    QString name() const override { return m_name; }
    const char* portName() const override { return m_portName; }

    QString installFix(const EnvLayout&) const override
    {
        return u"build the %1 target (ninja %1) so that it sits next to chaoslab"_s.arg(m_program);
    }

    QString installCommand(const EnvLayout&) const override { return u"ninja "_s + m_program; }

    QString missingReason(const EnvLayout& layout) const override
    {
        if (!QFileInfo(programPath(layout)).isExecutable())
            return u"%1 not found"_s.arg(programPath(layout));
        return QString();
    }

    std::optional<QString> start(LaunchContext& context) override
    {
        return context.startRecorded(name(),
            Command { programPath(context.layout), m_arguments(context.layout) },
            serviceLog(context.layout, name()));
    }

    std::optional<QString> awaitReady(LaunchContext& context) override
    {
        return waitUntilReady(context, name(), 20s, [&] { return answers(context.layout); });
    }

    bool answers(const EnvLayout& layout) const override
    {
        return httpRequest(layout.host, layout.port(m_portName), "GET", "/health", {}, 1s).status
            == 200;
    }

private:
    QString programPath(const EnvLayout& layout) const { return layout.binDir + u'/' + m_program; }

    QString m_name;
    const char* m_portName;
    QString m_program;
    Arguments m_arguments;
};

QString proxyUrl(const QString& scheme, const EnvLayout& layout, const char* proxy,
    const QString& credentials, const QString& path)
{
    return scheme + u"://"_s + credentials + layout.address(proxy) + path;
}

} // namespace

LauncherList applicationLaunchers()
{
    LauncherList launchers;
    launchers.push_back(std::make_unique<HttpAppLauncher>(
        u"demo-http"_s, port::demoHttp, u"chaoslab"_s, [](const EnvLayout& layout) {
            return QStringList { u"demo-http"_s, u"--host"_s, layout.host, u"--port"_s,
                QString::number(layout.port(port::demoHttp)) };
        }));
    launchers.push_back(std::make_unique<HttpAppLauncher>(
        u"order-api"_s, port::orderApi, u"chaoslab-order-api"_s, [](const EnvLayout& layout) {
            return QStringList { u"--listen"_s, layout.address(port::orderApi), u"--mysql"_s,
                proxyUrl(
                    u"mysql"_s, layout, port::mysqlProxy, u"chaoslab:chaoslab@"_s, u"/orders"_s),
                u"--amqp"_s,
                proxyUrl(u"amqp"_s, layout, port::rabbitmqProxy, u"chaoslab:chaoslab@"_s, u"/"_s) };
        }));
    launchers.push_back(std::make_unique<HttpAppLauncher>(
        u"notifier"_s, port::notifier, u"chaoslab-notifier"_s, [](const EnvLayout& layout) {
            return QStringList { u"--listen"_s, layout.address(port::notifier), u"--amqp"_s,
                proxyUrl(u"amqp"_s, layout, port::rabbitmqProxy, u"chaoslab:chaoslab@"_s, u"/"_s),
                u"--mongodb"_s,
                proxyUrl(u"mongodb"_s, layout, port::mongoProxy, QString(), u"/notifier"_s) };
        }));
    return launchers;
}

} // namespace chaoslab::environment
