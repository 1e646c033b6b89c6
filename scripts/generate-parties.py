#!/usr/bin/env python3
"""Generate Data/parties.json from the system's iso-codes data plus Data/party-sources/extras.json.

Run after `apt-get install iso-codes`:  python3 scripts/generate-parties.py
Each party gets a code, a kind, display names in en/fr/ja and the spellings (per
language) that name it in a readout: short and official names, French and
Japanese translations from iso-codes, the demonyms kept in extras.json, and — when
../shared/data-sources/countries-mledoze is beside the project — the English and
French demonyms of mledoze/countries (ODbL), those that name one country only, and
each state's capitals.
"""
import gettext
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ISO = "/usr/share/iso-codes/json"
MLEDOZE = os.path.join(ROOT, "..", "shared", "data-sources", "countries-mledoze", "countries.json")
LOCALES = "/usr/share/locale"


def translator(domain, lang):
    try:
        return gettext.translation(domain, localedir=LOCALES, languages=[lang]).gettext
    except OSError:
        sys.exit(f"generate-parties: no {lang} translations of {domain}; install iso-codes")


HEADS = []  # (language-independent) heads of "Head, Rest" names, kept where only one country has them


def forms(name):
    """'Korea, Republic of' -> ['Republic of Korea']; 'Corée, République de' -> ['République de Corée'];
    '大韓民国 (韓国)' -> ['大韓民国', '韓国']. The head ('Korea', 'Russie') is remembered in HEADS and kept
    by main() only when a single country has it."""
    out = []
    m = re.match(r"^(.*?)\s*[(（](.*?)[)）]$", name)
    if m:
        return forms(m.group(1)) + forms(m.group(2))
    if "," in name:
        head, rest = [s.strip() for s in name.split(",", 1)]
        joiner = "" if rest.endswith("'") or rest.endswith("’") else " "
        out.append(f"{rest}{joiner}{head}")
        HEADS.append(head)
    else:
        out.append(name)
    return out


def demonyms():
    """{code: {"en": [...], "fr": [...]}} from mledoze/countries: English demonyms as written ("Chilean"),
    French ones in lower case with their plurals ("chilien", "chilienne", "chiliens", "chiliennes"). A word
    that is the demonym of more than one country ("Congolese", "Dominican") names none of them."""
    if not os.path.exists(MLEDOZE):
        print(f"generate-parties: {os.path.relpath(MLEDOZE, ROOT)} is absent; demonyms from extras.json only")
        return {}
    with open(MLEDOZE, encoding="utf-8") as f:
        countries = json.load(f)
    found, owners = {}, {}
    for c in countries:
        words = {"en": set(), "fr": set()}
        for lang, key in (("en", "eng"), ("fr", "fra")):
            for form in (c.get("demonyms", {}).get(key) or {}).values():
                form = form.strip()
                if not form:
                    continue
                if lang == "fr":
                    form = form.lower()
                    words[lang].update({form, form + "s"} if not form.endswith(("s", "x")) else {form})
                else:
                    words[lang].add(form)
        found[c["cca3"]] = words
        for lang, forms_ in words.items():
            for w in forms_:
                owners.setdefault((lang, w.lower()), set()).add(c["cca3"])
    return {code: {lang: sorted(w for w in ws if len(owners[(lang, w.lower())]) == 1) for lang, ws in words.items()}
            for code, words in found.items()}


def capitals():
    """{code: [capital, …]} from mledoze/countries (ODbL): the seats of government, in English, which tell
    who hosted a meeting held there (PLOVER's visit mode)."""
    if not os.path.exists(MLEDOZE):
        return {}
    with open(MLEDOZE, encoding="utf-8") as f:
        return {c["cca3"]: c["capital"] for c in json.load(f) if c.get("capital")}


def main():
    with open(os.path.join(ROOT, "Data/party-sources/extras.json"), encoding="utf-8") as f:
        extras = json.load(f)
    fr, ja = translator("iso_3166-1", "fr"), translator("iso_3166-1", "ja")
    with open(os.path.join(ISO, "iso_3166-1.json"), encoding="utf-8") as f:
        countries = json.load(f)["3166-1"]
    parties = []
    alpha3 = {c["alpha_2"]: c["alpha_3"] for c in countries}
    heads_by_code = {}
    known_demonyms = demonyms()
    known_capitals = capitals()
    for c in countries:
        code = c["alpha_3"]
        en_names = [c["name"]] + [c[k] for k in ("official_name", "common_name") if k in c]
        spell = {"en": [], "fr": [], "ja": []}
        for n in en_names:
            for lang, translated in (("en", n), ("fr", fr(n)), ("ja", ja(n))):
                if lang != "en" and translated == n:
                    continue
                del HEADS[:]
                spell[lang] += forms(translated)
                heads_by_code.setdefault(code, []).extend((lang, h) for h in HEADS)
        for lang, words in extras["names"].get(code, {}).items():
            spell[lang] += words
        for lang, words in known_demonyms.get(code, {}).items():
            spell[lang] += words
        display = {
            "en": c.get("common_name", forms(c["name"])[0]),
            "fr": forms(fr(c.get("common_name", c["name"])))[0],
            "ja": forms(ja(c["name"]))[-1] if ja(c["name"]) != c["name"] else None,
        }
        parties.append({"code": code, "kind": "state", "alpha2": c["alpha_2"], "names": display,
                        "spellings": {k: sorted(set(v)) for k, v in spell.items()}})
        if code in known_capitals:
            parties[-1]["capitals"] = known_capitals[code]
    # States iso-codes leaves out (Kosovo: XK, XKX as the EU and the World Bank write it).
    for code, state in extras.get("states", {}).items():
        parties.append({"code": code, "kind": "state", "alpha2": state["alpha2"], "names": state["names"],
                        "spellings": {k: sorted(set(v)) for k, v in state["spellings"].items()}})
        if state.get("capitals"):
            parties[-1]["capitals"] = state["capitals"]
    head_count = {}
    for pairs in heads_by_code.values():
        for pair in set(pairs):
            head_count[pair] = head_count.get(pair, 0) + 1
    for p in parties:
        for lang, head in set(heads_by_code.get(p["code"], [])):
            if head_count[(lang, head)] == 1 and head not in p["spellings"][lang]:
                p["spellings"][lang] = sorted(p["spellings"][lang] + [head])
    fr2, ja2 = translator("iso_3166-2", "fr"), translator("iso_3166-2", "ja")
    with open(os.path.join(ISO, "iso_3166-2.json"), encoding="utf-8") as f:
        subdivisions = {s["code"]: s for s in json.load(f)["3166-2"]}
    for code in extras["subdivisions"]:
        s = subdivisions[code]
        spell = {"en": [s["name"]], "fr": [fr2(s["name"])], "ja": [ja2(s["name"])] if ja2(s["name"]) != s["name"] else []}
        for lang, words in extras["subdivision_names"].get(code, {}).items():
            spell[lang] += words
        parties.append({"code": code, "kind": "subdivision",
                        "names": {"en": s["name"], "fr": fr2(s["name"]), "ja": spell["ja"][0] if spell["ja"] else None},
                        "spellings": {k: sorted(set(v)) for k, v in spell.items()},
                        "country": alpha3[code.split("-")[0]]})
    for code, spell in extras["organizations"].items():
        parties.append({"code": code, "kind": "organization",
                        "names": {"en": spell["en"][-1] if len(spell["en"]) > 1 else spell["en"][0],
                                  "fr": spell["fr"][0], "ja": spell.get("ja", [None])[-1]},
                        "spellings": {k: sorted(set(v)) for k, v in spell.items()}})
        if code in extras.get("organization_seats", {}):
            parties[-1]["capitals"] = extras["organization_seats"][code]
    out = os.path.join(ROOT, "Data/parties.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"_generated_by": "scripts/generate-parties.py from iso-codes, mledoze/countries demonyms and capitals (ODbL) and Data/party-sources/extras.json",
                   "parties": parties}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote {len(parties)} parties to {os.path.relpath(out, ROOT)}")


if __name__ == "__main__":
    main()
