"""Relevance dataset, part 2: milling, turning, micromachining, grinding, EDM, springs."""

from tests.directory.relevance.records import Record

HEALTH = "innov-health"
AERO = "aeromutech"

MACHINING = [
    # --- Milling and turning: aerospace, space, industry ----------------------------------
    Record(
        name="Usinage Titane Comtois",
        siret="50350410200560",
        postcode="25320",
        city="Chemaudin et Vaux",
        headcount_band="12",
        description_fr=(
            "Usinage de pièces complexes en titane et alliages durs pour l'aéronautique et la "
            "compétition automobile."
        ),
        description_en=(
            "Machining of complex titanium and hard-alloy parts for aerospace and motorsport."
        ),
        profile_fr=(
            "Fraisage 5 axes et tournage CN de pièces en TA6V, Inconel 718 et inox 17-4PH : "
            "ferrures, raccords hydrauliques, pièces moteur. Certifiés EN 9100. Prototypes "
            "ponctuels pour des fabricants d'implants."
        ),
        terms=(
            "fraisage_5_axes",
            "tournage_cn",
            "titane",
            "inox",
            "aeronautique",
            "automobile",
            "en_9100",
            "iso_9001",
        ),
        equipment=(
            ("DMG Mori DMU 65 monoBLOCK", 4, "735 × 650 × 560 mm"),
            ("Mazak Integrex i-200", 2, "Ø 658 × 1 000 mm"),
        ),
        tolerances=(("alésage", "8", "fraisage_5_axes"),),
        clusters=(AERO,),
    ),
    Record(
        name="Aéro-Usinage Belfort",
        siret="82336420300484",
        postcode="90000",
        city="Belfort",
        headcount_band="21",
        description_fr=(
            "Sous-traitant de rang 1 et 2 de l'aéronautique civile et militaire : pièces de "
            "structure usinées."
        ),
        description_en=(
            "Tier 1 and 2 subcontractor to civil and military aerospace: machined structural parts."
        ),
        profile_fr=(
            "Usinage grande vitesse 5 axes d'alliages d'aluminium 7075, 2024 et 7050 : nervures, "
            "cadres, ferrures, supports d'équipements. Certification EN 9100:2018, agréments des "
            "grands donneurs d'ordres. Contrôle MMT, FAI selon EN 9102."
        ),
        profile_en=(
            "5-axis high-speed machining of aluminium alloys 7075, 2024 and 7050: ribs, frames, "
            "fittings, equipment brackets. EN 9100:2018 certified. CMM inspection, FAI per "
            "EN 9102."
        ),
        terms=(
            "fraisage_5_axes",
            "metrologie",
            "aluminium",
            "aeronautique",
            "defense",
            "en_9100",
            "iso_9001",
        ),
        equipment=(("Centre 5 axes grande vitesse", 3, "3 000 × 1 250 × 800 mm"),),
        clusters=(AERO,),
    ),
    Record(
        name="Spatial Mécanique de Précision",
        siret="32032960000433",
        postcode="25000",
        city="Besançon",
        headcount_band="12",
        description_fr="Mécanique de précision pour les instruments spatiaux et les satellites.",
        description_en="Precision mechanics for space instruments and satellites.",
        profile_fr=(
            "Usinage 5 axes et tournage de pièces en aluminium 6061, titane et Invar pour "
            "optiques spatiales et mécanismes de satellites. EN 9100, salle propre ISO 8 pour "
            "l'intégration, nettoyage et étuvage. ±5 µm en fraisage."
        ),
        profile_en=(
            "5-axis machining and turning of aluminium, titanium and Invar parts for space optics "
            "and satellite mechanisms. EN 9100 certified, ISO 8 clean room for integration."
        ),
        terms=(
            "fraisage_5_axes",
            "tournage_cn",
            "aluminium",
            "titane",
            "spatial",
            "aeronautique",
            "en_9100",
        ),
        tolerances=(("planéité", "5", "fraisage_5_axes"),),
        clusters=(AERO,),
    ),
    Record(
        name="Hexa Aéro Mécanique",
        siret="38594154700114",
        postcode="39100",
        city="Dole",
        headcount_band="22",
        description_fr="Usinage de pièces de moteurs d'avion et d'hélicoptère.",
        description_en="Machining of aircraft and helicopter engine parts.",
        profile_fr=(
            "Tournage et fraisage 5 axes de pièces tournantes et de carters en titane, Inconel "
            "et aciers réfractaires. EN 9100, agrément Nadcap en contrôle non destructif. "
            "Contrôle tridimensionnel."
        ),
        profile_en=(
            "Turning and 5-axis milling of rotating parts and casings in titanium, Inconel and "
            "heat-resistant steels. EN 9100 certified, Nadcap accredited for NDT."
        ),
        terms=(
            "tournage_cn",
            "fraisage_5_axes",
            "metrologie",
            "titane",
            "acier",
            "aeronautique",
            "en_9100",
            "nadcap",
        ),
        clusters=(AERO,),
    ),
    Record(
        name="Mécanique Générale du Pays de Montbéliard",
        siret="35743046100206",
        postcode="25200",
        city="Montbéliard",
        headcount_band="21",
        description_fr="Usinage de pièces mécaniques en moyennes séries.",
        description_en="Machined parts in medium batches.",
        profile_fr=(
            "Tournage et fraisage CN de pièces en acier, aluminium et fonte pour l'automobile et "
            "les machines spéciales. IATF 16949 et ISO 9001."
        ),
        terms=(
            "tournage_cn",
            "fraisage_5_axes",
            "acier",
            "aluminium",
            "automobile",
            "industrie",
            "iatf_16949",
            "iso_9001",
        ),
    ),
    Record(
        name="Usinage Aluminium des Vosges Saônoises",
        siret="34162326200530",
        postcode="70300",
        city="Luxeuil-les-Bains",
        headcount_band="12",
        description_fr="Usinage de moyennes et grandes pièces.",
        profile_fr=(
            "Usinage de pièces en aluminium et en acier pour les machines spéciales et le "
            "ferroviaire ; nous préparons la certification EN 9100 pour entrer dans "
            "l'aéronautique."
        ),
        terms=("fraisage_5_axes", "tournage_cn", "aluminium", "acier", "industrie", "iso_9001"),
    ),
    Record(
        name="Atelier Mécanique Lallier",
        siret="66162506100311",
        postcode="25800",
        city="Valdahon",
        headcount_band="02",
        description_fr="Atelier de mécanique générale.",
        profile_fr="Usinage conventionnel et CN, prototypes, petites séries, réparation.",
        terms=("tournage_cn", "acier"),
    ),
    # --- Micromachining, medical machining, grinding --------------------------------------
    Record(
        name="MicroPrécis Usinage",
        siret="82023943200462",
        postcode="25000",
        city="Besançon",
        headcount_band="11",
        description_fr=(
            "Micro-usinage de haute précision pour l'horlogerie, le médical et l'instrumentation."
        ),
        description_en="High-precision micromachining for watchmaking, medical and instruments.",
        profile_fr=(
            "Micro-fraisage et micro-perçage (forets dès Ø 0,03 mm) sur centres Kern, en acier, "
            "inox, laiton, titane et carbure de tungstène. Tolérances de ±2 µm tenues en "
            "production, atelier climatisé à 20 ± 0,5 °C, contrôle optique et MMT."
        ),
        profile_en=(
            "Micro-milling and micro-drilling (drills from Ø 0.03 mm) on Kern centres in steel, "
            "stainless, brass, titanium and tungsten carbide. ±2 µm held in production, "
            "temperature-controlled shop."
        ),
        terms=(
            "micro_usinage",
            "fraisage_5_axes",
            "metrologie",
            "acier",
            "inox",
            "titane",
            "tungstene",
            "luxe",
            "sante",
            "instrumentation",
            "iso_9001",
        ),
        equipment=(("Kern Micro HD", 3, "350 × 220 × 250 mm"),),
        tolerances=(
            ("position", "2", "micro_usinage"),
            ("diamètre de perçage", "1.5", "micro_usinage"),
        ),
    ),
    Record(
        name="Instruments Chirurgicaux de Franche-Comté",
        siret="87302230500262",
        postcode="25660",
        city="Saône",
        headcount_band="21",
        naf_code="32.50A",
        description_fr="Fabricant d'instruments chirurgicaux et d'ancillaires pour l'orthopédie.",
        description_en="Manufacturer of surgical instruments and orthopaedic ancillaries.",
        profile_fr=(
            "Usinage 5 axes et tournage d'instruments en inox 17-4PH et 420, polissage, "
            "électropolissage, marquage laser UDI, assemblage et nettoyage final. ISO 13485, "
            "dossiers MDR."
        ),
        profile_en=(
            "5-axis milling and turning of instruments in 17-4PH and 420 stainless steel, "
            "polishing, electropolishing, UDI laser marking, assembly and final cleaning. "
            "ISO 13485."
        ),
        terms=(
            "fraisage_5_axes",
            "tournage_cn",
            "polissage",
            "marquage_laser",
            "inox",
            "sante",
            "iso_13485",
        ),
        clusters=(HEALTH,),
    ),
    Record(
        name="Rectification Haut-Doubs",
        siret="89676027900605",
        postcode="25500",
        city="Les Fins",
        headcount_band="03",
        description_fr="Rectification de précision.",
        profile_fr=(
            "Rectification cylindrique intérieure et extérieure, centerless, rodage. Axes et "
            "goupilles pour l'horlogerie et le médical, jusqu'à ±1 µm et Ra 0,05."
        ),
        terms=("rectification", "acier", "inox", "tungstene", "luxe", "sante"),
        tolerances=(("diamètre", "1", "rectification"),),
    ),
    Record(
        name="Micro-Outils Carbure du Doubs",
        siret="48005188700572",
        postcode="25650",
        city="Gilley",
        headcount_band="11",
        description_fr="Outils coupants en carbure.",
        profile_fr=(
            "Fabrication et affûtage d'outils en carbure pour le décolletage et le micro-usinage "
            ": forets, fraises, outils de forme, plaquettes spéciales."
        ),
        terms=("rectification", "outillage", "tungstene", "industrie"),
    ),
    # --- EDM and tooling ------------------------------------------------------------------
    Record(
        name="Érosion Fil Service",
        siret="79059218200071",
        postcode="25220",
        city="Thise",
        headcount_band="11",
        description_fr="Électroérosion à façon.",
        profile_fr=(
            "Électroérosion à fil et par enfonçage : découpe de poinçons et matrices, plaques de "
            "moules, pièces en carbure, acier trempé et titane. Fil de 0,1 à 0,3 mm, hauteur de "
            "coupe 400 mm. Tolérance ±2 µm."
        ),
        terms=("electroerosion", "outillage", "acier", "tungstene", "titane", "industrie"),
        equipment=(
            ("GF AgieCharmilles CUT 200", 4, "550 × 350 × 400 mm"),
            ("ONA enfonçage", 2, ""),
        ),
        tolerances=(("contour", "2", "electroerosion"),),
    ),
    Record(
        name="MicroFil EDM",
        siret="34816622400090",
        postcode="25300",
        city="Pontarlier",
        headcount_band="03",
        description_fr="Micro-électroérosion pour pièces miniatures.",
        description_en="Micro-EDM for miniature parts.",
        profile_fr=(
            "Micro-électroérosion à fil (fil Ø 0,02 mm) et micro-perçage par électroérosion : "
            "ressorts plats, aiguilles, composants de mouvements, outils de micro-découpe."
        ),
        profile_en=(
            "Micro wire EDM with 0.02 mm wire and EDM micro-drilling: flat springs, hands, "
            "movement components, micro-punching tools for watchmaking and medical devices."
        ),
        terms=("electroerosion", "micro_usinage", "acier", "tungstene", "luxe", "sante"),
        tolerances=(("contour", "1", "electroerosion"),),
    ),
    Record(
        name="Électro-Érosion Sanclaudienne",
        siret="96422127900141",
        postcode="39200",
        city="Saint-Claude",
        headcount_band="03",
        description_fr="Sous-traitance en électroérosion pour les moulistes.",
        profile_fr="Enfonçage, électrodes graphite et cuivre, empreintes de moules d'injection.",
        terms=("electroerosion", "outillage", "cuivre"),
    ),
    Record(
        name="Moules et Outillages du Haut-Jura",
        siret="64625653700440",
        postcode="39260",
        city="Moirans-en-Montagne",
        headcount_band="12",
        description_fr="Moules d'injection plastique de précision, multi-empreintes.",
        profile_fr=(
            "Conception et fabrication de moules d'injection : usinage UGV, électroérosion fil "
            "et enfonçage, polissage des empreintes, mise au point sur presse. Moules pour "
            "pièces techniques automobile et médical."
        ),
        terms=(
            "outillage",
            "electroerosion",
            "fraisage_5_axes",
            "conception_mecanique",
            "acier",
            "automobile",
            "sante",
        ),
        equipment=(("Électroérosion à fil", 2, "400 × 300 × 250 mm"),),
    ),
    # --- Springs --------------------------------------------------------------------------
    Record(
        name="Ressorts Micro-Précision",
        siret="88540654600501",
        postcode="25450",
        city="Damprichard",
        headcount_band="12",
        description_fr="Ressorts et pièces en fil pour l'horlogerie, le médical et la connectique.",
        description_en="Springs and wire parts for watchmaking, medical and connectors.",
        profile_fr=(
            "Micro-ressorts de compression, de traction et de torsion dès fil Ø 0,02 mm, "
            "ressorts en nitinol superélastique, formes de fil complexes, en inox et acier. "
            "ISO 9001 et ISO 13485."
        ),
        profile_en=(
            "Compression, extension and torsion micro-springs from 0.02 mm wire, superelastic "
            "nitinol springs, complex wire forms in stainless and spring steel."
        ),
        terms=(
            "ressorts",
            "inox",
            "nitinol",
            "acier",
            "luxe",
            "sante",
            "electronique",
            "iso_9001",
            "iso_13485",
        ),
    ),
]
