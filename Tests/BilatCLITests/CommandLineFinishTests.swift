import Foundation
import Testing
@testable import bilat

/// Readouts written for these tests: people whose names are typed in part, in another script or another
/// spelling, and countries typed by their two-letter codes.
private let finishReadouts: [String: String] = [
    "pakistan.txt": """
        Japan and Pakistan: Talks between Foreign Ministers
        June 3, 2024

        Starting at 10:00 a.m. on June 3, Japanese Foreign Minister Akira Sato sat down for some 40 minutes with Pakistani Foreign Minister Bilawal Bhutto Zardari.
        Both sides agreed to deepen their work together on disaster risk reduction.
        """,
    "brazil.txt": """
        Japan and Brazil: Leaders' Phone Call
        July 8, 2024

        From 9:00 p.m. on July 8, Japanese Prime Minister Kenta Nakayama spoke by telephone for roughly 25 minutes with Brazilian President Luiz Inácio Lula da Silva.
        Both leaders agreed to act together on climate change before the next conference opens.
        """,
    "ukraine.txt": """
        Japan and Ukraine: Summit Talks
        September 20, 2024

        Beginning at 2:00 p.m. on September 20, Japanese Prime Minister Kenta Nakayama sat down for about 45 minutes with Ukrainian President Volodymyr Zelensky.
        The leaders agreed to keep up joint work on rebuilding Ukraine.
        """,
    "vietnam.txt": """
        Japan and Viet Nam: Talks between Foreign Ministers
        October 14, 2024

        Starting at 11:00 a.m. on October 14, Japanese Foreign Minister Akira Sato sat down for some 30 minutes with Vietnamese Foreign Minister Tran Van Minh.
        Both sides agreed to strengthen defence cooperation, maritime security included.
        """,
    "ishiba.txt": """
        日米首脳電話会談
        令和6年11月7日

        本7日、午前9時から約25分間、石破茂内閣総理大臣は、ジョン・スミス米国大統領と電話会談を行いました。
        両首脳は、北朝鮮問題で日米の連携を一段と強化することで合意しました。
        """,
]

@Suite(.serialized) struct CommandLineFinishTests {
    /// An archive of ``finishReadouts``, made once per test.
    struct Archive {
        let folder: URL
        var db: String { folder.appendingPathComponent("archive.sqlite").path }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("bilat-finish-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("readouts"), withIntermediateDirectories: true)
            for (name, text) in finishReadouts {
                try text.write(to: folder.appendingPathComponent("readouts/\(name)"), atomically: true, encoding: .utf8)
            }
            let r = InProcess.run(["import", "--db", db, folder.appendingPathComponent("readouts").path])
            #expect(r.status == 0, "\(r.stderr)")
        }

        func ids(_ arguments: [String]) -> [String] {
            let r = InProcess.run(arguments + ["--db", db, "--format", "csv"])
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
            return r.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        }

        func cleanUp() { try? FileManager.default.removeItem(at: folder) }
    }

    @Test func versionUnknownCommandsAndHelpTopics() {
        let version = InProcess.run(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("bilat \(Bilat.version) (archive schema "))
        // The names checked before parsing are the subcommands' own, in their order.
        #expect(Bilat.commandNames == Bilat.configuration.subcommands.compactMap { $0.configuration.commandName })
        let typo = InProcess.run(["lsit"])
        #expect(typo.status == 2)
        #expect(typo.stderr == "bilat: unknown command 'lsit'; did you mean list?\nsee `bilat --help`\n")
        let help = InProcess.run(["help", "nosuch"])
        #expect(help.status == 2 && help.stderr.hasPrefix("bilat: unknown command 'nosuch'; the commands are import, list"))
        #expect(help.stdout.isEmpty)
        let option = InProcess.run(["--bogus"])
        #expect(option.status == 2 && option.stderr.hasSuffix("see `bilat --help`\n"), "\(option.stderr)")
        let listHelp = InProcess.run(["help", "list"])
        #expect(listHelp.status == 0 && listHelp.stdout.contains("USAGE: bilat list"))
        #expect(listHelp.stdout.contains("default: all; search: 20"))
        let badDate = InProcess.run(["list", "--from", "2024-02-30"])
        #expect(badDate.status == 2 && badDate.stderr.hasPrefix("bilat: --from 2024-02-30 is not a date: use YYYY, YYYY-MM or YYYY-MM-DD\n"))
        let backwards = InProcess.run(["list", "--from", "2025", "--to", "2024-06"])
        #expect(backwards.status == 2 && backwards.stderr.contains("--from 2025 is after --to 2024-06"))
    }

    @Test func aPersonIsFoundByAnyPartOfTheirName() throws {
        let archive = try Archive()
        defer { archive.cleanUp() }
        let pakistan = archive.ids(["list", "--party", "PAK"])
        let brazil = archive.ids(["list", "--party", "BRA"])
        let ukraine = archive.ids(["list", "--party", "UKR"])
        let japanese = archive.ids(["search", "北朝鮮"])
        #expect(pakistan.count == 1 && brazil.count == 1 && ukraine.count == 1 && japanese.count == 1)
        for name in ["Bhutto", "zardari", "Bilawal Bhutto Zardari", "BHUTTO ZARDARI Bilawal", "Bilawal"] {
            #expect(archive.ids(["list", "--person", name]) == pakistan, "\(name)")
        }
        for name in ["Lula", "lula da silva", "Luiz Inacio Lula da Silva", "Luis Lula"] {
            #expect(archive.ids(["list", "--person", name]) == brazil, "\(name)")
        }
        // Another transliteration of the family name is found, and said.
        let near = InProcess.run(["list", "--db", archive.db, "--person", "Zelenskyy", "--format", "csv"])
        #expect(near.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) } == ukraine)
        #expect(near.stderr == "--person Zelenskyy: Volodymyr Zelensky\n")
        // A Japanese name with or without its space.
        #expect(archive.ids(["list", "--person", "石破 茂"]) == japanese)
        #expect(archive.ids(["list", "--person", "石破茂"]) == japanese)
        #expect(archive.ids(["list", "--person", "石破"]) == japanese)
        // A name that is nobody's finds nothing rather than someone else.
        #expect(archive.ids(["list", "--person", "Bhutto Sharif"]).isEmpty)
        #expect(archive.ids(["list", "--person", "Nobody"]).isEmpty)
        #expect(archive.ids(["commitments", "--person", "lula"]).count == 1)
    }

    @Test func topicsByLabelAndVariantsWithSuggestions() throws {
        let archive = try Archive()
        defer { archive.cleanUp() }
        let defense = archive.ids(["list", "--topic", "defense-cooperation"])
        #expect(!defense.isEmpty)
        for typed in ["defence-cooperation", "Defence cooperation", "DEFENSE_COOPERATION", "défense coopération"] {
            #expect(archive.ids(["list", "--topic", typed]) == defense, "\(typed)")
        }
        #expect(archive.ids(["list", "--topic", "Ukraine"]) == archive.ids(["list", "--topic", "ukraine"]))
        let wrong = InProcess.run(["list", "--db", archive.db, "--topic", "ukrane"])
        #expect(wrong.status == 1 && wrong.stderr == "bilat: unknown topic \"ukrane\"; did you mean ukraine? (`bilat topics` lists them)\n")
        #expect(archive.ids(["commitments", "--topic", "Climate and environment"]).count == 1)
        let near = InProcess.run(["commitments", "--db", archive.db, "--topic", "climate"])
        #expect(near.status == 1 && near.stderr.contains("did you mean climate-environment?"))
    }

    @Test func partiesByTwoLetterCodesAndNamesOthersHoldToo() throws {
        let archive = try Archive()
        defer { archive.cleanUp() }
        #expect(archive.ids(["list", "--party", "VN"]) == archive.ids(["list", "--party", "VNM"]))
        #expect(archive.ids(["list", "--party", "jp"]).count == finishReadouts.count)
        #expect(archive.ids(["list", "--party", "PK"]) == archive.ids(["list", "--party", "Pakistan"]))
        let kosovo = InProcess.run(["list", "--db", archive.db, "--party", "Kosovo"])
        #expect(kosovo.status == 0 && kosovo.stderr == "no meetings match\n")
        #expect(InProcess.run(["list", "--db", archive.db, "--party", "XK"]).status == 0)
        let congo = InProcess.run(["list", "--db", archive.db, "--party", "Congo"])
        #expect(congo.status == 0)
        #expect(congo.stderr.hasPrefix("--party Congo: taken as COG (Congo); The Democratic Republic of the Congo is --party COD\n"))
        #expect(InProcess.run(["list", "--db", archive.db, "--party", "COD"]).stderr == "no meetings match\n")
        let typo = InProcess.run(["list", "--db", archive.db, "--party", "Pakistn"])
        #expect(typo.status == 1 && typo.stderr == "bilat: unknown party \"Pakistn\"; did you mean Pakistan?\n")
    }

    @Test func japaneseCommitmentsMatch() throws {
        let archive = try Archive()
        defer { archive.cleanUp() }
        for term in ["北朝鮮", "連携", "北朝鮮 連携"] {
            let r = InProcess.run(["commitments", "--db", archive.db, "--match", term, "--format", "json"])
            #expect(r.status == 0 && r.stdout.contains("連携を一段と強化"), "\(term): \(r.stdout)\(r.stderr)")
        }
        let none = InProcess.run(["commitments", "--db", archive.db, "--match", "インド太平洋"])
        #expect(none.status == 0 && none.stderr == "no commitments match\n")
        // LIKE's wildcards are letters like any other.
        #expect(InProcess.run(["commitments", "--db", archive.db, "--match", "北朝%"]).stderr == "no commitments match\n")
    }

    @Test func aCutListingSaysHowManyThereAre() throws {
        let archive = try Archive()
        defer { archive.cleanUp() }
        let search = InProcess.run(["search", "--db", archive.db, "agreed", "--limit", "2"])
        #expect(search.status == 0 && search.stderr == "2 of 4 shown; --limit N for more\n", "\(search.stderr)")
        #expect(search.stdout.split(separator: "\n").count == 4)
        let list = InProcess.run(["list", "--db", archive.db, "--limit", "3"])
        #expect(list.stderr == "3 of 5 shown; --limit N for more\n")
        #expect(InProcess.run(["list", "--db", archive.db, "--limit", "5"]).stderr.isEmpty)
        #expect(InProcess.run(["commitments", "--db", archive.db, "--limit", "1"]).stderr == "1 of 5 shown; --limit N for more\n")
        #expect(InProcess.run(["people", "--db", archive.db, "--limit", "1"]).stderr.hasPrefix("1 of "))
        // Other formats hold exactly the rows asked for and nothing else.
        let json = InProcess.run(["search", "--db", archive.db, "agreed", "--limit", "2", "--format", "json"])
        #expect(json.stderr.isEmpty)
    }

    @Test func idsAreNeverCutInANarrowTable() throws {
        let archive = try Archive()
        defer { archive.cleanUp() }
        let ids = archive.ids(["list"])
        for width in [40, 60, 80] {
            let table = InProcess.run(["list", "--db", archive.db], width: width)
            let lines = table.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == ids.count + 2)
            for (line, id) in zip(lines.dropFirst(2), ids) { #expect(line.hasPrefix(id + "  "), "\(width): \(line)") }
            if width == 80 { #expect(lines.allSatisfy { Output.displayWidth($0) <= 80 }, "\(lines)") }
        }
    }

    @Test func importSaysLittleOnATerminalAndCleansUp() throws {
        let archive = try Archive()
        defer { archive.cleanUp() }
        let readouts = archive.folder.appendingPathComponent("readouts").path
        let quiet = InProcess.run(["import", "--db", archive.db, "--quiet", readouts])
        #expect(quiet.status == 0 && quiet.stdout == "0 imported, 0 linked, 5 unchanged, 0 replaced, 0 failed\n" && quiet.stderr.isEmpty)
        let verbose = InProcess.run(["import", "--db", archive.db, "--verbose", readouts])
        #expect(verbose.stdout.split(separator: "\n").filter { $0.hasPrefix("unchanged ") }.count == 5)
        #expect(InProcess.run(["import", "--db", archive.db, "--verbose", "--quiet", readouts]).status == 2)
        // Only missing files: the failure is said and no empty archive stays behind.
        let fresh = archive.folder.appendingPathComponent("fresh.sqlite").path
        let missing = InProcess.run(["import", "--db", fresh, archive.folder.appendingPathComponent("nothing-here.txt").path])
        #expect(missing.status == 1 && missing.stdout.contains("(no archive was created at \(fresh))"))
        #expect(!FileManager.default.fileExists(atPath: fresh) && !FileManager.default.fileExists(atPath: fresh + "-wal"))
        // A folder that does not exist is named.
        let nowhere = InProcess.run(["import", "--db", "/nonexistent-folder/x.sqlite", readouts])
        #expect(nowhere.status == 1 && nowhere.stderr == "bilat: cannot create /nonexistent-folder/x.sqlite: the folder /nonexistent-folder does not exist (make it first, or give another --db)\n")
        let dry = InProcess.run(["import", "--dry-run", archive.folder.appendingPathComponent("readouts/brazil.txt").path])
        #expect(dry.stderr == "dry run: 1 record read, 0 files failed, nothing written\n")
    }

    @Test func theProgressBarCountsRatesAndTimeLeft() {
        #expect(ImportProgress.bar(done: 0, total: 9600, seconds: 0) == "[                        ] 0/9,600")
        #expect(ImportProgress.bar(done: 4800, total: 9600, seconds: 12) == "[############            ] 4,800/9,600  400 files/s  12 s left")
        #expect(ImportProgress.bar(done: 9600, total: 9600, seconds: 24) == "[########################] 9,600/9,600  400 files/s")
        #expect(ImportProgress.bar(done: 100, total: 100_000, seconds: 1) == "[                        ] 100/100,000  100 files/s  16 min 39 s left")
        #expect(ImportProgress.duration(7300) == "2 h 01 min")
    }

    @Test func clearMessagesWhereALibraryWouldSpeak() throws {
        let archive = try Archive()
        defer { archive.cleanUp() }
        let two = InProcess.run(["sql", "--db", archive.db, "select 1; select 2"])
        #expect(two.status == 1 && two.stderr == "bilat: `bilat sql` runs one statement at a time: give one SELECT, with nothing after its ';'\n")
        // A damaged archive: check says what is wrong and what to do, not to run check.
        let damaged = archive.folder.appendingPathComponent("damaged.sqlite")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: archive.db))
        bytes.replaceSubrange(4096..<min(bytes.count, 40_000), with: Data(repeating: 0x5A, count: min(bytes.count, 40_000) - 4096))
        try bytes.write(to: damaged)
        let check = InProcess.run(["check", "--db", damaged.path])
        #expect(check.status == 1 && check.stdout.hasPrefix("\(damaged.path): not ok\n"))
        #expect(!check.stdout.contains("run `bilat check"), "\(check.stdout)")
        let csv = InProcess.run(["export", "--db", archive.db, "--format", "csv"])
        #expect(csv.stdout.hasPrefix("id,title,language,date,start_time,duration_minutes,format,venue,parties,principals,attendees,topics,commitments,commitment_texts,"))
        #expect(csv.stdout.contains("joint: Both leaders agreed to act together on climate change"))
    }
}

/// The table renderer: widths of wide characters and emoji, cutting, and ids kept whole.
@Suite struct TableRendererTests {
    @Test func displayWidths() {
        #expect(Output.displayWidth("abc") == 3)
        #expect(Output.displayWidth("石破茂") == 6)
        #expect(Output.displayWidth("ｱｲｳ") == 3)
        #expect(Output.displayWidth("Ｊａｐａｎ") == 10)
        #expect(Output.displayWidth("Élodie") == 6)
        #expect(Output.displayWidth("E\u{301}lodie") == 6)
        #expect(Output.displayWidth("🇯🇵") == 2)
        #expect(Output.displayWidth("👍🏽") == 2)
        #expect(Output.displayWidth("👩‍👩‍👧") == 2)
        #expect(Output.displayWidth("☎️") == 2)
        #expect(Output.displayWidth("한국") == 4)
    }

    @Test func cuttingFitsTheWidthAndKeepsFixedColumns() {
        let header = ["ID", "TITLE", "NOTE"]
        let rows = [["2026-03-06-can-jpn", String(repeating: "Meeting of the ministers ", count: 4), "short"],
                    ["2026-03-07-fra-jpn", "日本とフランスの外相会談について（概要）", "🇯🇵 ok"]]
        let full = Output.tableLines(header: header, rows: rows, fixed: [0], width: nil)
        #expect(full[2].hasSuffix("short") && full[2].contains(rows[0][1].trimmingCharacters(in: .whitespaces)))
        for width in [30, 50, 72] {
            let lines = Output.tableLines(header: header, rows: rows, fixed: [0], width: width)
            #expect(lines.count == 4)
            #expect(lines[2].hasPrefix("2026-03-06-can-jpn  ") && lines[3].hasPrefix("2026-03-07-fra-jpn  "))
            #expect(lines.allSatisfy { Output.displayWidth($0) <= max(width, 18 + 2 + 8 + 2 + 8) }, "\(width): \(lines)")
            #expect(lines[2].contains("…"))
        }
        // The longest column is cut first: at 60 columns the short one is whole.
        let sixty = Output.tableLines(header: header, rows: rows, fixed: [0], width: 60)
        #expect(sixty[2].hasSuffix("short") && sixty[3].hasSuffix("🇯🇵 ok"))
        // A wide character is never cut in half: the cut text plus … fits its column.
        let cut = Output.fit("日本とフランス", 6)
        #expect(cut == "日本…" && Output.displayWidth(cut) == 5)
        #expect(Output.fit("abc", 3) == "abc")
        #expect(Output.fit("abcdef", 4) == "abc…" && Output.fit("Élodie Marchand", 7) == "Élodie…")
    }

    @Test func cellsAndFieldsAreEditedAsFoundationWould() {
        // A line break inside CRLF is replaced too, as NSString's replacement did: a cell stays on one line.
        let lines = Output.tableLines(header: ["ID", "NOTE"], rows: [["a", "one\r\ntwo\nthree"], ["b", "in_person "]], width: nil)
        #expect(lines.count == 4 && lines[2] == "a   one\r two three" && lines[3] == "b   in_person")
        #expect(Output.csvField("say \"yes\", then go") == "\"say \"\"yes\"\", then go\"")
        #expect(Output.csvField("plain") == "plain")
        for text in ["in_person", "_a__b_", "no underscore", "é_日本_👍🏽", ""] {
            #expect(text.asWords == text.replacingOccurrences(of: "_", with: " "))
        }
        for text in ["  padded \t", "\tx", "   ", "", "a  b", "\u{3000}全角\u{3000}"] {
            #expect(text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }
}
