#include "amqpprotocol.h"
#include "httpprotocol.h"
#include "mongodbprotocol.h"
#include "mysqlprotocol.h"
#include "postgresprotocol.h"
#include "probeprotocol.h"
#include "redisprotocol.h"
#include "tcpprotocol.h"

namespace chaoslab::probes {

std::unique_ptr<ProbeProtocol> makeProtocol(const ProbeSpec& spec)
{
    switch (spec.kind) {
    case ProbeKind::Tcp:
        return std::make_unique<TcpProtocol>();
    case ProbeKind::Http:
    case ProbeKind::Https:
        return std::make_unique<HttpProtocol>(spec);
    case ProbeKind::Redis:
        return std::make_unique<RedisProtocol>(spec);
    case ProbeKind::Mysql:
        return std::make_unique<MysqlProtocol>(spec);
    case ProbeKind::Postgres:
        return std::make_unique<PostgresProtocol>(spec);
    case ProbeKind::Amqp:
        return std::make_unique<AmqpProtocol>(spec);
    case ProbeKind::Mongodb:
        return std::make_unique<MongodbProtocol>(spec);
    }
    return std::make_unique<TcpProtocol>();
}

} // namespace chaoslab::probes
