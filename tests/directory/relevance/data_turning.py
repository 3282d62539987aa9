"""Relevance dataset, part 1: Swiss-type bar turning (décolletage)."""

from tests.directory.relevance.records import Record

HEALTH = "innov-health"

BAR_TURNING = [
    # --- Swiss-type bar turning (décolletage) for medical devices -----------------------
    Record(
        name="Décolletage de la Loue",
        siret="61939071900380",
        postcode="25290",
        city="Ornans",
        headcount_band="21",
        naf_code="25.62A",
        description_fr=(
            "Décolleteur familial fondé en 1962 dans la vallée de la Loue, spécialisé depuis "
            "vingt ans dans les composants implantables pour l'orthopédie et le rachis."
        ),
        description_en=(
            "Family-owned Swiss-turning company founded in 1962 in the Loue valley, "
            "specialised for twenty years in implantable components for orthopaedics and spine."
        ),
        profile_fr=(
            "Décolletage de précision de vis d'ostéosynthèse, vis pédiculaires, vis spongieuses "
            "et corticales en titane TA6V ELI, titane grade 23 et inox 316L. Tournage-fraisage "
            "complet sur tours à poupée mobile 7 à 12 axes, filetages à pas variable, empreintes "
            "hexalobulaires. Ébavurage, passivation et marquage laser sous-traités à des "
            "partenaires qualifiés. Certifiés ISO 13485:2016 et ISO 9001. Séries de 500 à "
            "50 000 pièces."
        ),
        profile_en=(
            "Precision Swiss turning of bone screws (cortical, cancellous and pedicle screws) in "
            "Ti-6Al-4V ELI, grade 23 titanium and 316L stainless steel. Complete turn-mill "
            "machining on 7 to 12 axis sliding headstock lathes, variable-pitch threads, "
            "hexalobular drives. ISO 13485:2016 certified. Batches from 500 to 50,000 parts."
        ),
        terms=("decolletage", "tournage_cn", "titane", "inox", "sante", "iso_13485", "iso_9001"),
        equipment=(
            ("Tornos Swiss GT 26", 14, "Ø 0,5–26 mm"),
            ("Citizen L20 VIII", 6, "Ø 1–20 mm"),
        ),
        tolerances=(("diamètre de tige", "3", "decolletage"), ("pas de filetage", "5", None)),
        clusters=(HEALTH,),
    ),
    Record(
        name="Ortho-Vis Technologies",
        siret="47505051400243",
        postcode="25480",
        city="École-Valentin",
        headcount_band="12",
        naf_code="32.50A",
        description_fr=(
            "Sous-traitant de vis implantables pour l'orthopédie, la traumatologie et le rachis."
        ),
        description_en="Subcontractor of implantable screws for orthopaedics, trauma and spine.",
        profile_fr=(
            "Vis orthopédiques et de traumatologie en titane (Ti6Al4V, titane pur grade 4) : "
            "décolletage, tourbillonnage des filets, rectification des pointes, anodisation "
            "couleur type II pour identifier les diamètres, marquage laser UDI, contrôle vision "
            "100 %. Système qualité ISO 13485, validations IQ/OQ/PQ. Vis rachidiennes et vis "
            "d'interférence."
        ),
        profile_en=(
            "Orthopaedic and trauma screws in titanium: Swiss turning, thread whirling, tip "
            "grinding, type II colour anodising, UDI laser marking, 100% vision inspection. "
            "ISO 13485."
        ),
        terms=(
            "decolletage",
            "rectification",
            "anodisation",
            "marquage_laser",
            "titane",
            "sante",
            "iso_13485",
        ),
        tolerances=(("diamètre de filet", "5", "decolletage"),),
        clusters=(HEALTH,),
    ),
    Record(
        name="Dentalis Composants",
        siret="93626388800419",
        postcode="25000",
        city="Besançon",
        headcount_band="11",
        description_fr="Composants pour l'implantologie dentaire : piliers, vis de prothèse.",
        description_en="Components for dental implantology: abutments, prosthetic screws.",
        profile_fr=(
            "Décolletage titane grade 5 et grade 23 pour le dentaire : piliers implantaires, vis "
            "de pilier M1.6 et M2, transferts d'empreinte, analogues. Tours Star avec fraisage "
            "de l'hexagone interne. ISO 13485."
        ),
        terms=("decolletage", "titane", "sante", "iso_13485"),
        equipment=(("Star SR-20 RIV", 5, "Ø 20 mm"),),
        tolerances=(("hexagone interne", "4", "decolletage"),),
    ),
    Record(
        name="Décolletage Jeanningros",
        siret="38795134600395",
        postcode="25800",
        city="Valdahon",
        headcount_band="03",
        description_fr="decolletage de precision",
        # Written by the member as typed, without accents.
        profile_fr=(
            "decolletage inox 316L et titane pour le medical, certifie ISO 13485. petites et "
            "moyennes series, diametres 1 a 16 mm, reprises d'usinage."
        ),
        terms=("decolletage", "inox", "titane", "sante", "iso_13485"),
    ),
    Record(
        name="Guyon Micro-Décolletage",
        siret="31767377000598",
        postcode="25140",
        city="Charquemont",
        headcount_band="11",
        description_fr="Décolletage de précision pour l'horlogerie et la connectique.",
        profile_fr=(
            "Décolletage de précision de Ø 0,3 à 12 mm en laiton, inox 316L et titane. Nos "
            "clients : horlogerie, connectique, et depuis 2019 quelques pièces pour le dentaire "
            "(certification ISO 13485 en cours)."
        ),
        terms=("decolletage", "laiton", "inox", "titane", "luxe", "electronique", "iso_9001"),
    ),
    # --- Bar turning for watchmaking, eyewear, connectors, automotive ----------------------
    Record(
        name="Précidéc Morteau",
        siret="92979298400171",
        postcode="25500",
        city="Morteau",
        headcount_band="12",
        naf_code="25.62A",
        description_fr="Décolletage horloger depuis 1975.",
        profile_fr=(
            "Axes, pignons, tiges de remontoir, vis et tubes pour l'horlogerie. Laiton "
            "CuZn39Pb3, acier 20AP et maillechort. Tournage sur Escomatic et Tornos Deco, "
            "roulage des pivots, ±2 µm sur les diamètres de pivot."
        ),
        terms=("decolletage", "laiton", "acier", "luxe", "iso_9001"),
        equipment=(("Escomatic D2", 8, "Ø 0,2–2 mm"), ("Tornos Deco 10", 6, "Ø 10 mm")),
        tolerances=(("diamètre de pivot", "2", "decolletage"),),
    ),
    Record(
        name="Pignonnerie du Russey",
        siret="61451369500138",
        postcode="25210",
        city="Le Russey",
        headcount_band="11",
        description_fr="Roues et pignons d'horlogerie : taillage et décolletage.",
        description_en="Watch wheels and pinions: gear cutting and bar turning.",
        profile_fr=(
            "Fabrication de pignons et de roues pour mouvements mécaniques : décolletage des "
            "ébauches en laiton et en acier, taillage, roulage, polissage des pivots et des "
            "ailes. Petites et moyennes séries pour les manufactures horlogères."
        ),
        profile_en=(
            "Pinions and wheels for mechanical watch movements: bar turning of brass and steel "
            "blanks, gear hobbing, pivot burnishing and leaf polishing. Small and medium batches "
            "for watch manufactures."
        ),
        terms=("decolletage", "polissage", "laiton", "acier", "luxe"),
        tolerances=(("denture", "3", None),),
    ),
    Record(
        name="Décolletage Barthod Frères",
        siret="93117699400354",
        postcode="25130",
        city="Villers-le-Lac",
        headcount_band="03",
        description_fr="Decolletage de petites pieces.",
        profile_fr=(
            "decolletage laiton acier inox, couronnes et tubes de montres, vis. petites series."
        ),
        terms=("decolletage", "laiton", "inox", "luxe"),
    ),
    Record(
        name="Micro-Décolletage de Morez",
        siret="93935045000267",
        postcode="39400",
        city="Hauts de Bienne",
        headcount_band="11",
        description_fr="Visserie et composants pour la lunetterie.",
        profile_fr=(
            "Vis de charnières, canons et pièces décolletées en titane pur, bêta-titane et inox "
            "pour la lunetterie haut de gamme. Tours Citizen, diamètres de 0,8 à 4 mm."
        ),
        terms=("decolletage", "titane", "inox", "luxe"),
    ),
    Record(
        name="Tournerie du Haut-Doubs",
        siret="50215394300159",
        postcode="25120",
        city="Maîche",
        headcount_band="22",
        naf_code="25.62A",
        description_fr="Décolletage de grande série pour l'automobile et la connectique.",
        description_en="High-volume bar turning for automotive and connectors.",
        profile_fr=(
            "Décolletage sur tours multibroches et tours à cames : contacts électriques en laiton "
            "et cuivre-béryllium, inserts, axes en acier automate. Reprises, ébavurage par "
            "tonnelage. IATF 16949, ISO 14001. 80 millions de pièces par an."
        ),
        terms=(
            "decolletage",
            "ebavurage",
            "laiton",
            "cuivre",
            "acier",
            "automobile",
            "electronique",
            "iatf_16949",
            "iso_14001",
            "iso_9001",
        ),
        equipment=(("Index MS16 multibroches", 12, "Ø 16 mm"),),
    ),
]
