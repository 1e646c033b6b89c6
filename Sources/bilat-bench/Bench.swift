import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

/// `bilat-bench`: writes a generated corpus and measures Bilat on it. Not part of the user's `bilat`.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bilat-bench",
        abstract: "Generate realistic readouts and benchmark import, queries and the bilat command against the sqlite3 shell.",
        subcommands: [Generate.self, Run.self, Parse.self, Hostile.self]
    )
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write COUNT generated readouts (deterministic from --seed) into a folder.")

    @Option(help: "How many readouts.") var count: Int = 10_000
    @Option(help: "The seed: the same seed writes the same corpus.") var seed: UInt64 = 1
    @Option(help: "The folder to write into.") var out: String

    func run() throws {
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let start = Date()
        let bytes = try CorpusGenerator(seed: seed).write(count: count, seed: seed, to: folder)
        print(String(format: "wrote %d readouts (%.1f MB, %.1f KB each) to %@ in %.1f s", count, Double(bytes) / 1e6,
                     Double(bytes) / Double(max(count, 1)) / 1e3, out, Date().timeIntervalSince(start)))
    }
}

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read readouts on one core without writing them: the CPU cost of reading, per readout.")

    @Argument(help: "Files or folders of readouts (a generated corpus, or ../shared/corpus/dev).") var paths: [String]
    @Option(help: "Read at most this many files.") var limit: Int = .max
    @Option(help: "Read the files this many times (the first pass warms the caches and is not counted).") var passes: Int = 3

    func run() throws {
        let files = FileWalk(paths).filter { $0.error == nil }.prefix(limit)
        let inputs = try files.map { (path: $0.path, bytes: try Data(contentsOf: URL(fileURLWithPath: $0.path))) }
        let reader = ReadoutFile()
        var best = Double.infinity
        for pass in 0..<max(passes, 2) {
            let start = DispatchTime.now().uptimeNanoseconds
            for input in inputs { _ = try? reader.read(path: input.path, bytes: input.bytes) }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if pass > 0 { best = min(best, seconds) }
        }
        let bytes = inputs.reduce(0) { $0 + $1.bytes.count }
        print(String(format: "read %d readouts (%.1f KB each) in %.2f s on one core: %.3f ms each, %.0f readouts/s per core",
                     inputs.count, Double(bytes) / Double(max(inputs.count, 1)) / 1e3, best,
                     best * 1e3 / Double(max(inputs.count, 1)), Double(inputs.count) / best))
    }
}

struct Hostile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read each hostile shape of readout (HostileInputs) once on one core: how long, or how it was refused.")

    @Option(help: "The seed of the inputs.") var seed: UInt64 = 1
    @Option(help: "Only the shapes whose name holds this text.") var only: String?

    func run() throws {
        let reader = ReadoutFile()
        for input in HostileInputs(seed: seed).all() where only.map({ input.name.contains($0) }) ?? true {
            let start = DispatchTime.now().uptimeNanoseconds
            let outcome: String
            do {
                let records = try reader.read(path: input.fileName, bytes: input.bytes)
                outcome = "read: \(records.first?.record.participants.count ?? 0) participants"
            } catch {
                outcome = "refused: \(error)"
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let name = input.name.padding(toLength: 34, withPad: " ", startingAt: 0)
            print(name + String(format: " %5.1f MB  %7.2f s  ", Double(input.bytes.count) / 1e6, seconds) + String(outcome.prefix(90)))
        }
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Benchmark one scale: import, in-process queries, whole commands, sqlite3 shell.")

    @Option(help: "How many readouts.") var scale: Int = 10_000
    @Option(help: "The seed of the corpus.") var seed: UInt64 = 1
    @Option(help: "Where corpora and archives are kept.") var work: String = ".build/bench"
    @Option(help: "The bilat binary to time as a whole command.") var bilat: String = ".build/release/bilat"
    @Option(help: "Repetitions of each in-process query.") var repeats: Int = 200
    @Option(help: "Repetitions of each whole command.") var commandRepeats: Int = 20

    func run() throws {
        let base = URL(fileURLWithPath: work)
        let corpus = base.appendingPathComponent("corpus-\(scale)-\(seed)")
        let marker = corpus.appendingPathComponent(".complete")
        var rawBytes = 0
        if !FileManager.default.fileExists(atPath: marker.path) {
            try? FileManager.default.removeItem(at: corpus)
            try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
            rawBytes = try CorpusGenerator(seed: seed).write(count: scale, seed: seed, to: corpus)
            try Data("\(rawBytes)".utf8).write(to: marker)
        } else {
            rawBytes = Int(String(decoding: try Data(contentsOf: marker), as: UTF8.self)) ?? 0
        }
        let db = base.appendingPathComponent("bench-\(scale)-\(seed).sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }

        // Import, in process, as `bilat import` does it.
        let files = FileWalk([corpus.path])
        let archive = try Archive.open(path: db, create: true)
        let start = Date()
        var failed = 0
        var imported = 0
        ArchiveImporter().importFiles(files, into: archive) { imported += 1; if $0.failure != nil { failed += 1 } }
        let seconds = Date().timeIntervalSince(start)
        let rss = peakRSS()
        try archive.close()
        let size = ["", "-wal"].compactMap { (try? FileManager.default.attributesOfItem(atPath: db + $0))?[.size] as? NSNumber }.reduce(0) { $0 + $1.intValue }
        print("## \(scale) readouts (seed \(seed))\n")
        print("| figure | value |\n| --- | --- |")
        print(String(format: "| import | %.0f readouts/s (%.1f s, %d failed) |", Double(imported) / seconds, seconds, failed))
        print(String(format: "| peak memory (RSS) | %.0f MB |", Double(rss) / 1e6))
        print(String(format: "| archive size | %.1f KB per readout, %.2f × the raw text (%.1f MB of text) |", Double(size) / Double(scale) / 1e3,
                     Double(size) / Double(max(rawBytes, 1)), Double(rawBytes) / 1e6))
        print("")

        let reader = try Archive.open(path: db, readOnly: true)
        let person = try RawSQL.run(reader, sql: """
            SELECT p.family_name FROM people p JOIN participants pa ON pa.person_id = p.id
            GROUP BY p.id ORDER BY count(*) DESC LIMIT 1 OFFSET 20
            """).rows.first?.first.flatMap { if case .string(let s) = $0 { return s } else { return nil } } ?? "Sato"
        let firstID = try RawSQL.run(reader, sql: "SELECT id FROM meetings ORDER BY num LIMIT 1 OFFSET 100").rows.first?.first
            .flatMap { if case .string(let s) = $0 { return s } else { return nil } } ?? ""
        let rare = "satellite"
        let common = "cooperation"
        struct Case { let name: String; let run: () throws -> Void; let command: [String]; let sql: String }
        let cases: [Case] = [
            Case(name: "list --person \(person)", run: { _ = try MeetingQuery.list(reader, filter: MeetingFilter(person: person, limit: 20)) },
                 command: ["list", "--person", person, "--limit", "20"], sql: try MeetingQuery.listSQL(reader, filter: MeetingFilter(person: person, limit: 20))),
            Case(name: "list --from 2010-03 --to 2010-04", run: { _ = try MeetingQuery.list(reader, filter: MeetingFilter(from: "2010-03", to: "2010-04", limit: 20)) },
                 command: ["list", "--from", "2010-03", "--to", "2010-04", "--limit", "20"],
                 sql: try MeetingQuery.listSQL(reader, filter: MeetingFilter(from: "2010-03", to: "2010-04", limit: 20))),
            Case(name: "list --party NOR --topic space", run: { _ = try MeetingQuery.list(reader, filter: MeetingFilter(party: "NOR", topics: ["space"], limit: 20)) },
                 command: ["list", "--party", "NOR", "--topic", "space", "--limit", "20"],
                 sql: try MeetingQuery.listSQL(reader, filter: MeetingFilter(party: "NOR", topics: ["space"], limit: 20))),
            Case(name: "commitments --topic cybersecurity", run: { _ = try CommitmentQuery.list(reader, filter: CommitmentFilter(topics: ["cybersecurity"], limit: 20)) },
                 command: ["commitments", "--topic", "cybersecurity", "--limit", "20"],
                 sql: try CommitmentQuery.sql(reader, filter: CommitmentFilter(topics: ["cybersecurity"], limit: 20))),
            Case(name: "commitments --party NOR --person \(person)",
                 run: { _ = try CommitmentQuery.list(reader, filter: CommitmentFilter(meetings: MeetingFilter(person: person, party: "NOR"), limit: 20)) },
                 command: ["commitments", "--party", "NOR", "--person", person, "--limit", "20"],
                 sql: try CommitmentQuery.sql(reader, filter: CommitmentFilter(meetings: MeetingFilter(person: person, party: "NOR"), limit: 20))),
            Case(name: "search \(rare) (rare)", run: { _ = try SearchQuery.search(reader, query: rare, filter: MeetingFilter(limit: 20)) },
                 command: ["search", rare, "--limit", "20"], sql: try SearchQuery.sql(reader, query: rare, filter: MeetingFilter(limit: 20))),
            Case(name: "search \(common) (common)", run: { _ = try SearchQuery.search(reader, query: common, filter: MeetingFilter(limit: 20)) },
                 command: ["search", common, "--limit", "20"], sql: try SearchQuery.sql(reader, query: common, filter: MeetingFilter(limit: 20))),
            Case(name: "show \(firstID)", run: { _ = try MeetingQuery.record(reader, id: firstID) },
                 command: ["show", firstID, "--format", "json"], sql: "SELECT * FROM meetings WHERE id = '\(firstID)'"),
        ]
        print("| query | in process p50 / p99 | bilat command p50 / p99 | sqlite3 shell p50 | command ÷ sqlite3 |")
        print("| --- | --- | --- | --- | --- |")
        for c in cases {
            let inProcess = try timings(repeats) { try c.run() }
            let command = try timings(commandRepeats) { try runProcess(bilat, ["--db", db] + c.command, subcommandFirst: true) }
            let shell = try timings(commandRepeats) { try runProcess("/usr/bin/sqlite3", [db, c.sql], subcommandFirst: false) }
            print(String(format: "| %@ | %.2f / %.2f ms | %.1f / %.1f ms | %.1f ms | %.2f× |", c.name, inProcess.p50, inProcess.p99,
                         command.p50, command.p99, shell.p50, command.p50 / max(shell.p50, 0.001)))
        }
        // Summaries of the whole archive: exact counts over every meeting, as whole commands.
        print("\n| summary of the whole archive | bilat command p50 (of 5) |\n| --- | --- |")
        for command in [["stats", "--by", "party"], ["stats", "--by", "topic", "--commitments"], ["people", "--limit", "20"], ["topics"]] {
            let whole = try timings(5) { try runProcess(bilat, ["--db", db] + command, subcommandFirst: true) }
            print(String(format: "| %@ | %.1f ms |", command.joined(separator: " "), whole.p50))
        }
        let exportStart = Date()
        var exported = 0
        try MeetingQuery.export(reader, filter: MeetingFilter()) { record in
            _ = record.jsonString()
            exported += 1
        }
        print(String(format: "\n| export (in process, ndjson) | %.0f records/s |\n| --- | --- |", Double(exported) / Date().timeIntervalSince(exportStart)))
        let plans = try RawSQL.run(reader, sql: "EXPLAIN QUERY PLAN " + cases[2].sql).rows.map { $0.last.map { "\($0)" } ?? "" }
        print("\nQuery plan of `\(cases[2].name)`: " + plans.joined(separator: "; "))
    }

    /// p50 and p99 in milliseconds of `count` runs of `body`.
    func timings(_ count: Int, _ body: () throws -> Void) throws -> (p50: Double, p99: Double) {
        var samples: [Double] = []
        for _ in 0..<count {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        samples.sort()
        func at(_ q: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count - 1) * q + 0.5))] }
        return (at(0.5), at(0.99))
    }

    /// Runs a command with posix_spawn (Foundation's Process adds tens of milliseconds of its own on Linux,
    /// which would hide what is measured), output to /dev/null.
    func runProcess(_ path: String, _ arguments: [String], subcommandFirst: Bool) throws {
        // `bilat SUBCOMMAND --db PATH …`: the subcommand comes first.
        let args = subcommandFirst && arguments.count > 2 ? [arguments[2], arguments[0], arguments[1]] + Array(arguments.dropFirst(3)) : arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let cArgs = ([path] + args).map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, cArgs, environ)
        guard spawned == 0 else { throw ValidationError("could not start \(path)") }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        if status != 0 { throw ValidationError("\(path) \(args.joined(separator: " ")) failed") }
    }

    /// The process's peak resident memory (VmHWM), in bytes.
    func peakRSS() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) * 1024
    }
}
