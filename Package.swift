// swift-tools-version: 6.1
import PackageDescription

/// `make fuzz` sets BILAT_FUZZ so that the ingest code is built with libFuzzer's coverage instrumentation
/// (in the Fuzz/ package's own build folder); ordinary builds never see the flag.
let fuzzing = Context.environment["BILAT_FUZZ"] != nil

let package = Package(
    name: "Bilat",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bilat", targets: ["bilat"]),
        .library(name: "BilatIngest", targets: ["BilatIngest"]),
        .library(name: "BilatQuery", targets: ["BilatQuery"]),
        .library(name: "BilatFetch", targets: ["BilatFetch"]),
        .library(name: "BilatWeb", targets: ["BilatWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `bilat serve`: the HTTP server (default traits off: no swift-configuration, a shorter build).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // HTTP(S) for fetching pages and feeds, on the same SwiftNIO as the web view; linked statically, so
        // that no command pays at start-up for libraries only a fetch needs (libcurl would load 40).
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0", traits: []),
    ],
    targets: [
        // Turns Schema/*.sql and Data/**/*.json into Swift string constants at build time,
        // so the installed binary never reads files from the build folder.
        .executableTarget(name: "ResourceEmbedder", path: "Sources/ResourceEmbedder"),
        .plugin(
            name: "EmbedResources",
            capability: .buildTool(),
            dependencies: ["ResourceEmbedder"],
            path: "Plugins/EmbedResources"
        ),
        // The system's libxml2, for reading HTML pages (Debian: libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Readout text → meeting records. Knows nothing of SQL or the CLI.
        .target(
            name: "BilatIngest",
            dependencies: ["CLibXML2"],
            path: "Sources/BilatIngest",
            swiftSettings: fuzzing ? [.unsafeFlags(["-sanitize=fuzzer"])] : [],
            plugins: ["EmbedResources"]
        ),
        // The archive: connection, migrations and every SQL statement.
        .target(
            name: "BilatQuery",
            dependencies: [
                "BilatIngest",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Sources/BilatQuery",
            plugins: ["EmbedResources"]
        ),
        // Pages and feeds over HTTP(S) (AsyncHTTPClient), imported through the archive. Knows nothing of the CLI.
        .target(
            name: "BilatFetch",
            dependencies: ["BilatIngest", "BilatQuery", "CLibXML2", .product(name: "AsyncHTTPClient", package: "async-http-client")],
            path: "Sources/BilatFetch"
        ),
        // `bilat serve`: routes, HTML pages, SVG charts, JSON and CSV. Calls BilatQuery; writes no SQL.
        .target(
            name: "BilatWeb",
            dependencies: [
                "BilatIngest",
                "BilatQuery",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Sources/BilatWeb"
        ),
        // The command line: parses arguments, calls the library, formats output.
        .executableTarget(
            name: "bilat",
            dependencies: [
                "BilatIngest",
                "BilatQuery",
                "BilatFetch",
                "BilatWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/bilat"
        ),
        // Corpus generator and benchmarks (`make bench`): a developer's tool, not part of `bilat`.
        .executableTarget(
            name: "bilat-bench",
            dependencies: [
                "BilatIngest",
                "BilatQuery",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/bilat-bench"
        ),
        // The property tests draw from the corpus generator's seeded random numbers.
        .testTarget(name: "BilatIngestTests", dependencies: ["BilatIngest", "bilat-bench"], path: "Tests/BilatIngestTests", exclude: ["Fixtures"]),
        .testTarget(name: "BilatQueryTests", dependencies: ["BilatQuery", "BilatIngest", "bilat-bench"], path: "Tests/BilatQueryTests"),
        // A local HTTP server for the tests of fetching (Tests/Support).
        .target(name: "BilatTestSupport", path: "Tests/Support"),
        .testTarget(name: "BilatCLITests", dependencies: ["bilat", "BilatTestSupport"], path: "Tests/BilatCLITests"),
        .testTarget(name: "BilatFetchTests", dependencies: ["BilatFetch", "BilatQuery", "BilatIngest", "BilatTestSupport"], path: "Tests/BilatFetchTests"),
        .testTarget(
            name: "BilatWebTests",
            dependencies: ["BilatWeb", "BilatQuery", "BilatIngest", .product(name: "HummingbirdTesting", package: "hummingbird")],
            path: "Tests/BilatWebTests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
