// Configuration loading and `${name}` substitution as chaostoolkit-lib does it.
#include "chaostoolkit/configuration.h"

#include "jsoncompare.h"

#include <QTest>

#include <cstdlib>

using namespace chaoslab::chaostoolkit;

namespace {

Configuration load(const Json& configuration, const std::map<std::string, Json>& vars = {},
    const Json& secrets = Json::object())
{
    Experiment experiment;
    experiment.configuration = configuration;
    experiment.secrets = secrets;
    Configuration loaded;
    const auto error = Configuration::load(experiment, vars, loaded);
    if (error)
        qWarning("%s", error->c_str());
    return loaded;
}

} // namespace

class TestConfiguration : public QObject
{
    Q_OBJECT

private slots:
    void substitutesBracedAndBareNames()
    {
        const auto configuration = load({ { "host", "toxiproxy" }, { "port", 8474 } });
        QCOMPARE(configuration.substituteString("http://${host}:$port/x"),
            std::string("http://toxiproxy:8474/x"));
    }

    void keepsUnknownNamesAndEscapedDollars()
    {
        const auto configuration = load({ { "a", "1" } });
        QCOMPARE(
            configuration.substituteString("${missing} $$a ${a"), std::string("${missing} $a ${a"));
    }

    void wholeReferenceKeepsItsType()
    {
        const auto configuration = load({ { "port", 6060 } });
        COMPARE_JSON(configuration.substitute(Json("${port}")), Json(6060));
        COMPARE_JSON(configuration.substitute(Json("p${port}")), Json("p6060"));
    }

    void substitutesNestedArguments()
    {
        const auto configuration = load({ { "name", "api" } });
        const Json arguments = { { "proxy_name", "${name}_proxy" }, { "list", { "${name}" } } };
        const Json expected = { { "proxy_name", "api_proxy" }, { "list", { "api" } } };
        COMPARE_JSON(configuration.substitute(arguments), expected);
    }

    void varsOverrideTheFile()
    {
        std::map<std::string, Json> vars;
        QVERIFY(!Configuration::parseVar("toxiproxy_port=18474", vars));
        QVERIFY(!Configuration::parseVar("retries:int=3", vars));
        const auto configuration = load({ { "toxiproxy_port", 8474 } }, vars);
        COMPARE_JSON(configuration.value("toxiproxy_port"), Json("18474"));
        COMPARE_JSON(configuration.value("retries"), Json(3));
    }

    void invalidVarsAreRejected()
    {
        std::map<std::string, Json> vars;
        QVERIFY(Configuration::parseVar("noequals", vars));
        QVERIFY(Configuration::parseVar("n:int=abc", vars));
        QVERIFY(Configuration::parseVar("n:list=1", vars));
    }

    void readsEnvironmentEntries()
    {
        ::setenv("CHAOSLAB_TEST_HOST", "127.0.0.1", 1);
        const auto configuration
            = load({ { "host", { { "type", "env" }, { "key", "CHAOSLAB_TEST_HOST" } } },
                { "fallback",
                    { { "type", "env" }, { "key", "CHAOSLAB_TEST_UNSET" }, { "default", 5 } } } });
        COMPARE_JSON(configuration.value("host"), Json("127.0.0.1"));
        COMPARE_JSON(configuration.value("fallback"), Json(5));
    }

    void missingEnvironmentEntryIsAnError()
    {
        Experiment experiment;
        experiment.configuration
            = { { "host", { { "type", "env" }, { "key", "CHAOSLAB_TEST_UNSET" } } } };
        Configuration configuration;
        const auto error = Configuration::load(experiment, {}, configuration);
        QVERIFY(error);
        QVERIFY(error->find("CHAOSLAB_TEST_UNSET") != std::string::npos);
    }

    void secretsSubstituteLikeConfiguration()
    {
        ::setenv("CHAOSLAB_TEST_TOKEN", "s3cret", 1);
        const auto configuration = load(Json::object(), {},
            { { "api",
                { { "token", { { "type", "env" }, { "key", "CHAOSLAB_TEST_TOKEN" } } } } } });
        QCOMPARE(configuration.substituteString("Bearer ${token}"), std::string("Bearer s3cret"));
    }
};

QTEST_GUILESS_MAIN(TestConfiguration)
#include "tst_configuration.moc"
