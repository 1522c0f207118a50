// chaoslab-order-api: the order API of the academy's order system (see orderapiservice.h).
#include "orderapiservice.h"
#include "servicemain.h"

#include <mysql.h>

using namespace Qt::Literals::StringLiterals;
using namespace chaoslab::orders;

namespace {

std::vector<OptionSpec> options()
{
    std::vector<OptionSpec> specs;
    specs.push_back({ u"mysql"_s, u"url"_s,
        u"MySQL or MariaDB to store orders in; the database and the orders table are created "
        "when missing."_s,
        u"mysql://chaoslab:chaoslab@127.0.0.1:6061/orders"_s, u"CHAOSLAB_MYSQL_URL"_s });
    specs.push_back({ u"amqp"_s, u"url"_s,
        u"RabbitMQ to publish order.created events to, on the topic exchange \"orders\"."_s,
        u"amqp://chaoslab:chaoslab@127.0.0.1:6062/"_s, u"CHAOSLAB_AMQP_URL"_s });
    return specs;
}

} // namespace

int main(int argc, char** argv)
{
    ServiceMain serviceMain(argc, argv, u"chaoslab-order-api"_s,
        u"Order API of the Chaos Lab demo order system: POST /orders stores an order in MySQL "
        "and publishes an order.created event to RabbitMQ; GET /health reports both."_s,
        u"127.0.0.1:8081"_s, options());
    if (const auto exitCode = serviceMain.parse())
        return *exitCode;
    const ServiceCommandLine& commandLine = serviceMain.commandLine();
    const auto mysql = parseServiceUrl(commandLine.value(u"mysql"_s).toStdString(), "mysql", 3306);
    if (!mysql.value)
        return commandLine.usageError(mysql.error);
    if (mysql.value->path.empty() || mysql.value->path.find('`') != std::string::npos)
        return commandLine.usageError("invalid --mysql URL: the database name after the last "
                                      "\"/\" is missing or contains a backtick");
    const auto amqp = parseServiceUrl(commandLine.value(u"amqp"_s).toStdString(), "amqp", 5672);
    if (!amqp.value)
        return commandLine.usageError(amqp.error);

    // Must run before any thread uses the client library.
    mysql_library_init(0, nullptr, nullptr);
    const int result = serviceMain.serve<OrderApiService>(
        OrderApiSettings { *mysql.value, *amqp.value, serviceMain.connection() });
    mysql_library_end();
    return result;
}
