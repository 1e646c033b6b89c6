#!/usr/bin/env python3
"""Generate Data/people.json (the office holders Bilat knows) from the public datasets of
../shared/data-sources plus the hand-curated Data/people-sources/overlay.json.

Run:  python3 scripts/generate-people.py [--sources DIR]   (or `make people`)

Each person gets what the reader uses: family and given names as used in English, the side they
speak for (an ISO 3166-1 alpha-3 code or an organisation code), and, from the overlay only, the
name in Japanese script. The overlay comes first and wins: a generated person with the name of an
overlay entry is left out. Precision first: a row whose name cannot be divided with confidence, whose
country is not known, or whose name two sides claim, is skipped (a wrong side or family name would
become a wrong stated fact).

Datasets (see the README's "Data sources"):
  - wikidata-world-leaders: heads of state and government in office 2024-10 (and those who left in 2022)
  - wikidata-epscrapers-world: foreign ministers in office 2023-01; UN and WTO office holders
  - cia-world-leaders-2019: the cabinets of June 2019, FAMILY names in capitals
  - plad: effective leaders whose spells began 2015-2023 (earlier spells carry surnames only)
  - global-leader-ideologies (Herre): heads of government 1990-2020
"""
import argparse
import collections
import csv
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Names written family name first in Latin-script English use (../shared/spec/export.md); the same set
# as ReadoutParser.familyFirstParties.
FAMILY_FIRST = {"CHN", "TWN", "KOR", "PRK", "VNM", "KHM", "HKG", "MAC"}
# Where a name without marked family name cannot be divided by its last word: no family names
# (Myanmar, Indonesia, Malay and Arab patronymics, Iceland, Ethiopia, Eritrea, Somalia, Mongolia,
# Bhutan) or a mix of orders (Singapore). Only the CIA directory, which marks the family name, is read there.
NO_LAST_WORD = {"MMR", "IDN", "MYS", "BRN", "SGP", "ISL", "ETH", "ERI", "SOM", "MNG", "BTN",
                "SAU", "ARE", "QAT", "KWT", "BHR", "OMN", "AFG"}
# Two family names (paternal and maternal) are usual: a name of three or more words is not divided.
TWO_SURNAMES = {"ESP", "MEX", "ARG", "COL", "PER", "CHL", "VEN", "ECU", "BOL", "PRY", "URY", "CUB", "DOM",
                "GTM", "HND", "SLV", "NIC", "CRI", "PAN", "PRT", "BRA", "AGO", "MOZ", "GNQ", "CPV", "STP",
                "GNB", "TLS", "PHL"}
# Lower-case words that belong to the family name that follows them ("von der Leyen", "De Croo").
PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "das", "do", "dos", "du", "la", "le",
             "ten", "ter", "zu", "al", "el"}
# Words that make a name a title or a royal style rather than given and family names.
NOT_NAMES = {"sheikh", "shaikh", "shaykh", "sultan", "king", "queen", "prince", "princess", "emir", "amir", "crown",
             "sir", "dame", "dr", "gen", "general", "maj", "brig", "col", "adm", "lt", "lyonpo", "mullah", "judge",
             "bin", "ibn", "bint", "ould", "jr", "sr", "ii", "iii", "iv", "v", "vi", "x", "acting", "ret", "vacant",
             "aka", "a.k.a", "pope", "emperor", "grand", "duke", "his", "her", "majesty", "highness", "hm", "hrh",
             "haji", "hajji", "sayyid", "tun", "tan", "dato", "datuk", "tunku", "pehin", "tuan"}
# The country names of the datasets that the parties' spellings do not hold.
COUNTRY_ALIASES = {
    "korea, south": "KOR", "south korea": "KOR", "korea, north": "PRK", "north korea": "PRK",
    "bahamas, the": "BHS", "gambia, the": "GMB", "burma": "MMR", "myanmar": "MMR",
    "congo, democratic republic of the": "COD", "democratic republic of the congo": "COD",
    "congo, republic of the": "COG", "republic of the congo": "COG", "congo": "COG",
    "holy see (vatican city)": "VAT", "micronesia, federated states of": "FSM",
    "federated states of micronesia": "FSM", "cote d'ivoire": "CIV", "ivory coast": "CIV",
    "turkey": "TUR", "russia": "RUS", "laos": "LAO", "vietnam": "VNM", "syria": "SYR", "iran": "IRN",
    "bolivia": "BOL", "venezuela": "VEN", "tanzania": "TZA", "moldova": "MDA", "brunei": "BRN",
    "taiwan": "TWN", "czechia": "CZE", "czech republic": "CZE", "eswatini": "SWZ", "cabo verde": "CPV",
    "cape verde": "CPV", "timor-leste": "TLS", "east timor": "TLS", "north macedonia": "MKD",
    "kosovo": "XKX", "palestine": "PSE", "state of palestine": "PSE", "the gambia": "GMB", "the bahamas": "BHS",
    "sao tome and principe": "STP", "united states": "USA", "united states of america": "USA",
    "united kingdom": "GBR", "kingdom of the netherlands": "NLD", "people's republic of china": "CHN",
    "vatican city": "VAT", "burma/myanmar": "MMR", "cap verde": "CPV", "czech republik": "CZE",
    "luxemburg": "LUX", "macedonia": "MKD", "moldavia": "MDA", "republic of ireland": "IRL", "bosnia": "BIH",
    "european union": "EU", "german democratic republic": None, "yugoslavia": None, "serbia and montenegro": None,
    "czechoslovakia": None, "zanzibar": None, "somaliland": None, "palestine/british mandate": None,
    "palestine/gaza": None, "palestine/west bank": None, "south yemen": None, "republic of vietnam": None,
}
# Offices of international organisations (intl_org_holders.csv) whose holder speaks for the organisation.
ORG_OFFICES = {
    "Secretary-General of the United Nations": "UN",
    "Deputy Secretary-General of the United Nations": "UN",
    "Under-Secretary-General of the United Nations": "UN",
    "Director-General of the World Trade Organization": "WTO",
}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")


def key(s):
    """The folded letters of a word, as TextFolding.key makes them."""
    return "".join(c for c in fold(s) if c.isalnum())


def words(s):
    return [key(w) for w in re.split(r"[ \-]+", s) if key(w)]


class Countries:
    def __init__(self):
        with open(os.path.join(ROOT, "Data/parties.json"), encoding="utf-8") as f:
            parties = json.load(f)["parties"]
        self.codes = {p["code"] for p in parties}
        owners = collections.defaultdict(set)
        for p in parties:
            if p["kind"] != "state":
                continue
            for spelling in p["spellings"].get("en", []) + [p["names"]["en"]]:
                owners[fold(spelling)].add(p["code"])
        self.by_name = {name: next(iter(codes)) for name, codes in owners.items() if len(codes) == 1}
        self.unknown = collections.Counter()

    def code(self, name):
        n = fold(name.strip())
        if n in COUNTRY_ALIASES:
            return COUNTRY_ALIASES[n]
        if n in self.by_name:
            return self.by_name[n]
        self.unknown[name] += 1
        return None


def titlecase(word):
    """'LE' -> 'Le', "O'DWYER" -> "O'Dwyer", 'SAYED-KHAIYUM' -> 'Sayed-Khaiyum', 'McCONNELL' -> 'McConnell'."""
    if re.match(r"^(Mc|Mac)[A-Z]", word):
        head = "Mc" if word.startswith("Mc") else "Mac"
        return head + titlecase(word[len(head):])
    word = re.sub(r"[^\W\d_]+", lambda m: m.group(0)[0].upper() + m.group(0)[1:].lower(), word)
    # An apostrophe inside a word does not start one ("Folaumoetu'i"); after a single letter it does ("O'Dwyer").
    return re.sub(r"(?<=[^\W\d_]{2})'([^\W\d_])", lambda m: "'" + m.group(1).lower(), word)


def clean_tokens(name):
    """The words of a name, or None when it holds a title, a nickname, a royal style or anything but a name."""
    if re.search(r"[\d\"(),/;:?]|\bQ\d+\b", name):
        return None
    tokens = name.split()
    if len(tokens) < 2 or any(key(t) in NOT_NAMES or fold(t).rstrip(".") in NOT_NAMES for t in tokens):
        return None
    if any(not re.match(r"^[^\W\d_][\w'’.\-]*$", t) for t in tokens):
        return None
    return tokens


def is_capitals(token):
    """A word in capitals, as the CIA directory writes family names: 'ABE', "O'DWYER", 'al-MUALEM', 'McCONNELL'."""
    core = re.sub(r"^(al|el|ad|ash|as|at|az|an|ar|d|l)[-'’]", "", token)
    core = re.sub(r"^(Mc|Mac)(?=[A-Z])", "", core)
    letters = [c for c in core if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def split_cia(name, party):
    """'Shinzo ABE' -> ('Abe', 'Shinzo'); 'XI Jinping' -> ('Xi', 'Jinping'); 'Mario MENDEZ Cobar' ->
    ('Mendez', 'Mario') (the maternal surname that follows is not the family name used alone); None when
    the capitals do not mark one family name."""
    tokens = clean_tokens(name)
    if not tokens:
        return None
    caps = [is_capitals(t) for t in tokens]
    # Lower-case particles join the capitals that follow them ("de GAULLE" is rare; "Alexander DE CROO").
    runs = []
    i = 0
    while i < len(tokens):
        if caps[i]:
            j = i
            while j < len(tokens) and caps[j]:
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    if len(runs) != 1:
        return None
    start, end = runs[0]
    while start > 0 and tokens[start - 1].lower() in PARTICLES and start - 1 > 0:
        start -= 1
    if end - start == len(tokens):
        # Every word in capitals ("HUN SEN"): only a family-first custom says which is the family name.
        if party not in FAMILY_FIRST:
            return None
        return titlecase(tokens[0]), " ".join(titlecase(t) for t in tokens[1:])
    if party == "CHN" and (start > 0 or "-" in name):
        return None  # Hong Kong and Macau officials, listed under China, in their own romanisations
    if party == "VNM":
        # The directory puts in capitals the name a person is called by, which is the given name of a
        # Vietnamese ("Nguyen Ngoc THIEN"); these names are family name first whatever is in capitals.
        return titlecase(tokens[0]), " ".join(titlecase(t) if caps[k] else t for k, t in enumerate(tokens[1:], 1))
    # Particles inside a family name stay lower-case ("Rebelo de Sousa"); a first one is capitalised ("De Croo").
    family = " ".join(t if not caps[k] else titlecase(t) if k == start or t.lower() not in PARTICLES else t.lower()
                      for k, t in enumerate(tokens[start:end], start))
    if start == 0:
        given = " ".join(tokens[end:])
    else:
        given = " ".join(tokens[:start])
    if any(t.endswith(".") and len(t) > 2 for t in tokens):
        return None
    return family, given


def split_plain(name, party):
    """'Shigeru Ishiba' -> ('Ishiba', 'Shigeru'); 'Xi Jinping' -> ('Xi', 'Jinping');
    'Ursula von der Leyen' -> ('von der Leyen', 'Ursula'); None where the custom is not certain."""
    tokens = clean_tokens(name)
    if not tokens or party in NO_LAST_WORD:
        return None
    if any(t.isupper() and len(t) > 2 for t in tokens):
        return None  # capitals mark a family name in some sources; here they are noise
    if party in FAMILY_FIRST:
        return tokens[0], " ".join(tokens[1:])
    start = len(tokens) - 1
    while start > 1 and tokens[start - 1].lower() in PARTICLES:
        start -= 1
    if party in TWO_SURNAMES and (len(tokens) > 2 or any(t.lower() in PARTICLES for t in tokens)):
        return None
    if tokens[start - 1].lower() in PARTICLES:
        return None  # "Rebelo de Sousa": surnames alone
    if not tokens[start][0].isupper() and tokens[start].lower() not in PARTICLES:
        return None
    return " ".join(tokens[start:]), " ".join(tokens[:start])


def read_csv(sources, path):
    with open(os.path.join(sources, path), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def candidates(sources, countries):
    """(dataset, office group, party, family, given) for each row read with confidence; and a count of skipped rows."""
    skipped = collections.Counter()

    def emit(dataset, office, party, split):
        if party is None:
            skipped[dataset + " (country)"] += 1
        elif split is None:
            skipped[dataset + " (name)"] += 1
        else:
            yield dataset, office, party, split[0], split[1]

    for r in read_csv(sources, "wikidata-world-leaders/hos_hog_wikidata_2024-10.csv"):
        yield from emit("wikidata-world-leaders", "head of state or government", countries.code(r["country"]),
                        split_plain(r["officeholderLabel"], countries.code(r["country"]) or ""))
    for r in read_csv(sources, "wikidata-epscrapers-world/foreign_ministers_wikidata_2023-01.csv"):
        if not r["name"]:
            continue
        party = countries.code(r["countryLabel"])
        yield from emit("wikidata-foreign-ministers", "foreign minister", party, split_plain(r["name"], party or ""))
    for r in read_csv(sources, "wikidata-epscrapers-world/intl_org_holders.csv"):
        org = ORG_OFFICES.get(r["position"])
        if org is None or (r["end"] and r["end"][:4] < "1990"):
            continue
        # Organisation officials come from everywhere: divide by the last word only for a two-word name.
        split = split_plain(r["person"], "") if len(r["person"].split()) == 2 else None
        yield from emit("wikidata-intl-orgs", "head or deputy of an organisation", org, split)
    for r in read_csv(sources, "cia-world-leaders-2019/cia_world_leaders_2019-06_persons_offices.csv"):
        office = cia_office(r["office"])
        if office == "other office":
            continue  # central banks, courts, commissions, party posts: rarely a side in a readout
        party = countries.code(r["country"])
        yield from emit("cia-world-leaders-2019", office, party, split_cia(r["name"], party or ""))
    for r in read_csv(sources, "plad/PLAD.csv"):
        if r["startdate"][:4] < "2015":
            continue
        party = countries.code(r["country"])
        yield from emit("plad", "effective leader", party, split_plain(r["leader"], party or ""))
    seen = set()
    for r in read_csv(sources, "global-leader-ideologies/global_leader_ideologies.csv"):
        if int(r["year"]) < 1990 or not r["hog"] or (r["country_name"], r["hog"]) in seen:
            continue
        seen.add((r["country_name"], r["hog"]))
        party = countries.code(r["country_name"])
        yield from emit("herre-global-leader-ideologies", "head of government", party, split_plain(r["hog"], party or ""))
    candidates.skipped = skipped


def cia_office(office):
    o = office.lower()
    if re.search(r"\b(president|prime minister|premier|king|queen|chancellor|governor general|emir|sultan)\b", o) \
            and not re.search(r"\b(vice|deputy|minister of|minister for|bank|assembly|council|senate|court)\b", o):
        return "head of state or government"
    if "foreign" in o or "external" in o:
        return "foreign minister"
    if "ambassador" in o or "representative" in o:
        return "ambassador or representative"
    if re.search(r"\bminister|secretary\b", o):
        return "minister"
    return "other office"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sources", default=os.path.join(ROOT, "..", "shared", "data-sources"))
    parser.add_argument("--out", default=os.path.join(ROOT, "Data/people.json"))
    args = parser.parse_args()
    if not os.path.isdir(args.sources):
        sys.exit(f"generate-people: {args.sources} is absent (the datasets live beside the project checkout)")
    countries = Countries()
    with open(os.path.join(ROOT, "Data/people-sources/overlay.json"), encoding="utf-8") as f:
        overlay = json.load(f)["people"]

    def name_key(family, given):
        return tuple(sorted(words(family) + words(given)))

    overlay_names = {name_key(p["family"], p["given"]) for p in overlay}
    # Overlay entries known by family name and first given word, per side: a generated "Joe Biden" beside
    # the overlay's "Joseph Biden" is another spelling and kept; a second "Joseph Biden" is not.
    # On any side: a generated "Charles Yvon Michel" (BEL) would make the overlay's "Charles Michel" (EU) ambiguous.
    overlay_short = {(tuple(words(p["family"])), (words(p["given"]) or [""])[0]) for p in overlay}

    rows = list(candidates(args.sources, countries))
    parties_of = collections.defaultdict(set)
    for _, _, party, family, given in rows:
        parties_of[name_key(family, given)].add(party)
    # Where datasets divide one name differently, the CIA directory, which marks the family name, decides;
    # without it the name is left out.
    splits_of = collections.defaultdict(set)
    marked = {}
    for dataset, _, party, family, given in rows:
        splits_of[(party, name_key(family, given))].add(tuple(words(family)))
        if dataset == "cia-world-leaders-2019":
            marked.setdefault((party, name_key(family, given)), (family, given))

    people, seen, counts, dropped = [], set(), collections.Counter(), collections.Counter()
    for dataset, office, party, family, given in rows:
        k = name_key(family, given)
        if k in overlay_names or (tuple(words(family)), (words(given) or [""])[0]) in overlay_short:
            dropped["known from the overlay"] += 1
            continue
        if len(parties_of[k]) > 1:
            dropped["the same name on two sides"] += 1
            continue
        if len(splits_of[(party, k)]) > 1 and (party, k) in marked:
            family, given = marked[(party, k)]
        elif len(splits_of[(party, k)]) > 1:
            dropped["two datasets divide the name differently"] += 1
            continue
        if (party, k) in seen:
            dropped["already known from another dataset"] += 1
            continue
        seen.add((party, k))
        counts[(dataset, office)] += 1
        people.append({"family": family, "given": given, "party": party})

    with open(args.out, "w", encoding="utf-8") as f:
        f.write('{\n "_generated_by": "scripts/generate-people.py from Data/people-sources/overlay.json and the datasets of '
                '../shared/data-sources (Wikidata, the CIA directory of 2019, PLAD, Herre 2023; see README, Data sources)",\n')
        f.write(' "people": [\n')
        f.write(",\n".join("  " + json.dumps(p, ensure_ascii=False) for p in [dict(p, curated=True) for p in overlay] + people))
        f.write("\n ]\n}\n")
    print(f"wrote {len(overlay)} overlay and {len(people)} generated people to {os.path.relpath(args.out, ROOT)}")
    for (dataset, office), n in sorted(counts.items()):
        print(f"  {n:5d}  {dataset}: {office}")
    for reason, n in sorted({**candidates.skipped, **dropped}.items()):
        print(f"  skipped {n:5d}  {reason}")
    if countries.unknown:
        print("  countries not known:", ", ".join(sorted(countries.unknown)))


if __name__ == "__main__":
    main()
