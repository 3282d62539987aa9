"""Relevance dataset, part 5: MEMS and labs, assembly, electronics, optics, testing,
watch cases and dials, implant makers, and organisations that only talk about others."""

from tests.directory.relevance.records import Record

HEALTH = "innov-health"
AERO = "aeromutech"

OTHERS = [
    # --- MEMS, time-frequency, research and teaching --------------------------------------
    Record(
        name="Laboratoire MicroSyst Besançon",
        kind="lab",
        siret="71563211300018",
        postcode="25000",
        city="Besançon",
        headcount_band="22",
        naf_code="72.19Z",
        description_fr=(
            "Laboratoire public de recherche en microsystèmes, micro-robotique et temps-fréquence."
        ),
        description_en=(
            "Public research laboratory in microsystems, microrobotics and time-frequency."
        ),
        profile_fr=(
            "Centrale de technologie de 800 m² en salle blanche : photolithographie, gravure "
            "profonde DRIE du silicium, dépôts de couches minces, collage de wafers, "
            "caractérisation. Prestations et projets collaboratifs avec les entreprises."
        ),
        profile_en=(
            "800 m² clean-room technology centre: photolithography, deep reactive ion etching of "
            "silicon, thin-film deposition, wafer bonding, characterisation. Services and "
            "collaborative projects with companies."
        ),
        terms=(
            "microfabrication_mems",
            "depot_pvd",
            "essais_caracterisation",
            "silicium",
            "verre_saphir",
            "instrumentation",
            "electronique",
            "spatial",
        ),
        equipment=(("Aligneur de masques", 2, "wafers 100 mm"), ("Bâti de gravure DRIE", 1, "")),
    ),
    Record(
        name="SiliSense MEMS",
        siret="40330833100079",
        postcode="25000",
        city="Besançon",
        headcount_band="11",
        description_fr="Capteurs MEMS en silicium : accéléromètres, capteurs de pression.",
        description_en="Silicon MEMS sensors: accelerometers, pressure sensors.",
        profile_fr=(
            "Conception et fabrication de capteurs MEMS sur plaquettes de silicium 150 mm, "
            "encapsulation sur plaquette, tests sous pointes. Séries pilotes pour "
            "l'instrumentation, le médical implantable et le spatial."
        ),
        profile_en=(
            "Design and manufacture of MEMS sensors on 150 mm silicon wafers, wafer-level "
            "packaging, probe testing. Pilot runs for instrumentation, implantable medical "
            "devices and space."
        ),
        terms=(
            "microfabrication_mems",
            "silicium",
            "instrumentation",
            "sante",
            "spatial",
            "objets_connectes",
            "iso_9001",
        ),
    ),
    Record(
        name="Quartz et Fréquence",
        siret="34211451900131",
        postcode="25000",
        city="Besançon",
        headcount_band="21",
        description_fr="Résonateurs et oscillateurs à quartz pour le temps-fréquence.",
        description_en="Quartz resonators and oscillators for time and frequency.",
        profile_fr=(
            "Photolithographie et gravure chimique du quartz, résonateurs diapason et à ondes de "
            "volume, oscillateurs ultra-stables pour le spatial et la défense. Salle blanche "
            "ISO 5."
        ),
        terms=(
            "microfabrication_mems",
            "verre_saphir",
            "electronique",
            "spatial",
            "defense",
            "en_9100",
        ),
    ),
    Record(
        name="Centre de Transfert en Microtechniques",
        kind="lab",
        siret="84752261200195",
        postcode="25000",
        city="Besançon",
        headcount_band="12",
        description_fr="Centre technique : accompagnement des PME en microtechniques.",
        profile_fr=(
            "Salle blanche de prototypage, micro-assemblage, métrologie sans contact, essais de "
            "vieillissement et caractérisation. Accrédité COFRAC ISO 17025 pour les mesures "
            "dimensionnelles."
        ),
        terms=(
            "metrologie",
            "essais_caracterisation",
            "micro_assemblage",
            "instrumentation",
            "iso_17025",
        ),
    ),
    Record(
        name="École Supérieure des Microtechniques de Besançon",
        kind="school",
        siret="65349353600102",
        postcode="25000",
        city="Besançon",
        headcount_band="22",
        naf_code="85.42Z",
        description_fr="École d'ingénieurs en mécanique et microtechniques.",
        description_en="Engineering school in mechanics and microtechnology.",
        profile_fr=(
            "Formation d'ingénieurs ; plateformes technologiques ouvertes aux entreprises : "
            "usinage, salle blanche MEMS pédagogique, métrologie."
        ),
    ),
    Record(
        name="Lycée des Métiers de l'Horlogerie du Haut-Doubs",
        kind="school",
        siret="35695639100565",
        postcode="25500",
        city="Morteau",
        headcount_band="21",
        description_fr="Lycée professionnel : horlogerie, décolletage, microtechniques.",
        profile_fr=(
            "CAP et bac pro horlogerie, BTS conception et réalisation en microtechniques, "
            "formation de régleurs en décolletage sur l'atelier pédagogique."
        ),
    ),
    # --- Assembly, clean rooms, electronics, motors ---------------------------------------
    Record(
        name="Assemblage Stérile Médical",
        siret="75609039500218",
        postcode="25115",
        city="Pouilley-les-Vignes",
        headcount_band="21",
        description_fr="Sous-traitance d'assemblage et de conditionnement de dispositifs médicaux.",
        description_en="Contract assembly and packaging of medical devices.",
        profile_fr=(
            "Assemblage de dispositifs médicaux en salle blanche ISO 7 (600 m²) et ISO 8 : "
            "collage UV, soudage par ultrasons, tests d'étanchéité, conditionnement stérile en "
            "sachets et blisters, gestion de la stérilisation à l'oxyde d'éthylène et gamma. "
            "ISO 13485."
        ),
        profile_en=(
            "Medical device assembly in ISO 7 (600 m²) and ISO 8 clean rooms: UV bonding, "
            "ultrasonic welding, leak testing, sterile packaging in pouches and blisters, EtO "
            "and gamma sterilisation management. ISO 13485."
        ),
        terms=("assemblage_salle_blanche", "micro_assemblage", "sante", "iso_13485", "iso_9001"),
        clusters=(HEALTH,),
    ),
    Record(
        name="Horlogerie Assemblage des Lacs",
        siret="78344767500092",
        postcode="25130",
        city="Villers-le-Lac",
        headcount_band="12",
        description_fr="Assemblage de mouvements et emboîtage pour les marques horlogères.",
        profile_fr=(
            "Assemblage de mouvements mécaniques et quartz, pose cadran et aiguilles, emboîtage, "
            "contrôle chronométrique. Ateliers à empoussièrement contrôlé."
        ),
        terms=("micro_assemblage", "luxe"),
    ),
    Record(
        name="Opto-Intégration Dijon",
        siret="80706013200253",
        postcode="21800",
        city="Quetigny",
        headcount_band="21",
        description_fr=(
            "Intégration de modules optroniques et électroniques pour le spatial et la défense."
        ),
        description_en="Integration of optronic and electronic modules for space and defence.",
        profile_fr=(
            "Assemblage et intégration en salle propre ISO 6 de modules optiques et "
            "optroniques : collage de lentilles, alignement actif, câblage, essais "
            "d'environnement. EN 9100."
        ),
        profile_en=(
            "ISO 6 clean-room assembly and integration of optical and optronic modules: lens "
            "bonding, active alignment, wiring, environmental testing. EN 9100."
        ),
        terms=(
            "assemblage_salle_blanche",
            "optique_precision",
            "connectique",
            "spatial",
            "defense",
            "en_9100",
        ),
        clusters=(AERO,),
    ),
    Record(
        name="Microtechniques Médicales Bisontines",
        siret="91795134500565",
        postcode="25000",
        city="Besançon",
        headcount_band="22",
        description_fr="Concepteur et fabricant de pompes à insuline et de stylos injecteurs.",
        description_en="Designer and manufacturer of insulin pumps and pen injectors.",
        profile_fr=(
            "Nous concevons et fabriquons nos propres dispositifs : micro-pompes, stylos "
            "injecteurs. Assemblage automatisé en salle blanche ISO 8, micromoteurs intégrés. "
            "ISO 13485. Nous recherchons des sous-traitants en micro-injection et en "
            "décolletage."
        ),
        terms=("assemblage_salle_blanche", "conception_mecanique", "sante", "iso_13485"),
        clusters=(HEALTH,),
    ),
    Record(
        name="ElectroMed Cartes",
        siret="99803014200256",
        postcode="25220",
        city="Chalezeule",
        headcount_band="12",
        description_fr="Électronique pour dispositifs médicaux.",
        profile_fr=(
            "Conception et assemblage de cartes électroniques (CMS) pour dispositifs médicaux "
            "actifs et instruments de mesure, firmware embarqué, tests fonctionnels. ISO 13485."
        ),
        terms=("electronique_embarquee", "sante", "instrumentation", "iso_13485", "iso_9001"),
    ),
    Record(
        name="Cartes et Systèmes Comtois",
        siret="43767091200405",
        postcode="25110",
        city="Baume-les-Dames",
        headcount_band="21",
        description_fr="Sous-traitance électronique.",
        profile_fr=(
            "Assemblage de cartes électroniques CMS et traversant, objets connectés, petites et "
            "moyennes séries, intégration en boîtier."
        ),
        terms=("electronique_embarquee", "objets_connectes", "industrie", "iso_9001"),
    ),
    Record(
        name="Micromoteurs du Doubs",
        siret="98051987000185",
        postcode="25660",
        city="Morre",
        headcount_band="21",
        description_fr="Micromoteurs et actionneurs miniatures.",
        description_en="Micro-motors and miniature actuators.",
        profile_fr=(
            "Micromoteurs pas à pas et à courant continu de Ø 6 à 20 mm, actionneurs "
            "piézoélectriques, motoréducteurs pour le médical, l'aéronautique et "
            "l'instrumentation."
        ),
        profile_en=(
            "Stepper and DC micro-motors from Ø 6 to 20 mm, piezoelectric actuators, gear "
            "motors for medical, aerospace and instrumentation."
        ),
        terms=(
            "micromoteurs",
            "micro_assemblage",
            "sante",
            "aeronautique",
            "instrumentation",
            "iso_9001",
            "iso_13485",
        ),
    ),
    Record(
        name="Connectique Haute Fiabilité",
        siret="87873550500413",
        postcode="90400",
        city="Danjoutin",
        headcount_band="22",
        description_fr="Connecteurs et faisceaux pour l'aéronautique et la défense.",
        description_en="Connectors and harnesses for aerospace and defence.",
        profile_fr=(
            "Connecteurs circulaires et rectangulaires, contacts en cuivre-béryllium et laiton "
            "doré, faisceaux et câblages. EN 9100."
        ),
        terms=("connectique", "cuivre", "laiton", "aeronautique", "defense", "en_9100"),
        clusters=(AERO,),
    ),
    # --- Optics, sapphire, metrology, testing, design -------------------------------------
    Record(
        name="Saphir Horloger Jurassien",
        siret="61894912700608",
        postcode="39220",
        city="Les Rousses",
        headcount_band="11",
        description_fr="Glaces de montres en saphir.",
        profile_fr=(
            "Glaces de montres en saphir synthétique : usinage, polissage, traitement "
            "antireflet, décalque et métallisation."
        ),
        terms=("optique_precision", "polissage", "verre_saphir", "luxe"),
    ),
    Record(
        name="Optique de Précision de Bourgogne",
        siret="70411194700286",
        postcode="21600",
        city="Longvic",
        headcount_band="12",
        description_fr="Composants optiques de précision.",
        profile_fr=(
            "Lentilles, prismes et fenêtres optiques en verre et en quartz, polissage optique, "
            "traitements antireflet sous vide."
        ),
        terms=(
            "optique_precision",
            "depot_pvd",
            "verre_saphir",
            "instrumentation",
            "spatial",
            "defense",
        ),
    ),
    Record(
        name="Métrologie Franche-Comté",
        siret="64659429100346",
        postcode="25000",
        city="Besançon",
        headcount_band="11",
        description_fr="Laboratoire de métrologie dimensionnelle.",
        description_en="Dimensional metrology laboratory.",
        profile_fr=(
            "Laboratoire accrédité COFRAC (ISO 17025) : mesure tridimensionnelle, tomographie "
            "RX, étalonnage, contrôle de premiers articles."
        ),
        terms=("metrologie", "industrie", "sante", "aeronautique", "iso_17025"),
    ),
    Record(
        name="Bio-Essais Dijon",
        siret="70667050200360",
        postcode="21000",
        city="Dijon",
        headcount_band="11",
        description_fr="Laboratoire d'essais pour les dispositifs médicaux.",
        description_en="Testing laboratory for medical devices.",
        profile_fr=(
            "Essais de biocompatibilité selon ISO 10993, cytotoxicité, validation de nettoyage, "
            "essais mécaniques sur implants (fatigue des vis et des tiges). Accrédité ISO 17025."
        ),
        terms=("essais_caracterisation", "sante", "iso_17025"),
    ),
    Record(
        name="Ingénierie Microtechnique Conseil",
        siret="75487470900019",
        postcode="25000",
        city="Besançon",
        headcount_band="02",
        description_fr="Bureau d'études.",
        profile_fr=(
            "Conception mécanique, CAO, prototypage et industrialisation de produits "
            "microtechniques."
        ),
        terms=("conception_mecanique", "industrie"),
    ),
    # --- Watch cases and dials ------------------------------------------------------------
    Record(
        name="Boîtiers de Montres de Maîche",
        siret="85728588600381",
        postcode="25120",
        city="Maîche",
        headcount_band="21",
        description_fr="Fabricant de boîtes de montres pour les marques de haute horlogerie.",
        description_en="Watch case manufacturer for fine watchmaking brands.",
        profile_fr=(
            "Usinage, étampage et polissage de boîtes de montres en acier 316L, titane, or "
            "18 carats et bronze. Lunettes, fonds, couronnes. Finitions polies et satinées. Le "
            "traitement PVD est confié à un partenaire."
        ),
        terms=(
            "fraisage_5_axes",
            "emboutissage",
            "polissage",
            "inox",
            "titane",
            "metaux_precieux",
            "cuivre",
            "luxe",
        ),
    ),
    Record(
        name="Cadranerie du Doubs",
        siret="72261994700020",
        postcode="25300",
        city="Pontarlier",
        headcount_band="11",
        description_fr="Fabrication de cadrans de montres.",
        profile_fr=(
            "Cadrans : découpage, galvanoplastie, laquage, décalque, appliques, pose d'index. "
            "Cadrans soleillés, émail, nacre."
        ),
        terms=("galvanoplastie", "emboutissage", "laiton", "metaux_precieux", "luxe"),
    ),
    # --- Implant and prosthesis makers ----------------------------------------------------
    Record(
        name="Implants Orthopédiques de Bourgogne",
        siret="80535197000407",
        postcode="71100",
        city="Chalon-sur-Saône",
        headcount_band="22",
        description_fr="Fabricant de prothèses de hanche, de genou et d'épaule.",
        description_en="Manufacturer of hip, knee and shoulder prostheses.",
        profile_fr=(
            "Forgeage, usinage 5 axes et polissage de tiges fémorales et de cotyles en titane "
            "TA6V et en cobalt-chrome, revêtements d'hydroxyapatite, vis et plaques "
            "d'ostéosynthèse. ISO 13485, marquage CE."
        ),
        profile_en=(
            "Forging, 5-axis machining and polishing of femoral stems and cups in Ti-6Al-4V and "
            "cobalt-chromium, hydroxyapatite coatings, bone screws and plates. ISO 13485."
        ),
        terms=("fraisage_5_axes", "polissage", "titane", "cobalt_chrome", "sante", "iso_13485"),
        clusters=(HEALTH,),
    ),
    Record(
        name="Dentaire Usinage CFAO",
        siret="47886984500048",
        postcode="21200",
        city="Beaune",
        headcount_band="03",
        description_fr="Centre d'usinage dentaire.",
        profile_fr=(
            "Usinage de prothèses dentaires sur mesure en zircone, titane et cobalt-chrome, "
            "piliers personnalisés. CFAO."
        ),
        terms=("fraisage_5_axes", "ceramique", "titane", "cobalt_chrome", "sante"),
    ),
    Record(
        name="Composites Techniques de Lure",
        siret="74620796800304",
        postcode="70200",
        city="Lure",
        headcount_band="12",
        description_fr="Pièces en matériaux composites.",
        profile_fr=(
            "Pièces en composites carbone : drapage, cuisson en autoclave, détourage et perçage "
            "des composites. EN 9100."
        ),
        terms=("composites", "aeronautique", "spatial", "en_9100"),
        clusters=(AERO,),
    ),
    # --- Organisations that talk about the others -----------------------------------------
    Record(
        name="Agence Économique Régionale",
        kind="public_body",
        siret="77367564000447",
        postcode="21000",
        city="Dijon",
        headcount_band="22",
        description_fr=(
            "Agence de développement économique de la région : accompagnement des entreprises "
            "de la microtechnique, du médical, de l'aéronautique et du luxe dans leurs projets "
            "d'innovation et d'implantation."
        ),
    ),
    Record(
        name="Capital Innovation Comtois",
        kind="investor",
        siret="77322081900397",
        postcode="25000",
        city="Besançon",
        headcount_band="01",
        description_fr="Fonds d'amorçage pour les jeunes entreprises industrielles et medtech.",
    ),
    Record(
        name="Cluster Mobilités Nord Franche-Comté",
        kind="partner_cluster",
        siret="67436600000489",
        postcode="25600",
        city="Sochaux",
        headcount_band="11",
        description_fr=(
            "Réseau des entreprises de la filière automobile et des mobilités du Nord "
            "Franche-Comté."
        ),
    ),
]
