"""Buyers' queries in French (with and without accents, with typos), and their judgments.

The grading scale is in `tests.directory.relevance.judgments`.
"""

from tests.directory.relevance.records import Judged

# The bar turners of the dataset that are neither for watchmaking nor for brass: a partial
# answer (right process) to a watch or brass bar-turning need.
OTHER_BAR_TURNERS = {
    "decolletage-de-la-loue": 1,
    "ortho-vis-technologies": 1,
    "dentalis-composants": 1,
    "decolletage-jeanningros": 1,
    "micro-decolletage-de-morez": 1,
    "tournerie-du-haut-doubs": 1,
}

FRENCH = [
    Judged(
        text="vis orthopédiques titane ISO 13485",
        need="Bone screws in titanium from an ISO 13485 certified maker.",
        grades={
            "decolletage-de-la-loue": 3,
            "ortho-vis-technologies": 3,
            "implants-orthopediques-de-bourgogne": 2,  # bone screws, as an implant maker
            "decolletage-jeanningros": 2,  # medical titanium bar turning, no screws named
            "dentalis-composants": 2,  # titanium screws, ISO 13485, dental not orthopaedic
            "guyon-micro-decolletage": 1,  # titanium bar turning, ISO 13485 only in progress
            "usinage-titane-comtois": 1,  # titanium, implant prototypes, no ISO 13485
            "micro-decolletage-de-morez": 1,  # titanium screws for eyewear
            "spine-polymeres-usinage": 1,  # ISO 13485 implants, but PEEK
            "add-ti-fabrication-additive": 1,  # titanium implants, printed
            "instruments-chirurgicaux-de-franche-comte": 1,  # ISO 13485 ancillaries, stainless
        },
    ),
    Judged(
        text="vis pédiculaires rachis",
        need="Pedicle screws for spine surgery.",
        grades={
            "decolletage-de-la-loue": 3,
            "ortho-vis-technologies": 3,
            "implants-orthopediques-de-bourgogne": 1,
            "decolletage-jeanningros": 1,
            "dentalis-composants": 1,
            "spine-polymeres-usinage": 1,  # spine implants, PEEK cages
        },
    ),
    Judged(
        text="decoletage laiton horlogerie",
        need="Bar turning of brass watch parts (typo, no accents).",
        grades={
            **OTHER_BAR_TURNERS,
            "precidec-morteau": 3,
            "pignonnerie-du-russey": 3,
            "decolletage-barthod-freres": 3,
            "guyon-micro-decolletage": 3,
        },
    ),
    Judged(
        text="décolletage médical",
        need="A bar turner for medical devices.",
        grades={
            "decolletage-de-la-loue": 3,
            "ortho-vis-technologies": 3,
            "dentalis-composants": 3,
            "decolletage-jeanningros": 3,
            "spine-polymeres-usinage": 2,  # bar turning of PEEK implants
            "guyon-micro-decolletage": 1,  # a few dental parts
            "micro-decolletage-de-morez": 1,
            "precidec-morteau": 1,
            "decolletage-barthod-freres": 1,
            "pignonnerie-du-russey": 1,
            "tournerie-du-haut-doubs": 1,
            "instruments-chirurgicaux-de-franche-comte": 1,  # medical turning, not bar turning
            "implants-orthopediques-de-bourgogne": 1,
        },
    ),
    Judged(
        text="décolleteur horloger Morteau",
        need="A watch-component bar turner in or near Morteau.",
        grades={
            **OTHER_BAR_TURNERS,
            "precidec-morteau": 3,
            "pignonnerie-du-russey": 2,
            "decolletage-barthod-freres": 2,
            "guyon-micro-decolletage": 2,
        },
    ),
    Judged(
        text="électroérosion fil",
        need="Wire EDM.",
        grades={
            "erosion-fil-service": 3,
            "microfil-edm": 3,
            "moules-et-outillages-du-haut-jura": 1,  # wire EDM for its own moulds
            "electro-erosion-sanclaudienne": 1,  # sinker EDM only
        },
    ),
    Judged(
        text="electroerosoin",
        need="EDM of any kind (typo).",
        grades={
            "erosion-fil-service": 3,
            "microfil-edm": 3,
            "electro-erosion-sanclaudienne": 3,
            "moules-et-outillages-du-haut-jura": 1,
        },
    ),
    Judged(
        text="anodisation dure aluminium aéronautique",
        need="Hard anodising of aluminium for aerospace.",
        grades={
            "anodisation-dure-de-lest": 3,
            "couleurs-anodiques-du-haut-doubs": 1,  # decorative anodising only
        },
    ),
    Judged(
        text="anodisation couleur",
        need="Colour anodising.",
        grades={
            "couleurs-anodiques-du-haut-doubs": 3,
            "ortho-vis-technologies": 1,  # colour anodising of its own titanium screws
            "anodisation-dure-de-lest": 1,
        },
    ),
    Judged(
        text="découpe laser stent",
        need="Laser cutting of stents.",
        grades={
            "laser-cut-medical": 3,
            "nitiform": 1,  # finishes laser-cut nitinol, does not cut
        },
    ),
    Judged(
        text="MEMS silicium",
        need="Silicon MEMS microfabrication.",
        grades={
            "silisense-mems": 3,
            "laboratoire-microsyst-besancon": 3,
            "quartz-et-frequence": 1,  # microfabrication, but of quartz
            "ecole-superieure-des-microtechniques-de-besancon": 1,  # teaching clean room
        },
    ),
    Judged(
        text="micro-usinage ±2 µm",
        need="Micromachining that holds ±2 µm.",
        grades={
            "microprecis-usinage": 3,
            "microfil-edm": 2,  # micro-EDM, ±1 µm
            "erosion-fil-service": 1,  # ±2 µm, by wire EDM
            "rectification-haut-doubs": 1,  # ±1 µm, by grinding
            "precidec-morteau": 1,  # ±2 µm pivots, by bar turning
        },
    ),
    Judged(
        text="marquage laser UDI instruments chirurgicaux",
        need="UDI laser marking of surgical instruments.",
        grades={
            "marquage-laser-comtois": 3,
            "instruments-chirurgicaux-de-franche-comte": 2,  # marks the instruments it makes
            "ortho-vis-technologies": 1,  # marks its own screws
            "systemes-laser-bourgogne": 1,  # sells laser marking machines
        },
    ),
    Judged(
        text="dorure rhodiage",
        need="Gold and rhodium plating.",
        grades={
            "dorure-et-galvanoplastie-bisontine": 3,
            "cadranerie-du-doubs": 2,  # plates the dials it makes
            "galva-industrie-herimoncourt": 1,  # industrial plating
        },
    ),
    Judged(
        text="traitement de surface horlogerie",
        need="Any surface treatment for watch parts.",
        grades={
            "dorure-et-galvanoplastie-bisontine": 3,
            "pvd-horlogerie-services": 3,
            "couleurs-anodiques-du-haut-doubs": 3,
            "polissage-horloger-de-charquemont": 2,
            "cadranerie-du-doubs": 1,
            "femto-surfaces": 1,
            "couches-minces-industrie": 1,
            "galva-industrie-herimoncourt": 1,
            "anodisation-dure-de-lest": 1,
            "electropoli-medical": 1,
        },
    ),
    Judged(
        text="injection plastique automobile IATF",
        need="Plastic injection moulding for automotive, IATF 16949.",
        grades={
            "plasturgie-du-revermont": 3,
            "microinjection-jura-medical": 1,
            "medi-polymeres": 1,
            "silicones-du-jura": 1,
        },
    ),
    Judged(
        text="silicone LSR médical",
        need="Liquid silicone moulding for medical devices.",
        grades={
            "medi-polymeres": 3,
            "silicones-du-jura": 2,  # LSR, some medical parts, no ISO 13485
            "microinjection-jura-medical": 1,
        },
    ),
    Judged(
        text="impression 3D titane implants",
        need="Metal 3D printing of titanium implants.",
        grades={
            "add-ti-fabrication-additive": 3,
            "implants-orthopediques-de-bourgogne": 1,
            "decolletage-de-la-loue": 1,
            "ortho-vis-technologies": 1,
            "dentalis-composants": 1,
        },
    ),
    Judged(
        text="trempe sous vide nitruration",
        need="Vacuum hardening and nitriding.",
        grades={"traitements-thermiques-de-lest": 3, "nitiform": 1},
    ),
    Judged(
        text="polisage boites de montre",
        need="Polishing of watch cases (typo, no accents).",
        grades={
            "polissage-horloger-de-charquemont": 3,
            "boitiers-de-montres-de-maiche": 2,  # polishes the cases it makes
            "tribofinition-comtoise": 1,
            "electropoli-medical": 1,
        },
    ),
    Judged(
        text="ébavurage tonnelage",
        need="Deburring by tumbling.",
        grades={"tribofinition-comtoise": 3, "tournerie-du-haut-doubs": 1},
    ),
    Judged(
        text="ressorts nitinol",
        need="Nitinol springs.",
        grades={"ressorts-micro-precision": 3, "nitiform": 1, "microfil-edm": 1},
    ),
    Judged(
        text="métrologie COFRAC tomographie",
        need="Accredited dimensional metrology with CT scanning.",
        grades={
            "metrologie-franche-comte": 3,
            "centre-de-transfert-en-microtechniques": 2,
            "bio-essais-dijon": 1,  # accredited, but biological testing
        },
    ),
    Judged(
        text="cartes électroniques dispositifs médicaux",
        need="Electronic boards for medical devices.",
        grades={"electromed-cartes": 3, "cartes-et-systemes-comtois": 2},
    ),
    Judged(
        text="micromoteur piézo",
        need="Micro-motors, piezo actuators.",
        grades={"micromoteurs-du-doubs": 3},
    ),
    Judged(
        text="usinage pièces aéronautiques titane EN 9100",
        need="EN 9100 machining of titanium aircraft parts.",
        grades={
            "hexa-aero-mecanique": 3,
            "usinage-titane-comtois": 3,
            "spatial-mecanique-de-precision": 2,
            "aero-usinage-belfort": 2,  # EN 9100 aerospace machining, aluminium only
            "add-ti-fabrication-additive": 1,
        },
    ),
    Judged(
        text="moules injection électroérosion enfonçage",
        need="Sinker EDM for injection moulds.",
        grades={
            "moules-et-outillages-du-haut-jura": 3,
            "electro-erosion-sanclaudienne": 3,
            "erosion-fil-service": 2,
        },
    ),
    Judged(
        text="texturation laser femtoseconde",
        need="Femtosecond laser texturing.",
        grades={"femto-surfaces": 3, "laser-cut-medical": 1},
    ),
    Judged(
        text="zircone céramique boîtes de montres",
        need="Zirconia ceramic watch cases.",
        grades={
            "ceramiques-techniques-de-bourgogne": 3,
            "mim-composants-delle": 2,  # zirconia CIM for watchmaking
            "boitiers-de-montres-de-maiche": 1,  # watch cases, not ceramic
        },
    ),
    Judged(
        text="sous-traitant usinage besancon",
        need="A machining subcontractor in or near Besançon (no cedilla).",
        grades={
            "microprecis-usinage": 3,
            "spatial-mecanique-de-precision": 3,
            "spine-polymeres-usinage": 2,
            "dentalis-composants": 2,
            "usinage-titane-comtois": 1,  # Chemaudin, next to Besançon
            "instruments-chirurgicaux-de-franche-comte": 1,  # Saône, makes its own instruments
            "ortho-vis-technologies": 1,  # École-Valentin, next to Besançon
        },
    ),
    Judged(
        text="conditionnement stérile",
        need="Sterile packaging of medical devices.",
        grades={"assemblage-sterile-medical": 3, "medi-polymeres": 2},
    ),
    Judged(
        text="usinage cobalt chrome prothèses",
        need="Machining of cobalt-chromium prostheses.",
        grades={
            "implants-orthopediques-de-bourgogne": 3,
            "dentaire-usinage-cfao": 3,
            "laser-cut-medical": 1,  # cobalt-chromium stents, cut by laser
        },
    ),
    Judged(
        text="connecteurs aéronautique EN9100",
        need="Connectors for aerospace, EN 9100.",
        grades={
            "connectique-haute-fiabilite": 3,
            "opto-integration-dijon": 1,  # wiring, EN 9100
            "tournerie-du-haut-doubs": 1,  # turned electrical contacts
            "decoupage-fin-comtois": 1,  # stamped connector parts
        },
    ),
    Judged(
        text="tournage CN acier petites séries",
        need="CNC turning of steel, small batches.",
        grades={
            "atelier-mecanique-lallier": 3,
            "mecanique-generale-du-pays-de-montbeliard": 2,
            "usinage-aluminium-des-vosges-saonoises": 2,
            "usinage-titane-comtois": 1,
            "hexa-aero-mecanique": 1,
            "spatial-mecanique-de-precision": 1,
            "instruments-chirurgicaux-de-franche-comte": 1,
            "precidec-morteau": 1,
            "pignonnerie-du-russey": 1,
            "decolletage-de-la-loue": 1,
        },
    ),
]
