import Foundation
import Testing

/// Runs the built `bilat` binary as a user would and checks what it prints and how it exits.
struct CLI {
    static let binary: URL = {
        // The test bundle sits beside the products in .build/<triple>/debug.
        let candidates = [Bundle.main.bundleURL] + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for folder in candidates {
            let url = folder.appendingPathComponent("bilat")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/bilat")
    }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    let folder: URL
    var db: String { folder.appendingPathComponent("archive.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("bilat-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func file(_ name: String, _ contents: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], executable: URL? = nil,
             workingDirectory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable ?? Self.binary
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "BILAT_DB")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Both pipes are drained at once: a process that fills one while the other is read would block forever.
        let errors = Collected()
        let drain = Thread { errors.set(err.fileHandleForReading.readDataToEndOfFile()) }
        drain.start()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let e = errors.wait()
        return Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }
}

/// Data handed over from the thread that reads standard error.
final class Collected: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    func set(_ value: Data) {
        data = value
        done.signal()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

let readoutA = """
    Foreign Ministers' Meeting
    March 4, 2024

    On March 4, commencing at 3:00 p.m. for approximately 50 minutes, Mr. SATO Akira, Minister for Foreign Affairs of Japan, held a meeting with H.E. Ms. Élodie Marchand, Minister for Foreign Affairs of the French Republic.
    The two ministers agreed to strengthen cooperation on cyber defence in the Indo-Pacific.
    """

let readoutB = """
    Entretien téléphonique
    2023/8/2

    Le 2 août 2023 à partir de 10h00, M. SATO Akira, ministre des Affaires étrangères du Japon, s’est entretenu au téléphone avec Mme Lucie Fontaine, ministre des Affaires étrangères de la Belgique. Les deux ministres sont convenus de renforcer leurs échanges commerciaux avec la Corée du Sud.
    """

@Suite(.serialized) struct CLITests {
    @Test func readCommandsNeverCreateAnArchive() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        for command in [["list"], ["show", "x"], ["commitments"], ["search", "x"], ["people"], ["topics"], ["export"], ["sql", "SELECT 1"], ["check"]] {
            let r = try cli.run(command + ["--db", cli.db])
            #expect(r.status == 1, "\(command)")
            #expect(r.stderr.contains("no archive at \(cli.db)"), "\(command): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1)
        }
        #expect(!FileManager.default.fileExists(atPath: cli.db))
    }

    @Test func importSummaryIdempotenceAndFailures() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let a = try cli.file("a.txt", readoutA)
        let b = try cli.file("b.md", readoutB)
        let empty = try cli.file("empty.txt", "   \n")
        let first = try cli.run(["import", "--db", cli.db, a, b])
        #expect(first.status == 0)
        #expect(first.stdout.contains("imported  \(a) → 2024-03-04-jpn-fra"))
        #expect(first.stdout.contains("2 imported, 0 linked, 0 unchanged, 0 replaced, 0 failed"))
        let again = try cli.run(["import", "--db", cli.db, a, empty])
        #expect(again.status == 1)
        #expect(again.stdout.contains("unchanged \(a)"))
        #expect(again.stderr.contains("failed: \(empty): the file is empty or holds only white space"))
        #expect(again.stdout.contains("0 imported, 0 linked, 1 unchanged, 0 replaced, 1 failed"))
        let list = try cli.run(["list", "--db", cli.db, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
        #expect(json?.map { $0["id"] as? String } == ["2024-03-04-jpn-fra", "2023-08-02-jpn-bel"])
    }

    @Test func everyFormat() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.run(["import", "--db", cli.db, try cli.file("a.txt", readoutA), try cli.file("b.txt", readoutB)])
        let ndjson = try cli.run(["list", "--db", cli.db, "--format", "ndjson"])
        #expect(ndjson.stdout.split(separator: "\n").count == 2)
        for line in ndjson.stdout.split(separator: "\n") {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil)
        }
        let csv = try cli.run(["list", "--db", cli.db, "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "id,date,title,format,language,parties,participants,topics")
        #expect(lines.count == 3)
        #expect(csv.stdout.contains("\"Foreign Ministers' Meeting\"") == false && csv.stdout.contains("Foreign Ministers' Meeting"))
        let table = try cli.run(["list", "--db", cli.db])
        #expect(table.stdout.hasPrefix("ID"))
        #expect(table.stdout.contains("2024-03-04-jpn-fra"))
        let show = try cli.run(["show", "--db", cli.db, "2024-03-04-jpn-fra", "--format", "json"])
        let record = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
        #expect(record?["duration_minutes"] as? Int == 50)
        #expect(record?["start_time"] as? String == "15:00")
        #expect((record?["source"] as? [String: Any])?["imported_at"] is String)
        let text = try cli.run(["show", "--db", cli.db, "2024-03-04-jpn-fra", "--text"])
        #expect(text.stdout == readoutA)
        let commitments = try cli.run(["commitments", "--db", cli.db, "--topic", "cybersecurity", "--format", "csv"])
        #expect(commitments.stdout.split(separator: "\n").count == 2)
        let topics = try cli.run(["topics", "--db", cli.db, "--format", "json"])
        #expect(topics.status == 0 && topics.stdout.contains("\"slug\": \"cybersecurity\""))
        let people = try cli.run(["people", "--db", cli.db, "sato"])
        #expect(people.stdout.contains("Akira Sato"))
        let sql = try cli.run(["sql", "--db", cli.db, "SELECT count(*) AS n FROM meetings", "--format", "csv"])
        #expect(sql.stdout == "n\n2\n")
        let check = try cli.run(["check", "--db", cli.db])
        #expect(check.status == 0 && check.stdout.contains("ok"))
    }

    @Test func searchFiltersAndErrors() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.run(["import", "--db", cli.db, try cli.file("a.txt", readoutA), try cli.file("b.txt", readoutB)])
        let coree = try cli.run(["search", "--db", cli.db, "coree", "--format", "json"])
        #expect(coree.stdout.contains("2023-08-02-jpn-bel"))
        #expect(coree.stdout.contains("[Corée]"))
        #expect(try cli.run(["search", "--db", cli.db, "Indo-Pacific", "--format", "csv"]).stdout.contains("2024-03-04-jpn-fra"))
        let bad = try cli.run(["search", "--db", cli.db, "\"unclosed"])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("bilat: malformed search query"))
        #expect(bad.stderr.split(separator: "\n").count == 1)
        #expect(try cli.run(["list", "--db", cli.db, "--person", "MARCHAND elodie", "--format", "csv"]).stdout.contains("2024-03-04-jpn-fra"))
        #expect(try cli.run(["list", "--db", cli.db, "--party", "Belgique", "--format", "csv"]).stdout.contains("2023-08-02-jpn-bel"))
        let sqlWrite = try cli.run(["sql", "--db", cli.db, "DELETE FROM meetings"])
        #expect(sqlWrite.status == 1 && sqlWrite.stderr.contains("refused"))
        let noMeeting = try cli.run(["show", "--db", cli.db, "nope"])
        #expect(noMeeting.status == 1 && noMeeting.stderr == "bilat: no meeting with id nope\n")
    }

    @Test func wrongUsageExitsTwo() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.run(["import", "--db", cli.db, try cli.file("a.txt", readoutA)])
        let badDate = try cli.run(["list", "--db", cli.db, "--from", "2024-13"])
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("--from 2024-13 is not a date"))
        #expect(try cli.run(["list", "--db", cli.db, "--frobnicate"]).status == 2)
        #expect(try cli.run(["list", "--db", cli.db, "--format", "yaml"]).status == 2)
        #expect(try cli.run(["nonsense"]).status == 2)
        #expect(try cli.run(["import"]).status == 2)
        let help = try cli.run(["list", "--help"])
        #expect(help.status == 0 && help.stdout.contains("--person"))
    }

    @Test func badFilesAreReportedAndLeaveNothingBehind() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let binary = cli.folder.appendingPathComponent("image.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D]).write(to: binary)
        let badJSON = try cli.file("broken.json", "{\"id\": ")
        let good = try cli.file("a.txt", readoutA)
        let r = try cli.run(["import", "--db", cli.db, binary.path, badJSON, good])
        #expect(r.status == 1)
        #expect(r.stderr.contains("failed: \(binary.path): the file holds binary data, not text"))
        #expect(r.stderr.contains("failed: \(badJSON): not a Bilat meeting record"))
        #expect(r.stdout.contains("1 imported, 0 linked, 0 unchanged, 0 replaced, 2 failed"))
        let count = try cli.run(["sql", "--db", cli.db, "SELECT count(*) AS n FROM sources", "--format", "csv"])
        #expect(count.stdout == "n\n1\n")
        let missing = try cli.run(["import", "--db", cli.db, cli.folder.appendingPathComponent("nope.txt").path])
        #expect(missing.status == 1 && missing.stderr.contains("no such file or folder"))
    }

    @Test func exportImportRoundTripAndStandardInput() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.run(["import", "--db", cli.db, try cli.file("a.txt", readoutA)])
        try cli.run(["import", "--db", cli.db, "-"], stdin: readoutB)
        let export = try cli.run(["export", "--db", cli.db])
        #expect(export.stdout.split(separator: "\n").count == 2)
        let exported = try cli.file("export.ndjson", export.stdout)
        let copy = cli.folder.appendingPathComponent("copy.sqlite").path
        #expect(try cli.run(["import", "--db", copy, exported]).status == 0)
        let again = try cli.run(["export", "--db", copy])
        #expect(again.stdout == export.stdout)
        let json = try cli.run(["export", "--db", copy, "--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any])?.count == 2)
        let dry = try cli.run(["import", "--dry-run", "--db", cli.folder.appendingPathComponent("never.sqlite").path, try cli.file("c.txt", readoutA)])
        #expect(dry.status == 0 && dry.stdout.contains("\"duration_minutes\": 50"))
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("never.sqlite").path))
    }

    @Test func environmentVariableChoosesTheArchive() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.run(["import", try cli.file("a.txt", readoutA)], environment: ["BILAT_DB": cli.db])
        #expect(FileManager.default.fileExists(atPath: cli.db))
        #expect(try cli.run(["list", "--format", "csv"], environment: ["BILAT_DB": cli.db]).stdout.contains("2024-03-04-jpn-fra"))
    }

    @Test func aFolderOfSavedPagesImportsInOneCommand() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pages = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("BilatIngestTests/Fixtures")
        let r = try cli.run(["import", "--db", cli.db, pages.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("6 imported, 0 linked, 0 unchanged, 0 replaced, 0 failed"))
        let gov = try cli.run(["list", "--db", cli.db, "--party", "Finland", "--format", "json"])
        let id = try #require((try JSONSerialization.jsonObject(with: Data(gov.stdout.utf8)) as? [[String: Any]])?.first?["id"] as? String)
        let text = try cli.run(["show", "--db", cli.db, id, "--text"])
        #expect(text.stdout.hasPrefix("PM call with President of Finland: 3 May 2023\nThe Prime Minister spoke to President Sauli Niinistö"))
        let record = try cli.run(["show", "--db", cli.db, id, "--format", "json"])
        #expect(record.stdout.contains("\"url\": \"https://www.gov.uk/government/news/pm-call-with-president-of-finland-3-may-2023\""))
        #expect(try cli.run(["search", "--db", cli.db, "トルドー", "--format", "csv"]).stdout.contains("2023-01-12-jpn-can"))
    }

    /// Two different readouts saved under one name in two folders are two meetings; the same bytes in a
    /// third place are reported as the readout already imported; a change in one folder replaces that
    /// folder's readout only. Whatever the working folder, a path names one place.
    @Test func readoutsAreKnownByTheirPlaceNotTheirName() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        for folder in ["a", "b", "c"] {
            try FileManager.default.createDirectory(at: cli.folder.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let a = try cli.file("a/readout.txt", readoutA)
        let b = try cli.file("b/readout.txt", readoutB)
        let copy = try cli.file("c/copy.txt", readoutA)
        let first = try cli.run(["import", "--db", cli.db, a])
        let second = try cli.run(["import", "--db", cli.db, b])
        #expect(first.stdout.contains("imported  \(a) → 2024-03-04-jpn-fra"))
        #expect(second.stdout.contains("imported  \(b) → 2023-08-02-jpn-bel"), "\(second.stdout)")
        let again = try cli.run(["import", "--db", cli.db, copy])
        #expect(again.stdout.contains("unchanged \(copy) → 2024-03-04-jpn-fra — same text as \(a), already imported"), "\(again.stdout)")
        try (readoutB.replacingOccurrences(of: "10h00", with: "11h30")).write(toFile: b, atomically: true, encoding: .utf8)
        // The same file by a relative path from another working folder.
        let changed = try cli.run(["import", "--db", cli.db, "b/readout.txt"], workingDirectory: cli.folder)
        #expect(changed.stdout.contains("replaced  b/readout.txt → 2023-08-02-jpn-bel"), "\(changed.stdout)")
        let rows = try cli.run(["sql", "--db", cli.db, "SELECT m.id, m.start_time, s.path FROM meetings m JOIN sources s ON s.id = m.source_id ORDER BY m.id", "--format", "csv"])
        #expect(rows.stdout == "id,start_time,path\n2023-08-02-jpn-bel,11:30,\(b)\n2024-03-04-jpn-fra,15:00,\(a)\n")
    }

    /// Saved pages are very often all called `index.html`: a page is known by its path, or by the canonical
    /// URL it gives — another copy of the same page replaces it, another page never does, and a site's
    /// root given as every page's URL names no page.
    @Test func savedPagesAreKnownByTheirCanonicalURL() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        func page(_ folder: String, url: String, day: Int, minister: String) throws -> String {
            try FileManager.default.createDirectory(at: cli.folder.appendingPathComponent(folder), withIntermediateDirectories: true)
            return try cli.file(folder + "/index.html", """
                <html lang="en"><head><title>Talks</title><link rel="canonical" href="\(url)"></head>
                <body><main><h1>Foreign Minister meets Danish counterpart</h1><p>May \(day), 2022</p>
                <p>On May \(day), Foreign Minister Lina Berg of Sweden met with Foreign Minister \(minister) of Denmark in Stockholm.</p>
                <p>The two ministers agreed to strengthen cooperation on Arctic research.</p></main></body></html>
                """)
        }
        let first = try page("one", url: "https://example.org/news/berg-danish-counterpart", day: 4, minister: "Ole Lund")
        let edited = try page("two", url: "https://example.org/news/berg-danish-counterpart", day: 5, minister: "Ole Lund")
        let other = try page("three", url: "https://example.org/", day: 6, minister: "Jens Holm")
        let rootToo = try page("four", url: "https://example.org/", day: 7, minister: "Karen Dahl")
        let index = try page("five", url: "https://example.org/news/index.html", day: 8, minister: "Mette Kjær")
        let indexToo = try page("six", url: "https://example.org/news/index.html", day: 9, minister: "Lars Bo")
        let r = try cli.run(["import", "--db", cli.db, first, edited, other, rootToo, index, indexToo])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("replaced  \(edited) → "), "\(r.stdout)")
        #expect(r.stdout.contains("5 imported, 0 linked, 0 unchanged, 1 replaced, 0 failed"), "\(r.stdout)")
        let dates = try cli.run(["sql", "--db", cli.db, "SELECT date FROM meetings ORDER BY date", "--format", "csv"])
        #expect(dates.stdout == "date\n2022-05-05\n2022-05-06\n2022-05-07\n2022-05-08\n2022-05-09\n")
    }

    /// Both sides' readouts of one meeting, in two languages: one meeting, two readouts, a conflict, the
    /// evidence of each fact, each text; `list --conflicts` finds it, and `--needs-review` (a conflict is for
    /// a person to check).
    @Test func oneMeetingWithTwoReadouts() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let french = """
            Entretien des ministres des Affaires étrangères
            4 mars 2024

            Le 4 mars 2024, à partir de 15h00 et pendant environ 40 minutes, Mme Élodie MARCHAND, ministre des Affaires étrangères de la France, s’est entretenue avec M. SATO Akira, ministre des Affaires étrangères du Japon.
            Les deux ministres sont convenus de renforcer la coopération en matière de cybersécurité.
            """
        let a = try cli.file("a.txt", readoutA)
        let b = try cli.file("b.txt", french)
        let r = try cli.run(["import", "--db", cli.db, a, b])
        #expect(r.stdout.contains("linked    \(b) → 2024-03-04-jpn-fra"), "\(r.stdout)")
        #expect(r.stdout.contains("1 imported, 1 linked, 0 unchanged, 0 replaced, 0 failed"))
        let card = try cli.run(["show", "--db", cli.db, "2024-03-04-jpn-fra"]).stdout
        #expect(card.contains("duration_minutes: 50 minutes [readout 1] / 40 minutes [readout 2]"), "\(card)")
        #expect(card.contains("1. \(a) (en)") && card.contains("2. \(b) (fr)"), "\(card)")
        let evidence = try cli.run(["show", "--db", cli.db, "2024-03-04-jpn-fra", "--evidence", "--format", "csv"]).stdout
        #expect(evidence.contains("duration_minutes,50 minutes,1,\(a),commencing at 3:00 p.m. for approximately 50 minutes\n"), "\(evidence)")
        #expect(evidence.contains("duration_minutes,40 minutes (not kept),2,\(b),à partir de 15h00 et pendant environ 40 minutes\n"), "\(evidence)")
        #expect(evidence.contains("date,2024-03-04,2,\(b),Le 4 mars 2024\n"))
        let texts = try cli.run(["show", "--db", cli.db, "2024-03-04-jpn-fra", "--text"]).stdout
        #expect(texts.contains("── readout 1 of 2: \(a) (en) ──\n" + readoutA) && texts.contains("── readout 2 of 2: \(b) (fr) ──\n" + french), "\(texts)")
        #expect(try cli.run(["list", "--db", cli.db, "--conflicts", "--format", "csv"]).stdout.split(separator: "\n").count == 2)
        #expect(try cli.run(["list", "--db", cli.db, "--needs-review", "--format", "csv"]).stdout.split(separator: "\n").count == 2)
        #expect(try cli.run(["show", "--db", cli.db, "2024-03-04-jpn-fra", "--text", "--evidence"]).status == 2)
        // Each readout on its own when asked.
        let apart = try cli.run(["import", "--db", cli.folder.appendingPathComponent("apart.sqlite").path, "--no-link", a, b])
        #expect(apart.stdout.contains("2 imported, 0 linked"), "\(apart.stdout)")
    }

    /// A person's corrections from the command line: each command's output and exit status, and a bad
    /// correction as one line with the nearest valid values.
    @Test func correctReviewRereadLinkAndUnlink() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let a = try cli.file("a.txt", readoutA)
        try cli.run(["import", "--db", cli.db, a])
        let id = "2024-03-04-jpn-fra"
        var r = try cli.run(["correct", "--db", cli.db, id, "duration_minutes", "45", "--note", "the video's length"])
        #expect(r.status == 0 && r.stdout == "corrected: duration_minutes of \(id): 50 → 45\n", "\(r.stdout)\(r.stderr)")
        r = try cli.run(["correct", "--db", cli.db, id, "topics", "+trade-investment", "-ukraine"])
        #expect(r.status == 0 && r.stdout.contains("→"), "\(r.stderr)")
        let card = try cli.run(["show", "--db", cli.db, id]).stdout
        #expect(card.contains("When:      2024-03-04 at 15:00, 45 minutes [corrected]"), "\(card)")
        #expect(card.contains("  duration_minutes: 45, read 50 — the video's length ("), "\(card)")
        #expect(card.contains("  0. Akira Sato"), "\(card)")
        let json = try cli.run(["show", "--db", cli.db, id, "--format", "json"]).stdout
        #expect(json.contains("\"field\": \"duration_minutes\"") && json.contains("\"read\": 50"), "\(json)")

        // Refused: one line on standard error, exit 2 for a wrong field or value, 1 for what the archive lacks.
        for (arguments, status, message) in [
            ([id, "date", "2024-13-01"], Int32(2), "date 2024-13-01 is not a day"),
            ([id, "format", "phone"], 2, "did you mean telephone?"),
            ([id, "parties", "Japn", "FRA"], 2, "did you mean JPN (Japan)?"),
            ([id, "topic", "ukraine"], 2, "did you mean topics?"),
            (["2024-03-05-jpn-fra", "venue", "Paris"], 1, "no meeting with id 2024-03-05-jpn-fra"),
            ([id, "--undo", "venue"], 1, "has no correction of venue to undo"),
            ([id, "venue"], 2, "give the value of venue"),
        ] {
            let refused = try cli.run(["correct", "--db", cli.db] + arguments)
            #expect(refused.status == status && refused.stderr.contains(message) && refused.stdout.isEmpty, "\(arguments): \(refused.stderr)")
        }

        let french = try cli.file("b.txt", readoutA.replacingOccurrences(of: "50 minutes", with: "55 minutes"))
        #expect(try cli.run(["import", "--db", cli.db, "--no-link", french]).status == 0)
        let other = try cli.run(["list", "--db", cli.db, "--format", "csv"]).stdout.split(separator: "\n").dropFirst()
            .map { String($0.split(separator: ",")[0]) }.first { $0 != id }!
        r = try cli.run(["link", "--db", cli.db, id, other, "--note", "one meeting"])
        #expect(r.status == 0 && r.stdout == "linked \(other) → \(id) (2 readouts)\n", "\(r.stdout)\(r.stderr)")
        // The readouts disagree on the length, which the person has decided: nothing to review.
        r = try cli.run(["review", "--db", cli.db])
        #expect(r.status == 0 && r.stdout.isEmpty && r.stderr == "nothing to review\n", "\(r.stdout)\(r.stderr)")
        r = try cli.run(["correct", "--db", cli.db, id, "--undo", "duration_minutes"])
        #expect(r.stdout == "undone: duration_minutes of \(id) is 50 again, as read (was corrected to 45)\n", "\(r.stdout)")
        for format in ["csv", "json", "ndjson", "table"] {
            let review = try cli.run(["review", "--db", cli.db, "--format", format])
            #expect(review.status == 0 && review.stdout.contains("readouts disagree on duration_minutes: 50 (readout 1), 55 (readout 2); kept 50"),
                    "\(format): \(review.stdout)")
        }
        r = try cli.run(["reread", "--db", cli.db, "--dry-run"])
        #expect(r.status == 0 && r.stderr.contains("would reread 1 meeting: 0 changed, 1 unchanged (dry run: nothing written)"), "\(r.stderr)")
        r = try cli.run(["unlink", "--db", cli.db, id, "2"])
        #expect(r.status == 0 && r.stdout == "unlinked \(french) from \(id) → \(other)\n", "\(r.stdout)\(r.stderr)")
        #expect(try cli.run(["correct", "--db", cli.db, id, "topics", "--", "-trade-investment"]).status == 0)
        #expect(try cli.run(["check", "--db", cli.db]).status == 0)
    }

    /// stats, the PLOVER export, the tables and the schema from the command line, in every format.
    @Test func statsPloverTablesAndSchema() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.run(["import", "--db", cli.db, try cli.file("a.txt", readoutA), try cli.file("b.txt", readoutB)])
        let csv = try cli.run(["stats", "--db", cli.db, "--by", "party", "--format", "csv"])
        #expect(csv.status == 0 && csv.stdout.hasPrefix("party,meetings\nJPN,2\n"), "\(csv.stdout)\(csv.stderr)")
        let json = try cli.run(["stats", "--db", cli.db, "--by", "pair", "--by", "year", "--commitments", "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.count == 2 && rows?.allSatisfy { $0["pair"] is String && $0["year"] is String && $0["meetings"] as? Int == 1 && $0["commitments"] is Int } == true,
                "\(json.stdout)")
        let ndjson = try cli.run(["stats", "--db", cli.db, "--by", "format", "--format", "ndjson"])
        #expect(ndjson.stdout.split(separator: "\n").count == 2, "\(ndjson.stdout)")
        let table = try cli.run(["stats", "--db", cli.db, "--by", "year"])
        #expect(table.stdout.hasPrefix("YEAR  MEETINGS\n"), "\(table.stdout)")
        let unknown = try cli.run(["stats", "--db", cli.db, "--by", "yaer"])
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown key 'yaer'; did you mean year? (the keys are party, pair"), "\(unknown.stderr)")

        let plover = try cli.run(["export", "--db", cli.db, "--format", "plover"]).stdout.split(separator: "\n")
        let commitments = try cli.run(["sql", "--db", cli.db, "SELECT count(*) AS n FROM commitments", "--format", "csv"]).stdout
        #expect(plover.count == 2 + Int(commitments.split(separator: "\n")[1])!)
        #expect(plover.filter { $0.contains("\"event\": [\"CONSULT\"]") }.count == 2)
        let participants = try cli.run(["export", "--db", cli.db, "--table", "participants", "--format", "csv"]).stdout
        #expect(participants.hasPrefix("meeting_id,position,name,family_name,given_name,title,party,role,readout\n"), "\(participants)")
        #expect(try cli.run(["export", "--db", cli.db, "--table", "meeting"]).stderr.contains("did you mean meetings?"))
        #expect(try cli.run(["export", "--db", cli.db, "--table", "topics", "--format", "plover"]).status == 2)
        let schema = try cli.run(["schema", "--db", cli.db, "--format", "csv"]).stdout
        #expect(schema.contains("\nmeetings,table,id,TEXT,1,0\n") && schema.contains("\nmeeting_overview,view,parties,,0,0\n"), "\(schema)")
        #expect(try cli.run(["schema", "--db", cli.db, "meetings"]).stdout.contains("CREATE TABLE meetings"))
        #expect(try cli.run(["schema", "--db", cli.db, "meeting"]).stderr.contains("did you mean meetings"))
    }

    /// The README's "Questions you can answer" are run on the sample archive: each command shown with its
    /// output must print exactly that output, so that the page stays true.
    @Test func theQuestionsOfTheReadmeAnswerAsShown() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try cli.run(["import", "--db", cli.db, root.appendingPathComponent("Data/samples").path])
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let page = try #require(readme.components(separatedBy: "## Questions you can answer").dropFirst().first?.components(separatedBy: "\n## ").first)
        var examples: [(command: String, output: [String])] = []
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("    ") else { continue }
            let text = String(line.dropFirst(4))
            if text.hasPrefix("$ bilat ") { examples.append((text, [])) } else if !examples.isEmpty { examples[examples.count - 1].output.append(text) }
        }
        let shown = examples.filter { !$0.output.isEmpty }
        #expect(shown.count >= 4)
        for example in shown {
            // "$ bilat stats --by pair --by year   # a comment": the words before the comment.
            let words = example.command.dropFirst("$ bilat ".count).components(separatedBy: "#")[0].split(separator: " ").map(String.init)
            let r = try cli.run(words, environment: ["BILAT_DB": cli.db])
            #expect(r.status == 0 && r.stdout == example.output.joined(separator: "\n") + "\n", "\(example.command)\n\(r.stdout)\(r.stderr)")
        }
    }
}
