import BilatIngest
import Foundation

/// One parser for the whole run: building the language data is the expensive part.
let parser = ReadoutParser()

/// Each input is read as a text readout, as an HTML page and as an export record. A thrown error is a
/// correct answer; a trap (overflow, index out of range) is a crash, which libFuzzer reports and saves.
func fuzzReadout(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Data(bytes: data, count: size)
    _ = try? parser.parse(ReadoutInput(bytes: bytes, fileName: "fuzz.txt"))
    _ = try? parser.parseHTML(ReadoutInput(bytes: bytes, fileName: "fuzz.html"))
    if let text = String(data: bytes, encoding: .utf8) { _ = try? MeetingRecord.decode(json: text) }
    return 0
}

/// libFuzzer's driver, from its runtime (linked by -sanitize=fuzzer).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM gives executables their own `main`, so the fuzzer is started through its driver.
@main
struct BilatFuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzReadout(data, size) })
    }
}
