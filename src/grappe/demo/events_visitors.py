"""The visitors of MICRONORA's business meetings who are not members of the pôle: buyers
(prime contractors of medical devices, aeronautics, watchmaking and luxury, automotive),
medical-device start-ups, suppliers and laboratories from France and its neighbours.

Every company and person is invented; the towns are real. Each organisation writes its
profile in its own words: what it brings (`offer`) and what it comes to find (`seek`), with
the vocabulary's codes (core/data/vocabulary.csv) of what it offers and seeks.
"""

from dataclasses import dataclass

BUYER, STARTUP, SUPPLIER, LAB = "buyer", "startup", "supplier", "lab"


@dataclass(frozen=True)
class Visitor:
    name: str
    city: str
    country: str  # ISO 3166 code
    kind: str
    people: int  # how many of its people come to the meetings
    popularity: float  # how much the others want to meet it, relatively
    offers: tuple[str, ...]
    seeks: tuple[str, ...]
    offer: str
    seek: str
    language: str = "fr"  # of its people's names


def _v(name, city, country, kind, people, popularity, offers, seeks, offer, seek, language="fr"):
    return Visitor(
        name, city, country, kind, people, popularity, tuple(offers.split()),
        tuple(seeks.split()), offer, seek, language,
    )  # fmt: skip


VISITORS = (
    # Medical devices: the implant and instrument makers who buy machined parts.
    _v("Orthalis", "Lyon", "FR", BUYER, 5, 6,
       "sante", "decolletage titane cobalt_chrome polissage iso_13485 fabrication_additive",
       "Fabricant français de prothèses de hanche et de genou, 420 personnes. Nous achetons "
       "chaque année pour 18 M€ de pièces usinées et de composants finis.",
       "Sous-traitants certifiés ISO 13485 pour des tiges fémorales et des cupules en titane "
       "et cobalt-chrome : usinage, polissage miroir, marquage. Nous voulons aussi rencontrer "
       "des spécialistes de la fabrication additive pour les cupules poreuses."),
    _v("Rachis Medical Systems", "Mérignac", "FR", BUYER, 4, 5,
       "sante", "decolletage titane peek marquage_laser iso_13485",
       "Conception et distribution d'implants rachidiens (vis pédiculaires, cages "
       "intersomatiques). Toute la fabrication est sous-traitée.",
       "Décolleteurs médicaux pour nos vis pédiculaires en TA6V ELI (séries de 2 000 à "
       "10 000 pièces par an), usinage de cages en PEEK, marquage laser UDI."),
    _v("Dentalys", "Marseille", "FR", BUYER, 2, 4,
       "sante", "decolletage titane micro_usinage depot_pvd iso_13485",
       "Implants dentaires et piliers prothétiques, 150 personnes, 40 % à l'export.",
       "Un second fournisseur en décolletage titane grade 4 et grade 5 (Ø 3 à 6 mm, "
       "tolérances ± 5 µm) ; traitement de surface des implants."),
    _v("CardioValve Europe", "Valbonne", "FR", BUYER, 3, 5,
       "sante", "nitinol decoupe_laser soudage_laser assemblage_salle_blanche iso_13485",
       "Valves cardiaques percutanées en phase clinique. Équipe de 90 personnes à Sophia "
       "Antipolis.",
       "Découpe laser de tubes en nitinol, électropolissage, micro-soudage et assemblage en "
       "salle propre ISO 7 pour nos séries cliniques puis commerciales."),
    _v("Instruments Chirurgicaux de Nogent", "Nogent", "FR", BUYER, 2, 3,
       "sante", "fraisage_5_axes electroerosion inox polissage marquage_laser",
       "Instruments de chirurgie orthopédique et ancillaires depuis 1921.",
       "Capacités en fraisage 5 axes et électroérosion sur inox martensitique, pour absorber "
       "la hausse de nos commandes d'ancillaires."),
    _v("Endovision", "Paris", "FR", BUYER, 2, 3,
       "sante", "optique_precision micro_assemblage micromoteurs connectique",
       "Endoscopes à usage unique pour l'urologie et la gastro-entérologie.",
       "Optiques miniatures (lentilles Ø 1 à 3 mm), micro-assemblage et connectique pour "
       "passer de 5 000 à 50 000 endoscopes par an."),
    _v("Neurostim Implants", "Grenoble", "FR", BUYER, 2, 3,
       "sante", "electronique_embarquee connectique soudage_laser titane assemblage_salle_blanche",
       "Neurostimulateurs implantables pour le traitement de la douleur chronique.",
       "Boîtiers en titane soudés laser étanches, traversées hermétiques, connecteurs "
       "implantables ; partenaires capables de travailler sous ISO 13485."),
    _v("Audisens", "Villeurbanne", "FR", BUYER, 2, 3,
       "sante", "micromoteurs injection_plastique micro_assemblage ressorts",
       "Aides auditives intra-auriculaires, conception et assemblage final à Lyon.",
       "Micro-injection de coques, micro-ressorts et micro-assemblage de récepteurs."),
    _v("Medizintechnik Rieger GmbH", "Tuttlingen", "DE", BUYER, 4, 4,
       "sante", "electroerosion fraisage_5_axes inox polissage iso_13485",
       "Hersteller chirurgischer Instrumente in Tuttlingen — instruments chirurgicaux, "
       "280 personnes. We speak English and a little French.",
       "Suppliers for EDM and 5-axis machining of stainless steel jaws and hinges; "
       "ISO 13485 mandatory.",
       "de"),
    _v("Implantec AG", "Bettlach", "CH", BUYER, 2, 4,
       "sante", "decolletage titane rectification iso_13485",
       "Vis et plaques d'ostéosynthèse pour la traumatologie, site de production à Bettlach.",
       "Capacité supplémentaire en décolletage de vis canulées Ø 2 à 7 mm ; rectification "
       "sans centre."),
    _v("Vascutec", "Caen", "FR", BUYER, 1, 2,
       "sante", "decoupe_laser nitinol polissage assemblage_salle_blanche",
       "Stents et dispositifs d'embolisation, 60 personnes.",
       "Découpe laser femtoseconde de tubes fins et électropolissage."),
    _v("Ophtalmica", "Toulouse", "FR", BUYER, 1, 2,
       "sante", "micro_usinage optique_precision polymeres_techniques",
       "Implants intraoculaires et instruments pour la chirurgie de la cataracte.",
       "Micro-usinage de polymères et outillage de précision pour nos lentilles."),
    _v("Biomedica Mirandola Srl", "Mirandola", "IT", BUYER, 2, 2,
       "sante", "injection_plastique outillage assemblage_salle_blanche silicone",
       "Dispositivi medici monouso — lignes de dialyse et cathéters, 300 personnes.",
       "Moulistes et injecteurs en salle propre pour des connecteurs en polycarbonate et "
       "silicone LSR.",
       "it"),
    _v("Ortopedia Levante SL", "Valencia", "ES", BUYER, 1, 2,
       "sante", "decolletage fraisage_5_axes titane",
       "Fabricante de implantes de traumatología — plaques et vis, marché espagnol et "
       "Amérique latine.",
       "Partenaires français pour la sous-traitance de vis et de plaques en titane.",
       "es"),
    # Medical-device start-ups: prototypes, then their first series.
    _v("Kinéo Robotics", "Besançon", "FR", STARTUP, 2, 2,
       "sante objets_connectes",
       "micromoteurs conception_mecanique fraisage_5_axes electronique_embarquee",
       "Start-up issue de l'incubateur de Franche-Comté : un robot d'assistance pour la "
       "rééducation de la main.",
       "Un partenaire pour industrialiser notre actionneur (micromoteurs, réducteur) et "
       "fabriquer une présérie de 50 robots en 2027."),
    _v("Pulsea", "Dijon", "FR", STARTUP, 1, 2,
       "sante objets_connectes",
       "electronique_embarquee injection_plastique assemblage_salle_blanche",
       "Patch connecté de surveillance cardiaque, marquage CE obtenu en 2026.",
       "Sous-traitants en électronique et en injection pour passer à 20 000 patchs par an."),
    _v("Microfluidix", "Strasbourg", "FR", STARTUP, 2, 2,
       "sante instrumentation", "microfabrication_mems micro_usinage injection_plastique",
       "Puces microfluidiques pour le diagnostic rapide des infections.",
       "Micro-usinage de moules, micro-injection de COC et collage des puces ; un "
       "laboratoire pour caractériser nos écoulements."),
    _v("OssaPrint", "Lyon", "FR", STARTUP, 1, 2,
       "sante fabrication_additive", "fabrication_additive titane polissage essais_caracterisation",
       "Implants sur mesure imprimés en titane à partir du scanner du patient.",
       "Reprise d'usinage et finition de pièces imprimées ; essais de fatigue et de "
       "biocompatibilité."),
    _v("Sonovie", "Tours", "FR", STARTUP, 1, 1.5,
       "sante", "micro_assemblage connectique ceramique",
       "Sondes échographiques miniatures pour l'imagerie interventionnelle.",
       "Assemblage de transducteurs piézoélectriques et câblage très fin."),
    _v("Hémadiag", "Paris", "FR", STARTUP, 1, 1.5,
       "sante instrumentation", "injection_plastique micromoteurs conception_mecanique",
       "Automate compact d'analyse sanguine pour les cabinets médicaux.",
       "Bureau d'études mécanique et fabricant de petites pompes pour notre présérie."),
    _v("Neuronyx", "Marseille", "FR", STARTUP, 1, 1.5,
       "sante", "microfabrication_mems depot_pvd connectique",
       "Électrodes souples pour l'enregistrement cérébral.",
       "Dépôts de couches minces et connectique implantable ; une salle blanche "
       "technologique pour nos premiers lots."),
    _v("Dermapulse", "Montpellier", "FR", STARTUP, 1, 1,
       "sante", "decoupe_laser injection_mim micro_usinage",
       "Micro-aiguilles pour l'administration de vaccins sans douleur.",
       "Fabrication de matrices de micro-aiguilles en inox : découpe laser ou MIM ?"),
    _v("Respira Tech", "Nancy", "FR", STARTUP, 1, 1,
       "sante", "injection_plastique ressorts micro_assemblage",
       "Inhalateur connecté pour les patients asthmatiques.",
       "Injection plastique et ressorts pour notre mécanisme de dose ; assemblage."),
    # Watchmaking and luxury: the brands and their suppliers of exterior parts.
    _v("Montres Berthoud SA", "Le Sentier", "CH", BUYER, 4, 5,
       "luxe", "decolletage micro_usinage metaux_precieux polissage electroerosion",
       "Manufacture horlogère de la vallée de Joux, mouvements et montres complètes.",
       "Décolleteurs horlogers pour pignons, axes et vis (Ø 0,3 à 2 mm) ; étampes et "
       "électroérosion fine ; terminaison à la main."),
    _v("Horlogerie Lémanique SA", "Genève", "CH", BUYER, 3, 4,
       "luxe", "micro_usinage polissage galvanoplastie depot_pvd verre_saphir",
       "Maison de haute horlogerie genevoise, boîtes et cadrans en métaux précieux.",
       "Fournisseurs d'habillage : boîtes, lunettes, cadrans ; traitements PVD et "
       "galvaniques ; glaces saphir."),
    _v("Chronométrie Jurassienne SA", "Le Locle", "CH", BUYER, 2, 4,
       "luxe", "decolletage ressorts traitement_thermique rectification",
       "Fabricant de mouvements mécaniques pour des marques indépendantes.",
       "Ressorts spiraux et barillets, décolletage de précision, traitements thermiques "
       "des aciers horlogers."),
    _v("Habillage Horloger Biel SA", "Biel/Bienne", "CH", SUPPLIER, 1, 1.5,
       "luxe fraisage_5_axes polissage", "galvanoplastie depot_pvd",
       "Boîtes de montres en acier, titane et or, usinage et polissage.",
       "Partenaires en dorure, rhodiage et PVD noir pour nos boîtes."),
    _v("Maison Sarrazin", "Paris", "FR", BUYER, 2, 3,
       "luxe", "metaux_precieux polissage galvanoplastie micro_assemblage",
       "Joaillerie de la place Vendôme, créations et haute joaillerie.",
       "Ateliers capables de fabriquer des fermoirs et des apprêts en or 18 carats, sertissage "
       "mécanisé, polissage."),
    _v("Ateliers Saint-Honoré", "Paris", "FR", BUYER, 2, 3,
       "luxe", "decolletage laiton galvanoplastie emboutissage polissage",
       "Maroquinerie de luxe : nous achetons les pièces métalliques de nos sacs (fermoirs, "
       "boucles, rivets).",
       "Décolletage et découpage-emboutissage de laiton, dorure et palladiage sans nickel, "
       "finitions polies et brossées."),
    _v("Lunetterie du Haut-Jura", "Morez", "FR", SUPPLIER, 1, 1,
       "luxe soudage_laser polissage", "titane decoupe_laser",
       "Montures de lunettes en titane et en acétate, fabriquées à Morez.",
       "Un partenaire en découpe laser de titane pour nos nouvelles montures."),
    _v("Orfèvrerie Delaunay", "Lyon", "FR", BUYER, 1, 1.5,
       "luxe", "emboutissage polissage metaux_precieux",
       "Orfèvrerie et arts de la table pour l'hôtellerie de luxe.",
       "Emboutissage profond d'argent et polissage."),
    # Aeronautics, space and defence.
    _v("Aérosystèmes Sud-Ouest", "Toulouse", "FR", BUYER, 5, 5,
       "aeronautique", "fraisage_5_axes micro_usinage connectique en_9100 nadcap",
       "Équipementier aéronautique de rang 1 : actionneurs et capteurs de commandes de vol.",
       "Fournisseurs certifiés EN 9100 en usinage de précision de pièces en titane et "
       "inox ; connecteurs miniatures ; traitements de surface Nadcap."),
    _v("Rotor Équipements", "Marignane", "FR", BUYER, 3, 4,
       "aeronautique defense", "fraisage_5_axes rectification traitement_thermique en_9100",
       "Transmissions et équipements d'hélicoptères, 900 personnes.",
       "Rectification de précision et traitements thermiques d'engrenages ; usinage 5 axes."),
    _v("Satellia Space", "Cannes", "FR", BUYER, 3, 4,
       "spatial", "micro_usinage optique_precision micromoteurs essais_caracterisation",
       "Instruments d'observation pour satellites.",
       "Micro-mécanismes pour nos instruments : optiques de précision, moteurs pas à pas "
       "qualifiés spatial, essais en vide thermique."),
    _v("Optronique Défense", "Élancourt", "FR", BUYER, 2, 3,
       "defense", "optique_precision micro_usinage electronique_embarquee",
       "Systèmes optroniques pour la défense terrestre et navale.",
       "Usinage de précision de pièces optomécaniques et cartes électroniques durcies."),
    _v("Actionneurs Aéro Figeac", "Figeac", "FR", BUYER, 2, 3,
       "aeronautique", "decolletage ressorts traitement_thermique",
       "Vérins et actionneurs pour trains d'atterrissage et portes.",
       "Décolletage d'axes et de pistons en inox 17-4PH, ressorts de compression."),
    _v("Turbines Pyrénées Composants", "Bordes", "FR", BUYER, 1, 3,
       "aeronautique", "electroerosion fabrication_additive nadcap",
       "Composants de turbines pour moteurs d'hélicoptères.",
       "Électroérosion de perçages de refroidissement et fabrication additive de pièces "
       "de combustion."),
    _v("Präzisionsteile Schwarzwald GmbH", "Villingen-Schwenningen", "DE", SUPPLIER, 1, 1,
       "decolletage rectification aeronautique", "en_9100 traitement_thermique",
       "Drehteile und Schleifteile — pièces de décolletage et rectifiées pour "
       "l'aéronautique allemande.",
       "Partner for heat treatment and a French production site for our customers in "
       "Toulouse.",
       "de"),
    # Automotive, energy and industrial equipment.
    _v("Mobilité Électrique de l'Est", "Sochaux", "FR", BUYER, 4, 4,
       "automobile", "decolletage emboutissage connectique iatf_16949",
       "Moteurs électriques et électronique de puissance pour véhicules.",
       "Décolleteurs et découpeurs certifiés IATF 16949 pour des pièces de connectique et "
       "d'arbres de moteurs, grandes séries."),
    _v("Capteurs Automobiles d'Alsace", "Mulhouse", "FR", BUYER, 2, 2,
       "automobile", "decolletage injection_plastique connectique",
       "Capteurs de vitesse et de position pour l'automobile.",
       "Pièces décolletées et surmoulage plastique-métal en grandes séries."),
    _v("Hydrogène Systèmes", "Belfort", "FR", BUYER, 2, 3,
       "energie", "fraisage_5_axes soudage_laser depot_pvd",
       "Piles à combustible et électrolyseurs, usine à Belfort.",
       "Usinage de plaques bipolaires, soudage laser et dépôts de couches minces."),
    _v("Robotique Industrielle Annecy", "Annecy", "FR", BUYER, 1, 2,
       "industrie", "micromoteurs conception_mecanique fraisage_5_axes",
       "Robots d'assemblage de petites pièces pour l'horlogerie et le médical.",
       "Micromoteurs et réducteurs de précision, sous-traitance d'usinage."),
    _v("Meccanica di Precisione Lecco Srl", "Lecco", "IT", SUPPLIER, 2, 1,
       "decolletage tournage_cn automobile laiton", "sante iso_13485",
       "Torneria di precisione — décolletage de laiton et d'inox, 70 personnes.",
       "Clients dans le médical en France ; un partenaire certifié ISO 13485.",
       "it"),
    _v("Precisie Eindhoven BV", "Eindhoven", "NL", BUYER, 2, 3,
       "instrumentation electronique", "micro_usinage rectification metrologie ceramique",
       "Modules mécaniques de haute précision pour les machines de lithographie.",
       "Fournisseurs capables de tenir ± 1 µm sur céramique et acier, avec leur métrologie.",
       "nl"),
    _v("Medisys Liège SA", "Liège", "BE", BUYER, 1, 2,
       "sante", "injection_plastique assemblage_salle_blanche iso_13485",
       "Systèmes d'injection de médicaments (stylos, auto-injecteurs).",
       "Injection en salle propre et assemblage automatisé de nos stylos."),
    # Electronics, instruments and laboratories.
    _v("Instruments Scientifiques Dauphiné", "Grenoble", "FR", BUYER, 2, 2,
       "instrumentation", "micro_usinage optique_precision metrologie",
       "Instruments de mesure pour les laboratoires de recherche et l'industrie.",
       "Pièces mécaniques de précision et optiques pour nos spectromètres."),
    _v("Photonik Jena GmbH", "Jena", "DE", SUPPLIER, 1, 1,
       "optique_precision decoupe_laser", "sante luxe",
       "Lasers femtosecondes pour le micro-usinage industriel.",
       "Fabricants de dispositifs médicaux et horlogers qui veulent essayer le laser "
       "femtoseconde.",
       "de"),
    _v("Institut des Matériaux de Saint-Étienne", "Saint-Étienne", "FR", LAB, 1, 1,
       "essais_caracterisation traitement_thermique", "sante aeronautique",
       "Laboratoire de recherche en métallurgie et traitements de surface.",
       "Industriels pour des projets collaboratifs sur les surfaces d'implants."),
    _v("CT Décolletage", "Cluses", "FR", LAB, 1, 1.5,
       "essais_caracterisation metrologie decolletage", "decolletage",
       "Centre technique des décolleteurs de la vallée de l'Arve : essais, formation, veille.",
       "Échanger avec les décolleteurs francs-comtois sur l'usinage du titane et "
       "l'automatisation."),
    # More buyers and suppliers from elsewhere in France.
    _v("Nautilus Instruments", "Brest", "FR", BUYER, 2, 2,
       "instrumentation", "micro_usinage connectique titane",
       "Capteurs et instruments océanographiques, 120 personnes.",
       "Boîtiers en titane étanches à 6 000 m et connecteurs sous-marins miniatures."),
    _v("Aéro Cabine Systèmes", "Colomiers", "FR", BUYER, 2, 3,
       "aeronautique", "injection_plastique emboutissage connectique en_9100",
       "Équipements de cabine d'avions : sièges techniques, éclairage, commandes.",
       "Injection de pièces techniques, découpage de pièces fines et faisceaux, EN 9100."),
    _v("Horlogerie des Franches-Montagnes SA", "Saignelégier", "CH", BUYER, 2, 3,
       "luxe", "decolletage electroerosion polissage traitement_thermique",
       "Fabrication de composants de mouvements pour les marques de l'Arc jurassien.",
       "Décolletage horloger et électroérosion fine de roues et de leviers."),
    _v("Bijouterie Industrielle du Berry", "Saint-Amand-Montrond", "FR", BUYER, 2, 2,
       "luxe", "metaux_precieux micro_usinage galvanoplastie decoupe_laser",
       "Bijoux en or et en argent pour les grandes maisons, 230 personnes.",
       "Micro-usinage et découpe laser de métaux précieux, galvanoplastie."),
    _v("Électronique Médicale Normande", "Rouen", "FR", BUYER, 2, 2,
       "sante electronique", "connectique micro_assemblage assemblage_salle_blanche",
       "Moniteurs patients et capteurs pour les blocs opératoires.",
       "Câbles et connecteurs médicaux, assemblage de capteurs à usage unique."),
    _v("Dispositifs Léman", "Annemasse", "FR", BUYER, 2, 2,
       "sante", "injection_plastique ressorts assemblage_salle_blanche iso_13485",
       "Auto-injecteurs et dispositifs d'administration pour les laboratoires "
       "pharmaceutiques.",
       "Ressorts de précision et injection en salle propre ISO 7, séries de plusieurs millions."),
    _v("Connect'Ouest", "Nantes", "FR", STARTUP, 1, 1,
       "objets_connectes", "micromoteurs injection_plastique micro_assemblage",
       "Montres connectées pour les travailleurs isolés.",
       "Un vibreur miniature, des boîtiers injectés et un assembleur en France."),
    _v("Fonderie de Précision du Creusot", "Le Creusot", "FR", SUPPLIER, 1, 1,
       "acier inox titane aeronautique", "aeronautique sante",
       "Fonderie à la cire perdue de pièces en acier, inox et titane.",
       "Des donneurs d'ordre de l'aéronautique et du médical ; des usineurs partenaires pour "
       "livrer des pièces finies."),
)  # fmt: skip

FIRST_NAMES = {
    "de": (("Thomas", "Michael", "Andreas", "Stefan", "Markus", "Jörg", "Tobias", "Florian"),
           ("Katrin", "Sabine", "Julia", "Anna", "Claudia", "Petra")),
    "it": (("Marco", "Luca", "Andrea", "Giuseppe", "Paolo", "Alessandro", "Matteo"),
           ("Francesca", "Chiara", "Giulia", "Elena", "Sara")),
    "es": (("Javier", "Carlos", "Miguel", "Pablo", "Sergio"), ("Laura", "Marta", "Lucía")),
    "nl": (("Jeroen", "Pieter", "Bram", "Maarten", "Koen", "Wouter"), ("Sanne", "Lotte", "Els")),
}  # fmt: skip
SURNAMES = {
    "fr": ("Martin", "Dubois", "Thomas", "Robert", "Richard", "Durand", "Simon", "Laurent",
           "Lefebvre", "Garcia", "David", "Bertrand", "Fournier", "Lambert", "Bonnet",
           "François", "Martinez", "Legrand", "Rousseau", "Nicolas", "Morin", "Clément",
           "Fontaine", "Robin", "Sanchez", "Denis", "Lemaire", "Duval", "Joly", "Gautier",
           "Roche", "Noël", "Lucas", "Meunier", "Perez", "Blanchard", "Brunet", "Leroux",
           "Fernandez", "Renard", "Rolland", "Caron", "Leclerc", "Vidal", "Bourgeois",
           "Lemoine", "Picard", "Gaillard", "Leclercq", "Fabre", "Hubert", "Rivière",
           "Le Gall", "Adam", "Moulin", "Berger", "Lecomte", "Ménard", "Fleury", "Carpentier",
           "Aubry", "Vasseur", "Le Roux", "Jacquet", "Prévost", "Poirier", "Huet", "Baron",
           "Pons", "Breton", "Rémy", "Marty", "Cousin", "Jaquet", "Perret", "Favre",
           "Jeanneret", "Vuilleumier", "Rochat", "Golay", "Meylan", "Matthey", "Sandoz",
           "Borel", "Benhamou", "Haddad", "Tran", "Lefort", "Delattre", "Texier"),
    "de": ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner", "Becker",
           "Hoffmann", "Koch", "Richter", "Wolf", "Neumann", "Zimmermann", "Hartmann",
           "Keller", "Huber", "Maier", "Brunner"),
    "it": ("Rossi", "Russo", "Ferrari", "Bianchi", "Romano", "Colombo", "Ricci", "Marino",
           "Greco", "Gallo", "Conti", "De Luca", "Costa", "Lombardi", "Moretti"),
    "es": ("García", "Fernández", "González", "López", "Martínez", "Navarro", "Torres",
           "Ruiz"),
    "nl": ("de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Peeters",
           "Janssens", "Maes", "Willems"),
}  # fmt: skip
