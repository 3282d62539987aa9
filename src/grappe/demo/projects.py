"""The words of the demo's R&D projects: for each market, what the consortia develop and
how, in French and English, and the pieces of their acronyms.

A title is an object and an approach ("Vis d'ostéosynthèse" + "en titane à surface texturée
par laser"); an acronym joins a stem and an ending of the market ("OSTEO" + "FIX"). Every
name is invented.
"""

from dataclasses import dataclass

from grappe.labelling.choices import Funder
from grappe.members.choices import DuesCategory


@dataclass(frozen=True)
class Theme:
    market: str  # the vocabulary code of the market
    weight: int  # how many projects, relatively
    since: int  # the first year the pôle labelled projects on it
    objects: tuple[tuple[str, str], ...]  # (French, English)
    approaches: tuple[tuple[str, str], ...]
    stems: tuple[str, ...]
    endings: tuple[str, ...]
    outcome_fr: str
    outcome_en: str


THEMES = (
    Theme(
        "sante",
        30,
        2005,
        (
            ("Vis d'ostéosynthèse", "Osteosynthesis screws"),
            ("Implant rachidien", "Spinal implant"),
            ("Micro-pompe implantable", "Implantable micro-pump"),
            ("Instruments de chirurgie mini-invasive", "Minimally invasive surgical instruments"),
            ("Cathéter orientable", "Steerable catheter"),
            ("Aiguille de biopsie instrumentée", "Instrumented biopsy needle"),
            ("Implant dentaire", "Dental implant"),
            ("Capteur de pression intracrânienne", "Intracranial pressure sensor"),
            ("Pince de cœlioscopie à usage unique", "Single-use laparoscopic forceps"),
            ("Prothèse de doigt", "Finger prosthesis"),
            ("Valve cardiaque percutanée", "Percutaneous heart valve"),
            ("Dispositif d'injection sous-cutanée", "Subcutaneous injection device"),
            ("Micro-endoscope", "Micro-endoscope"),
            ("Plaque d'ostéosynthèse maxillo-faciale", "Maxillofacial osteosynthesis plate"),
        ),
        (
            ("en titane à surface texturée par laser", "in titanium with a laser-textured surface"),
            ("en PEEK renforcé de fibres de carbone", "in carbon-fibre reinforced PEEK"),
            (
                "sur mesure par fabrication additive",
                "made to measure by additive manufacturing",
            ),
            (
                "connecté pour le suivi post-opératoire",
                "connected for post-operative follow-up",
            ),
            ("en alliage à mémoire de forme micro-usiné", "micromachined in shape-memory alloy"),
            ("en magnésium résorbable", "in resorbable magnesium"),
            ("en silicone médical micro-injecté", "in micro-moulded medical silicone"),
            ("avec assemblage en salle blanche ISO 7", "assembled in an ISO 7 clean room"),
            ("à revêtement antibactérien", "with an antibacterial coating"),
        ),
        (
            "OSTEO",
            "ORTHO",
            "CARDIO",
            "NEURO",
            "DENTA",
            "ENDO",
            "VASCU",
            "IMPLA",
            "CHIRO",
            "BIO",
            "MEDI",
            "SURGI",
        ),
        ("FIX", "VIS", "SENS", "TECH", "LINK", "CAP", "PRO", "SAFE", "FLEX", "3D", "MED", "TI"),
        "Un dispositif médical marqué CE et une ligne de fabrication dans la région.",
        "A CE-marked medical device and a production line in the region.",
    ),
    Theme(
        "luxe",
        18,
        2005,
        (
            ("Spiral de montre", "Watch hairspring"),
            ("Échappement", "Escapement"),
            ("Boîte de montre", "Watch case"),
            ("Cadran", "Watch dial"),
            ("Mouvement mécanique", "Mechanical movement"),
            ("Bracelet articulé", "Articulated bracelet"),
            ("Fermoir de joaillerie", "Jewellery clasp"),
            ("Serti de pierres précieuses", "Gem setting"),
            ("Aiguilles de montre", "Watch hands"),
            ("Masse oscillante", "Oscillating weight"),
            ("Glace de montre", "Watch crystal"),
            ("Bague de joaillerie", "Jewellery ring"),
        ),
        (
            ("en silicium gravé", "in etched silicon"),
            ("à haute réserve de marche", "with a long power reserve"),
            ("en céramique technique colorée", "in coloured technical ceramics"),
            ("à décor gravé par laser femtoseconde", "decorated by femtosecond laser"),
            ("en or recyclé traçable", "in traceable recycled gold"),
            ("sans lubrification", "without lubrication"),
            ("à composants amagnétiques", "with non-magnetic components"),
            ("en saphir usiné", "in machined sapphire"),
            ("en alliage de titane poli miroir", "in mirror-polished titanium alloy"),
        ),
        (
            "HORLO",
            "CHRONO",
            "TEMPO",
            "SPIRA",
            "LUXE",
            "JOAIL",
            "CADRA",
            "ECHAP",
            "MONTRE",
            "ORFE",
            "SERTI",
        ),
        ("TECH", "SIL", "LUX", "OR", "CERAM", "MAG", "FINE", "PRECI", "NOVA", "ART"),
        "Un composant breveté adopté par des maisons horlogères et joaillières.",
        "A patented component adopted by watchmaking and jewellery houses.",
    ),
    Theme(
        "aeronautique",
        15,
        2005,
        (
            ("Pièces de structure", "Structural parts"),
            ("Aubes de turbine", "Turbine blades"),
            ("Capteurs embarqués", "On-board sensors"),
            ("Connecteurs", "Connectors"),
            ("Actionneurs électromécaniques", "Electromechanical actuators"),
            ("Supports moteur", "Engine mounts"),
            ("Fixations", "Fasteners"),
            ("Échangeur thermique compact", "Compact heat exchanger"),
            ("Roulements de commandes de vol", "Flight-control bearings"),
        ),
        (
            ("en titane par fabrication additive", "in titanium by additive manufacturing"),
            ("à masse réduite par optimisation topologique", "lightened by topology optimisation"),
            ("avec contrôle en ligne par tomographie", "inspected in line by tomography"),
            ("par usinage 5 axes à grande vitesse", "by high-speed 5-axis machining"),
            ("à revêtement PVD anti-usure", "with anti-wear PVD coatings"),
            ("pour avions électriques", "for electric aircraft"),
            ("en composite thermoplastique", "in thermoplastic composite"),
        ),
        ("AERO", "AVIA", "TURBO", "SKY", "WING", "JET", "AILE", "NACEL", "HELI"),
        ("LIGHT", "TI", "FAB", "SENS", "LINK", "CONNECT", "3D", "MOTION", "TECH"),
        "Des pièces qualifiées par un motoriste et un équipementier de rang 1.",
        "Parts qualified by an engine maker and a tier-1 supplier.",
    ),
    Theme(
        "spatial",
        8,
        2006,
        (
            ("Horloge atomique compacte", "Compact atomic clock"),
            ("Mécanisme de pointage d'antenne", "Antenna pointing mechanism"),
            ("Oscillateur ultra-stable", "Ultra-stable oscillator"),
            ("Roue à réaction miniature", "Miniature reaction wheel"),
            ("Optique de télescope", "Telescope optics"),
            ("Charnière de déploiement", "Deployment hinge"),
            ("Capteur stellaire", "Star tracker"),
        ),
        (
            ("pour nanosatellites", "for nanosatellites"),
            ("en version qualifiée pour l'orbite basse", "qualified for low Earth orbit"),
            ("en céramique", "in ceramics"),
            ("à tenue aux radiations renforcée", "hardened against radiation"),
            ("sans lubrifiant liquide", "without liquid lubricant"),
        ),
        ("SAT", "ORBI", "ASTRO", "STELLA", "COSMO", "SPACE", "NANOSAT", "GALI"),
        ("CLOCK", "POINT", "MECA", "OPTIC", "WHEEL", "TIME", "STAB"),
        "Un équipement qualifié et embarqué sur une mission de démonstration.",
        "A qualified unit flown on a demonstration mission.",
    ),
    Theme(
        "defense",
        7,
        2005,
        (
            ("Gyroscope MEMS", "MEMS gyroscope"),
            ("Centrale inertielle", "Inertial measurement unit"),
            ("Optique de visée", "Sighting optics"),
            ("Connecteur durci", "Ruggedised connector"),
            ("Micro-drone d'observation", "Observation micro-drone"),
            ("Détecteur de menaces", "Threat detector"),
        ),
        (
            ("pour la navigation sans GPS", "for GPS-free navigation"),
            (
                "à tenue renforcée aux chocs et aux vibrations",
                "hardened against shocks and vibrations",
            ),
            ("à faible signature", "with a low signature"),
            ("en version miniaturisée", "in a miniaturised version"),
        ),
        ("GYRO", "NAVI", "DEFEN", "GUARD", "SENTI", "VIGI", "INERT"),
        ("SENS", "SAFE", "NAV", "SHIELD", "TECH", "CORE"),
        "Un démonstrateur évalué par la Direction générale de l'armement.",
        "A demonstrator evaluated by the French defence procurement agency.",
    ),
    Theme(
        "automobile",
        12,
        2005,
        (
            ("Injecteur", "Fuel injector"),
            ("Capteur de position", "Position sensor"),
            ("Micromoteur", "Micro-motor"),
            ("Connecteur haute tension", "High-voltage connector"),
            ("Pignons de boîte de vitesses", "Gearbox pinions"),
            ("Électrovanne", "Solenoid valve"),
            ("Pièces de freinage", "Brake parts"),
        ),
        (
            ("pour véhicule électrique", "for electric vehicles"),
            ("par décolletage d'acier recyclé", "bar-turned from recycled steel"),
            ("à frottement réduit", "with reduced friction"),
            ("à faibles émissions", "with low emissions"),
            ("pour la grande série zéro défaut", "for zero-defect mass production"),
        ),
        ("AUTO", "MOTO", "DRIVE", "ECO", "VOLT", "ROUTE", "MOBI"),
        ("TECH", "CONNECT", "SENS", "GEAR", "VALVE", "INJECT", "E"),
        "Une pièce industrialisée chez un équipementier automobile.",
        "A part in mass production at an automotive supplier.",
    ),
    Theme(
        "objets_connectes",
        10,
        2011,
        (
            ("Montre connectée", "Smart watch"),
            ("Capteur autonome", "Autonomous sensor"),
            ("Étiquette RFID miniature", "Miniature RFID tag"),
            ("Bracelet de suivi d'activité", "Activity-tracking bracelet"),
            ("Module de communication basse consommation", "Low-power communication module"),
            ("Pilulier connecté", "Connected pill dispenser"),
        ),
        (
            ("sans pile par récupération d'énergie", "battery-free through energy harvesting"),
            ("à très basse consommation", "with ultra-low power consumption"),
            ("pour le suivi de patients à domicile", "for the follow-up of patients at home"),
            ("pour la maintenance prédictive", "for predictive maintenance"),
            ("en boîtier horloger étanche", "in a waterproof watch case"),
        ),
        ("SMART", "CONNECT", "IOT", "LINK", "WEAR", "TAG", "NEXT"),
        ("WATCH", "SENS", "CARE", "FIT", "NET", "WAVE", "LIFE"),
        "Un produit connecté commercialisé et un service de données associé.",
        "A connected product on the market and a data service with it.",
    ),
)
THEMES_BY_MARKET = {theme.market: theme for theme in THEMES}

RESERVATIONS = (
    "Préciser le plan de financement du partenaire industriel principal.",
    "Renforcer l'analyse du marché et la stratégie de commercialisation.",
    "Clarifier la répartition de la propriété intellectuelle entre les partenaires.",
    "Détailler les retombées en emplois dans la région.",
    "Associer un utilisateur final au comité de pilotage du projet.",
)
RESERVATIONS_ANSWERS = (
    "Le plan de financement a été complété et validé par la banque du partenaire.",
    "Une étude de marché complémentaire est jointe au dossier.",
    "Un accord de consortium précisant la propriété intellectuelle a été signé.",
    "Les recrutements prévus sont détaillés par partenaire.",
)
REVIEW_COMMENTS = (
    "Projet solide, consortium complémentaire ; le plan de valorisation mérite d'être précisé.",
    "Innovation réelle et marché identifié. Budget du chef de file un peu élevé.",
    "Bonne implication du laboratoire ; les risques techniques sont bien identifiés.",
    "Retombées régionales convaincantes. Le calendrier paraît ambitieux.",
    "Dossier clair. L'état de l'art pourrait être complété par une étude de brevets.",
)

# How the funders weigh, how large their consortia and budgets are (thousands of euros),
# what share of its budget each kind of partner asks, who leads, who co-labels.
FUNDER_WEIGHTS = {
    "FUI": 5.0,
    Funder.ANR: 1.2,
    Funder.REGION_BFC: 2.5,
    "europe": 0.6,
    Funder.BPI_INOV: 2.5,
    Funder.PSPC_REGIONS: 4.0,
}
# (fewest, most) partners besides the lead, and the budget in thousands of euros
CONSORTIUM_SIZES = {
    "FUI": (2, 5),
    Funder.ANR: (1, 3),
    Funder.REGION_BFC: (1, 2),
    "europe": (3, 5),
    Funder.BPI_INOV: (1, 1),
    Funder.PSPC_REGIONS: (1, 4),
}
BUDGETS = {
    "FUI": (1200, 4500),
    Funder.ANR: (450, 1200),
    Funder.REGION_BFC: (250, 900),
    "europe": (2500, 7000),
    Funder.BPI_INOV: (600, 2500),
    Funder.PSPC_REGIONS: (1000, 5000),
}
AID_RATES = {
    DuesCategory.TPE: 0.45,
    DuesCategory.PME: 0.45,
    DuesCategory.ETI: 0.35,
    DuesCategory.LARGE_GROUP: 0.25,
    DuesCategory.ACADEMIC: 0.8,
}
LEAD_WEIGHTS = {
    DuesCategory.LARGE_GROUP: 3,
    DuesCategory.ETI: 2,
    DuesCategory.PME: 1.5,
    DuesCategory.TPE: 0.5,
}
CO_LABELS = (  # (market or "", since, partner pôle's slug, likelihood)
    ("sante", 2013, "medicen-paris-region", 0.12),
    ("sante", 2016, "reseau-des-poles-sante", 0.05),
    ("luxe", 2011, "cluster-suisse-des-microtechniques", 0.08),
    ("", 2018, "reseau-des-poles-de-la-mecanique", 0.04),
)
