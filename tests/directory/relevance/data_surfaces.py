"""Relevance dataset, part 3: lasers, surface and heat treatment."""

from tests.directory.relevance.records import Record

HEALTH = "innov-health"
AERO = "aeromutech"

SURFACES = [
    # --- Lasers: cutting, welding, marking, texturing -------------------------------------
    Record(
        name="Laser Cut Médical",
        siret="70403052700276",
        postcode="25000",
        city="Besançon",
        headcount_band="12",
        description_fr="Découpe laser femtoseconde de composants implantables.",
        description_en="Femtosecond laser cutting of implantable components.",
        profile_fr=(
            "Micro-découpe laser de tubes en nitinol, cobalt-chrome L605 et inox 316LVM pour "
            "stents, armatures de valves cardiaques et cathéters. Découpe femtoseconde sans "
            "zone affectée thermiquement, électropolissage et mise en forme du nitinol. "
            "ISO 13485, salle propre ISO 7."
        ),
        profile_en=(
            "Laser micro-cutting of nitinol, L605 cobalt-chromium and 316LVM tubes for stents, "
            "heart valve frames and catheters. Femtosecond cutting with no heat-affected zone, "
            "electropolishing, nitinol shape setting. ISO 13485, ISO 7 clean room."
        ),
        terms=(
            "decoupe_laser",
            "polissage",
            "nitinol",
            "cobalt_chrome",
            "inox",
            "sante",
            "iso_13485",
        ),
        equipment=(("Découpe de tubes laser femtoseconde", 4, "tubes Ø 0,5–12 mm"),),
        tolerances=(("largeur de strut", "5", "decoupe_laser"),),
        clusters=(HEALTH,),
    ),
    Record(
        name="NitiForm",
        siret="98081000600547",
        postcode="25870",
        city="Devecey",
        headcount_band="03",
        description_fr="Mise en forme et traitement thermique du nitinol pour le médical.",
        description_en="Nitinol shape setting and heat treatment for medical devices.",
        profile_fr=(
            "Mise en forme à chaud (shape setting) de fils et de tubes en nitinol, traitement "
            "thermique sous atmosphère, électropolissage et passivation, en complément de la "
            "découpe laser réalisée par nos partenaires. ISO 13485."
        ),
        terms=("traitement_thermique", "polissage", "nitinol", "sante", "iso_13485"),
    ),
    Record(
        name="Lasertôle Vesoul",
        siret="81790092100377",
        postcode="70000",
        city="Vesoul",
        headcount_band="21",
        description_fr="Découpe laser et pliage de tôlerie pour l'industrie.",
        profile_fr=(
            "Découpe laser fibre 6 kW de tôles en acier, inox et aluminium jusqu'à 25 mm, "
            "découpe de tubes, pliage, soudage MIG. Machines agricoles, ferroviaire, agencement."
        ),
        terms=(
            "decoupe_laser",
            "acier",
            "inox",
            "aluminium",
            "industrie",
            "automobile",
            "iso_9001",
        ),
        equipment=(("Découpe laser fibre 6 kW", 2, "3 000 × 1 500 mm"),),
    ),
    Record(
        name="Chaudronnerie Fine de Gray",
        siret="77098408600353",
        postcode="70100",
        city="Gray",
        headcount_band="11",
        description_fr="Chaudronnerie et tôlerie fine.",
        profile_fr="Chaudronnerie, tolerie fine, decoupe laser, pliage, soudure TIG.",
        terms=("decoupe_laser", "acier", "inox", "industrie"),
    ),
    Record(
        name="Soudure Laser Précision",
        siret="84703906200389",
        postcode="25400",
        city="Audincourt",
        headcount_band="11",
        description_fr="Micro-soudage laser et soudage par points pour l'industrie et le médical.",
        description_en="Laser micro-welding and spot welding for industry and medical devices.",
        profile_fr=(
            "Soudage laser YAG et fibre : boîtiers de capteurs étanches, capsules en titane de "
            "dispositifs implantables actifs, ressorts et fils fins, rechargement de moules. "
            "Soudure sous argon, contrôle radiographique. ISO 9001 et ISO 13485."
        ),
        terms=(
            "soudage_laser",
            "titane",
            "inox",
            "sante",
            "instrumentation",
            "iso_9001",
            "iso_13485",
        ),
        clusters=(HEALTH,),
    ),
    Record(
        name="Marquage Laser Comtois",
        siret="61190384000589",
        postcode="25300",
        city="Pontarlier",
        headcount_band="02",
        description_fr="Marquage et gravure laser à façon.",
        description_en="Laser marking and engraving services.",
        profile_fr=(
            "Gravure et marquage laser sur métaux et plastiques : marquage UDI des instruments "
            "chirurgicaux et des implants, gravure de fonds de boîtes de montres, numéros de "
            "série, logos. Marquage noir sans altération de surface sur inox."
        ),
        profile_en=(
            "Laser marking and engraving on metals and plastics: UDI marking of surgical "
            "instruments and implants, engraving of watch case backs, serial numbers."
        ),
        terms=("marquage_laser", "inox", "titane", "sante", "luxe"),
    ),
    Record(
        name="Femto Surfaces",
        siret="75199834500449",
        postcode="25000",
        city="Besançon",
        headcount_band="02",
        description_fr="Jeune entreprise issue de la recherche : texturation laser femtoseconde.",
        description_en="Research spin-off: femtosecond laser texturing.",
        profile_fr=(
            "Micro- et nano-texturation de surfaces par laser femtoseconde : surfaces "
            "hydrophobes ou antibactériennes, effets irisés sur cadrans, amélioration de "
            "l'ostéointégration des implants."
        ),
        profile_en=(
            "Femtosecond laser surface texturing: hydrophobic and antibacterial surfaces, "
            "iridescent effects on dials, improved osseointegration of implants."
        ),
        terms=("texturation_laser", "titane", "sante", "luxe"),
    ),
    Record(
        name="Systèmes Laser Bourgogne",
        siret="33846729300555",
        postcode="21000",
        city="Dijon",
        headcount_band="12",
        description_fr=(
            "Conception et fabrication de machines de marquage laser et de stations de soudage."
        ),
        profile_fr=(
            "Nous concevons des machines spéciales : stations de marquage laser fibre, cellules "
            "robotisées de soudage laser, intégration de sources femtoseconde. Bureau d'études "
            "mécanique et électronique."
        ),
        terms=("conception_mecanique", "electronique_embarquee", "industrie"),
    ),
    # --- Surface treatment ----------------------------------------------------------------
    Record(
        name="Anodisation Dure de l'Est",
        siret="67538779900397",
        postcode="90800",
        city="Bavilliers",
        headcount_band="21",
        naf_code="25.61Z",
        description_fr="Traitements de surface de l'aluminium pour l'aéronautique et la défense.",
        description_en="Aluminium surface treatments for aerospace and defence.",
        profile_fr=(
            "Anodisation dure (OAD), anodisation sulfurique (OAS) et sulfo-tartrique (OAST), "
            "colmatage, conversion chimique. Pièces jusqu'à 3 m. Agréments Nadcap traitements "
            "chimiques, EN 9100, qualifications des motoristes et avionneurs."
        ),
        profile_en=(
            "Hard anodising, sulphuric and tartaric-sulphuric anodising, sealing, chemical "
            "conversion coating. Parts up to 3 m. Nadcap chemical processing, EN 9100."
        ),
        terms=(
            "anodisation",
            "aluminium",
            "aeronautique",
            "defense",
            "spatial",
            "nadcap",
            "en_9100",
        ),
        clusters=(AERO,),
    ),
    Record(
        name="Couleurs Anodiques du Haut-Doubs",
        siret="51890860300450",
        postcode="25500",
        city="Morteau",
        headcount_band="03",
        description_fr="Anodisation décorative.",
        profile_fr=(
            "Anodisation couleur de l'aluminium : cadrans, lunettes, pièces d'habillage, objets "
            "de design. Plus de 40 teintes, petites séries."
        ),
        terms=("anodisation", "aluminium", "luxe"),
    ),
    Record(
        name="Dorure et Galvanoplastie Bisontine",
        siret="73807362600355",
        postcode="25000",
        city="Besançon",
        headcount_band="11",
        description_fr="Traitements galvaniques pour l'horlogerie et la joaillerie.",
        profile_fr=(
            "Dorure, rhodiage, nickelage, ruthénium et argenture sur laiton et acier : cadrans, "
            "ponts et platines, boîtes et bracelets. Dorure 3N, 5N et or rose."
        ),
        terms=("galvanoplastie", "metaux_precieux", "laiton", "luxe"),
    ),
    Record(
        name="Galva Industrie Hérimoncourt",
        siret="43968818500461",
        postcode="25310",
        city="Hérimoncourt",
        headcount_band="21",
        description_fr="Traitements de surface électrolytiques pour l'industrie.",
        profile_fr=(
            "Zinc-nickel, zingage, chromage dur et nickel chimique sur pièces automobiles et "
            "industrielles. IATF 16949, ISO 14001."
        ),
        terms=("galvanoplastie", "acier", "automobile", "iatf_16949", "iso_14001"),
    ),
    Record(
        name="PVD Horlogerie Services",
        siret="58336715600416",
        postcode="25130",
        city="Villers-le-Lac",
        headcount_band="11",
        description_fr="Revêtements PVD et DLC pour l'habillage horloger.",
        description_en="PVD and DLC coatings for watch cases, bracelets and dials.",
        profile_fr=(
            "Dépôt PVD sous vide sur boîtes de montres, bracelets, lunettes et boucles : noir "
            "DLC, or jaune et rose, gris anthracite. Préparation de surface, masquage, contrôle "
            "colorimétrique. Tenue à l'usure et à la sueur testée."
        ),
        profile_en=(
            "Vacuum PVD coating of watch cases, bracelets, bezels and buckles: black DLC, yellow "
            "and rose gold tones, anthracite. Surface preparation, masking, colour control."
        ),
        terms=("depot_pvd", "inox", "titane", "luxe", "iso_9001"),
    ),
    Record(
        name="Couches Minces Industrie",
        siret="65847529800191",
        postcode="21300",
        city="Chenôve",
        headcount_band="21",
        description_fr="Revêtements durs sur outils coupants et pièces mécaniques.",
        description_en="Hard coatings for cutting tools and mechanical parts.",
        profile_fr=(
            "Revêtements PVD (TiAlN, AlCrN) et DLC sur outils coupants, moules et pièces de "
            "frottement pour l'automobile et la mécanique. Réaffûtage et re-revêtement."
        ),
        terms=(
            "depot_pvd",
            "tungstene",
            "acier",
            "automobile",
            "industrie",
            "iso_9001",
            "iatf_16949",
        ),
    ),
    Record(
        name="Électropoli Médical",
        siret="46701361100059",
        postcode="25620",
        city="Mamirolle",
        headcount_band="03",
        description_fr="Électropolissage et passivation pour le médical.",
        profile_fr=(
            "Électropolissage, passivation et nettoyage validés d'implants et d'instruments en "
            "inox 316L, titane et nitinol. ISO 13485, procédés validés."
        ),
        terms=("polissage", "inox", "titane", "nitinol", "sante", "iso_13485"),
    ),
    Record(
        name="Traitements Thermiques de l'Est",
        siret="94693135900552",
        postcode="70400",
        city="Héricourt",
        headcount_band="21",
        description_fr="Traitements thermiques à façon.",
        description_en="Heat treatment services.",
        profile_fr=(
            "Trempe sous vide, cémentation basse pression, nitruration gazeuse, revenu. "
            "Aéronautique (Nadcap), automobile, outillage."
        ),
        terms=(
            "traitement_thermique",
            "acier",
            "titane",
            "aeronautique",
            "automobile",
            "nadcap",
            "iso_9001",
        ),
    ),
    Record(
        name="Polissage Horloger de Charquemont",
        siret="94895444100069",
        postcode="25140",
        city="Charquemont",
        headcount_band="03",
        description_fr="Polissage.",
        profile_fr=(
            "Polissage, satinage et avivage de boîtes et bracelets de montres, acier, titane, or."
        ),
        terms=("polissage", "inox", "titane", "metaux_precieux", "luxe"),
    ),
    Record(
        name="Tribofinition Comtoise",
        siret="76181662800520",
        postcode="25400",
        city="Audincourt",
        headcount_band="02",
        description_fr="Finition de pièces en vrac.",
        profile_fr="Ebavurage, tonnelage, tribofinition, sablage pour decolleteurs. Toutes series.",
        terms=("ebavurage", "polissage", "laiton", "acier", "inox", "industrie"),
    ),
]
