import Foundation

/// A small deterministic generator (SplitMix64): the same seed writes the same corpus.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An index in 0..<count drawn with Zipf-like weights (a few very frequent, a long tail).
    mutating func zipf(_ count: Int) -> Int {
        let u = Double.random(in: 0..<1, using: &self)
        return min(count - 1, Int(pow(Double(count), u)) - 1)
    }
}

/// Writes realistic readouts (1–6 KB) in the house styles Bilat reads: MOFA English, US State
/// Department, UK Prime Minister's Office, Japanese embassy French, MOFA Japanese. People follow a
/// Zipf-like spread over thousands of names, dates span decades, topics and commitments vary.
struct CorpusGenerator {
    struct Country { let code: String; let en: String; let fr: String; let ja: String; let adjective: String }
    struct Person { let given: String; let family: String; let country: Int }

    static let countries: [Country] = [
        .init(code: "JPN", en: "Japan", fr: "Japon", ja: "日本", adjective: "Japanese"),
        .init(code: "FRA", en: "the French Republic", fr: "la République française", ja: "フランス共和国", adjective: "French"),
        .init(code: "DEU", en: "the Federal Republic of Germany", fr: "l’Allemagne", ja: "ドイツ連邦共和国", adjective: "German"),
        .init(code: "GBR", en: "the United Kingdom", fr: "le Royaume-Uni", ja: "英国", adjective: "British"),
        .init(code: "USA", en: "the United States", fr: "les États-Unis", ja: "米国", adjective: "U.S."),
        .init(code: "AUS", en: "Australia", fr: "l’Australie", ja: "オーストラリア", adjective: "Australian"),
        .init(code: "CAN", en: "Canada", fr: "le Canada", ja: "カナダ", adjective: "Canadian"),
        .init(code: "IND", en: "India", fr: "l’Inde", ja: "インド", adjective: "Indian"),
        .init(code: "BRA", en: "the Federative Republic of Brazil", fr: "le Brésil", ja: "ブラジル連邦共和国", adjective: "Brazilian"),
        .init(code: "SEN", en: "the Republic of Senegal", fr: "le Sénégal", ja: "セネガル共和国", adjective: "Senegalese"),
        .init(code: "ITA", en: "the Italian Republic", fr: "l’Italie", ja: "イタリア共和国", adjective: "Italian"),
        .init(code: "POL", en: "the Republic of Poland", fr: "la Pologne", ja: "ポーランド共和国", adjective: "Polish"),
        .init(code: "MEX", en: "the United Mexican States", fr: "le Mexique", ja: "メキシコ合衆国", adjective: "Mexican"),
        .init(code: "KEN", en: "the Republic of Kenya", fr: "le Kenya", ja: "ケニア共和国", adjective: "Kenyan"),
        .init(code: "NOR", en: "the Kingdom of Norway", fr: "la Norvège", ja: "ノルウェー王国", adjective: "Norwegian"),
        .init(code: "CHL", en: "the Republic of Chile", fr: "le Chili", ja: "チリ共和国", adjective: "Chilean"),
    ]
    static let syllables = ["ka", "to", "mi", "ra", "sen", "lo", "ve", "dan", "mar", "el", "su", "ri", "no", "bel", "tor", "an", "is", "ku", "ha", "len"]
    static let katakanaSyllables = ["カ", "ト", "ミ", "ラ", "セン", "ロ", "ヴェ", "ダン", "マル", "エル", "ス", "リ", "ノ", "ベル", "トル", "アン", "イス", "ク", "ハ", "レン"]
    static let kanjiFamilies = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "松本", "井上", "木村"]
    static let kanjiGiven = ["太郎", "健一", "洋子", "直樹", "美香", "誠", "大輔", "陽子", "浩", "明美"]
    static let topicSentences: [(en: String, fr: String, ja: String)] = [
        ("cooperation on cyber security and the protection of critical infrastructure", "la coopération en matière de cybersécurité", "サイバー分野での協力"),
        ("maritime security and the freedom of navigation", "la sécurité maritime et la liberté de navigation", "海洋安全保障と航行の自由"),
        ("trade and investment between the two countries", "le commerce et l’investissement entre les deux pays", "両国間の貿易・投資"),
        ("energy security, including LNG supplies", "la sécurité énergétique", "エネルギー安全保障"),
        ("the situation in Ukraine and support for its reconstruction", "la situation en Ukraine", "ウクライナ情勢"),
        ("North Korea's nuclear and missile programmes", "les programmes nucléaire et balistique de la Corée du Nord", "北朝鮮の核・ミサイル問題"),
        ("climate change and biodiversity", "le changement climatique", "気候変動"),
        ("supply chains for critical minerals", "les chaînes d’approvisionnement en minerais critiques", "重要鉱物のサプライチェーン"),
        ("people-to-people exchanges, including student exchanges", "les échanges culturels et universitaires", "人的交流と文化交流"),
        ("a free and open Indo-Pacific", "un Indo-Pacifique libre et ouvert", "インド太平洋の安定と繁栄"),
        ("defence equipment and joint development", "les équipements de défense", "防衛装備品協力"),
        ("the situation in the Middle East, including Gaza", "la situation au Moyen-Orient", "中東情勢"),
        ("global health and pandemic preparedness", "la santé mondiale", "国際保健"),
        ("space cooperation and satellite data", "la coopération spatiale", "宇宙協力"),
    ]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let moisFR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]

    let people: [Person]
    let japanesePeople: [(family: String, given: String)]

    init(seed: UInt64, peopleCount: Int = 4000) {
        var random = SeededRandom(state: seed ^ 0xB11A7)
        func word(_ count: Int) -> String {
            (0..<count).map { _ in Self.syllables.randomElement(using: &random)! }.joined().capitalized
        }
        people = (0..<peopleCount).map { i in
            // Every country has people; the home side (Japan) has a share of them, as in the real archive.
            Person(given: word(2), family: word(Int.random(in: 2...3, using: &random)), country: i % Self.countries.count)
        }
        japanesePeople = Self.kanjiFamilies.flatMap { f in Self.kanjiGiven.map { (f, $0) } }
    }

    /// The readout number `n`: its file name and text.
    func readout(_ n: Int, seed: UInt64) -> (name: String, text: String) {
        var random = SeededRandom(state: seed &+ UInt64(n) &* 0x9E37_79B9)
        let year = 1996 + random.zipf(30) % 30
        let month = Int.random(in: 1...12, using: &random)
        let day = Int.random(in: 1...28, using: &random)
        let style = n % 10
        let host = people[random.zipf(people.count)]
        var guest = people[random.zipf(people.count)]
        if guest.country == host.country { guest = people[(people.firstIndex { $0.country != host.country }) ?? 1] }
        let topics = (0..<Int.random(in: 2...6, using: &random)).map { _ in Self.topicSentences.randomElement(using: &random)! }
        let paragraphs = Int.random(in: 4...28, using: &random)
        let name = String(format: "%07d-%04d-%02d-%02d-%@.txt", n, year, month, day, ["en", "en", "en", "en", "us", "uk", "fr", "fr", "ja", "ja"][style])
        let text: String
        switch style {
        case 0...3: text = mofaEnglish(host, guest, year, month, day, topics, paragraphs, &random)
        case 4: text = stateDepartment(host, guest, year, month, day, topics, paragraphs, &random)
        case 5: text = downingStreet(guest, year, month, day, topics, paragraphs, &random)
        case 6, 7: text = embassyFrench(host, guest, year, month, day, topics, paragraphs, &random)
        default: text = mofaJapanese(guest, year, month, day, topics, paragraphs, &random)
        }
        return (name, text)
    }

    func country(_ p: Person) -> Country { Self.countries[p.country] }

    func mofaEnglish(_ a: Person, _ b: Person, _ y: Int, _ m: Int, _ d: Int, _ topics: [(en: String, fr: String, ja: String)], _ count: Int,
                     _ r: inout SeededRandom) -> String {
        let hour = Int.random(in: 1...11, using: &r)
        var t = "\(country(a).adjective)-\(country(b).adjective) Foreign Ministers' Meeting\n\(Self.months[m - 1]) \(d), \(y)\n\n"
        t += "On \(Self.months[m - 1]) \(d), commencing at \(hour):\(String(format: "%02d", Int.random(in: 0...59, using: &r))) p.m. for approximately \(Int.random(in: 2...9, using: &r) * 10) minutes, "
        t += "Mr. \(a.family.uppercased()) \(a.given), Minister for Foreign Affairs of \(country(a).en), held a meeting with H.E. Mr. \(b.given) \(b.family), Minister for Foreign Affairs of \(country(b).en). The overview of the meeting is as follows.\n"
        for i in 0..<count {
            let topic = topics[i % topics.count].en
            switch i % 4 {
            case 0: t += "\(i + 1). The two ministers agreed to deepen \(topic).\n"
            case 1: t += "\(i + 1). Minister \(b.family) explained the views of \(country(b).en) on \(topic), and Minister \(a.family) expressed his appreciation.\n"
            case 2: t += "\(i + 1). Both sides confirmed that they would continue to work closely together on \(topic) in the years ahead, including through regular dialogues at the working level.\n"
            default: t += "\(i + 1). The ministers exchanged views on regional affairs, including \(topic), and noted the importance of close consultation between their governments.\n"
            }
        }
        return t
    }

    func stateDepartment(_ a: Person, _ b: Person, _ y: Int, _ m: Int, _ d: Int, _ topics: [(en: String, fr: String, ja: String)], _ count: Int,
                         _ r: inout SeededRandom) -> String {
        var t = "Secretary's Meeting with \(country(b).adjective) Foreign Minister \(b.family)\n\nOffice of the Spokesperson\n\nWashington, DC\n\n\(Self.months[m - 1]) \(d), \(y)\n\n"
        t += "Secretary of State \(a.given) \(a.family) met today with \(country(b).adjective) Foreign Minister \(b.given) \(b.family). "
        t += "They discussed \(topics.map(\.en).joined(separator: ", ")).\n\n"
        for i in 0..<count {
            t += i % 2 == 0 ? "The Secretary and the Foreign Minister agreed to strengthen \(topics[i % topics.count].en).\n\n"
                            : "The Secretary underscored the importance of \(topics[i % topics.count].en) for regional stability.\n\n"
        }
        return t
    }

    func downingStreet(_ b: Person, _ y: Int, _ m: Int, _ d: Int, _ topics: [(en: String, fr: String, ja: String)], _ count: Int,
                       _ r: inout SeededRandom) -> String {
        var t = "PM call with President \(b.family): \(d) \(Self.months[m - 1]) \(y)\n\n"
        t += "The Prime Minister spoke to President \(b.given) \(b.family) of \(country(b).en) this afternoon.\n\n"
        for i in 0..<count {
            t += "The leaders discussed \(topics[i % topics.count].en) and agreed to stay in close contact.\n\n"
        }
        return t + "A Downing Street spokesperson said the leaders looked forward to speaking again soon.\n"
    }

    func embassyFrench(_ a: Person, _ b: Person, _ y: Int, _ m: Int, _ d: Int, _ topics: [(en: String, fr: String, ja: String)], _ count: Int,
                       _ r: inout SeededRandom) -> String {
        var t = "Rencontre des ministres des Affaires étrangères\n\(y)/\(m)/\(d)\n\n"
        t += "Le \(d) \(Self.moisFR[m - 1]) \(y) à partir de \(Int.random(in: 9...18, using: &r))h\(String(format: "%02d", Int.random(in: 0...59, using: &r))), le ministre des Affaires étrangères \(a.family.uppercased()) \(a.given) s’est entretenu pendant près de \(Int.random(in: 2...9, using: &r) * 10) minutes avec M. \(b.given) \(b.family.uppercased()), ministre des Affaires étrangères de \(country(b).fr). Voici le résumé de leur entretien :\n"
        for i in 0..<count {
            let topic = topics[i % topics.count].fr
            t += i % 2 == 0 ? "- Les deux ministres sont convenus de renforcer \(topic).\n"
                            : "- M. \(b.family.uppercased()) a présenté la position de son pays sur \(topic).\n"
        }
        return t + "Traduction provisoire\n"
    }

    func mofaJapanese(_ b: Person, _ y: Int, _ m: Int, _ d: Int, _ topics: [(en: String, fr: String, ja: String)], _ count: Int,
                      _ r: inout SeededRandom) -> String {
        let host = japanesePeople[r.zipf(japanesePeople.count)]
        let reiwa = y >= 2019 ? "令和\(y - 2018 == 1 ? "元" : String(y - 2018))年" : "平成\(y - 1988)年"
        var t = "外相会談\n\(reiwa)\(m)月\(d)日\n\n"
        t += "本\(d)日、午後\(Int.random(in: 1...9, using: &r))時\(Int.random(in: 10...59, using: &r))分から約\(Int.random(in: 2...9, using: &r) * 10)分間、\(host.family)\(host.given)外務大臣は、"
        t += "\(Self.katakana(b.given))・\(Self.katakana(b.family))・\(country(b).ja)外務大臣と会談を実施した。概要は次のとおり。\n"
        for i in 0..<count {
            let topic = topics[i % topics.count].ja
            t += i % 2 == 0 ? "\(i + 1) 両外相は、\(topic)について協力を強化することで一致した。\n"
                            : "\(i + 1) \(host.family)大臣から、\(topic)について日本の考えを説明した。\n"
        }
        return t
    }

    /// A generated Latin name written in katakana, syllable by syllable.
    static func katakana(_ name: String) -> String {
        var rest = Substring(name.lowercased())
        var out = ""
        while !rest.isEmpty {
            if let (i, s) = syllables.enumerated().filter({ rest.hasPrefix($0.element) }).max(by: { $0.element.count < $1.element.count }) {
                out += katakanaSyllables[i]
                rest = rest.dropFirst(s.count)
            } else {
                rest = rest.dropFirst()
            }
        }
        return out
    }

    /// Writes readouts `0..<count` into `folder` (in subfolders of 1,000 files).
    func write(count: Int, seed: UInt64, to folder: URL) throws -> Int {
        var bytes = 0
        for n in 0..<count {
            let (name, text) = readout(n, seed: seed)
            let sub = folder.appendingPathComponent(String(format: "%04d", n / 1000))
            if n % 1000 == 0 { try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true) }
            let data = Data(text.utf8)
            bytes += data.count
            try data.write(to: sub.appendingPathComponent(name))
        }
        return bytes
    }
}
