/// What the web view answers to one request, before it becomes an HTTP response.
public struct WebResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The media type, with its charset.
    public var contentType: String
    /// The body.
    public var body: String
    /// Headers of this response beyond those every response carries (``WebSecurity/headers``).
    public var headers: [(String, String)] = []

    public static func html(_ page: HTML, status: Int = 200) -> WebResponse {
        WebResponse(status: status, contentType: "text/html; charset=utf-8", body: "<!DOCTYPE html>\n" + page.markup)
    }

    public static func json(_ body: String, status: Int = 200) -> WebResponse {
        WebResponse(status: status, contentType: "application/json; charset=utf-8", body: body + "\n")
    }

    public static func csv(_ body: String, name: String) -> WebResponse {
        WebResponse(status: 200, contentType: "text/csv; charset=utf-8", body: body,
                    headers: [("Content-Disposition", "inline; filename=\"\(name).csv\"")])
    }
}

/// The headers every answer of the web view carries: a Content-Security-Policy that allows no script, no
/// frame and no resource from elsewhere (styles from the site's own stylesheet only; SVG charts are inline
/// markup), no MIME sniffing, no referrer.
public enum WebSecurity {
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    public static let headers: [(String, String)] = [
        ("Content-Security-Policy", contentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("X-Frame-Options", "DENY"),
        ("Cache-Control", "no-store"),
    ]
}
