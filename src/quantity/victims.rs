//! Who a toll counts: nouns for people, sorted into civilians and combatants, and
//! the nouns and participles that say they were killed, wounded or captured.
//!
//! A figure is a toll only when it counts people (`350 miliciens` does) *and* a word
//! of death, injury or capture governs it (`350 miliciens` dispatched does not).
//! `personnes` and nationalities stay `Unknown`: the text does not say whether they
//! fought. Conflict reporting calls fighters `hommes` (`10 de ses hommes`), so
//! `hommes` is a combatant noun here.

use super::{TollKind, Victims};

/// Category of a folded noun that counts people, if it is one.
pub fn people(w: &str) -> Option<Victims> {
    const CIVIL: &[&str] = &[
        "civil", "civils", "civile", "civiles", "enfant", "enfants", "femme", "femmes", "habitant", "habitants",
        "population", "villageois", "passant", "passants", "resident", "residents", "refugie", "refugies",
        "deplace", "deplaces", "manifestant", "manifestants", "etudiant", "etudiants", "eleve", "eleves",
        "fidele", "fideles", "journaliste", "journalistes", "medecin", "medecins", "secouriste", "secouristes",
        "infirmier", "infirmiers", "fillette", "fillettes", "garcon", "garcons", "bebe", "bebes", "vieillard",
        "vieillards", "pecheur", "pecheurs", "agriculteur", "agriculteurs", "paysan", "paysans", "mineur", "mineurs",
        "adolescent", "adolescents", "humanitaire", "humanitaires", "pelerin", "pelerins", "ouvrier", "ouvriers",
    ];
    const FIGHTER: &[&str] = &[
        "milicien", "miliciens", "soldat", "soldats", "combattant", "combattants", "homme", "hommes", "membre",
        "membres", "jihadiste", "jihadistes", "djihadiste", "djihadistes", "terroriste", "terroristes", "rebelle",
        "rebelles", "insurge", "insurges", "militaire", "militaires", "policier", "policiers", "officier",
        "officiers", "garde", "gardes", "chef", "chefs", "commandant", "commandants", "islamiste", "islamistes",
        "assaillant", "assaillants", "kamikaze", "kamikazes", "paramilitaire", "paramilitaires", "militant",
        "militants", "recrue", "recrues", "element", "elements", "agent", "agents", "pilote", "pilotes",
        "marin", "marins", "conscrit", "conscrits", "mercenaire", "mercenaires", "partisan", "partisans",
        "gendarme", "gendarmes", "sous-officier", "sous-officiers", "general", "generaux", "colonel", "colonels",
        "capitaine", "lieutenant", "sergent", "emir", "emirs", "cadre", "cadres", "dirigeant", "dirigeants",
        "daeshistes", "takfiristes", "fedayin", "peshmergas", "peshmerga", "loyalistes", "reservistes",
        "suppletifs", "guerillero", "guerilleros", "snipers", "tireurs",
    ];
    const ANY: &[&str] = &[
        "personne", "personnes", "individu", "individus", "gens", "victime", "victimes", "syriens", "syrien",
        "irakiens", "libanais", "palestiniens", "israeliens", "russes", "turcs", "kurdes", "iraniens",
        "afghans", "etrangers", "saoudiens", "jordaniens", "egyptiens", "yemenites", "libyens", "maliens",
        "ukrainiens", "americains", "francais", "touristes",
    ];
    if CIVIL.contains(&w) {
        Some(Victims::Civilians)
    } else if FIGHTER.contains(&w) {
        Some(Victims::Combatants)
    } else if ANY.contains(&w) {
        Some(Victims::Unknown)
    } else {
        None
    }
}

/// Nouns that are themselves a toll (`7 tués`, `86 morts`, `25 cadavres`).
pub fn toll_noun(w: &str) -> Option<TollKind> {
    Some(match w {
        "tue" | "tues" | "tuee" | "tuees" | "mort" | "morts" | "mortes" | "martyr" | "martyrs" | "cadavre"
        | "cadavres" | "corps" | "victime" | "victimes" | "deces" | "decedes" => TollKind::Killed,
        "blesse" | "blesses" | "blessee" | "blessees" => TollKind::Wounded,
        "prisonnier" | "prisonniers" | "prisonniere" | "prisonnieres" | "otages" | "captif" | "captifs"
        | "captives" => TollKind::Captured,
        _ => return None,
    })
}

/// Participles and verbs after the victims (`ont été tués`, `ont péri`, `sont
/// tombés en martyrs`, `ont été fait prisonniers`).
pub fn after_verb(w: &str) -> Option<TollKind> {
    Some(match w {
        "tue" | "tues" | "tuee" | "tuees" | "peri" | "perissent" | "morts" | "mortes" | "mort" | "martyrs"
        | "martyr" | "succombe" | "succombes" | "decedes" | "decede" | "abattus" | "abattu" | "elimines"
        | "executes" | "massacres" | "assassines" | "egorges" | "decapites" | "fusilles" => TollKind::Killed,
        "blesses" | "blesse" | "blessee" | "blessees" => TollKind::Wounded,
        "prisonniers" | "prisonnier" | "captures" | "capturees" | "enleves" | "enlevees" | "kidnappes" | "otages"
        | "otage" => TollKind::Captured,
        _ => return None,
    })
}

/// Verbs and nouns before the figure (`tué 12 miliciens`, `coûté la vie à deux
/// civils`, `la mort de quatre personnes`, `a perdu 35 autres miliciens`), as the
/// folded words that must end just before the figure (a short gap allowed).
pub const BEFORE: &[(&[&str], TollKind)] = &[
    (&["la", "vie", "a"], TollKind::Killed),
    (&["la", "vie", "de"], TollKind::Killed),
    (&["la", "mort", "de"], TollKind::Killed),
    (&["la", "mort", "d'"], TollKind::Killed),
    (&["le", "deces", "de"], TollKind::Killed),
    (&["l'", "assassinat", "de"], TollKind::Killed),
    (&["l'", "execution", "de"], TollKind::Killed),
    (&["le", "massacre", "de"], TollKind::Killed),
    (&["tue"], TollKind::Killed),
    (&["tuant"], TollKind::Killed),
    (&["tuer"], TollKind::Killed),
    (&["tuent"], TollKind::Killed),
    (&["perdu"], TollKind::Killed),
    (&["perdant"], TollKind::Killed),
    (&["perd"], TollKind::Killed),
    (&["perdent"], TollKind::Killed),
    (&["elimine"], TollKind::Killed),
    (&["eliminant"], TollKind::Killed),
    (&["abattu"], TollKind::Killed),
    (&["abattant"], TollKind::Killed),
    (&["execute"], TollKind::Killed),
    (&["executant"], TollKind::Killed),
    (&["massacre"], TollKind::Killed),
    (&["enterre"], TollKind::Killed),
    (&["fauche"], TollKind::Killed),
    (&["blesse"], TollKind::Wounded),
    (&["blessant"], TollKind::Wounded),
    (&["blesser"], TollKind::Wounded),
    (&["blessent"], TollKind::Wounded),
    (&["capture"], TollKind::Captured),
    (&["capturant"], TollKind::Captured),
    (&["enleve"], TollKind::Captured),
    (&["enlevant"], TollKind::Captured),
    (&["kidnappe"], TollKind::Captured),
    (&["otage"], TollKind::Captured),
    (&["prisonniers"], TollKind::Captured),
];
