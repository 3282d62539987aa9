"""Invented names and real places of the demo: towns, people, streets, job titles.

Every name of a company or a person is invented; the towns and their postcodes are real
(La Poste's list, checked by the tests).
"""

import random
import unicodedata
from dataclasses import dataclass

from django.utils.text import slugify

SEED = 2026


def rng(topic: str) -> random.Random:
    """A generator seeded for one topic, so that adding a topic leaves the others unchanged."""
    return random.Random(f"{SEED}/{topic}")


@dataclass(frozen=True)
class Town:
    city: str
    postcode: str
    weight: int  # how many members are drawn there, relatively
    areas: tuple[str, ...]  # "du Haut-Doubs": names of the area that fit "X du …"

    @property
    def departement(self) -> str:
        return self.postcode[:2]


HAUT_DOUBS = ("du Haut-Doubs", "du Pays horloger")
BESANCON = ("du Grand Besançon", "de Franche-Comté", "du Doubs")
NORD_FC = ("du Pays de Montbéliard", "du Nord Franche-Comté")
HAUT_JURA = ("du Haut-Jura", "du Jura")

TOWNS = (
    Town("Besançon", "25000", 40, BESANCON),
    Town("École-Valentin", "25480", 7, BESANCON),
    Town("Pirey", "25480", 5, BESANCON),
    Town("Chalezeule", "25220", 3, BESANCON),
    Town("Thise", "25220", 3, BESANCON),
    Town("Saône", "25660", 3, BESANCON),
    Town("Devecey", "25870", 2, BESANCON),
    Town("Serre-les-Sapins", "25770", 2, BESANCON),
    Town("Saint-Vit", "25410", 2, BESANCON),
    Town("Morteau", "25500", 14, ("du Val de Morteau", *HAUT_DOUBS)),
    Town("Villers-le-Lac", "25130", 6, ("du Saut du Doubs", *HAUT_DOUBS)),
    Town("Les Fins", "25500", 3, HAUT_DOUBS),
    Town("Le Russey", "25210", 3, ("du Plateau du Russey", *HAUT_DOUBS)),
    Town("Maîche", "25120", 8, ("du Plateau de Maîche", *HAUT_DOUBS)),
    Town("Charquemont", "25140", 3, ("du Plateau de Maîche", *HAUT_DOUBS)),
    Town("Damprichard", "25450", 2, ("du Plateau de Maîche", *HAUT_DOUBS)),
    Town("Pontarlier", "25300", 9, ("du Haut-Doubs", "du Larmont")),
    Town("Gilley", "25650", 2, ("du Saugeais", "du Haut-Doubs")),
    Town("Valdahon", "25800", 4, ("du Plateau de Valdahon", "du Doubs")),
    Town("Ornans", "25290", 5, ("de la Vallée de la Loue", "du Doubs")),
    Town("Baume-les-Dames", "25110", 2, ("de la Vallée du Doubs",)),
    Town("Montbéliard", "25200", 9, NORD_FC),
    Town("Audincourt", "25400", 5, NORD_FC),
    Town("Exincourt", "25400", 2, NORD_FC),
    Town("Valentigney", "25700", 3, NORD_FC),
    Town("Seloncourt", "25230", 3, NORD_FC),
    Town("Hérimoncourt", "25310", 2, NORD_FC),
    Town("Étupes", "25460", 2, NORD_FC),
    Town("Pont-de-Roide-Vermondans", "25150", 2, NORD_FC),
    Town("Morez", "39400", 7, ("de la Vallée de la Bienne", *HAUT_JURA)),
    Town("Les Rousses", "39220", 2, HAUT_JURA),
    Town("Saint-Claude", "39200", 6, HAUT_JURA),
    Town("Moirans-en-Montagne", "39260", 2, HAUT_JURA),
    Town("Lons-le-Saunier", "39000", 4, ("du Jura", "du Revermont")),
    Town("Champagnole", "39300", 4, ("du Jura", "du Plateau de Champagnole")),
    Town("Foncine-le-Haut", "39460", 1, HAUT_JURA),
    Town("Dole", "39100", 3, ("du Jura", "du Val d'Amour")),
    Town("Tavaux", "39500", 1, ("du Jura",)),
    Town("Vesoul", "70000", 3, ("de Haute-Saône",)),
    Town("Gray", "70100", 1, ("du Val de Saône", "de Haute-Saône")),
    Town("Lure", "70200", 1, ("de Haute-Saône",)),
    Town("Luxeuil-les-Bains", "70300", 2, ("des Vosges saônoises", "de Haute-Saône")),
    Town("Héricourt", "70400", 2, ("du Nord Franche-Comté",)),
    Town("Belfort", "90000", 6, ("du Territoire de Belfort", "du Nord Franche-Comté")),
    Town("Bavilliers", "90800", 1, ("du Territoire de Belfort",)),
    Town("Danjoutin", "90400", 1, ("du Territoire de Belfort",)),
    Town("Delle", "90100", 2, ("du Territoire de Belfort", "du Sud Territoire")),
    Town("Grandvillars", "90600", 1, ("du Sud Territoire",)),
    Town("Beaucourt", "90500", 1, ("du Sud Territoire",)),
    Town("Dijon", "21000", 4, ("de Bourgogne", "de Côte-d'Or")),
    Town("Quetigny", "21800", 1, ("de Côte-d'Or",)),
    Town("Longvic", "21600", 1, ("de Côte-d'Or",)),
    Town("Chenôve", "21300", 1, ("de Côte-d'Or",)),
    Town("Le Creusot", "71200", 2, ("de Saône-et-Loire", "de Bourgogne")),
    Town("Chalon-sur-Saône", "71100", 1, ("de Saône-et-Loire",)),
    Town("Nevers", "58000", 1, ("de la Nièvre",)),
    Town("Auxerre", "89000", 1, ("de l'Yonne",)),
)

TOWNS_BY_CITY = {town.city: town for town in TOWNS}

# The first two digits after 3 of a landline, by département (ARCEP's zone 03).
PHONE_AREA = {
    "25": "81", "39": "84", "70": "84", "90": "84",
    "21": "80", "71": "85", "58": "86", "89": "86",
}  # fmt: skip

# Franc-Comtois and Jurassian family names, and common French ones.
SURNAMES = (
    "Vuillemin", "Mathez", "Cuenot", "Girardot", "Faivre", "Jeanningros", "Pourcelot",
    "Cupillard", "Boillot", "Vermot", "Cuenin", "Marguet", "Bobillier", "Mougin",
    "Grosjean", "Pheulpin", "Bouveresse", "Jacquot", "Maillard", "Rognon", "Billod",
    "Lièvremont", "Saillard", "Nicod", "Gaiffe", "Jeunet", "Cretin", "Vuillet", "Perrot",
    "Monnier", "Petitjean", "Pagnier", "Duvernois", "Ferreux", "Belot", "Clerc", "Marmier",
    "Cattin", "Choulet", "Chapuis", "Varin", "Prêtre", "Nappez", "Baverel", "Mamet",
    "Vuillaume", "Robardet", "Ducret", "Bôle", "Tournier", "Guinchard", "Jouffroy",
    "Roussel", "Chauvin", "Bonnet", "Cheval", "Sauterey", "Vionnet", "Grandjacquet",
    "Bailly", "Mercier", "Lambert", "Colin", "Gauthier", "Perrin", "Moreau", "Girard",
    "Bernard", "Petit", "Durand", "Leroy", "Fournier", "Michel", "Garnier", "Chevalier",
    "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roux", "Morel", "Masson",
    "Marchand", "Dumont", "Renaud", "Barbier", "Brun", "Dupuis", "Lefèvre", "Aubert",
    "Schmitt", "Meyer", "Humbert", "Vincent", "Boyer", "Mathieu", "Benoît", "Giraud",
    "Arnaud", "Rey", "Huguenin", "Tissier", "Cordier", "Lacroix", "Dufour", "Martinet",
    "Bourquin", "Droux", "Rigoulot", "Nicolet", "Jobard", "Courtet", "Racine", "Demougeot",
    "Parisot", "Guillemin", "Brenet", "Vauthier", "Berthet", "Taillard", "Vernerey",
    "Cartier-Millon", "Vallet", "Besson", "Pernin", "Tisserand", "Guyot", "Rochet",
    "Bouchard", "Ledoux", "Haag", "Koenig", "Ben Amar", "Nguyen", "Da Silva", "Ferreira",
    "Benali", "Yilmaz", "Rossi", "Moreno", "Kowalski",
)  # fmt: skip

FIRST_NAMES_M = (
    "Jean-Luc", "Philippe", "Laurent", "Stéphane", "Christophe", "Nicolas", "Sébastien",
    "Julien", "Thomas", "Mathieu", "Olivier", "Pascal", "Didier", "Frédéric", "Éric",
    "Thierry", "Vincent", "Guillaume", "Romain", "Antoine", "Alexandre", "Benoît",
    "Jérôme", "Cédric", "Fabrice", "David", "Arnaud", "Damien", "Maxime", "Pierre",
    "Hugo", "Lucas", "Florian", "Yann", "Patrice", "Bruno", "François", "Jean-Marc",
    "Gilles", "Xavier", "Rémi", "Karim", "Mehdi", "Adrien", "Quentin", "Bastien",
)  # fmt: skip

FIRST_NAMES_F = (
    "Nathalie", "Sandrine", "Isabelle", "Valérie", "Stéphanie", "Céline", "Sophie",
    "Aurélie", "Émilie", "Julie", "Claire", "Caroline", "Anne", "Marie", "Laure",
    "Élodie", "Camille", "Pauline", "Mélanie", "Hélène", "Christelle", "Virginie",
    "Audrey", "Sarah", "Léa", "Manon", "Charlotte", "Agnès", "Véronique", "Delphine",
    "Karine", "Florence", "Mathilde", "Lucie", "Inès", "Nadia", "Amandine", "Justine",
)  # fmt: skip

STREETS = (
    "rue de l'Industrie", "rue des Artisans", "rue des Horlogers", "rue des Frères Lumière",
    "rue Pasteur", "rue Jean Jaurès", "chemin des Combes", "zone artisanale du Pré Rond",
    "rue de la Gare", "rue du Stade", "avenue de la Paix", "rue des Champs", "rue du Moulin",
    "rue des Vergers", "rue de la Tuilerie", "zone industrielle des Grands Prés",
    "rue des Sapins", "rue du Général Leclerc", "rue Victor Hugo", "rue des Écoles",
    "impasse des Forges", "rue de la Fontaine", "rue de l'Europe", "rue des Tilleuls",
    "rue de la Source", "rue du Lavoir", "route de Besançon", "rue Gustave Eiffel",
    "rue Louis Pasteur", "allée des Ateliers", "rue de la Mécanique", "rue des Entreprises",
)  # fmt: skip


def plain(text: str) -> str:
    """Lower-case ASCII letters and dots, for e-mail addresses: "Hélène" → "helene"."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode().lower()
    return "".join(c if c.isalnum() else "-" for c in ascii_text).strip("-")


def domain_of(slug: str) -> str:
    return f"{slug[:50].strip('-')}.example"


def website_of(slug: str) -> str:
    return f"https://www.{domain_of(slug)}"


def address_of(random_: random.Random) -> str:
    return f"{random_.randint(1, 60)} {random_.choice(STREETS)}"


def landline(random_: random.Random, departement: str) -> str:
    """A French landline in E.164 form, in the zone of the département."""
    area = PHONE_AREA.get(departement, "81")
    return f"+333{area}{random_.randint(0, 999_999):06d}"


MOBILE_BLOCKS = ("07", "08", "12", "22", "45", "52", "62", "71", "78", "81", "85")


def mobile(random_: random.Random) -> str:
    return f"+336{random_.choice(MOBILE_BLOCKS)}{random_.randint(0, 999_999):06d}"


def unique_slug(name: str, taken: set[str]) -> str:
    slug = slugify(name)
    if slug in taken:
        raise ValueError(f"Two demo organisations share the slug {slug!r}.")
    taken.add(slug)
    return slug
