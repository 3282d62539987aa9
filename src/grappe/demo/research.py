"""The capability profiles of the demo's labs and schools: their platforms, open to companies.

Their markets come from the organisation plan (organisations.LABS and SCHOOLS); here are
their processes, materials, certifications, words and equipment.
"""

from decimal import Decimal

from django.utils.text import slugify

from grappe.demo.capabilities import ProfilePlan


def _profile(
    name: str,
    terms: str,
    fr: str,
    en: str = "",
    equipment: tuple[tuple[str, int, str], ...] = (),
    tolerances: tuple[tuple[str, str, str | None], ...] = (),
) -> ProfilePlan:
    return ProfilePlan(
        slug=slugify(name),
        terms=tuple(terms.split()),
        text_fr=fr,
        text_en=en,
        equipment=equipment,
        tolerances=tuple((f, Decimal(v), p) for f, v, p in tolerances),
    )


RESEARCH = (
    _profile(
        "Laboratoire de micro-mécanique de Franche-Comté",
        "micro_usinage rectification micro_assemblage metrologie essais_caracterisation "
        "titane silicium ceramique",
        "Plateforme d'usinage ultra-précis ouverte aux entreprises : tournage diamant, "
        "micro-fraisage avec des outils de Ø 10 µm, rectification de céramiques. Métrologie "
        "sub-micrométrique en salle à 20 ± 0,1 °C. Nous accompagnons les PME dans des "
        "projets de R&D collaboratifs et des prestations courtes.",
        "An ultra-precision machining platform open to companies: diamond turning, "
        "micro-milling with Ø 10 µm tools, grinding of ceramics. Sub-micrometre metrology in "
        "a 20 ± 0.1 °C room. We work with SMEs on collaborative R&D projects and short "
        "services.",
        (
            ("tour diamant ultra-précision", 1, "Ø 300 mm"),
            ("centre de micro-fraisage 5 axes", 2, "X 200, Y 200, Z 100 mm"),
            ("profilomètre optique 3D", 1, ""),
        ),
        (("forme", "0.1", "micro_usinage"), ("position", "0.5", "micro_usinage")),
    ),
    _profile(
        "Institut comtois des microsystèmes",
        "microfabrication_mems assemblage_salle_blanche depot_pvd essais_caracterisation "
        "silicium verre_saphir",
        "Centrale de technologie en salle blanche (ISO 5 et ISO 7, 800 m²) : "
        "photolithographie, gravure profonde DRIE, dépôts de couches minces, scellement de "
        "wafers 100 et 150 mm. Conception et prototypage de capteurs MEMS pour le spatial et "
        "la santé.",
        "A clean-room technology centre (ISO 5 and ISO 7, 800 m²): photolithography, DRIE "
        "deep etching, thin-film deposition, bonding of 100 and 150 mm wafers. Design and "
        "prototyping of MEMS sensors for space and health.",
        (
            ("salle blanche ISO 5", 1, "800 m²"),
            ("bâti de gravure DRIE", 2, "wafers 150 mm"),
            ("aligneur de masques double face", 1, "wafers 100–150 mm"),
        ),
    ),
    _profile(
        "Laboratoire temps-fréquence et photonique du Doubs",
        "optique_precision metrologie essais_caracterisation verre_saphir silicium",
        "Oscillateurs ultra-stables, résonateurs à quartz et saphir, horloges atomiques "
        "compactes. Bancs de mesure de bruit de phase et de stabilité de fréquence.",
        "Ultra-stable oscillators, quartz and sapphire resonators, compact atomic clocks. "
        "Phase-noise and frequency-stability test benches.",
        (("banc de mesure de bruit de phase", 2, "1 MHz–40 GHz"),),
    ),
    _profile(
        "Laboratoire d'ingénierie biomédicale de Besançon",
        "essais_caracterisation metrologie titane peek cobalt_chrome iso_17025",
        "Essais mécaniques et de fatigue des implants (rachis, hanche, dentaire) selon ISO et "
        "ASTM, caractérisation de surfaces, études de biocompatibilité avec nos partenaires "
        "hospitaliers. Prestations accréditées COFRAC.",
        "Mechanical and fatigue testing of implants (spine, hip, dental) to ISO and ASTM, "
        "surface characterisation, biocompatibility studies with our hospital partners. "
        "COFRAC-accredited services.",
        (
            ("machine d'essais de fatigue servo-hydraulique", 3, "± 25 kN"),
            ("microscope électronique à balayage", 1, ""),
        ),
    ),
    _profile(
        "Laboratoire des matériaux et surfaces de Franche-Comté",
        "depot_pvd traitement_thermique essais_caracterisation titane laiton inox ceramique",
        "Dépôts PVD et couches minces, tribologie et corrosion des alliages horlogers, "
        "aéronautiques et médicaux. Tribomètres, nano-indentation, brouillard salin.",
        "PVD and thin-film coatings, tribology and corrosion of watch, aerospace and medical "
        "alloys. Tribometers, nanoindentation, salt spray.",
        (("réacteur PVD magnétron", 2, "chambre Ø 500 mm"), ("nano-indenteur", 1, "")),
    ),
    _profile(
        "Laboratoire de mécatronique de Belfort-Montbéliard",
        "electronique_embarquee micromoteurs conception_mecanique essais_caracterisation",
        "Mécatronique, électronique de puissance, micromoteurs et actionneurs "
        "piézoélectriques ; bancs d'essais moteurs jusqu'à 50 kW.",
        "",
        (("banc d'essais moteurs", 2, "jusqu'à 50 kW"),),
    ),
    _profile(
        "Centre de recherche en micro-robotique du Doubs",
        "micro_assemblage conception_mecanique metrologie silicium",
        "Micro-robotique et micro-assemblage automatisé : manipulation de composants de "
        "10 µm à 1 mm, vision et commande, robots pour la chirurgie mini-invasive.",
        "Micro-robotics and automated micro-assembly: handling components from 10 µm to "
        "1 mm, vision and control, robots for minimally invasive surgery.",
        (("station de micro-assemblage robotisée", 3, "course 50 × 50 × 25 mm"),),
        (("positionnement", "1", "micro_assemblage"),),
    ),
    _profile(
        "Plateforme de fabrication additive de Franche-Comté",
        "fabrication_additive traitement_thermique essais_caracterisation metrologie titane "
        "inox cobalt_chrome polymeres_techniques",
        "Fabrication additive métal (fusion laser sur lit de poudre, titane TA6V, inox 316L, "
        "cobalt-chrome) et polymère ; traitement thermique, tomographie et essais des pièces "
        "imprimées. Accompagnement des PME de l'idée à la première série.",
        "Metal (laser powder bed fusion: Ti-6Al-4V, 316L, cobalt-chromium) and polymer "
        "additive manufacturing; heat treatment, CT scanning and testing of printed parts. "
        "We help SMEs from the idea to the first series.",
        (
            ("machine de fusion laser sur lit de poudre", 3, "250 × 250 × 300 mm"),
            ("tomographe à rayons X", 1, "pièces jusqu'à Ø 300 × 400 mm"),
            ("four sous vide", 1, "600 × 600 × 900 mm"),
        ),
    ),
    _profile(
        "Laboratoire d'électronique et capteurs de Dijon",
        "electronique_embarquee essais_caracterisation metrologie",
        "Capteurs, électronique embarquée basse consommation et instrumentation.",
    ),
    _profile(
        "Laboratoire de tribologie du Jura",
        "essais_caracterisation metrologie laiton acier inox",
        "Frottement, usure et lubrification des petits mécanismes ; essais d'endurance des "
        "mouvements horlogers et des connecteurs.",
        "",
        (("tribomètre pion-disque", 2, ""),),
    ),
    _profile(
        "Laboratoire des polymères et plasturgie du Haut-Jura",
        "injection_plastique essais_caracterisation polymeres_techniques silicone peek",
        "Polymères techniques et micro-injection : presses de 5 à 80 t, rhéologie, essais "
        "de vieillissement, silicone médical LSR.",
        "",
        (("presse de micro-injection 5 t", 1, ""), ("presse à injecter électrique 80 t", 2, "")),
    ),
    _profile(
        "Laboratoire d'optique de précision de Bourgogne",
        "optique_precision metrologie polissage verre_saphir",
        "Optique de précision, usinage et polissage du verre et du saphir, métrologie "
        "optique interférométrique.",
        "Precision optics, glass and sapphire machining and polishing, interferometric "
        "optical metrology.",
        (("interféromètre", 1, "Ø 150 mm"),),
    ),
    _profile(
        "École supérieure des techniques de précision de Besançon",
        "micro_usinage metrologie conception_mecanique decolletage",
        "Plateformes de micro-usinage, de décolletage et de métrologie ouvertes aux "
        "entreprises pour essais et formations.",
        "Micromachining, bar-turning and metrology platforms open to companies for trials "
        "and training.",
        (
            ("tour à poupée mobile 7 axes", 2, "Ø 0,5–20 mm"),
            ("machine à mesurer tridimensionnelle", 1, "700 × 1000 × 600 mm"),
        ),
    ),
    _profile(
        "Institut d'ingénierie mécatronique de Belfort",
        "electronique_embarquee conception_mecanique micromoteurs",
        "Formation d'ingénieurs en mécatronique et systèmes embarqués ; projets d'élèves pour "
        "les entreprises.",
    ),
    _profile(
        "Lycée des métiers de l'horlogerie et de la microtechnique de Morteau",
        "decolletage micro_assemblage tournage_cn laiton",
        "Ateliers de décolletage et d'horlogerie : CAP, bac pro et BTS.",
    ),
    _profile(
        "École d'ingénieurs en biomédical de Dijon",
        "essais_caracterisation conception_mecanique iso_13485",
        "Ingénierie biomédicale et affaires réglementaires : formation aux dossiers de "
        "marquage CE et à l'ISO 13485.",
        "Biomedical engineering and regulatory affairs: training in CE marking files and "
        "ISO 13485.",
    ),
    _profile(
        "Institut universitaire de génie mécanique du Nord Franche-Comté",
        "fabrication_additive fraisage_5_axes conception_mecanique metrologie",
        "Génie mécanique et productique : usinage 5 axes et fabrication additive pour les "
        "projets des étudiants et des entreprises.",
        "",
        (("centre d'usinage 5 axes", 2, "X 650, Y 520, Z 475 mm"),),
    ),
    _profile(
        "Centre de formation aux métiers de la précision du Haut-Doubs",
        "decolletage tournage_cn metrologie",
        "Apprentissage et formation continue en décolletage, tournage CN et métrologie ; "
        "parc de tours à poupée mobile pour les stagiaires.",
        "",
        (("tour à poupée mobile 5 axes", 4, "Ø 0,5–12 mm"),),
    ),
    _profile(
        "École de plasturgie et de micro-injection du Jura",
        "injection_plastique outillage polymeres_techniques",
        "Formation aux métiers de la plasturgie : injection, micro-injection, outillage.",
    ),
    _profile(
        "Institut d'optique et de photonique de Bourgogne-Franche-Comté",
        "optique_precision metrologie",
        "Optique et photonique : enseignement, travaux pratiques et projets avec les entreprises.",
        "Optics and photonics: teaching, lab work and projects with companies.",
    ),
)
RESEARCH_BY_SLUG = {profile.slug: profile for profile in RESEARCH}
