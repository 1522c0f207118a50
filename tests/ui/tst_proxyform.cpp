// Checks of the proxy form: every invalid name, listen address or upstream is rejected
// with a message naming the field, in the validator and in the dialog.
#include "proxydialog.h"
#include "proxyformvalidator.h"

#include <QApplication>
#include <QLineEdit>
#include <QTest>

using namespace chaoslab::ui;

Q_DECLARE_METATYPE(ProxyFormValues)

class TestProxyForm : public QObject
{
    Q_OBJECT

private slots:
    void rejectsInvalidInput_data();
    void rejectsInvalidInput();
    void acceptsValidInput_data();
    void acceptsValidInput();
    void dialogShowsErrorAndStaysOpen();
    void dialogAcceptsValidForm();
    void editKeepsNameFixed();
};

namespace {

const QStringList takenNames { QStringLiteral("mysql"), QStringLiteral("redis") };

ProxyFormValues form(const char* name, const char* listen, const char* upstream)
{
    return { QString::fromUtf8(name), QString::fromUtf8(listen), QString::fromUtf8(upstream),
        true };
}

} // namespace

void TestProxyForm::rejectsInvalidInput_data()
{
    QTest::addColumn<ProxyFormValues>("values");
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("mentions");

    const int name = int(ProxyFormError::Field::Name);
    const int listen = int(ProxyFormError::Field::Listen);
    const int upstream = int(ProxyFormError::Field::Upstream);

    QTest::newRow("empty name") << form("", "127.0.0.1:0", "127.0.0.1:80") << name << "Name";
    QTest::newRow("blank name") << form("   ", "127.0.0.1:0", "127.0.0.1:80") << name << "Name";
    QTest::newRow("name taken by another proxy")
        << form("mysql", "127.0.0.1:0", "127.0.0.1:80") << name << "already used";
    QTest::newRow("name with a slash")
        << form("a/b", "127.0.0.1:0", "127.0.0.1:80") << name << "a/b";
    QTest::newRow("name with a space")
        << form("my db", "127.0.0.1:0", "127.0.0.1:80") << name << "my db";
    QTest::newRow("empty listen") << form("db", "", "127.0.0.1:80") << listen << "Listen";
    QTest::newRow("listen with a scheme")
        << form("db", "tcp://127.0.0.1:1", "127.0.0.1:80") << listen << "scheme";
    QTest::newRow("listen without a port")
        << form("db", "127.0.0.1", "127.0.0.1:80") << listen << "no port";
    QTest::newRow("listen port above 65535")
        << form("db", "127.0.0.1:70000", "127.0.0.1:80") << listen << "70000";
    QTest::newRow("listen without a host")
        << form("db", ":8080", "127.0.0.1:80") << listen << "host";
    QTest::newRow("upstream with http scheme")
        << form("db", "127.0.0.1:0", "http://example.com:80") << upstream << "scheme";
    QTest::newRow("upstream port 0")
        << form("db", "127.0.0.1:0", "127.0.0.1:0") << upstream << "from 1 to 65535";
    QTest::newRow("upstream port not a number")
        << form("db", "127.0.0.1:0", "127.0.0.1:http") << upstream << "http";
    QTest::newRow("upstream negative port")
        << form("db", "127.0.0.1:0", "127.0.0.1:-1") << upstream << "-1";
    QTest::newRow("upstream with a space in the host")
        << form("db", "127.0.0.1:0", "my host:80") << upstream << "host";
    QTest::newRow("upstream IPv6 without brackets")
        << form("db", "127.0.0.1:0", "::1:80") << upstream << "host";
    QTest::newRow("empty upstream") << form("db", "127.0.0.1:0", "") << upstream << "Upstream";
}

void TestProxyForm::rejectsInvalidInput()
{
    QFETCH(ProxyFormValues, values);
    QFETCH(int, field);
    QFETCH(QString, mentions);

    const auto error = ProxyFormValidator(takenNames).validate(values);
    QVERIFY(error.has_value());
    QCOMPARE(int(error->field), field);
    QVERIFY2(error->message.contains(mentions), qPrintable(error->message));
}

void TestProxyForm::acceptsValidInput_data()
{
    QTest::addColumn<ProxyFormValues>("values");
    QTest::newRow("loopback with port 0") << form("db", "127.0.0.1:0", "127.0.0.1:3306");
    QTest::newRow("Docker host name upstream") << form("db", "0.0.0.0:23306", "mysql:3306");
    QTest::newRow("localhost") << form("cache.v2", "localhost:26379", "localhost:6379");
    QTest::newRow("IPv6 in brackets") << form("v6_proxy", "[::1]:0", "[::1]:80");
    QTest::newRow("highest port") << form("top-port", "127.0.0.1:65535", "example.com:65535");
}

void TestProxyForm::acceptsValidInput()
{
    QFETCH(ProxyFormValues, values);
    const auto error = ProxyFormValidator(takenNames).validate(values);
    QVERIFY2(!error, error ? qPrintable(error->message) : "");
}

void TestProxyForm::dialogShowsErrorAndStaysOpen()
{
    ProxyDialog dialog(ProxyDialog::Mode::Create, form("", "127.0.0.1:0", ""), takenNames);
    dialog.show();
    dialog.nameEdit()->setText(QStringLiteral("db"));
    dialog.upstreamEdit()->setText(QStringLiteral("http://127.0.0.1:3306"));
    dialog.accept();

    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY2(dialog.errorText().contains(QStringLiteral("scheme")), qPrintable(dialog.errorText()));
    QVERIFY(dialog.upstreamEdit()->hasFocus() || !QApplication::focusWidget());
}

void TestProxyForm::dialogAcceptsValidForm()
{
    ProxyDialog dialog(ProxyDialog::Mode::Create, form("", "127.0.0.1:0", ""), takenNames);
    dialog.show();
    dialog.nameEdit()->setText(QStringLiteral("db"));
    dialog.upstreamEdit()->setText(QStringLiteral("127.0.0.1:3306"));
    dialog.accept();

    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.errorText().isEmpty());
    QCOMPARE(dialog.values().name, QStringLiteral("db"));
}

void TestProxyForm::editKeepsNameFixed()
{
    ProxyDialog dialog(ProxyDialog::Mode::Edit, form("mysql", "127.0.0.1:1", "127.0.0.1:2"),
        { QStringLiteral("redis") });
    QVERIFY(dialog.nameEdit()->isReadOnly());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

QTEST_MAIN(TestProxyForm)
#include "tst_proxyform.moc"
