#pragma once

// A small HTTP/1.1 server on 127.0.0.1 for GUI download tests. Each path has a canned
// response; a response can also stall (read the request and never reply) to exercise
// timeouts and cancellation. Every connection is closed after its response.

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QVector>

class HttpTestServer
{
public:
    struct Response
    {
        int status = 200;
        QByteArray reasonPhrase = "OK";
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        /// Send Content-Length; without it the body ends when the connection closes.
        bool announceLength = true;
        /// Read the request and never reply.
        bool stall = false;
    };

    static Response ok(const QByteArray &body, const QByteArray &contentType)
    {
        Response response;
        response.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray(contentType)));
        response.body = body;
        return response;
    }

    static Response error(int status, const QByteArray &reasonPhrase)
    {
        Response response;
        response.status = status;
        response.reasonPhrase = reasonPhrase;
        response.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("text/plain")));
        response.body = reasonPhrase;
        return response;
    }

    static Response redirect(const QByteArray &location)
    {
        Response response;
        response.status = 302;
        response.reasonPhrase = "Found";
        response.headers.append(qMakePair(QByteArray("Location"), QByteArray(location)));
        return response;
    }

    static Response stalled()
    {
        Response response;
        response.stall = true;
        return response;
    }

    HttpTestServer()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                accept(socket);
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    QByteArray baseUrl() const { return "http://127.0.0.1:" + QByteArray::number(port()); }
    QString url(const QByteArray &path) const { return QString::fromLatin1(baseUrl() + path); }

    void setRoute(const QByteArray &path, const Response &response) { m_routes.insert(path, response); }
    /// Returns how many requests arrived for \a path.
    int requestCount(const QByteArray &path) const { return m_requestCounts.value(path); }

private:
    void accept(QTcpSocket *socket)
    {
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            QByteArray &buffer = m_buffers[socket];
            buffer.append(socket->readAll());
            const int headerEnd = int(buffer.indexOf("\r\n\r\n"));
            if (headerEnd < 0)
                return;
            const QByteArray requestLine = buffer.left(int(buffer.indexOf("\r\n")));
            m_buffers.remove(socket);
            answer(socket, requestLine);
        });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }

    void answer(QTcpSocket *socket, const QByteArray &requestLine)
    {
        // "GET /path HTTP/1.1"
        const QList<QByteArray> parts = requestLine.split(' ');
        const QByteArray path = parts.size() >= 2 ? parts.at(1) : QByteArray("/");
        ++m_requestCounts[path];

        const Response response = m_routes.value(path, error(404, "Not Found"));
        if (response.stall)
            return;

        QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
            + response.reasonPhrase + "\r\n";
        for (const auto &header : response.headers)
            head += header.first + ": " + header.second + "\r\n";
        if (response.announceLength)
            head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        head += "Connection: close\r\n\r\n";
        socket->write(head);
        socket->write(response.body);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QByteArray, Response> m_routes;
    QHash<QByteArray, int> m_requestCounts;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
