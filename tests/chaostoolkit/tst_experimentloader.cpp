// Experiment validation: each error names the activity and the key at fault.
#include "chaostoolkit/experimentloader.h"

#include <QTest>

using namespace chaoslab::chaostoolkit;

namespace {

std::string withMethod(const std::string& method, const std::string& extra = {})
{
    return "{\"title\": \"t\", " + extra + "\"method\": [" + method + "]}";
}

std::string latencyAction(const std::string& arguments)
{
    return "{\"type\": \"action\", \"name\": \"add-latency\", \"provider\": {\"type\": \"python\", "
           "\"module\": \"chaostoxi.toxic.actions\", \"func\": \"create_latency_toxic\", "
           "\"arguments\": "
        + arguments + "}}";
}

} // namespace

class TestExperimentLoader : public QObject
{
    Q_OBJECT

private slots:
    void errors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("invalid JSON names line and column") << QByteArray(
            "{\n  \"title\": \"t\",\n  oops\n}") << QByteArray("exp.json:3:3: invalid JSON");
        QTest::newRow("missing title") << QByteArray("{\"method\": []}") << QByteArray("\"title\"");
        QTest::newRow("missing method")
            << QByteArray("{\"title\": \"t\"}") << QByteArray("\"method\"");
        QTest::newRow("activity type") << QByteArray::fromStdString(withMethod(
            "{\"type\": \"step\", \"name\": \"a\", \"provider\": {\"type\": \"http\", \"url\": "
            "\"http://x\"}}")) << QByteArray("method[0] \"a\": type \"step\"");
        QTest::newRow("provider type")
            << QByteArray::fromStdString(withMethod(
                   "{\"type\": \"action\", \"name\": \"a\", \"provider\": {\"type\": \"go\"}}"))
            << QByteArray("method[0] \"a\": provider.type \"go\" is unknown");
        QTest::newRow("http without url")
            << QByteArray::fromStdString(withMethod(
                   "{\"type\": \"probe\", \"name\": \"p\", \"provider\": {\"type\": \"http\"}}"))
            << QByteArray("method[0] \"p\": an http provider needs a \"url\"");
        QTest::newRow("chaostoxi unknown function")
            << QByteArray::fromStdString(withMethod(
                   "{\"type\": \"action\", \"name\": \"a\", \"provider\": {\"type\": \"python\", "
                   "\"module\": \"chaostoxi.toxic.actions\", \"func\": \"create_latncy_toxic\"}}"))
            << QByteArray("no function \"create_latncy_toxic\"");
        QTest::newRow("chaostoxi missing argument")
            << QByteArray::fromStdString(
                   withMethod(latencyAction("{\"for_proxy\": \"p\", \"toxic_name\": \"t\"}")))
            << QByteArray("method[0] \"add-latency\": required argument \"latency\"");
        QTest::newRow("chaostoxi unexpected argument")
            << QByteArray::fromStdString(withMethod(latencyAction(
                   "{\"for_proxy\": \"p\", \"toxic_name\": \"t\", \"latency\": 1, \"jiter\": 2}")))
            << QByteArray("argument \"jiter\" is not part of the signature");
        QTest::newRow("pause not a number")
            << QByteArray::fromStdString(withMethod(
                   "{\"type\": \"probe\", \"name\": \"p\", \"pauses\": {\"after\": \"1s\"}, "
                   "\"provider\": {\"type\": \"http\", \"url\": \"http://x\"}}"))
            << QByteArray("method[0] \"p\": pauses.after must be a number");
        QTest::newRow("background rejected")
            << QByteArray::fromStdString(
                   withMethod("{\"type\": \"probe\", \"name\": \"p\", \"background\": true, "
                              "\"provider\": {\"type\": \"http\", \"url\": \"http://x\"}}"))
            << QByteArray("background activities are not supported");
        QTest::newRow("process needs permission") << QByteArray::fromStdString(withMethod(
            "{\"type\": \"action\", \"name\": \"ls\", \"provider\": {\"type\": \"process\", "
            "\"path\": \"ls\"}}")) << QByteArray("--allow-process");
        QTest::newRow("hypothesis probe without tolerance")
            << QByteArray::fromStdString(withMethod("",
                   "\"steady-state-hypothesis\": {\"title\": \"h\", \"probes\": [{\"type\": "
                   "\"probe\", \"name\": \"p\", \"provider\": {\"type\": \"http\", \"url\": "
                   "\"http://x\"}}]}, "))
            << QByteArray("steady-state-hypothesis.probes[0] \"p\": a steady-state probe needs a "
                          "\"tolerance\"");
        QTest::newRow("hypothesis float tolerance") << QByteArray::fromStdString(withMethod("",
            "\"steady-state-hypothesis\": {\"title\": \"h\", \"probes\": [{\"type\": \"probe\", "
            "\"name\": \"p\", \"tolerance\": 0.5, \"provider\": {\"type\": \"http\", \"url\": "
            "\"http://x\"}}]}, ")) << QByteArray("tolerance 0.5 is invalid");
        QTest::newRow("unknown ref")
            << QByteArray::fromStdString(withMethod("{\"ref\": \"nothing\"}"))
            << QByteArray("method[0]: no activity is named \"nothing\"");
    }

    void errors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, message);
        const auto result = ExperimentLoader::parse(text.toStdString(), "exp.json");
        QVERIFY(!result.experiment);
        QVERIFY2(result.error.starts_with("exp.json"), result.error.c_str());
        QVERIFY2(
            result.error.find(message.toStdString()) != std::string::npos, result.error.c_str());
    }

    void processAllowedWhenAsked()
    {
        const auto text = withMethod("{\"type\": \"action\", \"name\": \"ls\", \"provider\": "
                                     "{\"type\": \"process\", \"path\": \"ls\"}}");
        const auto result = ExperimentLoader::parse(text, "exp.json", { true });
        QVERIFY2(result.experiment, result.error.c_str());
    }

    void refIsReplacedByTheNamedActivity()
    {
        const auto text
            = withMethod("{\"type\": \"probe\", \"name\": \"p\", \"provider\": {\"type\": "
                         "\"http\", \"url\": \"http://x\"}}, {\"ref\": \"p\"}");
        const auto result = ExperimentLoader::parse(text, "exp.json");
        QVERIFY2(result.experiment, result.error.c_str());
        QCOMPARE(result.experiment->method.size(), std::size_t(2));
        QCOMPARE(result.experiment->method[1].name, std::string("p"));
        QCOMPARE(result.experiment->method[1].providerType(), std::string("http"));
    }

    void otherPythonModulesLoad()
    {
        const auto text = withMethod(
            "{\"type\": \"action\", \"name\": \"k\", \"provider\": {\"type\": \"python\", "
            "\"module\": \"chaosk8s.pod.actions\", \"func\": \"terminate_pods\"}}");
        QVERIFY(ExperimentLoader::parse(text, "exp.json").experiment);
    }

    void runtimeStrategyIsRead()
    {
        const auto text
            = withMethod("", "\"runtime\": {\"rollbacks\": {\"strategy\": \"always\"}}, ");
        const auto result = ExperimentLoader::parse(text, "exp.json");
        QVERIFY(result.experiment);
        QCOMPARE(result.experiment->rollbackStrategy.value_or(""), std::string("always"));
    }
};

QTEST_GUILESS_MAIN(TestExperimentLoader)
#include "tst_experimentloader.moc"
