"""Relevance dataset, part 4: plastics, powders, additive manufacturing, stamping."""

from tests.directory.relevance.records import Record

HEALTH = "innov-health"
AERO = "aeromutech"

FORMING = [
    # --- Plastics, powders, additive, stamping --------------------------------------------
    Record(
        name="Microinjection Jura Médical",
        siret="38940513500275",
        postcode="39200",
        city="Saint-Claude",
        headcount_band="21",
        naf_code="22.29A",
        description_fr="Micro-injection de polymères techniques et implantables.",
        description_en="Micro-injection moulding of engineering and implantable polymers.",
        profile_fr=(
            "Micro-injection de pièces de 0,001 à 2 g en PEEK, PEEK implantable, PSU, PEI, LCP "
            "et POM. Injection en salle blanche ISO 7, moules réalisés en interne, surmoulage "
            "d'inserts métalliques. ISO 13485 et ISO 9001."
        ),
        profile_en=(
            "Micro-moulding of parts from 0.001 to 2 g in PEEK, implant-grade PEEK, PSU, PEI, "
            "LCP and POM. ISO 7 clean-room moulding, in-house tooling, insert overmoulding. "
            "ISO 13485 and ISO 9001."
        ),
        terms=(
            "injection_plastique",
            "outillage",
            "peek",
            "polymeres_techniques",
            "sante",
            "electronique",
            "iso_13485",
            "iso_9001",
        ),
        equipment=(("Presse de micro-injection 15 t", 8, "pièces de 0,001 à 2 g"),),
        tolerances=(("cote moulée", "5", "injection_plastique"),),
        clusters=(HEALTH,),
    ),
    Record(
        name="Plasturgie du Revermont",
        siret="50235386500020",
        postcode="39000",
        city="Lons-le-Saunier",
        headcount_band="22",
        naf_code="22.29A",
        description_fr="Injection de pièces plastiques techniques.",
        description_en="Injection moulding of technical plastic parts.",
        profile_fr=(
            "Injection thermoplastique de pièces techniques en PA66 chargé verre, POM, PP et PBT "
            "pour l'automobile et l'électroménager. Presses de 50 à 450 tonnes, surmoulage, "
            "soudage par ultrasons. IATF 16949."
        ),
        terms=(
            "injection_plastique",
            "polymeres_techniques",
            "automobile",
            "industrie",
            "iatf_16949",
            "iso_14001",
        ),
    ),
    Record(
        name="Medi-Polymères",
        siret="69445415800288",
        postcode="39100",
        city="Dole",
        headcount_band="21",
        description_fr="Dispositifs médicaux à usage unique en plastique.",
        description_en="Single-use plastic medical devices.",
        profile_fr=(
            "Injection de polycarbonate, de PP médical et de silicone liquide (LSR), assemblage "
            "et conditionnement en salle blanche ISO 8, stérilisation sous-traitée. Connecteurs "
            "de perfusion, composants de seringues, dispositifs de prélèvement. ISO 13485."
        ),
        profile_en=(
            "Moulding of polycarbonate, medical PP and liquid silicone rubber, ISO 8 clean-room "
            "assembly and packaging. Infusion connectors, syringe components, sampling devices. "
            "ISO 13485."
        ),
        terms=(
            "injection_plastique",
            "assemblage_salle_blanche",
            "polymeres_techniques",
            "silicone",
            "sante",
            "iso_13485",
        ),
        clusters=(HEALTH,),
    ),
    Record(
        name="Silicones du Jura",
        siret="85726838700563",
        postcode="39300",
        city="Champagnole",
        headcount_band="12",
        description_fr="Moulage de silicone.",
        profile_fr=(
            "Moulage de silicone liquide LSR et surmoulage silicone sur pièces plastiques et "
            "métalliques : joints, membranes, bracelets de montres connectées, pièces pour le "
            "médical."
        ),
        terms=("injection_plastique", "silicone", "objets_connectes", "sante", "iso_9001"),
    ),
    Record(
        name="Spine Polymères Usinage",
        siret="45960800600035",
        postcode="25000",
        city="Besançon",
        headcount_band="11",
        description_fr="Usinage de PEEK et de polymères implantables.",
        profile_fr=(
            "Usinage 5 axes et décolletage de cages intersomatiques et de composants "
            "implantables en PEEK et PEEK renforcé carbone ; usinage de POM et PSU pour "
            "ancillaires. ISO 13485."
        ),
        terms=(
            "fraisage_5_axes",
            "decolletage",
            "peek",
            "polymeres_techniques",
            "sante",
            "iso_13485",
        ),
    ),
    Record(
        name="MIM Composants Delle",
        siret="36031777000251",
        postcode="90100",
        city="Delle",
        headcount_band="21",
        description_fr="Moulage par injection de poudres métalliques et céramiques.",
        description_en="Metal and ceramic injection moulding.",
        profile_fr=(
            "MIM en inox 316L et 17-4PH, titane et acier ; CIM en zircone et alumine. Pièces de "
            "0,05 à 50 g pour l'horlogerie, les ancillaires médicaux, la connectique et "
            "l'automobile. Frittage sous hydrogène."
        ),
        terms=(
            "injection_mim",
            "inox",
            "titane",
            "acier",
            "ceramique",
            "luxe",
            "sante",
            "automobile",
            "iso_9001",
        ),
    ),
    Record(
        name="Céramiques Techniques de Bourgogne",
        siret="74419913400365",
        postcode="71200",
        city="Le Creusot",
        headcount_band="12",
        description_fr="Pièces en céramiques techniques.",
        profile_fr=(
            "Injection et usinage de zircone et d'alumine : boîtes de montres et lunettes en "
            "céramique, implants dentaires, isolateurs."
        ),
        terms=("injection_mim", "ceramique", "luxe", "sante", "electronique"),
    ),
    Record(
        name="Add-Ti Fabrication Additive",
        siret="67456610400339",
        postcode="71100",
        city="Chalon-sur-Saône",
        headcount_band="11",
        description_fr="Impression 3D métal pour le médical et l'aéronautique.",
        description_en="Metal 3D printing for medical and aerospace.",
        profile_fr=(
            "Fusion laser sur lit de poudre (LPBF) de titane TA6V, inox 316L, Inconel et "
            "aluminium AlSi10Mg : implants poreux sur mesure, pièces allégées. Traitement "
            "thermique, usinage de reprise. ISO 13485 et EN 9100."
        ),
        profile_en=(
            "Laser powder bed fusion of Ti-6Al-4V, 316L, Inconel and AlSi10Mg: porous custom "
            "implants, lightweight parts. Heat treatment, finish machining. ISO 13485, EN 9100."
        ),
        terms=(
            "fabrication_additive",
            "traitement_thermique",
            "titane",
            "inox",
            "aluminium",
            "sante",
            "aeronautique",
            "iso_13485",
            "en_9100",
        ),
        clusters=(HEALTH, AERO),
    ),
    Record(
        name="Découpage Fin Comtois",
        siret="61668881800031",
        postcode="25230",
        city="Seloncourt",
        headcount_band="22",
        description_fr="Découpage fin et emboutissage.",
        description_en="Fine blanking and stamping.",
        profile_fr=(
            "Découpage fin, découpage-emboutissage en outils progressifs : pièces en acier, inox "
            "et cuivre pour l'automobile et la connectique. Outillage intégré. IATF 16949."
        ),
        terms=(
            "emboutissage",
            "outillage",
            "acier",
            "inox",
            "cuivre",
            "automobile",
            "electronique",
            "iatf_16949",
        ),
    ),
]
