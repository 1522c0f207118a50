// A small HTTP/1.1 server that runs on its own thread, never on the caller's.
//
//   HttpServer server([](const HttpRequest& request) { return HttpResponse::text(200, "hi"); });
//   if (auto error = server.listen("127.0.0.1", 0))
//       ...report *error...
//   server.port();  // the port the kernel picked
//
// The handler is called on the server's thread, one request at a time, so it must be
// thread-safe with respect to the rest of the program and should return quickly: a slow
// handler delays every other client. Keep-alive, pipelining, Content-Length and chunked
// bodies, "Expect: 100-continue", size limits (413, 431) and timeouts (408, idle close, reset
// of a client that stops reading its response) are handled here. Malformed requests get a
// JSON error body {"error": "...", "status": N}.
#pragma once

#include "httpconnection.h"
#include "tcplistener.h"

#include <QThread>

#include <cstdint>
#include <optional>
#include <string>

namespace chaoslab::net {

class HttpServerWorker;

class HttpServer
{
public:
    explicit HttpServer(HttpHandler handler, HttpServerConfig config = {});
    // Stops the thread and closes every connection.
    ~HttpServer();

    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds host:port and starts serving. Returns an error message naming the address when
    // the address cannot be bound, or when the server is serving already.
    std::optional<std::string> listen(const std::string& host, std::uint16_t port);

    // Starts serving an already bound, listening socket, and takes ownership of it. Returns
    // false, and closes the socket, when the server is serving already.
    bool serve(const TcpListener& listener);

    // The bound address, for example "127.0.0.1:8474", and its port.
    const std::string& address() const { return m_address; }
    std::uint16_t port() const { return m_port; }

    // Stops serving and closes every connection. Waits for the server's thread to finish.
    void close();

private:
    HttpHandler m_handler;
    HttpServerConfig m_config;
    QThread m_thread;
    std::string m_address;
    std::uint16_t m_port = 0;
};

} // namespace chaoslab::net
