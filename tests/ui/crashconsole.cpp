#include "crashconsole.h"

#include "eventlogmodel.h"

#include <QFile>
#include <QTimer>

using namespace chaoslab::toxiproxy;
using chaoslab::ui::ConsoleServer;
using chaoslab::ui::ServerKind;

namespace crashtest {

Console::Console(const QUrl& url)
    : m_settings(m_settingsDir.filePath(QStringLiteral("console.ini")))
    , m_client(url)
    , m_monitor(&m_client)
    , m_window(ConsoleServer { &m_client, &m_monitor, ServerKind::BuiltInEngine }, &m_settings)
{
    m_window.show();
    m_monitor.start();
}

bool Console::connected() const
{
    return m_monitor.connectionState() == ServerMonitor::ConnectionState::Connected;
}

bool Console::logContains(const QString& text) const
{
    const chaoslab::ui::EventLogModel* log = m_window.eventLog();
    for (int row = 0; row < log->rowCount(); ++row) {
        if (log->entry(row).message.contains(text))
            return true;
    }
    return false;
}

std::optional<QString> CrashSetup::start()
{
    if (!home.isValid())
        return QStringLiteral("cannot create a temporary folder");
    // The journals go to $XDG_DATA_HOME/Chaos Lab/chaoslab/rollback in both processes.
    qputenv("XDG_DATA_HOME", QFile::encodeName(home.filePath(QStringLiteral("data"))));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(QStringLiteral("config"))));
    journals = QDir(home.filePath(QStringLiteral("data/Chaos Lab/chaoslab/rollback")));
    if (!engine.start())
        return engine.error();
    api = std::make_unique<ToxiproxyClient>(engine.url());
    return std::nullopt;
}

bool CrashSetup::createUserProxy()
{
    bool created = false;
    bool done = false;
    const Proxy userProxy { QStringLiteral("user_db"), QStringLiteral("127.0.0.1:0"),
        QStringLiteral("127.0.0.1:9"), true, {} };
    QObject context;
    api->createProxy(userProxy, &context, [&](const ApiResult& result, const Proxy&) {
        created = result.ok();
        done = true;
    });
    return QTest::qWaitFor([&done] { return done; }, 5000) && created;
}

bool startCrashChild(QProcess& child, const QUrl& url, const QString& file)
{
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
        { QString::fromLatin1(childOption), url.toString(), file });
    return child.waitForStarted();
}

int runCrashChild(const QUrl& url, const std::function<void(Console&)>& step)
{
    Console console(url);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] { step(console); });
    poll.start(50);
    QTimer::singleShot(60000, qApp, &QCoreApplication::quit);
    return QApplication::exec();
}

void nameApplication()
{
    QApplication::setOrganizationName(QStringLiteral("Chaos Lab"));
    QApplication::setApplicationName(QStringLiteral("chaoslab"));
}

} // namespace crashtest
