"""The trades of the pôle's members: NAF code, typical know-how, and the words to describe it.

The codes are those of the project's vocabulary (core/data/vocabulary.csv), so that each
description names processes, materials, markets and certifications the capability search
can find.
"""

from dataclasses import dataclass

# code → (French with its article, English)
PROCESSES = {
    "decolletage": ("le décolletage", "Swiss-type bar turning"),
    "tournage_cn": ("le tournage CN", "CNC turning"),
    "fraisage_5_axes": ("le fraisage 5 axes", "5-axis milling"),
    "micro_usinage": ("le micro-usinage", "micromachining"),
    "rectification": ("la rectification", "grinding"),
    "electroerosion": ("l'électroérosion", "electrical discharge machining (EDM)"),
    "decoupe_laser": ("la découpe laser", "laser cutting"),
    "soudage_laser": ("le soudage laser", "laser welding"),
    "marquage_laser": ("le marquage laser", "laser marking"),
    "texturation_laser": ("la texturation laser", "laser texturing"),
    "injection_plastique": ("l'injection plastique", "plastic injection moulding"),
    "injection_mim": (
        "le moulage par injection de poudre métallique (MIM)",
        "metal injection moulding (MIM)",
    ),
    "emboutissage": ("le découpage-emboutissage", "precision stamping"),
    "fabrication_additive": ("la fabrication additive", "additive manufacturing"),
    "traitement_thermique": ("le traitement thermique", "heat treatment"),
    "anodisation": ("l'anodisation", "anodising"),
    "galvanoplastie": ("la galvanoplastie", "electroplating"),
    "depot_pvd": ("les dépôts PVD en couches minces", "PVD thin-film coating"),
    "polissage": ("le polissage", "polishing"),
    "ebavurage": ("l'ébavurage", "deburring"),
    "assemblage_salle_blanche": ("l'assemblage en salle blanche", "clean-room assembly"),
    "micro_assemblage": ("le micro-assemblage", "micro-assembly"),
    "microfabrication_mems": ("la microfabrication MEMS", "MEMS microfabrication"),
    "metrologie": ("le contrôle métrologique", "metrology"),
    "essais_caracterisation": ("les essais de caractérisation", "materials testing"),
    "conception_mecanique": ("la conception en bureau d'études", "engineering design"),
    "electronique_embarquee": ("l'électronique embarquée", "embedded electronics"),
    "connectique": ("la connectique", "miniature connectors"),
    "micromoteurs": ("les micromoteurs", "micro-motors"),
    "optique_precision": ("l'optique de précision", "precision optics"),
    "outillage": ("l'outillage de précision", "precision toolmaking"),
    "ressorts": ("la fabrication de ressorts", "spring making"),
}
MATERIALS = {
    "titane": ("le titane", "titanium"),
    "inox": ("l'acier inoxydable", "stainless steel"),
    "acier": ("l'acier", "steel"),
    "laiton": ("le laiton", "brass"),
    "aluminium": ("l'aluminium", "aluminium"),
    "metaux_precieux": ("les métaux précieux", "precious metals"),
    "cobalt_chrome": ("le cobalt-chrome", "cobalt-chromium"),
    "nitinol": ("le nitinol", "nitinol"),
    "cuivre": ("les alliages de cuivre", "copper alloys"),
    "tungstene": ("le carbure de tungstène", "tungsten carbide"),
    "peek": ("le PEEK", "PEEK"),
    "polymeres_techniques": ("les polymères techniques", "engineering polymers"),
    "silicone": ("le silicone", "silicone"),
    "ceramique": ("les céramiques techniques", "technical ceramics"),
    "verre_saphir": ("le verre saphir", "sapphire glass"),
    "silicium": ("le silicium", "silicon"),
    "composites": ("les composites", "composites"),
}
MARKETS = {
    "sante": ("le médical", "medical devices"),
    "luxe": ("l'horlogerie de luxe", "luxury watchmaking"),
    "aeronautique": ("l'aéronautique", "aeronautics"),
    "spatial": ("le spatial", "space"),
    "defense": ("la défense", "defence"),
    "automobile": ("l'automobile", "automotive"),
    "objets_connectes": ("les objets connectés", "connected devices"),
    "energie": ("l'énergie", "energy"),
    "electronique": ("l'électronique", "electronics"),
    "instrumentation": ("l'instrumentation", "instrumentation"),
    "industrie": ("les biens d'équipement industriels", "industrial equipment"),
}
CERTIFICATIONS = {
    "iso_9001": "ISO 9001",
    "iso_13485": "ISO 13485",
    "en_9100": "EN 9100",
    "iso_14001": "ISO 14001",
    "iatf_16949": "IATF 16949",
    "iso_45001": "ISO 45001",
    "nadcap": "Nadcap",
    "iso_17025": "ISO/IEC 17025",
}
HEALTH_MARKETS = frozenset({"sante"})
AERO_MARKETS = frozenset({"aeronautique", "spatial", "defense"})


@dataclass(frozen=True)
class Trade:
    code: str
    naf: str
    weight: int
    names: tuple[str, ...]  # templates with {surname} and {area}
    intro_fr: str  # with {name}, {founded} and {city}
    intro_en: str
    processes: tuple[str, ...]  # the first is always there
    materials: tuple[str, ...]
    markets: tuple[str, ...]  # the first is the main market
    certifications: tuple[str, ...]  # the first is always held


TRADES = (
    Trade(
        "decolletage", "25.62A", 22,
        ("Décolletage {surname}", "{surname} Décolletage", "Décolletage {area}",
         "Décolletages {surname} et Fils", "Précision {surname}"),
        "Décolleteur depuis {founded} à {city}, {name} produit des pièces de précision de "
        "0,5 à 32 mm de diamètre sur tours à poupée mobile, en petites et grandes séries.",
        "A bar-turning shop in {city} since {founded}, {name} makes precision parts from "
        "0.5 to 32 mm in diameter on sliding-headstock lathes, in small and large series.",
        ("decolletage", "tournage_cn", "ebavurage", "rectification", "marquage_laser",
         "micro_usinage", "metrologie"),
        ("laiton", "inox", "titane", "acier", "metaux_precieux", "cuivre", "peek"),
        ("luxe", "sante", "automobile", "aeronautique", "electronique", "instrumentation"),
        ("iso_9001", "iso_13485", "iatf_16949", "en_9100", "iso_14001"),
    ),
    Trade(
        "usinage", "25.62B", 20,
        ("Usinage {surname}", "Micro-Usinage {area}", "Mécanique de Précision {surname}",
         "{surname} Mécanique", "Ateliers {surname}", "Mécanique {area}"),
        "Atelier de mécanique de précision fondé en {founded} à {city}, {name} usine des "
        "pièces complexes à l'unité et en moyennes séries.",
        "A precision machining shop founded in {founded} in {city}, {name} machines "
        "complex parts, one-offs and medium series.",
        ("micro_usinage", "fraisage_5_axes", "tournage_cn", "electroerosion", "rectification",
         "fabrication_additive", "conception_mecanique", "metrologie"),
        ("titane", "inox", "aluminium", "acier", "peek", "cobalt_chrome", "tungstene"),
        ("aeronautique", "sante", "spatial", "defense", "luxe", "industrie", "instrumentation"),
        ("iso_9001", "en_9100", "iso_13485", "iso_14001"),
    ),
    Trade(
        "surface", "25.61Z", 9,
        ("Traitements de Surface {surname}", "{surname} Revêtements", "Galvanoplastie {area}",
         "Anodisation {area}", "{surname} Finition"),
        "Spécialiste du traitement de surface depuis {founded}, {name} protège et décore à "
        "{city} les pièces de ses clients, de la préparation au contrôle final.",
        "A surface treatment specialist since {founded}, {name} protects and finishes its "
        "customers' parts in {city}, from preparation to final inspection.",
        ("galvanoplastie", "anodisation", "depot_pvd", "polissage", "traitement_thermique",
         "texturation_laser"),
        ("aluminium", "titane", "laiton", "inox", "metaux_precieux", "cuivre"),
        ("luxe", "sante", "aeronautique", "electronique", "automobile"),
        ("iso_9001", "iso_14001", "nadcap", "en_9100", "iso_13485"),
    ),
    Trade(
        "horlogerie", "26.52Z", 10,
        ("Horlogerie {surname} SAS", "Manufacture {surname}", "Boîtes de Montres {surname}",
         "Cadrans {surname}", "Atelier Horloger {area}"),
        "Maison horlogère créée en {founded} à {city}, {name} fabrique boîtes, cadrans et "
        "composants de mouvements pour les marques de la haute horlogerie.",
        "A watchmaking house founded in {founded} in {city}, {name} makes cases, dials and "
        "movement components for fine-watch brands.",
        ("micro_assemblage", "micro_usinage", "polissage", "decolletage", "depot_pvd",
         "marquage_laser"),
        ("laiton", "inox", "metaux_precieux", "titane", "verre_saphir", "ceramique"),
        ("luxe", "instrumentation", "sante"),
        ("iso_9001", "iso_14001"),
    ),
    Trade(
        "medical", "32.50A", 13,
        ("{surname} Medical", "{surname} Implants", "Instruments Chirurgicaux {surname}",
         "Orthopédie {area}", "{surname} Dentaire"),
        "Fabricant de dispositifs médicaux depuis {founded}, {name} conçoit et produit à "
        "{city} implants, instruments chirurgicaux et ancillaires.",
        "A medical device manufacturer since {founded}, {name} designs and makes implants, "
        "surgical instruments and ancillaries in {city}.",
        ("micro_usinage", "assemblage_salle_blanche", "injection_plastique", "soudage_laser",
         "marquage_laser", "polissage", "decolletage", "essais_caracterisation",
         "fabrication_additive"),
        ("titane", "inox", "cobalt_chrome", "nitinol", "peek", "silicone",
         "polymeres_techniques", "ceramique"),
        ("sante",),
        ("iso_13485", "iso_9001", "iso_14001"),
    ),
    Trade(
        "instruments", "26.51B", 9,
        ("{surname} Instruments", "Capteurs {surname}", "Métrologie {area}", "{surname} Mesure",
         "{surname} Systèmes"),
        "Depuis {founded}, {name} conçoit et fabrique à {city} des capteurs et des "
        "instruments de mesure de haute précision.",
        "Since {founded}, {name} has designed and built high-precision sensors and "
        "measuring instruments in {city}.",
        ("electronique_embarquee", "metrologie", "micro_assemblage", "conception_mecanique",
         "essais_caracterisation", "optique_precision", "microfabrication_mems"),
        ("silicium", "inox", "aluminium", "verre_saphir", "ceramique", "polymeres_techniques"),
        ("instrumentation", "aeronautique", "spatial", "defense", "sante", "energie",
         "industrie", "objets_connectes"),
        ("iso_9001", "en_9100", "iso_17025"),
    ),
    Trade(
        "machines", "28.41Z", 5,
        ("{surname} Machines", "Tours {surname}", "{surname} Automation",
         "Machines-Outils {area}"),
        "Constructeur de machines spéciales depuis {founded}, {name} conçoit à {city} des "
        "machines d'usinage et d'assemblage de petites pièces.",
        "A special-purpose machine builder since {founded}, {name} designs machining and "
        "assembly machines for small parts in {city}.",
        ("conception_mecanique", "electronique_embarquee", "micromoteurs", "metrologie",
         "fraisage_5_axes"),
        ("acier", "aluminium", "tungstene"),
        ("industrie", "luxe", "sante", "automobile", "aeronautique"),
        ("iso_9001", "iso_14001", "iso_45001"),
    ),
    Trade(
        "plasturgie", "22.29A", 6,
        ("Plasturgie {surname}", "Injection Plastique {area}", "{surname} Plastiques Techniques",
         "Micro-Injection {surname}"),
        "Plasturgiste depuis {founded}, {name} injecte à {city} des pièces techniques et des "
        "micro-pièces, du moule à l'assemblage.",
        "A plastics processor since {founded}, {name} moulds technical parts and "
        "micro-parts in {city}, from the mould to the assembly.",
        ("injection_plastique", "outillage", "assemblage_salle_blanche", "micro_assemblage",
         "injection_mim"),
        ("polymeres_techniques", "peek", "silicone"),
        ("sante", "automobile", "electronique", "luxe", "objets_connectes"),
        ("iso_9001", "iso_13485", "iatf_16949", "iso_14001"),
    ),
    Trade(
        "emboutissage", "25.50B", 5,
        ("Découpage {surname}", "Emboutissage {surname}", "{surname} Découpe de Précision",
         "Découpage-Emboutissage {area}"),
        "Depuis {founded}, {name} découpe et emboutit à {city} des pièces fines en grandes "
        "séries.",
        "Since {founded}, {name} has stamped and deep-drawn thin parts in large series in "
        "{city}.",
        ("emboutissage", "decoupe_laser", "outillage", "soudage_laser", "ressorts"),
        ("inox", "cuivre", "acier", "laiton", "aluminium", "metaux_precieux"),
        ("electronique", "automobile", "sante", "luxe", "energie", "aeronautique"),
        ("iso_9001", "iatf_16949", "iso_14001"),
    ),
    Trade(
        "optique", "26.70Z", 3,
        ("Optique {surname}", "{surname} Photonique", "Optique de Précision {area}"),
        "Fondée en {founded} à {city}, {name} fabrique des composants optiques et des "
        "sous-ensembles opto-mécaniques.",
        "Founded in {founded} in {city}, {name} makes optical components and "
        "opto-mechanical assemblies.",
        ("optique_precision", "polissage", "depot_pvd", "metrologie", "micro_assemblage",
         "decoupe_laser"),
        ("verre_saphir", "silicium", "ceramique"),
        ("spatial", "defense", "instrumentation", "sante", "luxe"),
        ("iso_9001", "en_9100"),
    ),
    Trade(
        "connectique", "26.11Z", 4,
        ("{surname} Connectique", "Connecteurs {area}", "{surname} Câblage"),
        "Depuis {founded}, {name} fabrique à {city} des connecteurs miniatures et des "
        "faisceaux pour environnements sévères.",
        "Since {founded}, {name} has made miniature connectors and harnesses for harsh "
        "environments in {city}.",
        ("connectique", "decolletage", "injection_plastique", "galvanoplastie",
         "micro_assemblage"),
        ("cuivre", "laiton", "metaux_precieux", "polymeres_techniques"),
        ("electronique", "aeronautique", "defense", "automobile", "sante", "spatial"),
        ("iso_9001", "en_9100", "iatf_16949"),
    ),
    Trade(
        "ingenierie", "71.12B", 5,
        ("{surname} Ingénierie", "Bureau d'Études {surname}", "Ingénierie {area}"),
        "Bureau d'études créé en {founded} à {city}, {name} accompagne ses clients de "
        "l'idée au prototype et à l'industrialisation.",
        "A design office founded in {founded} in {city}, {name} takes its customers from "
        "the idea to the prototype and to production.",
        ("conception_mecanique", "electronique_embarquee", "essais_caracterisation",
         "fabrication_additive", "metrologie"),
        ("composites", "titane", "aluminium", "polymeres_techniques"),
        ("industrie", "sante", "aeronautique", "spatial", "objets_connectes", "energie"),
        ("iso_9001",),
    ),
    Trade(
        "ressorts", "25.93Z", 3,
        ("Ressorts {surname}", "{surname} Fil et Ressorts", "Ressorts {area}"),
        "Depuis {founded}, {name} fabrique à {city} des ressorts et des pièces en fil formé, "
        "du prototype à la grande série.",
        "Since {founded}, {name} has made springs and wire-formed parts in {city}, from "
        "prototypes to large series.",
        ("ressorts", "traitement_thermique", "decoupe_laser"),
        ("inox", "acier", "nitinol", "cuivre"),
        ("luxe", "sante", "automobile", "aeronautique", "industrie"),
        ("iso_9001", "iso_13485", "en_9100"),
    ),
    Trade(
        "outillage", "25.73B", 4,
        ("Outillage {surname}", "Moules et Outils {surname}", "{surname} Outillage de Précision"),
        "Outilleur depuis {founded}, {name} réalise à {city} des moules, des outils de "
        "découpe et des outillages de précision.",
        "A toolmaker since {founded}, {name} makes moulds, press tools and precision "
        "tooling in {city}.",
        ("outillage", "electroerosion", "rectification", "fraisage_5_axes", "texturation_laser"),
        ("acier", "tungstene", "ceramique"),
        ("industrie", "automobile", "sante", "luxe"),
        ("iso_9001",),
    ),
    Trade(
        "microsystemes", "26.11Z", 3,
        ("{surname} Microsystèmes", "Microcapteurs {area}", "{surname} MEMS"),
        "Issue de la recherche comtoise en {founded}, {name} conçoit et fabrique à {city} "
        "des microsystèmes et des capteurs miniatures.",
        "Spun off from regional research in {founded}, {name} designs and makes "
        "microsystems and miniature sensors in {city}.",
        ("microfabrication_mems", "assemblage_salle_blanche", "depot_pvd",
         "essais_caracterisation", "micro_assemblage"),
        ("silicium", "verre_saphir", "ceramique"),
        ("spatial", "defense", "sante", "objets_connectes", "instrumentation", "electronique"),
        ("iso_9001", "en_9100"),
    ),
    Trade(
        "additive", "25.62B", 3,
        ("{surname} Additive", "Impression 3D Métal {area}", "Fabrication Additive {surname}"),
        "Créée en {founded} à {city}, {name} imprime en métal et en polymère des pièces "
        "fonctionnelles, de la conception à la finition.",
        "Founded in {founded} in {city}, {name} prints functional metal and polymer parts, "
        "from design to finishing.",
        ("fabrication_additive", "traitement_thermique", "fraisage_5_axes",
         "essais_caracterisation"),
        ("titane", "inox", "cobalt_chrome", "aluminium", "polymeres_techniques"),
        ("aeronautique", "spatial", "sante", "industrie", "luxe"),
        ("iso_9001", "en_9100", "iso_13485"),
    ),
    Trade(
        "laser", "25.62B", 3,
        ("{surname} Laser", "Laser {area}", "Découpe Laser {surname}"),
        "Sous-traitant laser depuis {founded}, {name} découpe, soude et marque à {city} les "
        "pièces fines de ses clients.",
        "A laser subcontractor since {founded}, {name} cuts, welds and marks fine parts "
        "for its customers in {city}.",
        ("decoupe_laser", "soudage_laser", "marquage_laser", "texturation_laser",
         "micro_usinage"),
        ("inox", "titane", "metaux_precieux", "ceramique", "verre_saphir"),
        ("sante", "luxe", "aeronautique", "electronique", "industrie"),
        ("iso_9001", "iso_13485"),
    ),
    Trade(
        "bijouterie", "32.12Z", 2,
        ("Atelier {surname} Joaillerie", "{surname} Bijoux et Métaux Précieux"),
        "Atelier de joaillerie fondé en {founded} à {city}, {name} façonne bijoux et "
        "habillage horloger pour les maisons de luxe.",
        "A jewellery workshop founded in {founded} in {city}, {name} crafts jewellery and "
        "watch exteriors for luxury houses.",
        ("polissage", "micro_assemblage", "fabrication_additive", "marquage_laser",
         "galvanoplastie"),
        ("metaux_precieux", "laiton", "verre_saphir"),
        ("luxe",),
        ("iso_14001",),
    ),
    Trade(
        "essais", "71.20B", 2,
        ("{surname} Essais et Contrôle", "Laboratoire d'Essais {area}", "{surname} Métrologie"),
        "Laboratoire privé d'essais créé en {founded} à {city}, {name} mesure, contrôle et "
        "caractérise pièces et matériaux.",
        "A private test laboratory founded in {founded} in {city}, {name} measures, "
        "inspects and characterises parts and materials.",
        ("metrologie", "essais_caracterisation"),
        ("titane", "inox", "composites", "polymeres_techniques"),
        ("aeronautique", "sante", "instrumentation", "industrie", "spatial"),
        ("iso_17025", "iso_9001"),
    ),
    Trade(
        "thermique", "25.61Z", 2,
        ("Traitement Thermique {surname}", "{surname} Thermique"),
        "Depuis {founded}, {name} assure à {city} le traitement thermique et les "
        "revêtements durs des pièces mécaniques.",
        "Since {founded}, {name} has provided heat treatment and hard coatings for "
        "mechanical parts in {city}.",
        ("traitement_thermique", "depot_pvd"),
        ("acier", "inox", "titane", "aluminium"),
        ("aeronautique", "automobile", "industrie", "sante"),
        ("nadcap", "en_9100", "iso_9001", "iatf_16949"),
    ),
)  # fmt: skip

TRADES_BY_CODE = {trade.code: trade for trade in TRADES}


def join_fr(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " et " + items[-1]


def join_en(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def describe(
    *,
    intro_fr: str,
    intro_en: str,
    processes: tuple[str, ...],
    materials: tuple[str, ...],
    markets: tuple[str, ...],
    certifications: tuple[str, ...],
) -> tuple[str, str]:
    """The French and English descriptions of a member's know-how."""
    fr = [
        intro_fr,
        f"Savoir-faire : {join_fr([PROCESSES[c][0] for c in processes])}.",
        f"Nous travaillons {join_fr([MATERIALS[c][0] for c in materials])} "
        f"pour {join_fr([MARKETS[c][0] for c in markets])}.",
    ]
    en = [
        intro_en,
        f"Know-how: {join_en([PROCESSES[c][1] for c in processes])}.",
        f"We work {join_en([MATERIALS[c][1] for c in materials])} "
        f"for {join_en([MARKETS[c][1] for c in markets])}.",
    ]
    if certifications:
        labels = [CERTIFICATIONS[c] for c in certifications]
        fr.append(f"Certifications : {join_fr(labels)}.")
        en.append(f"Certified {join_en(labels)}.")
    return " ".join(fr), " ".join(en)
