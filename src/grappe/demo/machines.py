"""The machines members declare, by kind: the French singular is what the equipment list
shows; the plurals are for the texts."""

from grappe.demo.capabilities import Machine

SLIDING_7 = Machine(
    "tour à poupée mobile 7 axes",
    "tours à poupée mobile 7 axes",
    "7-axis sliding-headstock lathes",
    (4, 8),
    ("Ø 0,5–20 mm", "Ø 1–32 mm", "Ø 2–25 mm, L 320 mm"),
)
SLIDING_5 = Machine(
    "tour à poupée mobile 5 axes",
    "tours à poupée mobile 5 axes",
    "5-axis sliding-headstock lathes",
    (3, 6),
    ("Ø 0,3–8 mm", "Ø 0,5–12 mm", "Ø 1–20 mm"),
)
CAM_LATHE = Machine(
    "tour automatique à cames",
    "tours automatiques à cames",
    "cam-type automatic lathes",
    (4, 12),
    ("Ø 0,5–7 mm", "Ø 1–10 mm"),
)
MULTISPINDLE = Machine(
    "tour multibroche 6 broches",
    "tours multibroches 6 broches",
    "6-spindle automatic lathes",
    (2, 5),
    ("Ø 4–32 mm", "Ø 2–20 mm"),
)
CMM = Machine(
    "machine à mesurer tridimensionnelle",
    "machines à mesurer tridimensionnelles",
    "coordinate measuring machines",
    (1, 2),
    ("700 × 1000 × 600 mm", "500 × 400 × 400 mm"),
)
VISION = Machine(
    "machine de contrôle optique par vision",
    "machines de contrôle par vision",
    "vision inspection machines",
    (1, 2),
    ("champ 40 × 30 mm", "Ø 0,5–25 mm"),
)
FIVE_AXIS = Machine(
    "centre d'usinage 5 axes",
    "centres d'usinage 5 axes",
    "5-axis machining centres",
    (3, 6),
    ("X 500, Y 400, Z 350 mm", "X 650, Y 520, Z 475 mm", "X 800, Y 600, Z 500 mm"),
)
WIRE_EDM = Machine(
    "machine d'électroérosion à fil",
    "machines d'électroérosion à fil",
    "wire EDM machines",
    (2, 4),
    ("X 350, Y 250, Z 150 mm", "X 600, Y 400, Z 250 mm", "fil Ø 0,02–0,3 mm"),
)
SINKER_EDM = Machine(
    "machine d'électroérosion par enfonçage",
    "machines d'électroérosion par enfonçage",
    "sinker EDM machines",
    (1, 3),
    ("X 400, Y 300, Z 250 mm",),
)
DRILL_EDM = Machine(
    "perceuse par électroérosion",
    "perceuses par électroérosion",
    "EDM hole drillers",
    (1, 2),
    ("Ø 0,1–3 mm",),
)
CYL_GRINDER = Machine(
    "rectifieuse cylindrique CN",
    "rectifieuses cylindriques CN",
    "CNC cylindrical grinders",
    (2, 4),
    ("Ø 1–150 mm, L 400 mm", "Ø 0,5–60 mm"),
)
CENTRELESS = Machine(
    "rectifieuse sans centre",
    "rectifieuses sans centre",
    "centreless grinders",
    (1, 3),
    ("Ø 0,3–25 mm", "Ø 1–40 mm"),
)
HSM = Machine(
    "centre d'usinage grande vitesse 3 axes",
    "centres d'usinage grande vitesse",
    "high-speed machining centres",
    (2, 5),
    ("X 400, Y 300, Z 250 mm", "X 300, Y 250, Z 200 mm"),
)
MILL_TURN = Machine(
    "tour CN bi-broche avec axe B",
    "tours CN bi-broches avec axe B",
    "twin-spindle CNC mill-turn centres",
    (2, 4),
    ("Ø 65 mm, L 500 mm", "Ø 42 mm, L 300 mm"),
)
PRESS = Machine(
    "presse de découpage rapide 60 t",
    "presses de découpage rapides",
    "high-speed presses",
    (3, 8),
    ("table 900 × 600 mm, bande 80 mm", "table 1100 × 700 mm, bande 120 mm"),
)
FEMTO = Machine(
    "laser femtoseconde 5 axes",
    "lasers femtoseconde",
    "femtosecond lasers",
    (1, 3),
    ("X 300, Y 300, Z 100 mm", "tubes Ø 0,5–12 mm"),
)
FIBRE_CUT = Machine(
    "machine de découpe laser fibre pour tubes",
    "machines de découpe laser fibre",
    "fibre-laser tube cutters",
    (1, 3),
    ("tubes Ø 0,3–10 mm", "tôles 600 × 600 × 2 mm"),
)
WELDER = Machine(
    "poste de soudage laser pulsé",
    "postes de soudage laser",
    "pulsed laser welders",
    (1, 4),
    ("chambre 400 × 300 mm",),
)
MARKER = Machine(
    "laser de marquage fibre",
    "lasers de marquage",
    "fibre marking lasers",
    (1, 4),
    ("champ 100 × 100 mm", "champ 160 × 160 mm"),
)
LPBF = Machine(
    "machine de fusion laser sur lit de poudre",
    "machines de fusion laser sur lit de poudre",
    "laser powder bed fusion machines",
    (1, 4),
    ("250 × 250 × 300 mm", "280 × 280 × 365 mm", "400 × 400 × 400 mm"),
)
PVD = Machine(
    "réacteur PVD magnétron",
    "réacteurs PVD",
    "PVD magnetron coaters",
    (1, 4),
    ("chambre Ø 600 × 600 mm", "chambre Ø 1000 × 1000 mm"),
)
PLATING = Machine(
    "ligne de galvanoplastie automatique",
    "lignes de galvanoplastie",
    "automatic plating lines",
    (1, 3),
    ("cuves de 400 l", "cuves de 1000 l", "cuves de 200 l"),
)
PRESS_50 = Machine(
    "presse à injecter électrique 50 t",
    "presses à injecter électriques",
    "all-electric injection presses",
    (4, 10),
    ("moules 350 × 350 mm",),
)
MICRO_PRESS = Machine(
    "presse de micro-injection 5 t",
    "presses de micro-injection",
    "micro-moulding presses",
    (2, 5),
    ("grappe < 1 g", "0,5 mg–2 g"),
)
CLEAN_ROOM = Machine(
    "salle blanche ISO 7",
    "salles blanches ISO 7",
    "ISO 7 clean rooms",
    (1, 2),
    ("200 m²", "350 m²", "120 m²"),
)
POLISH = Machine(
    "cellule de polissage robotisée",
    "cellules de polissage robotisées",
    "robotic polishing cells",
    (1, 4),
)
CT = Machine(
    "tomographe à rayons X",
    "tomographes à rayons X",
    "X-ray CT scanners",
    (1, 1),
    ("pièces jusqu'à Ø 300 × 400 mm", "pièces jusqu'à Ø 150 × 200 mm"),
)
SEM = Machine("microscope électronique à balayage", "microscopes électroniques à balayage",
              "scanning electron microscopes", (1, 1))  # fmt: skip
FATIGUE = Machine(
    "machine d'essais de fatigue servo-hydraulique",
    "machines d'essais de fatigue",
    "servo-hydraulic fatigue testers",
    (1, 3),
    ("± 25 kN", "± 100 kN"),
)
SMT = Machine(
    "ligne de report CMS",
    "lignes de report CMS",
    "SMT lines",
    (1, 2),
    ("cartes 400 × 300 mm, composants 01005",),
)
