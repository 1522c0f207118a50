#include "orderstestsupport.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTimer>

#include <QElapsedTimer>

namespace orderstest {

std::optional<ServiceEnvironment> loadServices(const QStringList& required, QString* error)
{
    const QString path = qEnvironmentVariable("CHAOSLAB_SERVICES_ENV");
    auto environment = servicestest::readServicesFile(path);
    if (!environment) {
        *error = QStringLiteral("no services file at '%1'; run the `services_start` test or "
                                "tests/services/services.sh start mariadb rabbitmq --dir D and "
                                "set CHAOSLAB_SERVICES_ENV=D/services.env")
                     .arg(path);
        return std::nullopt;
    }
    const QStringList missing = servicestest::missingServices(*environment, required);
    if (!missing.isEmpty()) {
        *error = QStringLiteral("%1 not running, probably not installed; run "
                                "tests/services/services.sh install")
                     .arg(missing.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    return environment;
}

QByteArray HttpResult::describe() const
{
    const QByteArray head = "status " + QByteArray::number(status) + " after "
        + QByteArray::number(qint64(elapsed.count())) + " ms: ";
    return head + (status == 0 ? error.toUtf8() : body);
}

quint16 unusedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

HttpResult httpCall(quint16 port, const QByteArray& method, const QString& path,
    const QByteArray& body, std::chrono::milliseconds timeout)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(static_cast<int>(timeout.count()));
    QElapsedTimer timer;
    timer.start();
    QNetworkReply* reply = manager.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();

    HttpResult result;
    result.elapsed = std::chrono::milliseconds(timer.elapsed());
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    if (result.status == 0)
        result.error = reply->errorString();
    reply->deleteLater();
    return result;
}

quint16 createProxy(chaoslab::engine::Engine& engine, const std::string& name, quint16 upstreamPort)
{
    const quint16 port = unusedPort();
    const auto created = engine.createProxy({ name, "127.0.0.1:" + std::to_string(port),
        "127.0.0.1:" + std::to_string(upstreamPort), true });
    return created.ok() ? port : 0;
}

std::string addToxic(chaoslab::engine::Engine& engine, const std::string& proxy,
    const std::string& type, const std::string& attribute, std::int64_t value)
{
    auto toxic = chaoslab::engine::defaultToxic(*chaoslab::engine::findToxicType(type));
    toxic.name = proxy + "_" + type;
    toxic.setAttribute(attribute, value);
    const auto added = engine.addToxic(proxy, toxic, { attribute });
    return added.ok() ? std::string() : added.error().message;
}

} // namespace orderstest
