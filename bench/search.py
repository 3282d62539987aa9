"""Search benchmark: N organisations imported, indexed, then searched.

    .venv/bin/python bench/search.py [--n 100000] [--queries 200] [--seed 3]
                                    [--reuse] [--skip-icontains]

Uses a throwaway database: an SQLite file under /tmp by default; with DATABASE_URL pointing
to a PostgreSQL server, a fresh database named by --database on that server (dropped and
created again; the database of DATABASE_URL itself is never touched). Prints the import time
(the organisation file through the import service, index included), the index rebuild time
(`grappe reindex`), then p50/p95/p99 latencies of varied queries through the search service,
through the API, and with a naive `icontains` query, and the ratio. With --reuse, only the
queries are timed again, on the database the last run left (same --n, --sqlite, --database).
"""

import argparse
import csv
import datetime
import io
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import dj_database_url
import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(Path(__file__).resolve().parent)]

import search_profiles


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="organisations (100000)")
    parser.add_argument("--queries", type=int, default=200, help="queries timed (200)")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--database", default="grappe_bench_search", help="PostgreSQL only")
    parser.add_argument("--sqlite", default="/tmp/grappe-bench-search.sqlite3")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="time the queries again on the database of the last run (no import, no index)",
    )
    parser.add_argument(
        "--skip-icontains",
        action="store_true",
        help="leave out the icontains baseline (minutes on PostgreSQL at 100 000)",
    )
    return parser.parse_args()


def prepare_database(args: argparse.Namespace) -> str:
    """Point DATABASE_URL at a fresh, empty database; return a readable name for it."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        base = url.rsplit("/", 1)[0]
        if args.reuse:
            os.environ["DATABASE_URL"] = f"{base}/{args.database}"
            return f"PostgreSQL ({args.database}, reused)"
        config = dj_database_url.parse(url)
        server = {k.lower(): config[k] for k in ("HOST", "PORT", "USER", "PASSWORD") if config[k]}
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{args.database}"')
            connection.execute(f'CREATE DATABASE "{args.database}"')
            version = connection.execute("SHOW server_version").fetchone()[0]
        os.environ["DATABASE_URL"] = f"{base}/{args.database}"
        return f"PostgreSQL {version} ({args.database})"
    if args.reuse:
        os.environ["DATABASE_URL"] = f"sqlite:///{args.sqlite}"
        return f"SQLite ({args.sqlite}, reused)"
    for suffix in ("", "-wal", "-shm"):
        Path(args.sqlite + suffix).unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{args.sqlite}"
    return f"SQLite ({args.sqlite})"


ARGS = arguments()
DATABASE = prepare_database(ARGS)
os.environ.update({"DEBUG": "0", "SECRET_KEY": "bench-only", "ALLOWED_HOSTS": "testserver"})
os.environ["DJANGO_SETTINGS_MODULE"] = "grappe.settings"

import django

django.setup()

from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Q
from django.test import Client
from django.urls import NoReverseMatch, Resolver404, resolve
from stdnum import luhn

from grappe.core.models import Term
from grappe.core.services import (
    DEFAULT_VOCABULARY,
    load_vocabulary,
    read_vocabulary_csv,
)
from grappe.directory.models import CapabilityProfile, Equipment, Tolerance
from grappe.directory.search.index import reindex_all
from grappe.directory.search.service import search
from grappe.directory.search.types import SearchQuery
from grappe.directory.transfer.importing import import_organisations_file
from grappe.members.choices import DuesCategory
from grappe.members.models import Organisation
from grappe.members.services.governance import create_cluster
from grappe.members.services.memberships import set_fee_rate

API_PATH = "/api/v1/directory/search"

# Buyer queries: French and English, with and without accents, typos, synonyms, codes.
TEXTS = """vis orthopédiques titane ISO 13485 | vis orthopediques titane | swiss turning brass
watch pinions | micro-injection PEEK | décolletage | decolletage | decoletage médical |
titanium implants | EN9100 | EN 9100 usinage | électroérosion à fil | electroerosoin |
wire EDM | anodisation dure aluminium | hard anodising | PVD DLC coating | dorure horlogerie |
salle blanche ISO 7 | clean room assembly medical devices | MEMS capteurs | microfluidic chips |
découpe laser stents nitinol | laser cutting stents | marquage laser UDI | femtosecond
texturing | injection plastique silicone | LSR moulding | plasturgie médicale | fraisage 5 axes
| 5-axis milling titanium | micromécanique de précision | precision machining | rectification
cylindrique | grinding | traitement thermique nitruration | heat treatment | Besançon | besancon
décolletage | Morteau horlogerie | Cluses décolletage automobile | IATF 16949 | iatf16949
stamping | découpage emboutissage contacts électriques | ressorts de compression | springs |
fabrication additive titane | metal 3D printing | MIM | métrologie tomographie | CMM inspection
| bureau d'études machines spéciales | special machines design | optique saphir | sapphire
watch crystals | carte électronique | PCB assembly | connecteurs | cable harness defense |
micromoteurs | piezo actuator | Nadcap | ISO 17025 laboratoire | accredited laboratory |
ISO9001 | inox 316L | stainless steel medical | cobalt chrome implants | CoCrMo | PEEK
implantable | polissage miroir | electropolishing | ébavurage | deburring | pignons |
horlogerie de luxe | fine watchmaking | aéronautique | aerospace parts | spatial | satellites
| défense | automobile | énergie hydrogène | instrumentation scientifique | prototypage rapide
| industrialisation | tournage CN | CNC turning | usinage | machining | micro-usinage |
micromachining | assemblage horloger | watch assembly | dispositifs médicaux | medical devices
| implants dentaires | dental implants | instruments chirurgicaux | surgical instruments"""
QUERIES = [" ".join(text.split()) for text in TEXTS.split("|")]
FILTERS = (
    {},
    {},
    {},
    {"certification": ("iso_13485",)},
    {"departement": ("25",)},
    {"process": ("decolletage",)},
    {"market": ("sante",), "members_only": True},
    {"kind": ("company",), "headcount_band": ("12", "21")},
)


def siret(n: int) -> str:
    stem = f"{(10_000_000 + n) % 100_000_000:08d}"
    siren = stem + luhn.calc_check_digit(stem)
    body = f"{siren}{n % 10_000:04d}"
    return body + luhn.calc_check_digit(body)


def organisation_file(profiles: list, labels: dict) -> bytes:
    handle = io.StringIO()
    writer = csv.writer(handle)
    writer.writerow(
        ["siret", "name", "kind", "headcount_band", "postcode", "city", "description_fr",
         "description_en", "processes", "materials", "markets", "certifications", "clusters",
         "member_since"]
    )  # fmt: skip
    for number, p in enumerate(profiles):
        facets = {facet: [c for c in p.terms if labels[c][2] == facet] for facet in
                  ("process", "material", "market", "certification")}  # fmt: skip
        clusters = "innov-health" if "sante" in p.terms else ""
        clusters = "aeromutech" if {"aeronautique", "spatial"} & set(p.terms) else clusters
        writer.writerow(
            [siret(number), p.name, p.archetype.kind, p.headcount_band, p.postcode, p.city,
             p.description_fr, p.description_en, *("|".join(facets[f]) for f in facets),
             clusters, str(datetime.date.today().year) if p.member else ""]
        )  # fmt: skip
    return handle.getvalue().encode()


def write_profiles(profiles: list) -> None:
    """The free-text capabilities, machines and tolerances (not in the import format)."""
    ids = dict(Organisation.objects.values_list("siret", "id"))
    texts, machines, tolerances = [], [], []
    for number, p in enumerate(profiles):
        pk = ids[siret(number)]
        if p.text_fr or p.text_en:
            texts.append(
                CapabilityProfile(organisation_id=pk, text_fr=p.text_fr, text_en=p.text_en)
            )
        machines += [Equipment(organisation_id=pk, machine=m, envelope=e) for m, e in p.equipment]
        tolerances += [
            Tolerance(organisation_id=pk, feature=f, plus_minus_um=v) for f, v in p.tolerances
        ]
    with transaction.atomic():
        CapabilityProfile.objects.bulk_create(texts, batch_size=2000)
        Equipment.objects.bulk_create(machines, batch_size=2000)
        Tolerance.objects.bulk_create(tolerances, batch_size=2000)


def queries(count: int) -> list[SearchQuery]:
    random_ = random.Random(ARGS.seed)
    found = []
    for number in range(count):
        filters = FILTERS[number % len(FILTERS)] if number >= len(QUERIES) else {}
        found.append(SearchQuery(text=QUERIES[number % len(QUERIES)], **filters))
    random_.shuffle(found)
    return found


def percentiles(timings: list[float]) -> str:
    cuts = statistics.quantiles(timings, n=100, method="inclusive")
    return f"p50 {cuts[49]:7.1f} ms   p95 {cuts[94]:7.1f} ms   p99 {cuts[98]:7.1f} ms"


def timed(function, items) -> list[float]:
    timings = []
    for item in items:
        started = time.perf_counter()
        function(item)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def naive(query: SearchQuery) -> None:
    """What one would write without a search engine: every word somewhere, by icontains."""
    queryset = Organisation.objects.all()
    for word in query.text.split():
        queryset = queryset.filter(
            Q(name__icontains=word)
            | Q(city__icontains=word)
            | Q(description_fr__icontains=word)
            | Q(description_en__icontains=word)
            | Q(capability_profile__text_fr__icontains=word)
            | Q(capability_profile__text_en__icontains=word)
            | Q(capabilities__term__label_fr__icontains=word)
            | Q(capabilities__term__label_en__icontains=word)
        )
    if query.certification:
        queryset = queryset.filter(capabilities__term__code__in=query.certification)
    queryset = queryset.distinct()
    queryset.count()
    list(queryset.order_by("name")[:20].values_list("id", "name"))


def api_available() -> bool:
    try:
        resolve(API_PATH)
    except (Resolver404, NoReverseMatch):
        return False
    return True


def api_parameters(query: SearchQuery) -> str:
    params = [("q", query.text), ("limit", query.limit)]
    for name in ("process", "market", "certification", "departement", "kind"):
        params += [(name, value) for value in getattr(query, name)]
    return urlencode(params)


def main() -> None:
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True, text=True, check=False,
    ).stdout.strip()  # fmt: skip
    print(f"search benchmark · {ARGS.n} organisations · {ARGS.queries} queries · {DATABASE}")
    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, commit {commit}")
    print(f"load average at start: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    call_command("migrate", verbosity=0)
    if ARGS.reuse:
        print(f"reused database: {Organisation.objects.count()} organisations")
    else:
        build()
    run_queries()


def build() -> None:
    """Vocabulary, clusters, N organisations imported, their texts, the index rebuilt."""
    load_vocabulary(rows=read_vocabulary_csv(DEFAULT_VOCABULARY), actor=None)
    for category in DuesCategory.values:
        set_fee_rate(
            actor=None, valid_from=2005, dues_category=category, headcount_band="", amount=900
        )
    create_cluster(actor=None, name="INNOV'HEALTH", slug="innov-health")
    create_cluster(actor=None, name="AEROμTECH", slug="aeromutech")
    labels = {t.code: (t.label_fr, t.label_en, t.facet) for t in Term.objects.all()}
    random_ = random.Random(ARGS.seed)
    profiles = [search_profiles.profile(i, random_, labels) for i in range(ARGS.n)]

    content = organisation_file(profiles, labels)
    started = time.perf_counter()
    import_organisations_file(actor=None, content=content, filename="bench.csv")
    import_seconds = time.perf_counter() - started
    print(f"import of {ARGS.n} rows (index included): {import_seconds:6.1f} s")
    write_profiles(profiles)
    started = time.perf_counter()
    for _done in reindex_all(batch_size=2000):
        pass
    print(f"index rebuild (grappe reindex):       {time.perf_counter() - started:6.1f} s")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO directory_search_fts(directory_search_fts) VALUES ('optimize')"
            )
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def run_queries() -> None:
    """The queries through the service, the API and icontains, with the load average."""
    workload = queries(ARGS.queries)
    timed(search, workload[:20])  # warm the caches
    service = timed(search, workload)
    counts = [search(q).count for q in workload[:5]]
    print(f"service  {percentiles(service)}   (counts of the first queries: {counts})")
    if api_available():
        client = Client()
        api = timed(lambda q: client.get(f"{API_PATH}?{api_parameters(q)}"), workload)
        status = client.get(f"{API_PATH}?{api_parameters(workload[0])}").status_code
        print(f"API      {percentiles(api)}   (HTTP {status})")
    else:
        print(f"API      not measured: {API_PATH} is not served by this version")
    if ARGS.skip_icontains:
        print("icontains not measured (--skip-icontains)")
    else:
        baseline = timed(naive, workload)
        print(f"icontains {percentiles(baseline)}")
        ratio = statistics.median(baseline) / statistics.median(service)
        print(f"median icontains / median service: {ratio:.1f}×")
    slowest = sorted(zip(service, workload, strict=True), key=lambda pair: -pair[0])[:5]
    for milliseconds, query in slowest:
        print(f"  slowest: {milliseconds:6.1f} ms  {query.text!r} (count {search(query).count})")
    print(f"load average at end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
