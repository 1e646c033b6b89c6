import BilatQuery
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// `bilat serve`: the ``BilatSite`` of an archive behind Hummingbird's HTTP/1 server.
public enum BilatServer {
    /// The Hummingbird responder: hands the method, path and query to the site and writes its answer with
    /// the security headers of ``WebSecurity``; a HEAD request gets the headers of GET and no body.
    public struct Responder: HTTPResponder {
        public typealias Context = BasicRequestContext
        let site: BilatSite

        public func respond(to request: Request, context: Context) async throws -> Response {
            let answer = await site.respond(method: request.method.rawValue, path: request.uri.path, query: request.uri.query)
            var headers = HTTPFields()
            headers[.contentType] = answer.contentType
            for (name, value) in WebSecurity.headers + answer.headers {
                guard let field = HTTPField.Name(name) else { continue }
                headers[field] = value
            }
            let body = ByteBuffer(string: answer.body)
            headers[.contentLength] = String(body.readableBytes)
            let status = HTTPResponse.Status(code: answer.status)
            if request.method == .head { return Response(status: status, headers: headers, body: ResponseBody()) }
            return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
        }
    }

    /// The application serving `site` on `host`:`port`; `onRunning` is called once it listens.
    public static func application(site: BilatSite, host: String = "127.0.0.1", port: Int = 8080,
                                   onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "bilat.serve")
        logger.logLevel = .warning
        return Application(
            responder: Responder(site: site),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil, reuseAddress: false),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}

extension BilatServer {
    /// Why the server could not start, as one sentence for the user.
    public struct StartError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Serves `site` on `host`:`port` until the process is interrupted (SIGINT or SIGTERM); `onRunning`
    /// is told the port once the server listens. A port in use or an address that cannot be bound is a
    /// ``StartError``.
    public static func run(site: BilatSite, host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        let app = application(site: site, host: host, port: port, onRunning: onRunning)
        do {
            try await app.runService()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw StartError(description: "port \(port) on \(host) is already in use: give another with --port")
        } catch let error as IOError where error.errnoCode == EADDRNOTAVAIL || error.errnoCode == EACCES {
            throw StartError(description: "cannot listen on \(host):\(port) (\(error.description))")
        } catch let error as SocketAddressError {
            throw StartError(description: "cannot listen on \(host):\(port): \(error)")
        }
    }
}
