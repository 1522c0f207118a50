// chaoslab-notifier: the notifier of the academy's order system (see notifierservice.h).
#include "notifierservice.h"
#include "servicemain.h"

#include <mongoc/mongoc.h>

using namespace Qt::Literals::StringLiterals;
using namespace chaoslab::orders;

namespace {

std::vector<OptionSpec> options()
{
    std::vector<OptionSpec> specs;
    specs.push_back({ u"amqp"_s, u"url"_s,
        u"RabbitMQ to consume order.created events from (topic exchange \"orders\")."_s,
        u"amqp://chaoslab:chaoslab@127.0.0.1:6062/"_s, u"CHAOSLAB_AMQP_URL"_s });
    specs.push_back({ u"queue"_s, u"name"_s,
        u"Durable queue bound to the exchange with key order.created; declared when missing."_s,
        QString::fromLatin1(DefaultNotifierQueue), u"CHAOSLAB_QUEUE"_s });
    specs.push_back({ u"mongodb"_s, u"url"_s,
        u"MongoDB to store notifications in; the path names the database, the collection is "
        "\"notifications\"."_s,
        u"mongodb://127.0.0.1:6063/notifier"_s, u"CHAOSLAB_MONGODB_URL"_s });
    return specs;
}

} // namespace

int main(int argc, char** argv)
{
    ServiceMain serviceMain(argc, argv, u"chaoslab-notifier"_s,
        u"Notifier of the Chaos Lab demo order system: consumes order.created events from "
        "RabbitMQ and stores each in MongoDB, acknowledging it only once stored; GET /health "
        "reports both."_s,
        u"127.0.0.1:8082"_s, options());
    if (const auto exitCode = serviceMain.parse())
        return *exitCode;
    const ServiceCommandLine& commandLine = serviceMain.commandLine();
    const auto amqp = parseServiceUrl(commandLine.value(u"amqp"_s).toStdString(), "amqp", 5672);
    if (!amqp.value)
        return commandLine.usageError(amqp.error);
    const auto mongoUrl = commandLine.value(u"mongodb"_s).toStdString();
    const auto mongo = parseServiceUrl(mongoUrl, "mongodb", 27017);
    if (!mongo.value)
        return commandLine.usageError(mongo.error);
    if (auto error = MongoStore::validateUrl(mongoUrl))
        return commandLine.usageError(
            "invalid --mongodb URL '" + redactedUrl(mongoUrl) + "': " + *error);
    const auto queue = commandLine.value(u"queue"_s).toStdString();
    if (queue.empty() || queue.size() > 255)
        return commandLine.usageError("invalid --queue name: expected 1 to 255 bytes");

    const int result = serviceMain.serve<NotifierService>(
        NotifierSettings { *amqp.value, queue, mongoUrl, *mongo.value, serviceMain.connection() });
    mongoc_cleanup();
    return result;
}
