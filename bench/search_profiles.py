"""Synthetic but plausible supplier profiles for the search benchmark (bench/search.py).

A directory of 100 000 organisations is a national one (all the pôles): about a third of
them are microtechnology suppliers, the rest other industries and services. A microtech
organisation draws its terms, its texts, its machines and its tolerances from one
archetype; another draws a sector, a few markets and certifications, and a description of
its trade. Chance decides how rich a profile is and whether it is written in French,
English or both.
"""

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Archetype:
    key: str
    weight: int
    kind: str
    processes: tuple[str, ...]
    materials: tuple[str, ...]
    markets: tuple[str, ...]
    certifications: tuple[str, ...]
    name_words: tuple[str, ...]
    products_fr: tuple[str, ...]
    products_en: tuple[str, ...]
    machines: tuple[str, ...]


ARCHETYPES = (
    Archetype(
        "medical_turning", 12, "company",
        ("decolletage", "tournage_cn", "fraisage_5_axes", "ebavurage", "polissage"),
        ("titane", "inox", "cobalt_chrome", "peek"), ("sante",), ("iso_9001", "iso_13485"),
        ("Décolletage", "Précision", "Medical", "Micro-Tech"),
        ("vis orthopédiques", "implants dentaires", "vis pédiculaires", "instruments chirurgicaux"),
        ("orthopaedic screws", "dental implants", "pedicle screws", "surgical instruments"),
        ("Tornos Swiss GT 26", "Citizen L20", "Star SR-20", "Tornos EvoDeco 16"),
    ),
    Archetype(
        "watch_turning", 10, "company",
        ("decolletage", "micro_usinage", "rectification", "polissage"),
        ("laiton", "acier", "inox", "metaux_precieux"), ("luxe",), ("iso_9001",),
        ("Décolletage", "Horlogerie", "Pignons", "Micro"),
        ("pignons et axes d'horlogerie", "vis de montres", "composants de mouvements"),
        ("watch pinions and arbors", "watch screws", "movement components"),
        ("Escomatic D6", "Tornos Deco 7", "Schaublin 102", "Citizen L12"),
    ),
    Archetype(
        "auto_turning", 8, "company",
        ("decolletage", "tournage_cn", "traitement_thermique"),
        ("acier", "laiton", "aluminium"), ("automobile", "aeronautique", "industrie"),
        ("iatf_16949", "iso_9001", "en_9100"),
        ("Décolletage", "Tournage", "Industries"),
        ("inserts filetés", "axes et entretoises", "raccords hydrauliques"),
        ("threaded inserts", "shafts and spacers", "hydraulic fittings"),
        ("Index MS32", "Tornos MultiSwiss", "Gildemeister GM20"),
    ),
    Archetype(
        "micromechanics", 10, "company",
        ("micro_usinage", "fraisage_5_axes", "electroerosion", "rectification"),
        ("inox", "titane", "tungstene", "ceramique"), ("sante", "luxe", "instrumentation"),
        ("iso_9001", "iso_13485"),
        ("Micro-Mécanique", "Usinage", "Précision", "Mécanique"),
        ("micro-pièces", "moules de micro-injection", "pièces prototypes"),
        ("micro-parts", "micro-moulding tools", "prototype parts"),
        ("Kern Micro", "Agie Charmilles CUT 200", "DMG Mori HSC 30", "Studer S33"),
    ),
    Archetype(
        "surface", 8, "company",
        ("anodisation", "galvanoplastie", "depot_pvd", "polissage", "traitement_thermique"),
        ("aluminium", "inox", "metaux_precieux", "titane"), ("luxe", "aeronautique", "sante"),
        ("nadcap", "iso_9001", "iso_14001"),
        ("Traitements", "Surfaces", "Revêtements", "Dorure"),
        ("boîtiers de montres", "pièces aéronautiques", "implants"),
        ("watch cases", "aircraft parts", "implants"),
        ("ligne de galvanoplastie automatique", "réacteur PVD Oerlikon", "four sous vide"),
    ),
    Archetype(
        "plastics", 8, "company",
        ("injection_plastique", "outillage", "assemblage_salle_blanche"),
        ("peek", "polymeres_techniques", "silicone"), ("sante", "automobile", "objets_connectes"),
        ("iso_13485", "iatf_16949", "iso_9001"),
        ("Plastiques", "Injection", "Plasturgie", "Moulage"),
        ("pièces micro-injectées", "dispositifs médicaux à usage unique", "connecteurs"),
        ("micro-moulded parts", "single-use medical devices", "connector housings"),
        ("Arburg Allrounder 370", "Engel e-mac 50", "Babyplast 6/12"),
    ),
    Archetype(
        "mems_lab", 4, "lab",
        ("microfabrication_mems", "essais_caracterisation", "metrologie"),
        ("silicium", "verre_saphir"), ("electronique", "instrumentation", "sante"),
        ("iso_17025",),
        ("Laboratoire", "Institut", "Centre", "Plateforme"),
        ("capteurs MEMS", "microsystèmes", "puces microfluidiques"),
        ("MEMS sensors", "microsystems", "microfluidic chips"),
        ("aligneur de masques", "graveur DRIE", "salle blanche ISO 5"),
    ),
    Archetype(
        "laser", 8, "company",
        ("decoupe_laser", "soudage_laser", "marquage_laser", "texturation_laser"),
        ("inox", "nitinol", "titane", "metaux_precieux"), ("sante", "luxe", "industrie"),
        ("iso_13485", "iso_9001"),
        ("Laser", "Photonique", "Lasertec"),
        ("stents", "cadrans de montres", "pièces marquées UDI"),
        ("stents", "watch dials", "UDI-marked parts"),
        ("Trumpf TruMicro 5000", "laser femtoseconde Amplitude", "GF Laser P 400"),
    ),
    Archetype(
        "clean_room", 6, "company",
        ("assemblage_salle_blanche", "micro_assemblage", "marquage_laser"),
        ("inox", "polymeres_techniques"), ("sante",), ("iso_13485",),
        ("Assemblage", "Medtech", "Clean"),
        ("dispositifs médicaux stériles", "kits chirurgicaux", "cathéters"),
        ("sterile medical devices", "surgical kits", "catheters"),
        ("salle blanche ISO 7", "soudeuse de sachets", "poste de micro-assemblage"),
    ),
    Archetype(
        "electronics", 8, "company",
        ("electronique_embarquee", "connectique", "micromoteurs"),
        ("cuivre", "polymeres_techniques"),
        ("objets_connectes", "defense", "spatial", "automobile"),
        ("iso_9001", "en_9100"),
        ("Électronique", "Systèmes", "Connect"),
        ("cartes électroniques", "capteurs connectés", "faisceaux"),
        ("electronic boards", "connected sensors", "cable harnesses"),
        ("ligne CMS Fuji", "four de refusion", "banc de test"),
    ),
    Archetype(
        "stamping", 8, "company",
        ("emboutissage", "outillage", "ressorts"),
        ("acier", "cuivre", "inox"), ("automobile", "electronique", "industrie", "energie"),
        ("iatf_16949", "iso_9001", "iso_14001"),
        ("Découpage", "Emboutissage", "Ressorts", "Outillage"),
        ("contacts électriques", "ressorts de compression", "pièces découpées"),
        ("electrical contacts", "compression springs", "stamped parts"),
        ("presse Bruderer BSTA 510", "presse Schuler", "machine à ressorts Wafios"),
    ),
    Archetype(
        "engineering", 6, "company",
        ("conception_mecanique", "metrologie", "essais_caracterisation"),
        ("composites", "aluminium"), ("instrumentation", "industrie", "spatial"),
        ("iso_17025", "iso_9001"),
        ("Ingénierie", "Bureau d'études", "Conseil", "Métrologie"),
        ("machines spéciales", "bancs d'essais", "instruments de mesure"),
        ("special machines", "test benches", "measuring instruments"),
        ("MMT Zeiss Contura", "tomographe Nikon", "logiciel SolidWorks"),
    ),
    Archetype(
        "additive", 4, "company",
        ("fabrication_additive", "injection_mim", "traitement_thermique"),
        ("titane", "inox", "cobalt_chrome"), ("aeronautique", "spatial", "sante"),
        ("en_9100", "iso_13485"),
        ("Additive", "3D", "Poudres"),
        ("pièces imprimées en 3D", "implants sur mesure", "pièces MIM"),
        ("3D-printed parts", "custom implants", "MIM parts"),
        ("EOS M 290", "SLM 280", "four de frittage"),
    ),
    Archetype(
        "optics", 3, "company",
        ("optique_precision", "polissage", "depot_pvd"),
        ("verre_saphir", "silicium"), ("spatial", "defense", "instrumentation", "luxe"),
        ("iso_9001",),
        ("Optique", "Saphir", "Verres"),
        ("lentilles", "glaces de montres en saphir", "optiques spatiales"),
        ("lenses", "sapphire watch crystals", "space optics"),
        ("polisseuse optique", "interféromètre Zygo", "machine de découpe diamant"),
    ),
)  # fmt: skip

MICROTECH_SHARE = 0.35


@dataclass(frozen=True)
class Sector:
    key: str
    name_words: tuple[str, ...]
    activities_fr: tuple[str, ...]
    activities_en: tuple[str, ...]
    markets: tuple[str, ...]
    certifications: tuple[str, ...]


SECTORS = (
    Sector("food", ("Fromagerie", "Salaisons", "Biscuiterie", "Brasserie"),
           ("affinage de fromages AOP", "fabrication de biscuits", "salaisons et charcuterie"),
           ("cheese ripening", "biscuit making", "cured meats"), (), ("iso_9001", "iso_14001")),
    Sector("logistics", ("Transports", "Logistique", "Entrepôts"),
           ("transport routier de marchandises", "entreposage et préparation de commandes"),
           ("road haulage", "warehousing and order picking"), ("industrie",), ("iso_9001",)),
    Sector("software", ("Soft", "Digital", "Data", "Cloud"),
           ("édition de logiciels de gestion", "développement d'applications", "hébergement"),
           ("business software", "application development", "hosting"),
           ("objets_connectes", "electronique"), ("iso_9001",)),
    Sector("building", ("Bâtiment", "Menuiserie", "Charpente", "Construction"),
           ("menuiserie industrielle", "gros œuvre", "charpente métallique"),
           ("industrial joinery", "structural works", "steel frames"), (),
           ("iso_9001", "iso_45001")),
    Sector("chemistry", ("Chimie", "Laboratoires", "Formulation"),
           ("chimie fine", "formulation de peintures", "cosmétiques"),
           ("fine chemicals", "paint formulation", "cosmetics"), ("sante", "energie"),
           ("iso_9001", "iso_14001")),
    Sector("energy", ("Énergie", "Solaire", "Thermique"),
           ("installation de panneaux solaires", "chaudronnerie pour le nucléaire",
            "réseaux de chaleur"),
           ("solar panel installation", "nuclear boilermaking", "district heating"), ("energie",),
           ("iso_9001", "iso_14001", "iso_45001")),
    Sector("textile", ("Textiles", "Tissage", "Confection"),
           ("textiles techniques", "confection de vêtements de travail", "tissage"),
           ("technical textiles", "workwear", "weaving"), ("defense", "sante"), ("iso_9001",)),
    Sector("services", ("Conseil", "Formation", "Expertise", "Audit"),
           ("conseil en organisation industrielle", "formation professionnelle",
            "expertise comptable"),
           ("industrial consulting", "vocational training", "accounting"), ("industrie",), ()),
    Sector("automotive", ("Auto", "Carrosserie", "Équipements"),
           ("équipements automobiles", "carrosserie industrielle", "faisceaux de câbles"),
           ("automotive equipment", "industrial bodywork", "wiring harnesses"), ("automobile",),
           ("iatf_16949", "iso_9001")),
)  # fmt: skip

_SURNAMES = """Vuillemin Bourgeois Girardot Jacquot Perrin Cuenot Guyon Faivre Bouveresse Pernot
Mougin Parrenin Cretin Grosjean Lambert Roy Marchand Tissot Vermot Jeanningros Boillot Chapuis
Billod Vernier Rognon Courtet Bole Nicolet Belot Mercier Boucard Colin Petitjean Bailly Monnin
Dromard Ferreux Guillaume Bretillot Humbert Maire Prost Racine Sire Tournier Verdot Viennet"""
SURNAMES = _SURNAMES.split()
NAME_SUFFIXES = ("", "", "", " SAS", " SA", " Industrie", " & Fils", " Technologies", " SARL")
CITIES = (
    ("Besançon", "25000", 12), ("Morteau", "25500", 5), ("Pontarlier", "25300", 4),
    ("Montbéliard", "25200", 4), ("Valdahon", "25800", 2), ("Villers-le-Lac", "25130", 3),
    ("Maîche", "25120", 3), ("Ornans", "25290", 2), ("Dole", "39100", 3),
    ("Lons-le-Saunier", "39000", 2), ("Morez", "39400", 3), ("Saint-Claude", "39200", 2),
    ("Belfort", "90000", 3), ("Delle", "90100", 2), ("Vesoul", "70000", 2),
    ("Dijon", "21000", 3), ("Chalon-sur-Saône", "71100", 2), ("Cluses", "74300", 6),
    ("Scionzier", "74950", 3), ("Marnaz", "74460", 2), ("Annecy", "74000", 2), ("Lyon", "69001", 4),
    ("Grenoble", "38000", 3), ("Paris", "75011", 4), ("Toulouse", "31000", 3),
    ("Bordeaux", "33000", 2), ("Nantes", "44000", 2), ("Lille", "59000", 2),
    ("Strasbourg", "67000", 2), ("Mulhouse", "68100", 2), ("Nice", "06000", 1),
)  # fmt: skip
# Where the other industries are: the whole country.
NATIONAL_CITIES = (
    ("Paris", "75011", 20), ("Lyon", "69003", 8), ("Marseille", "13008", 8),
    ("Toulouse", "31000", 6), ("Lille", "59000", 6), ("Nantes", "44000", 5),
    ("Bordeaux", "33000", 5), ("Strasbourg", "67000", 4), ("Rennes", "35000", 4),
    ("Montpellier", "34000", 4), ("Grenoble", "38000", 3), ("Rouen", "76000", 3),
    ("Clermont-Ferrand", "63000", 3), ("Tours", "37000", 2), ("Orléans", "45000", 2),
    ("Reims", "51100", 2), ("Metz", "57000", 2), ("Nancy", "54000", 2), ("Dijon", "21000", 2),
    ("Besançon", "25000", 2), ("Limoges", "87000", 2), ("Caen", "14000", 2),
    ("Brest", "29200", 2), ("Amiens", "80000", 2), ("Pau", "64000", 1), ("Le Mans", "72000", 2),
    ("Saint-Étienne", "42000", 2), ("Poitiers", "86000", 1), ("Perpignan", "66000", 1),
)  # fmt: skip
HEADCOUNT_BANDS = ("01", "02", "03", "11", "12", "12", "21", "21", "22", "31", "32", "41")

FR_OPENINGS = (
    "Spécialiste {process} depuis {year}, nous fabriquons {product}.",
    "Entreprise familiale de {process}, {product} en petites et moyennes séries.",
    "Nous réalisons {product} par {process}.",
    "Sous-traitant en {process} pour le marché {market}.",
)
EN_OPENINGS = (
    "{process} specialist since {year}, we make {product}.",
    "Family business in {process}: {product} in small and medium batches.",
    "We produce {product} by {process}.",
)
FR_DETAILS = (
    "Matières travaillées : {materials}.",
    "Certifications : {certifications}.",
    "Parc de {count} machines, contrôle qualité intégré.",
    "Capacité de prototypage rapide et accompagnement en industrialisation.",
    "Tolérances serrées, traçabilité complète des lots.",
)
EN_DETAILS = (
    "Materials: {materials}.",
    "Certified {certifications}.",
    "{count} machines, in-house quality control.",
    "Fast prototyping and support to industrialisation.",
)
TOLERANCE_FEATURES = ("diamètre", "planéité", "position", "rugosité Ra", "concentricité")


OTHER = Archetype("other", 0, "company", (), (), (), (), (), (), (), ())


@dataclass
class Profile:
    archetype: Archetype
    name: str
    city: str
    postcode: str
    headcount_band: str
    terms: list[str]
    description_fr: str
    description_en: str
    text_fr: str
    text_en: str
    equipment: list[tuple[str, str]]
    tolerances: list[tuple[str, str]]
    member: bool


def _some(random_: random.Random, values: tuple[str, ...], low: int, high: int) -> list[str]:
    return random_.sample(values, min(len(values), random_.randint(low, high)))


def other_profile(random_: random.Random) -> Profile:
    """An organisation of another industry: its trade in words, few vocabulary terms."""
    sector = random_.choice(SECTORS)
    city, postcode, _weight = random_.choices(
        NATIONAL_CITIES, weights=[c[2] for c in NATIONAL_CITIES]
    )[0]
    activity = random_.randrange(len(sector.activities_fr))
    year = random_.randint(1900, 2022)
    english = random_.random() < 0.3
    return Profile(
        archetype=OTHER,
        name=f"{random_.choice(sector.name_words)} {random_.choice(SURNAMES)}"
        f"{random_.choice(NAME_SUFFIXES)}",
        city=city,
        postcode=postcode,
        headcount_band=random_.choice(HEADCOUNT_BANDS),
        terms=_some(random_, sector.markets, 0, 1) + _some(random_, sector.certifications, 0, 2),
        description_fr=f"Depuis {year}, {sector.activities_fr[activity]} à {city}.",
        description_en=f"Since {year}: {sector.activities_en[activity]}." if english else "",
        text_fr="",
        text_en="",
        equipment=[],
        tolerances=[],
        member=random_.random() < 0.2,
    )


def profile(index: int, random_: random.Random, labels: dict[str, tuple[str, str]]) -> Profile:
    """One organisation; `labels` maps a term code to its (French, English) labels."""
    if random_.random() >= MICROTECH_SHARE:
        return other_profile(random_)
    archetype = random_.choices(ARCHETYPES, weights=[a.weight for a in ARCHETYPES])[0]
    processes = _some(random_, archetype.processes, 1, 3)
    materials = _some(random_, archetype.materials, 1, 3)
    markets = _some(random_, archetype.markets, 1, 2)
    certifications = _some(random_, archetype.certifications, 0, 2)
    city, postcode, _weight = random_.choices(CITIES, weights=[c[2] for c in CITIES])[0]
    product = random_.randrange(len(archetype.products_fr))
    values = {
        "year": random_.randint(1920, 2020),
        "count": random_.randint(3, 60),
        "materials": ", ".join(labels[code][0].lower() for code in materials),
        "certifications": ", ".join(labels[code][0] for code in certifications) or "ISO 9001",
    }
    fr = {
        **values,
        "process": labels[processes[0]][0].lower(),
        "market": labels[markets[0]][0].lower(),
        "product": archetype.products_fr[product],
    }
    en = {**values, "process": labels[processes[0]][1], "product": archetype.products_en[product]}
    en["materials"] = ", ".join(labels[code][1].lower() for code in materials)
    richness = random_.random()
    details = 0 if richness < 0.25 else (2 if richness < 0.7 else 4)
    description_fr = " ".join(
        [random_.choice(FR_OPENINGS).format(**fr)]
        + [d.format(**fr) for d in random_.sample(FR_DETAILS, details)]
    )
    english = random_.random() < 0.45
    description_en = (
        " ".join(
            [random_.choice(EN_OPENINGS).format(**en)]
            + [d.format(**en) for d in random_.sample(EN_DETAILS, min(details, 3))]
        )
        if english
        else ""
    )
    rich = richness > 0.5
    machines = _some(random_, archetype.machines, 0, 3) if rich else []
    return Profile(
        archetype=archetype,
        name=f"{random_.choice(archetype.name_words)} {random_.choice(SURNAMES)}"
        f"{random_.choice(NAME_SUFFIXES)}",
        city=city,
        postcode=postcode,
        headcount_band=random_.choice(HEADCOUNT_BANDS),
        terms=processes + materials + markets + certifications,
        description_fr=description_fr,
        description_en=description_en,
        text_fr=(
            f"{labels[processes[-1]][0]} de {archetype.products_fr[-1]}; "
            f"{', '.join(labels[c][0].lower() for c in processes)}."
            if rich
            else ""
        ),
        text_en=(
            f"{labels[processes[-1]][1]} of {archetype.products_en[-1]}."
            if rich and english
            else ""
        ),
        equipment=[(machine, f"Ø 0,5–{random_.randint(4, 40)} mm") for machine in machines],
        tolerances=[
            (random_.choice(TOLERANCE_FEATURES), str(random_.choice((1, 2, 3, 5, 10))))
            for _ in range(random_.randint(0, 2) if rich else 0)
        ],
        member=random_.random() < 0.6,
    )
