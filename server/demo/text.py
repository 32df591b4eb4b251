"""Danish text pools for the demo data (server/demo/data.py); everything here is fictitious.

Placeholders in the sentence templates are filled with str.format: {borger} (the citizen's
first name), {kontakt} (the company contact), {virksomhed}, {funktion} (a work function),
{konsulent}, {timer}, {nye_timer}, {dato}, {titel}.
"""

MONTHS = [
    "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
    "oktober", "november", "december",
]

SPECIAL_CONSIDERATIONS = [
    ("{borger} fortæller, at tunge løft over 10 kg ikke går, og at det hjælper at kunne sidde "
    "ned en gang i timen."),
    ("{borger} fortæller, at faste mødetider og besked i god tid om ændringer gør det lettere "
    "at komme afsted."),
    ("{borger} fortæller, at det er svært at være i store grupper, og ønsker en fast "
    "kontaktperson at gå til."),
    "{borger} fortæller, at morgener kan være svære, og at mødetid fra kl. 9 fungerer bedst.",
    ("{borger} fortæller, at skriftlige beskeder på dansk er svære at læse; mundtlig "
    "instruktion og at blive vist opgaven fungerer bedre."),
    "{borger} fortæller, at korte pauser undervejs er nødvendige for at holde hele dagen.",
]

PURPOSES = {
    "internship": "Formålet med praktikken er, at {borger} møder stabilt og afprøver opgaver "
    "inden for {funktion}.\nPå længere sigt er målet ordinære timer i virksomheden.",
    "wage_subsidy": "Formålet med løntilskuddet er, at {borger} får opdateret erfaring med "
    "{funktion} og et aktuelt arbejdsgiverudsagn.",
    "flex_job": "Formålet er et varigt fleksjob, hvor arbejdsopgaver og timetal passer til "
    "den arbejdsevne, {borger} har i dag.",
    "igu": "Formålet med IGU-forløbet er, at {borger} lærer faget og dansk på arbejdspladsen "
    "og afslutter skoleforløbet.",
    "ordinary": "{borger} er ansat på ordinære vilkår. Jobcentret følger op for at fastholde "
    "ansættelsen i opstarten.",
    "mentor": "Formålet er, at en mentor i virksomheden støtter {borger} i at falde til og "
    "lære opgaverne med {funktion}.",
    "job_rotation": "{borger} er ansat som jobrotationsvikar, mens en fastansat er på "
    "efteruddannelse.",
    "adult_apprentice": "Formålet er, at {borger} gennemfører en uddannelse som "
    "voksenlærling og bliver faglært.",
    "other": "Formålet er at afklare arbejdsevnen hos {borger} gennem en arbejdsprøvning med "
    "{funktion}.",
}

GOALS = [
    ("Indledende mål: at {borger} føler sig tryg på arbejdspladsen og ved opgaverne.\n"
    "Delmål: stabilt fremmøde {timer} timer om ugen de første fire uger.\n"
    "Mål på længere sigt: ordinære timer med {funktion}."),
    ("Delmål 1: {borger} løser {funktion} selvstændigt efter instruktion.\n"
    "Delmål 2: timetallet øges, når fremmødet er stabilt.\n"
    "Mål: ansættelse på ordinære timer eller i fleksjob."),
    ("Mål: at {borger} mestrer {funktion} på niveau med en nyansat medarbejder inden "
    "forløbets afslutning."),
]

FIRST_VISIT = {
    "purpose": "Førstegangsbesøg: lære {virksomhed} at kende og høre om behovet for arbejdskraft.",
    "agenda": "Rundvisning\nHvad fylder hos jer nu og på sigt?\nJobcentrets tilbud\n"
    "Aktuelle kampagner",
    "notes_company": "{kontakt} viste rundt i virksomheden. {viden}\n"
    "Vi gennemgik jobcentrets tilbud. Virksomheden er mest interesseret i rekruttering og "
    "praktik med mulighed for ordinære timer.\n"
    "Aftalt med virksomheden: konsulenten sender materiale om jobrotation og voksenlærlinge.",
    "notes_citizen": "Ingen konkrete borgere drøftet. {kontakt} fortæller, at de gerne vil "
    "høre om kandidater til {funktion}.",
}

COMPANY_FOLLOW_UP = {
    "purpose": "Opfølgningsbesøg: ændringer siden sidst og behov for arbejdskraft.",
    "agenda": "Ændringer siden sidst\nRekruttering og fastholdelse\nKampagnen om sommerafløsere",
    "notes_company": "{kontakt} fortæller, at ordrebogen er fuld, og at de mangler folk til "
    "{funktion}.\nAftalt med virksomheden: jobcentret sender tre relevante kandidater inden "
    "{dato}.",
    "notes_citizen": "Ingen konkrete borgere drøftet.",
}

PHONE_CALL = {
    "purpose": "Telefonisk kontakt med {virksomhed}.",
    "notes_company": "{kontakt} fortæller, at de har travlt lige nu, men gerne vil have et "
    "besøg.\nAftalt med virksomheden: konsulenten kommer på besøg den {dato}.",
    "notes_citizen": "Ingen konkrete borgere drøftet.",
}

STARTUP = {
    "purpose": "Opstartsmøde: aftaler om start, mødetid, kontaktperson og opgaver.",
    "agenda": "Mål og delmål\nMødetid og kontaktperson\nArbejdsopgaver og progression\n"
    "Hensyn\nKontakt ved sygdom\nPlanen på sigt: lønnede timer\nNæste opfølgning",
    "notes_citizen": "{borger} fortæller, at forløbet giver mening, og at det bliver godt at "
    "lære {funktion}.\n{borger} møder {timer} timer om ugen og melder sygdom til {kontakt} "
    "før kl. 7.30.",
    "notes_company": "Aftalt med virksomheden: {kontakt} er kontaktperson og viser {borger} "
    "rundt første dag. Virksomheden registrerer fremmøde og giver besked til jobcentret, "
    "hvis der opstår udfordringer.",
}

FOLLOW_UP = {
    "purpose": "Opfølgning på forløbet: opgaver, fremmøde, progression og ordinære timer.",
    "agenda": "Arbejdsopgaver\nFremmøde og pauser\nHvad fungerer godt?\nHvad er svært?\n"
    "Justeringer og ordinære timer\nNæste opfølgning",
    "notes_citizen": [
        ("{borger} fortæller, at det går godt med {funktion}, og at det er blevet lettere at "
        "spørge {kontakt} om hjælp."),
        ("{borger} fortæller, at dagene er blevet mere overskuelige, og at opgaverne med "
        "{funktion} nu kan klares uden at spørge hver gang."),
        ("{borger} fortæller, at det var hårdt de første uger, men at søvn og mødetider nu "
        "passer bedre sammen."),
    ],
    "notes_company": [
        ("{kontakt} fortæller, at {borger} er mødt stabilt i perioden og selv går i gang om "
        "morgenen.\nAftalt med virksomheden: timetallet øges fra {timer} til {nye_timer} timer "
        "om ugen fra {dato}."),
        ("{kontakt} fortæller, at {borger} løser {funktion} tilfredsstillende, men arbejder "
        "langsommere end en nyansat.\nAftalt med virksomheden: {kontakt} giver {borger} ansvar "
        "for én fast opgave, og vi vurderer tempoet igen ved næste opfølgning."),
        ("{kontakt} fortæller, at kollegerne er glade for {borger}.\nAftalt med virksomheden: "
        "vi drøfter ordinære timer ved næste opfølgning, når {kontakt} har talt med ledelsen."),
    ],
    "works_well": [
        "Fremmødet er stabilt, og {borger} kommer til tiden.",
        "{borger} er god til at tage imod instruktion og spørger, når noget er uklart.",
        "Samarbejdet med kollegerne i pauserne fungerer godt.",
    ],
    "difficult": [
        "Tempoet er endnu lavere end hos en nyansat.",
        "Nye opgaver midt på dagen gør {borger} usikker.",
        "Lange dage: efter kl. 13 falder koncentrationen.",
    ],
    "adjustments": [
        "Timetallet øges fra {timer} til {nye_timer} timer om ugen.",
        "{borger} får en fast dagsplan, som {kontakt} gennemgår om morgenen.",
        "Ingen ændringer i timetal; opgaverne udvides med {funktion}.",
    ],
    "tasks": "Konsulenten opdaterer timerne i forløbet og sender referat til "
    "sagsbehandleren.",
}

ISSUE = {
    "purpose": "Møde om fravær og trivsel i forløbet.",
    "notes_citizen": "{borger} fortæller, at der har været flere sygedage, fordi det har "
    "været svært at nå bussen om morgenen.",
    "notes_company": "{kontakt} fortæller, at fraværet har gjort det svært at planlægge "
    "{funktion}.\nAftalt med virksomheden: mødetiden flyttes til kl. 9, og {kontakt} ringer "
    "til konsulenten, hvis {borger} ikke er mødt kl. 9.30.",
    "difficult": "Fravær uden besked to gange i perioden.",
    "adjustments": "Mødetid kl. 9 i stedet for kl. 8 resten af forløbet.",
    "agreements": [
        ("{borger} møder kl. 9.00 og ringer til {kontakt} inden kl. 8.30 ved sygdom.",
         "citizen", 14),
        ("{kontakt} ringer til {konsulent} samme dag, hvis {borger} ikke er mødt kl. 9.30.",
         "contact", 28),
        ("{konsulent} orienterer sagsbehandleren om fraværet og den nye mødetid.",
         "consultant", 2),
    ],
}

TRIPARTITE = {
    "purpose": "Trepartsmøde med borger, virksomhed og sagsbehandler om næste skridt.",
    "agenda": "Hvad har vi lært om ressourcer og hensyn?\nHvilke opgaver fungerer?\n"
    "Næste skridt",
    "notes_citizen": "{borger} fortæller, at {funktion} er den opgave, der fungerer bedst, og "
    "ønsker at fortsætte med flere timer.\nSagsbehandleren orienterede om mulighederne efter "
    "forløbet.",
    "notes_company": "{kontakt} fortæller, at virksomheden kan se {borger} i en stilling med "
    "{funktion} på sigt.\nAftalt med virksomheden: {kontakt} vender tilbage om ordinære timer "
    "inden {dato}.",
}

CLOSING = {
    "purpose": "Afslutning af forløbet: hvad har vi lært, og hvad er næste skridt?",
    "notes_citizen": "{borger} fortæller, at forløbet har givet mod på at arbejde med "
    "{funktion}, og at faste mødetider har hjulpet.\nNæste skridt aftales med "
    "sagsbehandleren.",
    "notes_company": "{kontakt} fortæller, at samarbejdet med jobcentret har fungeret godt, "
    "og at virksomheden gerne tager en ny borger i praktik.\nAftalt med virksomheden: "
    "konsulenten følger op om nye behov den {dato}.",
    "works_well": "Stabilt fremmøde og god kontakt til kollegerne.",
    "adjustments": "Ingen; forløbet er afsluttet.",
    "agreements": [
        ("{konsulent} sender afslutningsnotat til sagsbehandleren.", "consultant", 5),
        (("{kontakt} giver {konsulent} besked, hvis virksomheden får brug for en ny "
         "praktikant eller medarbejder."), "contact", 56),
        ("{borger} aftaler næste skridt med sagsbehandleren.", "citizen", 14),
    ],
}

COMPANY_AGREEMENTS = [
    ("{konsulent} sender materiale om jobrotation og voksenlærlinge til {kontakt}.",
     "consultant", 7),
    ("{kontakt} sender en kort beskrivelse af opgaverne med {funktion} til konsulenten.",
     "contact", 14),
]

DRAFT_AGENDA = "Opfølgning på aftaler fra sidst\nFremmøde og timer\nOrdinære timer\n" \
    "Næste skridt"

LOCATIONS = {"phone": "Telefon", "tripartite": "Jobcenter Fjordby, mødelokale 2"}

# (text, who is responsible: citizen|contact|consultant, days until due); a meeting text
# set above may bring its own "agreements".
AGREEMENTS = [
    (("{borger} møder kl. 8.00 mandag, onsdag og fredag og melder sygdom til {kontakt} "
     "inden kl. 7.30."), "citizen", 28),
    ("{kontakt} registrerer fremmødet hver fredag og sender det til konsulenten.", "contact", 14),
    ("{konsulent} sender referatet til borger, virksomhed og sagsbehandler.", "consultant", 3),
    ("{kontakt} lærer {borger} op i {funktion}, så opgaven kan løses selvstændigt.",
     "contact", 21),
    ("{borger} fører logbog over opgaverne og tager den med til næste opfølgning.",
     "citizen", 21),
    ("{kontakt} undersøger med ledelsen, om {borger} kan få 5 ordinære timer om ugen.",
     "contact", 14),
    ("{konsulent} opdaterer timerne i forløbet og orienterer sagsbehandleren.",
     "consultant", 5),
]

ASSESSMENT_COMMENTS = [
    "Vurderingen er lavet sammen med {kontakt} og {borger} ved opfølgningen.",
    "{kontakt} fortæller, at {borger} har rykket sig mest på selvstændighed.",
    "Første vurdering; bruges som udgangspunkt for de næste opfølgninger.",
]

# Answers for text and longtext template items, chosen by a word in the item's label; a
# rating whose label has a BENCHMARK_WORD is a benchmark (e.g. a new hire) and rated high.
BENCHMARK_WORDS = ("nyansat",)
TEXT_BY_LABEL: list[tuple[str, str | list[str]]] = [
    ("hurtigt", "Som en nyansat: ca. 20 ordrer i timen og 37 timer om ugen."),
    ("tid", "Ca. 2 timer om dagen."),
    ("fejl", "Højst enkelte fejl om ugen, som medarbejderen selv opdager og retter."),
    ("fleksib", "Skal kunne skifte opgave i løbet af dagen uden ny instruktion."),
    ("løn", ("{borger} skal kunne holde tempoet en hel vagt og løse opgaven uden tjek "
     "bagefter.")),
    ("aftale", ("{borger} arbejder videre med tempoet; {kontakt} giver tilbagemelding hver "
     "fredag.")),
    ("hvordan", ["Indkøring af arbejdsopgaverne og stabilt fremmøde.",
                 "Ansvar for en fast opgave og flere timer.",
                 "Arbejder selvstændigt en hel dag uden løbende tjek."]),
    ("ordinære", ("Målet er ordinære timer i virksomheden; første skridt er 5 løntimer om "
     "ugen.")),
]
TEXT_FALLBACK = [
    "{borger} fortæller, at opgaverne er blevet mere velkendte.",
    "{kontakt} fortæller, at {borger} har fundet sig godt til rette.",
    "Drøftet med udgangspunkt i de konkrete arbejdsopgaver.",
]

JOB_ORDER_TEXT: dict[str, str | list[str]] = {
    "description": "Vi søger en medarbejder til {funktion}. Arbejdet foregår i et team, og "
    "der er god oplæring de første uger.",
    "professional_qualifications": "Erfaring med {funktion} er en fordel, men ikke et krav.",
    "personal_qualifications": "Stabil, mødestabil og god til at samarbejde.",
    "requirements_must": ["Kan møde kl. 7.00", "Taler og forstår dansk i hverdagen"],
    "requirements_nice": ["Kørekort B", "Erfaring fra branchen"],
}
JOB_ORDER_LOG = [
    "Jobordre modtaget telefonisk fra {kontakt}.",
    "Sendt to CV'er til {kontakt}.",
    "{kontakt} har holdt samtale med én kandidat; afventer svar.",
    "Ringet til {kontakt}: stillingen er besat.",
]

TASKS = [
    ("placement", "Send referat af opfølgning til sagsbehandler for {borger}"),
    ("placement", "Ring til {kontakt} om ordinære timer for {borger}"),
    ("company", "Send materiale om voksenlærlinge til {virksomhed}"),
    ("company", "Book opfølgningsbesøg hos {virksomhed}"),
    ("citizen", "Opdatér jobmål for {borger} efter samtale"),
    ("job_order", "Find kandidater til jobordre: {titel}"),
    ("meeting", "Forbered møde hos {virksomhed}"),
]
