// A ports file for `chaoslab env` that puts every port of the lab stack on a free loopback
// port, so that a test never meets a stack or a server on the default ports.
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QTcpServer>

#include <memory>

inline QByteArray freeEnvPortsJson()
{
    const QStringList names { QStringLiteral("api"), QStringLiteral("mariadb"),
        QStringLiteral("rabbitmq"), QStringLiteral("rabbitmq_dist"), QStringLiteral("epmd"),
        QStringLiteral("redis"), QStringLiteral("postgres"), QStringLiteral("mongodb"),
        QStringLiteral("demo_http"), QStringLiteral("order_api"), QStringLiteral("notifier"),
        QStringLiteral("mysql_proxy"), QStringLiteral("rabbitmq_proxy"),
        QStringLiteral("mongo_proxy"), QStringLiteral("redis_proxy"),
        QStringLiteral("postgres_proxy"), QStringLiteral("demo_api") };
    // All servers stay open until every port is known, so no port is handed out twice.
    QList<std::shared_ptr<QTcpServer>> servers;
    QJsonObject ports;
    for (const auto& name : names) {
        auto server = std::make_shared<QTcpServer>();
        server->listen(QHostAddress::LocalHost);
        ports[name] = server->serverPort();
        servers.append(server);
    }
    return QJsonDocument(ports).toJson();
}
