"""Buyers' queries in English (the dataset is mostly French: these cross languages through
the vocabulary), and their judgments. The grading scale is in
`tests.directory.relevance.judgments`."""

from tests.directory.relevance.queries_fr import OTHER_BAR_TURNERS
from tests.directory.relevance.records import Judged

ENGLISH = [
    Judged(
        text="swiss turning of brass watch pinions",
        need="Bar-turned brass pinions for watch movements.",
        grades={
            **OTHER_BAR_TURNERS,
            "pignonnerie-du-russey": 3,
            "precidec-morteau": 3,
            "decolletage-barthod-freres": 2,  # brass watch parts, no pinions
            "guyon-micro-decolletage": 2,  # brass, watchmaking among other markets
        },
    ),
    Judged(
        text="micro-injection PEEK",
        need="Micro-moulding of PEEK parts.",
        grades={
            "microinjection-jura-medical": 3,
            "spine-polymeres-usinage": 1,  # PEEK, machined not moulded
            "medi-polymeres": 1,  # moulding, no PEEK
            "plasturgie-du-revermont": 1,  # large-part moulding
        },
    ),
    Judged(
        text="EN9100 machining aluminium",
        need="EN 9100 certified machining of aluminium.",
        grades={
            "aero-usinage-belfort": 3,
            "spatial-mecanique-de-precision": 3,
            "usinage-titane-comtois": 2,  # EN 9100 machining, titanium and Inconel
            "hexa-aero-mecanique": 2,
            "usinage-aluminium-des-vosges-saonoises": 1,  # aluminium, EN 9100 in preparation
            "mecanique-generale-du-pays-de-montbeliard": 1,
            "add-ti-fabrication-additive": 1,
        },
    ),
    Judged(
        text="AS9100 5 axis milling",
        need="5-axis milling from an AS/EN 9100 certified shop.",
        grades={
            "aero-usinage-belfort": 3,
            "spatial-mecanique-de-precision": 3,
            "usinage-titane-comtois": 3,
            "hexa-aero-mecanique": 3,
            "usinage-aluminium-des-vosges-saonoises": 1,
            "mecanique-generale-du-pays-de-montbeliard": 1,
            "instruments-chirurgicaux-de-franche-comte": 1,
            "implants-orthopediques-de-bourgogne": 1,
            "microprecis-usinage": 1,
        },
    ),
    Judged(
        text="clean room assembly medical devices",
        need="Contract assembly of medical devices in a clean room.",
        grades={
            "assemblage-sterile-medical": 3,
            "medi-polymeres": 2,  # ISO 8 assembly of the devices it moulds
            "microtechniques-medicales-bisontines": 1,  # assembles its own devices only
            "opto-integration-dijon": 1,  # clean-room assembly for space
            "electromed-cartes": 1,  # medical electronics, no clean room
            "centre-de-transfert-en-microtechniques": 1,  # prototype clean room
        },
    ),
    Judged(
        text="PVD coating watch cases",
        need="PVD coating of watch cases.",
        grades={
            "pvd-horlogerie-services": 3,
            "couches-minces-industrie": 1,  # PVD on tools
            "boitiers-de-montres-de-maiche": 1,  # makes cases, PVD subcontracted
            "dorure-et-galvanoplastie-bisontine": 1,  # plating, not PVD
        },
    ),
    Judged(
        text="titanium bone screws",
        need="Titanium bone screws.",
        grades={
            "decolletage-de-la-loue": 3,
            "ortho-vis-technologies": 3,
            "implants-orthopediques-de-bourgogne": 2,
            "decolletage-jeanningros": 2,
            "dentalis-composants": 2,
            "guyon-micro-decolletage": 1,
            "micro-decolletage-de-morez": 1,
            "usinage-titane-comtois": 1,
            "add-ti-fabrication-additive": 1,
        },
    ),
    Judged(
        text="laser welding titanium medical",
        need="Laser welding of titanium medical parts.",
        grades={"soudure-laser-precision": 3, "laser-cut-medical": 1},
    ),
    Judged(
        text="laser cutting sheet metal",
        need="Laser cutting of sheet metal.",
        grades={
            "lasertole-vesoul": 3,
            "chaudronnerie-fine-de-gray": 3,
            "laser-cut-medical": 1,  # laser cutting of tubes
        },
    ),
    Judged(
        text="gold plating watch dials",
        need="Gold plating of watch dials.",
        grades={
            "dorure-et-galvanoplastie-bisontine": 3,
            "cadranerie-du-doubs": 3,
            "galva-industrie-herimoncourt": 1,
            "pvd-horlogerie-services": 1,  # gold-tone PVD
            "couleurs-anodiques-du-haut-doubs": 1,  # anodised dials
        },
    ),
    Judged(
        text="metal injection moulding stainless steel",
        need="MIM of stainless steel parts.",
        grades={"mim-composants-delle": 3, "ceramiques-techniques-de-bourgogne": 1},
    ),
    Judged(
        text="heat treatment nadcap",
        need="Nadcap-approved heat treatment.",
        grades={
            "traitements-thermiques-de-lest": 3,
            "nitiform": 1,
            "anodisation-dure-de-lest": 1,  # Nadcap, chemical processing
        },
    ),
    Judged(
        text="electropolishing 316L implants",
        need="Electropolishing of 316L implants.",
        grades={
            "electropoli-medical": 3,
            "laser-cut-medical": 2,
            "nitiform": 2,
            "instruments-chirurgicaux-de-franche-comte": 1,
        },
    ),
    Judged(
        text="fine blanking progressive die stamping",
        need="Fine blanking and progressive-die stamping.",
        grades={
            "decoupage-fin-comtois": 3,
            "boitiers-de-montres-de-maiche": 1,
            "cadranerie-du-doubs": 1,
        },
    ),
    Judged(
        text="quartz resonators time frequency",
        need="Quartz resonators.",
        grades={"quartz-et-frequence": 3, "laboratoire-microsyst-besancon": 2},
    ),
    Judged(
        text="biocompatibility testing ISO 10993",
        need="Biocompatibility testing.",
        grades={"bio-essais-dijon": 3, "centre-de-transfert-en-microtechniques": 1},
    ),
    Judged(
        text="sapphire watch crystals",
        need="Sapphire watch crystals.",
        grades={"saphir-horloger-jurassien": 3, "optique-de-precision-de-bourgogne": 1},
    ),
    Judged(
        text="dental implant abutments",
        need="Dental implant abutments.",
        grades={
            "dentalis-composants": 3,
            "dentaire-usinage-cfao": 2,
            "ceramiques-techniques-de-bourgogne": 1,
            "guyon-micro-decolletage": 1,
        },
    ),
    Judged(
        text="orthopedic implants",
        need="Orthopaedic implants or their components (US spelling).",
        grades={
            "implants-orthopediques-de-bourgogne": 3,
            "decolletage-de-la-loue": 2,
            "ortho-vis-technologies": 2,
            "add-ti-fabrication-additive": 2,
            "spine-polymeres-usinage": 2,
            "instruments-chirurgicaux-de-franche-comte": 1,
            "electropoli-medical": 1,
            "decolletage-jeanningros": 1,
            "dentalis-composants": 1,
        },
    ),
    Judged(
        text="wire EDM tungsten carbide",
        need="Wire EDM of tungsten carbide.",
        grades={
            "erosion-fil-service": 3,
            "microfil-edm": 2,
            "micro-outils-carbure-du-doubs": 1,
            "electro-erosion-sanclaudienne": 1,
        },
    ),
    Judged(
        text="precision grinding ±1 µm",
        need="Grinding to ±1 µm.",
        grades={
            "rectification-haut-doubs": 3,
            "micro-outils-carbure-du-doubs": 1,
            "microprecis-usinage": 1,
        },
    ),
    Judged(
        text="nickel titanium shape setting",
        need="Shape setting of nitinol.",
        grades={
            "nitiform": 3,
            "laser-cut-medical": 2,
            "ressorts-micro-precision": 1,
        },
    ),
    Judged(
        text="watch movement assembly",
        need="Assembly of watch movements.",
        grades={
            "horlogerie-assemblage-des-lacs": 3,
            "centre-de-transfert-en-microtechniques": 1,
        },
    ),
]
