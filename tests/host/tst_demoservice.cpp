// The demo HTTP service over real loopback HTTP: jsonplaceholder's shapes, sizes and 404s,
// field filters, faked writes, /health and sized payloads.
#include "demoroutes.h"
#include "demoservice.h"
#include "httptestclient.h"

#include <QTest>

#include <nlohmann/json.hpp>

#include <memory>

using namespace chaoslab::demo;
using OrderedJson = nlohmann::ordered_json;

class TestDemoService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void itemHasPlaceholderFields_data();
    void itemHasPlaceholderFields();
    void listHasPlaceholderSize_data();
    void listHasPlaceholderSize();
    void itemContentIsStable();
    void itemsDifferById();
    void ownersSpreadEvenly();
    void unknownItemGets404EmptyObject_data();
    void unknownItemGets404EmptyObject();
    void fieldFiltersSelectItems();
    void limitKeepsFirstItems();
    void nestedRouteListsOwnedItems();
    void postReturnsNextId();
    void putAndPatchReturnId();
    void deleteReturnsEmptyObject();
    void invalidBodyGets400();
    void healthIsOk();
    void bytesReturnsExactSize_data();
    void bytesReturnsExactSize();
    void headOfBytesHasLengthOnly();
    void invalidSizeGets400_data();
    void invalidSizeGets400();
    void postToHealthGets405();
    void keepAliveServesSeveralRequests();
    void secondListenFails();

private:
    TestResponse get(const QByteArray& path);
    TestResponse send(const QByteArray& method, const QByteArray& path, const QByteArray& body,
        const QByteArray& headers = {});

    std::unique_ptr<DemoService> m_service;
};

namespace {

OrderedJson parse(const QByteArray& body)
{
    return OrderedJson::parse(body.constData(), body.constData() + body.size(), nullptr, false);
}

// Compact JSON text, which QCOMPARE can print when values differ.
QByteArray text(const OrderedJson& json)
{
    return QByteArray::fromStdString(json.dump());
}

QByteArrayList keysOf(const OrderedJson& object)
{
    QByteArrayList keys;
    for (const auto& [key, value] : object.items())
        keys << QByteArray::fromStdString(key);
    return keys;
}

} // namespace

void TestDemoService::init()
{
    m_service = std::make_unique<DemoService>();
    const auto error = m_service->listen("127.0.0.1", 0);
    QVERIFY2(!error, error ? error->c_str() : "");
}

void TestDemoService::cleanup()
{
    m_service.reset();
}

TestResponse TestDemoService::send(const QByteArray& method, const QByteArray& path,
    const QByteArray& body, const QByteArray& headers)
{
    HttpTestClient client;
    if (!client.connectTo(m_service->port()))
        return {};
    return client.request(method, path, body, headers).value_or(TestResponse {});
}

TestResponse TestDemoService::get(const QByteArray& path)
{
    return send("GET", path, {});
}

void TestDemoService::itemHasPlaceholderFields_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArrayList>("fields");
    QTest::newRow("todo") << QByteArray("/todos/1")
                          << QByteArrayList { "userId", "id", "title", "completed" };
    QTest::newRow("post") << QByteArray("/posts/1")
                          << QByteArrayList { "userId", "id", "title", "body" };
    QTest::newRow("comment") << QByteArray("/comments/1")
                             << QByteArrayList { "postId", "id", "name", "email", "body" };
    QTest::newRow("album") << QByteArray("/albums/1") << QByteArrayList { "userId", "id", "title" };
    QTest::newRow("user") << QByteArray("/users/1")
                          << QByteArrayList { "id", "name", "username", "email", "address", "phone",
                                 "website", "company" };
}

void TestDemoService::itemHasPlaceholderFields()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArrayList, fields);

    const auto response = get(path);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("content-type"), QByteArray("application/json; charset=utf-8"));
    QCOMPARE(response.header("content-length").toLongLong(), response.body.size());
    const auto item = parse(response.body);
    QVERIFY(item.is_object());
    QCOMPARE(keysOf(item), fields);
    QCOMPARE(text(item["id"]), "1");
}

void TestDemoService::listHasPlaceholderSize_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("size");
    QTest::newRow("todos") << QByteArray("/todos") << 200;
    QTest::newRow("posts") << QByteArray("/posts") << 100;
    QTest::newRow("comments") << QByteArray("/comments") << 500;
    QTest::newRow("albums") << QByteArray("/albums") << 100;
    QTest::newRow("users") << QByteArray("/users") << 10;
    QTest::newRow("trailing slash") << QByteArray("/todos/") << 200;
}

void TestDemoService::listHasPlaceholderSize()
{
    QFETCH(QByteArray, path);
    QFETCH(int, size);

    const auto response = get(path);
    QCOMPARE(response.status, 200);
    const auto list = parse(response.body);
    QVERIFY(list.is_array());
    QCOMPARE(int(list.size()), size);
    QCOMPARE(text(list.front()["id"]), "1");
    QCOMPARE(text(list.back()["id"]), QByteArray::number(size));
}

void TestDemoService::itemContentIsStable()
{
    const auto first = get("/todos/7");
    const auto second = get("/todos/7");
    QCOMPARE(first.status, 200);
    QCOMPARE(first.body, second.body);
    const auto fromList = parse(get("/todos").body)[6];
    QCOMPARE(text(fromList), text(parse(first.body)));
}

void TestDemoService::itemsDifferById()
{
    const auto one = parse(get("/posts/1").body);
    const auto two = parse(get("/posts/2").body);
    QVERIFY(one["title"].is_string());
    QVERIFY(!one["title"].get<std::string>().empty());
    QVERIFY(one["title"] != two["title"] || one["body"] != two["body"]);
}

void TestDemoService::ownersSpreadEvenly()
{
    QCOMPARE(text(parse(get("/todos/20").body)["userId"]), "1");
    QCOMPARE(text(parse(get("/todos/21").body)["userId"]), "2");
    QCOMPARE(text(parse(get("/todos/200").body)["userId"]), "10");
    QCOMPARE(text(parse(get("/posts/100").body)["userId"]), "10");
    QCOMPARE(text(parse(get("/comments/500").body)["postId"]), "100");
}

void TestDemoService::unknownItemGets404EmptyObject_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("id zero") << QByteArray("/todos/0");
    QTest::newRow("id above the last") << QByteArray("/todos/201");
    QTest::newRow("user above the last") << QByteArray("/users/11");
    QTest::newRow("id not a number") << QByteArray("/posts/abc");
    QTest::newRow("id with leading zero") << QByteArray("/posts/01");
    QTest::newRow("negative id") << QByteArray("/posts/-1");
    QTest::newRow("unknown collection") << QByteArray("/photos");
    QTest::newRow("unrelated nested collection") << QByteArray("/todos/1/comments");
    QTest::newRow("path too deep") << QByteArray("/users/1/todos/1");
}

void TestDemoService::unknownItemGets404EmptyObject()
{
    QFETCH(QByteArray, path);

    const auto response = get(path);
    QCOMPARE(response.status, 404);
    QCOMPARE(response.body, QByteArray("{}"));
    QCOMPARE(response.header("content-type"), QByteArray("application/json; charset=utf-8"));
}

void TestDemoService::fieldFiltersSelectItems()
{
    const auto ofUser = parse(get("/todos?userId=2").body);
    QCOMPARE(int(ofUser.size()), 20);
    for (const auto& todo : ofUser)
        QCOMPARE(text(todo["userId"]), "2");

    const auto done = parse(get("/todos?userId=2&completed=true").body);
    QVERIFY(done.size() < ofUser.size());
    for (const auto& todo : done)
        QCOMPARE(text(todo["completed"]), "true");

    QCOMPARE(int(parse(get("/todos?userId=2&userId=3").body).size()), 40);
    QCOMPARE(int(parse(get("/comments?postId=1").body).size()), 5);
    QCOMPARE(parse(get("/users?username=ayu.santoso").body).size(), size_t(1));
    QCOMPARE(text(parse(get("/todos?noSuchField=1").body)), "[]");
}

void TestDemoService::limitKeepsFirstItems()
{
    const auto limited = parse(get("/posts?_limit=3").body);
    QCOMPARE(int(limited.size()), 3);
    QCOMPARE(text(limited.back()["id"]), "3");
}

void TestDemoService::nestedRouteListsOwnedItems()
{
    const auto comments = parse(get("/posts/3/comments").body);
    QCOMPARE(int(comments.size()), 5);
    for (const auto& comment : comments)
        QCOMPARE(text(comment["postId"]), "3");
    QCOMPARE(int(parse(get("/users/1/todos").body).size()), 20);
    QCOMPARE(int(parse(get("/users/1/posts").body).size()), 10);
    QCOMPARE(int(parse(get("/users/1/albums").body).size()), 10);

    const auto ofMissingUser = get("/users/99/todos");
    QCOMPARE(ofMissingUser.status, 200);
    QCOMPARE(text(parse(ofMissingUser.body)), "[]");
}

void TestDemoService::postReturnsNextId()
{
    const auto created = send("POST", "/posts", R"({"title":"foo","body":"bar","userId":1})",
        "Content-Type: application/json\r\n");
    QCOMPARE(created.status, 201);
    const auto post = parse(created.body);
    QCOMPARE(keysOf(post), (QByteArrayList { "title", "body", "userId", "id" }));
    QCOMPARE(text(post["id"]), "101");

    const auto nested = parse(send("POST", "/posts/2/comments", R"({"name":"n"})").body);
    QCOMPARE(text(nested["postId"]), "2");
    QCOMPARE(text(nested["id"]), "501");

    QCOMPARE(parse(get("/posts").body).size(), size_t(100));
}

void TestDemoService::putAndPatchReturnId()
{
    const auto put = parse(send("PUT", "/posts/1", R"({"title":"new"})").body);
    QCOMPARE(text(put), R"({"title":"new","id":1})");

    const auto original = parse(get("/posts/1").body);
    const auto patched = parse(send("PATCH", "/posts/1", R"({"title":"new"})").body);
    QCOMPARE(keysOf(patched), keysOf(original));
    QCOMPARE(text(patched["title"]), "\"new\"");
    QCOMPARE(text(patched["body"]), text(original["body"]));

    QCOMPARE(send("PUT", "/posts/101", R"({"title":"new"})").status, 404);
}

void TestDemoService::deleteReturnsEmptyObject()
{
    const auto deleted = send("DELETE", "/todos/3", {});
    QCOMPARE(deleted.status, 200);
    QCOMPARE(deleted.body, QByteArray("{}"));
    QCOMPARE(get("/todos/3").status, 200);
}

void TestDemoService::invalidBodyGets400()
{
    const auto response = send("POST", "/posts", "not json");
    QCOMPARE(response.status, 400);
    const auto error = parse(response.body);
    QCOMPARE(text(error["status"]), "400");
    QVERIFY2(error["error"].get<std::string>().find("JSON object") != std::string::npos,
        response.body.constData());
    QCOMPARE(send("PATCH", "/posts/1", "[1,2]").status, 400);
}

void TestDemoService::healthIsOk()
{
    const auto response = get("/health");
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("content-type"), QByteArray("application/json"));
    QCOMPARE(response.body, R"({"status":"ok"})");
}

void TestDemoService::bytesReturnsExactSize_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("empty") << 0;
    QTest::newRow("one byte") << 1;
    QTest::newRow("shorter than a line") << 10;
    QTest::newRow("a few lines") << 1000;
    QTest::newRow("over a mebibyte") << 1024 * 1024 + 3;
}

void TestDemoService::bytesReturnsExactSize()
{
    QFETCH(int, size);

    const auto response = get("/bytes/" + QByteArray::number(size));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("content-type"), QByteArray("application/octet-stream"));
    QCOMPARE(response.header("content-length").toInt(), size);
    QCOMPARE(response.body.size(), size);
    QVERIFY(!response.body.contains('\0'));
    if (size > 64)
        QCOMPARE(response.body.mid(64, 10), response.body.left(10));
}

void TestDemoService::headOfBytesHasLengthOnly()
{
    HttpTestClient client;
    QVERIFY(client.connectTo(m_service->port()));
    const auto response = client.request("HEAD", "/bytes/5000");
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->header("content-length"), QByteArray("5000"));
    QVERIFY(response->body.isEmpty());
    const auto next = client.request("GET", "/health");
    QVERIFY(next);
    QCOMPARE(next->status, 200);
}

void TestDemoService::invalidSizeGets400_data()
{
    QTest::addColumn<QByteArray>("size");
    QTest::addColumn<QByteArray>("expected");
    const auto maximum = QByteArray::number(qulonglong(MaxPayloadBytes));
    QTest::newRow("one above the maximum")
        << QByteArray::number(qulonglong(MaxPayloadBytes) + 1) << "above the maximum of " + maximum;
    QTest::newRow("beyond 64 bits") << QByteArray("99999999999999999999999") << QByteArray("above");
    QTest::newRow("negative") << QByteArray("-1") << QByteArray("invalid size");
    QTest::newRow("fraction") << QByteArray("1.5") << QByteArray("invalid size");
    QTest::newRow("word") << QByteArray("lots") << QByteArray("invalid size");
    QTest::newRow("missing") << QByteArray("") << QByteArray("invalid size");
}

void TestDemoService::invalidSizeGets400()
{
    QFETCH(QByteArray, size);
    QFETCH(QByteArray, expected);

    const auto response = get("/bytes/" + size);
    QCOMPARE(response.status, 400);
    const auto error = parse(response.body);
    QCOMPARE(text(error["status"]), "400");
    QVERIFY2(response.body.contains(expected), response.body.constData());
}

void TestDemoService::postToHealthGets405()
{
    const auto response = send("POST", "/health", "{}");
    QCOMPARE(response.status, 405);
    QCOMPARE(response.header("allow"), QByteArray("GET, HEAD"));
}

void TestDemoService::keepAliveServesSeveralRequests()
{
    HttpTestClient client;
    QVERIFY(client.connectTo(m_service->port()));
    for (const char* path : { "/todos/1", "/bytes/100", "/nothing", "/health" }) {
        const auto response = client.request("GET", path);
        QVERIFY2(response, path);
        QVERIFY(response->header("connection") != "close");
    }
    QCOMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
}

void TestDemoService::secondListenFails()
{
    const auto error = m_service->listen("127.0.0.1", 0);
    QVERIFY(error);
    QVERIFY2(error->find(m_service->address()) != std::string::npos, error->c_str());
    QCOMPARE(get("/health").status, 200);
}

QTEST_GUILESS_MAIN(TestDemoService)

#include "tst_demoservice.moc"
