// swift-tools-version: 6.1
// The libFuzzer target over Bilat's ingest parser. Build and run with `make fuzz` (from the top folder):
// it links libFuzzer's runtime, so it lives in a package of its own and the main build never sees it.
import Foundation
import PackageDescription

/// The toolchain's libFuzzer runtime without main(): `make fuzz` finds it beside the swift it runs.
let fuzzerRuntime: String = {
    if let path = Context.environment["BILAT_FUZZER_RUNTIME"], !path.isEmpty { return path }
    let clang = URL(fileURLWithPath: "/opt/swift/usr/lib/clang")
    let version = (try? FileManager.default.contentsOfDirectory(atPath: clang.path))?.sorted().last ?? "21"
    return clang.appendingPathComponent("\(version)/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a").path
}()

let package = Package(
    name: "BilatFuzz",
    dependencies: [.package(name: "Bilat", path: "..")],
    targets: [
        .executableTarget(
            name: "BilatFuzz",
            dependencies: [.product(name: "BilatIngest", package: "Bilat")],
            swiftSettings: [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer"])],
            // libFuzzer without its own main(): BilatFuzz starts it through LLVMFuzzerRunDriver.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--whole-archive", "-Xlinker", fuzzerRuntime, "-Xlinker", "--no-whole-archive", "-lstdc++"])]
        )
    ],
    swiftLanguageModes: [.v6]
)
