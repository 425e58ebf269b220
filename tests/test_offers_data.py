"""Check the transcribed register of offers and the Indsatskatalog 2026 against their sources.

`ia check` validates the register (ia/register/) and the agreements' references to it; this
test keeps the transcription honest against the seeds: every key resolves, every offer is
used, the agreements' sites are the offers the transcription decided, and every sentence of
an offer's text stands word for word in seed 003 (docs/transcription/indsatskatalog-2026.md
explains each place where the data knowingly differs from a seed).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
OFFERS = ROOT / "offers"
CATALOGUE = ROOT / "catalogues" / "2026" / "indsatskatalog"
# The seeds sit next to the repository (../shared/seeds); a git worktree is one level deeper.
SEED_NAME = "003_1f2ff8776ac7ac34.txt"
SEED_FOLDERS = (ROOT.parent / "shared" / "seeds", ROOT.parents[1] / "shared" / "seeds")
SEED = next((folder / SEED_NAME for folder in SEED_FOLDERS if (folder / SEED_NAME).is_file()),
            SEED_FOLDERS[0] / SEED_NAME)
SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/offer.schema.json"

OFFER_KEYS = {
    "name", "also_known_as", "area", "anchored_in", "sites", "legal_basis",
    "target_group", "access", "contacts", "links", "accepted_spellings", "updated",
}
SITE_KEYS = {
    "name", "address", "locality", "postal_code", "city", "legal_basis", "phone", "office_hours",
}
CONTACT_KEYS = {"unit", "role", "name", "email", "phone"}

# Words the seed's text extraction split at a line-end hyphen, as (seed text, register text).
SEED_REPAIRS = [("u hensigtsmæssig", "uhensigtsmæssig")]
# Links the extraction broke with spaces: register URL -> the seed's text.
URL_REPAIRS = {
    "http://www.hjemmeplejen-aabenraakommune.dk/personlig-pleje-og-praktisk-hjaelp/"
    "andre-typer-indsatser/udvidet-klippekortsordning/":
    "http://www.hjemmeplejen-aabenraakommune.dk/personlig-pleje-og-praktisk-hjaelp/"
    "andre typer-indsatser/udvidet-klippe kortsordning/",
}
# The seed's table of contents spells these differently from the offers' headings.
TOC_SPELLINGS = {
    "Den Blå IT-café": "Den Blå IT-Café",
    "Botilbud Stubbæk": "Boenhed Stubbæk",
    "Startbolig - Slotsgade": "Startbolig – Slotsgade",
    "Fuldræfferen": "Fuldtræfferen",
    "Socialsygepleje og åben klinik": "Socialsygepleje",
    "Dialogforum For Udsatte": "Dialogforum for Udsatte",
    "Rets Hjælp på Aabenraa Bibliotek": "Retshjælp på Aabenraa Bibliotek",
}

# Every site of table 2.1 in the two agreements: (row name, the register site's name or street
# line) -> the register offer that holds it.
AGREEMENT_SITES: dict[str, dict[tuple[str, str], str]] = {
    "agreements/2026/csr/agreement.yaml": {
        ("Værested CSR", "Værested CSR"): "vaeresteder-i-center-for-socialpsykiatri-og-rusmiddel",
        ("Værested CSR", "+65 tilbud"): "vaeresteder-i-center-for-socialpsykiatri-og-rusmiddel",
        ("Værested CSR", "Skovly"): "vaeresteder-i-center-for-socialpsykiatri-og-rusmiddel",
        ("Værested CSR", "Værested Padborg"): "vaeresteder-i-center-for-socialpsykiatri-og-rusmiddel",
        ("Værested CSR", "Fuldtræfferen"): "fuldtraefferen",
        ("Rusmiddelcenter", "Reberbanen 3"): "rusmiddelcenter-aabenraa",
        ("Pædagogisk Vejledning", "Pædagogisk Vejledning"): "socialpaedagogisk-stoette-og-vejledning",
        ("Pædagogisk Vejledning", "Startboliger"): "startbolig-slotsgade",
        ("Boenhed Stubbæk", "Byvænget 4"): "boenhed-stubbaek",
        ("Boenhed Stubbæk", "Stubbæk Bygade 1"): "boenhed-stubbaek",
        ("Botilbud Bjerggade", "Botilbud Bjerggade"): "botilbud-bjerggade-4-f-g",
        ("Botilbud Bjerggade", "Kolonihaven"): "botilbud-bjerggade-4-f-g",
        ("Centerkontoret", "Reberbanen 3 st. th."): "centerkontoret",
    },
    "agreements/2023/tf/agreement.yaml": {
        ("Aabenraa", "Aabenraa"): "traening-og-forebyggelse",
        ("Bov", "Bov"): "traening-og-forebyggelse",
        ("Rødekro", "Rødekro"): "traening-og-forebyggelse",
    },
}
# Where the register knowingly holds another address than an agreement:
# (agreement, row, site) -> (the register's, the agreement's).
ACCEPTED_ADDRESSES = {
    ("agreements/2026/csr/agreement.yaml", "Værested CSR", "Fuldtræfferen"):
        ("Uglekær 14, 6200 Aabenraa", "Uglekær 2-8, kld., 6200 Aabenraa"),
}


def split_front_matter(path: Path) -> tuple[str, str]:
    """Return the front matter and the body of a Markdown file with `---` front matter."""
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?\n)---\n(.*)\Z", text, re.S)
    assert match, f"{path.name}: no front matter between '---' lines"
    return match.group(1), match.group(2)


def load_offers() -> dict[str, dict[str, Any]]:
    """Return every offer's front matter by key, with its body under `_body`."""
    offers: dict[str, dict[str, Any]] = {}
    for path in sorted(OFFERS.glob("*.md")):
        front, body = split_front_matter(path)
        data = yaml.safe_load(front)
        assert isinstance(data, dict), f"{path.name}: front matter is not a mapping"
        data["_first_line"] = front.split("\n", 1)[0]
        data["_body"] = body
        offers[path.stem] = data
    return offers


def load_catalogue() -> dict[str, Any]:
    """Return catalogue.yaml."""
    return yaml.safe_load((CATALOGUE / "catalogue.yaml").read_text(encoding="utf-8"))


def catalogue_keys(catalogue: dict[str, Any]) -> list[str]:
    """Return the offer keys of the catalogue's chapters, in order."""
    return [key for chapter in catalogue["chapters"] for key in chapter.get("offers", [])]


def slug(name: str) -> str:
    """Return the register key for an offer name: lowercase ASCII kebab-case."""
    text = name.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa").replace("&", " og ")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def normalise(text: str) -> str:
    """Collapse runs of whitespace to one space."""
    return " ".join(text.split())


def seed_text() -> str:
    """Return seed 003, whitespace-normalised and with the documented repairs applied."""
    if not SEED.is_file():
        pytest.skip("seed 003 is not present at ../shared/seeds")
    text = normalise(SEED.read_text(encoding="utf-8"))
    for broken, repaired in SEED_REPAIRS:
        text = text.replace(broken, repaired)
    return text


def paragraphs(markdown: str) -> list[str]:
    """Split Markdown into its paragraphs, list items and headings, without heading marks."""
    parts: list[str] = []
    for block in re.split(r"\n\s*\n", markdown.strip()):
        items = re.split(r"\n(?=- )", block) if block.startswith("- ") else [block]
        parts.extend(normalise(re.sub(r"^#+ ", "", item)) for item in items)
    return [part for part in parts if part]


def test_offer_files_are_well_formed() -> None:
    offers = load_offers()
    areas = {area["key"] for area in yaml.safe_load((OFFERS / "_areas.yaml").read_text(encoding="utf-8"))}
    assert len(offers) >= 44
    problems = []
    for key, offer in offers.items():
        if offer["_first_line"] != SCHEMA_LINE:
            problems.append(f"{key}: first line of the front matter is not {SCHEMA_LINE!r}")
        fields = {name for name in offer if not name.startswith("_")}
        if fields - OFFER_KEYS:
            problems.append(f"{key}: unknown keys {sorted(fields - OFFER_KEYS)}")
        if key != slug(offer["name"]):
            problems.append(f"{key}: key should be {slug(offer['name'])!r} for name {offer['name']!r}")
        if "area" in offer and offer["area"] not in areas:
            problems.append(f"{key}: unknown area {offer['area']!r}")
        if offer.get("access", "åben") not in {"åben", "visiteret"}:
            problems.append(f"{key}: access {offer['access']!r}")
        for site in offer.get("sites", []):
            if set(site) - SITE_KEYS or "address" not in site:
                problems.append(f"{key}: site {site}")
            if not isinstance(site.get("postal_code", ""), str) or not isinstance(site.get("phone", ""), str):
                problems.append(f"{key}: postal code and phone must be text: {site}")
        for contact in offer.get("contacts", []):
            if set(contact) - CONTACT_KEYS or "name" not in contact:
                problems.append(f"{key}: contact {contact}")
            if not isinstance(contact.get("phone", ""), str):
                problems.append(f"{key}: phone must be text: {contact}")
        for link in offer.get("links", []):
            if not re.fullmatch(r"https?://\S+", link["url"]):
                problems.append(f"{key}: link {link['url']!r}")
    assert not problems, "\n".join(problems)


def test_names_are_unique() -> None:
    seen: dict[str, str] = {}
    for key, offer in load_offers().items():
        for name in [offer["name"], *offer.get("also_known_as", [])]:
            assert name.lower() not in seen, f"{name!r} in {key} and {seen[name.lower()]}"
            seen[name.lower()] = key


def test_catalogue_references_resolve() -> None:
    catalogue = load_catalogue()
    offers = load_offers()
    areas = [area["key"] for area in yaml.safe_load((OFFERS / "_areas.yaml").read_text(encoding="utf-8"))]
    keys = catalogue_keys(catalogue)
    assert len(keys) == len(set(keys)), "an offer stands twice in the catalogue"
    assert [key for key in keys if key not in offers] == []
    assert [chapter["area"] for chapter in catalogue["chapters"] if "area" in chapter] == areas
    for chapter in catalogue["chapters"]:
        for file in [chapter.get("file"), chapter.get("intro")]:
            assert file is None or (CATALOGUE / file).is_file(), file
        for key in chapter.get("offers", []):
            assert offers[key].get("area") == chapter["area"], f"{key} is not in area {chapter['area']}"


def agreement_sites() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """Return (agreement path, row, site) for every site of table 2.1 of both agreements."""
    out = []
    for rel in AGREEMENT_SITES:
        agreement = yaml.safe_load((ROOT / rel).read_text(encoding="utf-8"))
        out.extend((rel, row, site) for row in agreement["offers"] for site in row["sites"])
    return out


def test_every_offer_is_used() -> None:
    used = set(catalogue_keys(load_catalogue()))
    used |= {site["offer"] for _, _, site in agreement_sites()}
    unused = sorted(set(load_offers()) - used)
    assert unused == [], f"offers neither in the catalogue nor in an agreement: {unused}"


def test_agreement_sites_are_the_offers_the_transcription_decided() -> None:
    """Each site of table 2.1 refers to the register offer and site the transcription mapped it to;
    the addresses, legal bases and phones themselves are compared by `ia check` and by
    tests/test_register.py against the printed table."""
    offers = load_offers()
    found: dict[str, dict[tuple[str, str], str]] = {rel: {} for rel in AGREEMENT_SITES}
    accepted = {}
    for rel, row, site in agreement_sites():
        sites = offers[site["offer"]].get("sites", [])
        label = site.get("site") or (sites[0].get("name") or sites[0]["address"] if len(sites) == 1 else None)
        found[rel][(row["name"], label)] = site["offer"]
        if "accepted" in site:
            ours = next(s for s in sites if label in (s.get("name"), s["address"]))
            register = ", ".join(filter(None, [ours["address"], ours.get("locality"), f"{ours.get('postal_code')} {ours.get('city')}"]))
            accepted[(rel, row["name"], label)] = (register, ", ".join(site["accepted"]["address"]))
    assert found == AGREEMENT_SITES
    assert accepted == ACCEPTED_ADDRESSES


def test_contact_details_match_csr_2026() -> None:
    agreement = yaml.safe_load((ROOT / "agreements/2026/csr/agreement.yaml").read_text(encoding="utf-8"))
    by_email = {contact["email"]: contact for contact in agreement["contacts"]}
    found = 0
    for key, offer in load_offers().items():
        for contact in offer.get("contacts", []):
            if "email" in contact:
                found += 1
                assert contact["phone"] == by_email[contact["email"]]["phone"], key
    assert found == 9


def test_offer_texts_stand_verbatim_in_seed_003() -> None:
    seed = seed_text()
    problems = []
    for key in catalogue_keys(load_catalogue()):
        offer = load_offers()[key]
        position = seed.find(normalise(offer["name"]))
        if position < 0:
            problems.append(f"{key}: the name {offer['name']!r} is not in the seed")
        for part in paragraphs(offer["_body"]):
            found = seed.find(part, max(position, 0))
            if found < 0:
                problems.append(f"{key}: not in the seed (after the previous paragraph): {part[:80]!r}")
            else:
                position = found
        for text in [offer.get("target_group"), *[c["name"] for c in offer.get("contacts", [])]]:
            if text and normalise(text) not in seed:
                problems.append(f"{key}: {text!r} is not in the seed")
        for link in offer.get("links", []):
            if URL_REPAIRS.get(link["url"], link["url"]) not in seed:
                problems.append(f"{key}: link {link['url']!r} is not in the seed")
    assert not problems, "\n".join(problems)


def test_no_seed_text_is_left_out() -> None:
    """Each offer's stretch of seed 003 is its heading, text, contacts and links, nothing else."""
    seed = seed_text()
    catalogue = load_catalogue()
    offers = load_offers()
    areas = yaml.safe_load((OFFERS / "_areas.yaml").read_text(encoding="utf-8"))
    cursor = seed.index("1. Indledning og læsevejledning Indsatskataloget")
    keys = catalogue_keys(catalogue)
    starts = []
    for key in keys:
        cursor = seed.index(offers[key]["name"], cursor)
        starts.append(cursor)
    ends = [*starts[1:], seed.index("Udgiver:")]
    # Chapter headings and intros stand between two offers.
    between = [f"{number}. {area['title']}" for number, area in enumerate(areas, start=2)]
    for chapter in catalogue["chapters"]:
        if "intro" in chapter:
            between += paragraphs((CATALOGUE / chapter["intro"]).read_text(encoding="utf-8"))
    problems = []
    for key, start, end in zip(keys, starts, ends):
        offer = offers[key]
        rest = seed[start + len(offer["name"]):end]
        pieces = paragraphs(offer["_body"]) + between + ["Kontaktpersoner:", "Kontaktperson:"]
        for contact in offer.get("contacts", []):
            pieces += [contact["name"], contact.get("role", ""), contact.get("unit", "") + ":"]
        pieces += [URL_REPAIRS.get(link["url"], link["url"]) for link in offer.get("links", [])]
        for piece in sorted(filter(None, pieces), key=len, reverse=True):
            rest = re.sub(re.escape(piece), " ", rest, count=1, flags=re.I)
        # What may remain: punctuation around contacts and links, and the "og" that joins
        # two contact persons on one line.
        rest = re.sub(r"[\s.,:<>]+", " ", rest).replace(" og ", " ").strip()
        if rest:
            problems.append(f"{key}: seed text not in the register: {rest[:120]!r}")
    assert not problems, "\n".join(problems)


def test_chapter_texts_stand_verbatim_in_seed_003() -> None:
    seed = seed_text()
    for chapter in load_catalogue()["chapters"]:
        for file in filter(None, [chapter.get("file"), chapter.get("intro")]):
            path = CATALOGUE / file
            text = path.read_text(encoding="utf-8")
            if text.startswith("---\n"):
                text = split_front_matter(path)[1]
            for part in paragraphs(text):
                assert part in seed, f"{file}: {part[:80]!r}"


def test_introduction_and_cover_are_complete() -> None:
    seed = seed_text()
    catalogue = load_catalogue()
    start = seed.index("1. Indledning og læsevejledning Indsatskataloget") + len("1. Indledning og læsevejledning")
    rest = seed[start:seed.index("2. Rehabilitering og forebyggelse Fremskudt")]
    pieces = paragraphs(split_front_matter(CATALOGUE / "chapters" / "01-indledning.md")[1])
    pieces += ["Kontaktperson:", catalogue["contact"]["role"], catalogue["contact"]["name"]]
    for piece in pieces:
        assert piece in rest, piece
        rest = rest.replace(piece, " ", 1)
    assert re.sub(r"[\s.,]+", "", rest) == ""
    cover = seed[:seed.index("Indhold")]
    for text in [catalogue["title"], catalogue["subtitle"], f"{catalogue['edition']}. udgave"]:
        assert text in cover, text
    for value in catalogue["colophon"].values():
        assert value in seed[seed.index("Udgiver:"):], value
    assert f"senest opdateret juli {catalogue['updated'][:4]}" in seed and catalogue["updated"] == "2026-07"


def test_catalogue_follows_the_seeds_table_of_contents() -> None:
    if not SEED.is_file():
        pytest.skip("seed 003 is not present at ../shared/seeds")
    lines = SEED.read_text(encoding="utf-8").split("\n")
    toc_end = lines.index("1. Indledning og læsevejledning")
    toc: list[list[str]] = []
    for line in lines[lines.index("Indhold"):toc_end]:
        if re.match(r"\d+\. ", line):
            toc.append([line.split(". ", 1)[1]])
        elif line.startswith("- ") and toc:
            toc[-1].append(TOC_SPELLINGS.get(line[2:], line[2:]))
    catalogue = load_catalogue()
    offers = load_offers()
    areas = {area["key"]: area["title"] for area in yaml.safe_load((OFFERS / "_areas.yaml").read_text(encoding="utf-8"))}
    ours = [[areas[chapter["area"]], *[offers[key]["name"] for key in chapter["offers"]]]
            for chapter in catalogue["chapters"] if "area" in chapter]
    # Chapter 1 of the seed's contents is headed "Indholdsfortegnelse" and lists the introduction.
    assert toc[0] == ["Indholdsfortegnelse", "Indledning og læsevejledning"]
    assert toc[1:] == ours
