import BilatIngest
import BilatQuery
import Foundation
@testable import BilatWeb

/// Readouts written for these tests (our own words): two hostile ones whose title and text hold markup.
enum WebTexts {
    static let hostileTitle = """
        Foreign Ministers' Meeting <script>alert("owned")</script>
        March 4, 2024

        On March 4, commencing at 3:00 p.m. for approximately 50 minutes, Mr. SATO Akira, Minister for Foreign Affairs of Japan, held a meeting with H.E. Ms. Élodie Marchand, Minister for Foreign Affairs of the French Republic, in the <img src=x onerror=alert(1)> hall.
        1. The two ministers agreed to strengthen cooperation on cyber defence <b onmouseover=alert(2)>now</b>.
        2. They confirmed their support for Ukraine.
        """

    static let call = """
        Telephone Talk
        August 2, 2023

        On August 2, Mr. SATO Akira, Minister for Foreign Affairs of Japan, had a telephone conversation with Mr. Ben Carter, Foreign Minister of Canada.
        The two ministers agreed to deepen trade and investment ties.
        """

    static let visit = """
        Foreign Ministers' Meeting
        May 6, 2025

        On May 6, 2025, in Tokyo, Mr. SATO Akira, Minister for Foreign Affairs of Japan, held a meeting with Mr. Ben Carter, Foreign Minister of Canada.
        The two ministers agreed to deepen cooperation on critical minerals.
        """
}

/// An archive made by importing the project's sample readouts and the texts above, opened read-only as
/// `bilat serve` opens it; removed when released.
final class WebFixture: @unchecked Sendable {
    let folder: URL
    let archive: Archive
    let site: BilatSite

    init(timeLimit: Double = 5) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("bilat-web-\(UUID().uuidString)")
        let readouts = folder.appendingPathComponent("readouts")
        try FileManager.default.createDirectory(at: readouts, withIntermediateDirectories: true)
        for (name, text) in [("hostile.txt", WebTexts.hostileTitle), ("call.txt", WebTexts.call), ("visit.txt", WebTexts.visit)] {
            try Data(text.utf8).write(to: readouts.appendingPathComponent(name))
        }
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/samples")
        for file in try FileManager.default.contentsOfDirectory(atPath: samples.path) {
            try FileManager.default.copyItem(at: samples.appendingPathComponent(file), to: readouts.appendingPathComponent(file))
        }
        let path = folder.appendingPathComponent("archive.sqlite").path
        let writable = try Archive.open(path: path, create: true)
        var failures: [String] = []
        ArchiveImporter().importFiles(FileWalk([readouts.path]), into: writable) { report in
            if let failure = report.failure { failures.append("\(report.path): \(failure)") }
        }
        try writable.close()
        if !failures.isEmpty { throw FixtureError(message: failures.joined(separator: "\n")) }
        archive = try Archive.open(path: path, create: false, readOnly: true)
        site = BilatSite(archive: archive, timeLimit: timeLimit)
    }

    deinit {
        try? archive.close()
        try? FileManager.default.removeItem(at: folder)
    }

    struct FixtureError: Error { var message: String }
}
