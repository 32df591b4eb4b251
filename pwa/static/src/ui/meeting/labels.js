// Danish wording of the meeting form, taken from the sources: the visit guide (seed 000,
// guide B), GameMaster (seed 002, 3.1), the follow-up agenda of Cabi's "Guide til det gode
// praktikforløb" (seed 004, T20d) and Cabi's "Skriftlighed" rules (seed 004, T34).

/** The visit guide's four themes (seed 000, guide B). */
export const THEME_LABELS = {
  company: "Kendskab til virksomheden",
  challenges: "Hvad fylder i virksomheden pt. – og på længere sigt?",
  offers: "Hvad kan jobcentret tilbyde (redskabsviften)?",
  campaigns: "Midlertidige kampagner/redskaber",
};

/** The visit guide's questions per theme (seed 000, guide B, L1689–1727, L1757–1795). */
export const THEME_QUESTIONS = {
  company: [
    "Hvem er kunderne?/ hvem er leverandører?",
    "Handles der nationalt / internationalt?",
    "Hvilke jobtyper / fagområder beskæftiger I?",
    "Hvor mange ansatte m.m.?",
  ],
  challenges: [
    "Hvad er I optaget af i virksomheden pt.?",
    "Hvad er jeres største udfordringer her og nu? - og hvad vil jeres udfordringer være på længere sigt?",
    "Hvad er jeres fornemmelse af udviklingen inden for branchen - lokalt og globalt?",
    "Hvad ville I gerne have sparring til?",
    "Hvordan rekrutterer/uddanner/fastholder i jeres medarbejdere?",
  ],
  offers: [
    "Tag udgangspunkt i virksomhedens egne oplevede udfordringer; gennemgå ikke redskabsviften minutiøst.",
  ],
  campaigns: [],
};

/** Field labels of the meeting (used by the form and the journal note). */
export const MEETING_LABELS = {
  kind: "Mødetype",
  scheduled_at: "Planlagt til",
  held_at: "Afholdt",
  location: "Sted",
  duration_minutes: "Tid til rådighed (minutter)",
  purpose: "Formål og udbytte af mødet",
  agenda: "Dagsorden og konkrete emner",
  participants: "Deltagere og rollefordeling",
  notes_citizen: "Om borgeren",
  notes_company: "Aftalt med virksomheden",
  themes_covered: "Temaer berørt",
  agreements: "Aftaler",
  next_follow_up: "Næste opfølgning",
  status: "Status",
};

/** Hints under the note fields and the frame. */
export const HINTS = {
  notes_citizen:
    "Beskriv forløbet neutralt med konkrete eksempler på arbejdssituationer og evt. citater fra opfølgningen.",
  notes_company:
    "“Aftalen er, at jeg gør X, og du gør Y.” Det, der er aftalt med virksomheden, glemmes oftest.",
  purpose: "“Formålet med mødet er …”",
  agenda: "Har deltagerne emner, de ønsker at tage op i dag?",
  next_follow_up: "“Vi tales ved igen d. … og følger op på de aftaler, vi har lavet.”",
};

/** The follow-up agenda (seed 004, T20d): label and guidance per `follow_up` field. */
export const FOLLOW_UP_PROMPTS = {
  tasks: [
    "Arbejdsopgaver",
    "Hvad har borgeren konkret lavet (eksempler og detaljer)? Hvordan er det gået?",
  ],
  attendance: [
    "Fremmøde/pauser",
    "Årsager til evt. fravær og behov for pauser. Angiv timer, normtid og perioden – aldrig kun en procent.",
  ],
  works_well: [
    "Hvad fungerer godt/hvad lykkes?",
    "… og ikke mindst: hvorfor? Hvad kan I gøre mere af?",
  ],
  difficult: [
    "Hvad er svært?",
    "Hvad gjorde I for at overkomme det? Hvad gør I, hvis situationen opstår igen?",
  ],
  adjustments: [
    "Er der behov for andre justeringer for at sikre progression/lønnede timer?",
    "Nye opgaver? Skal timetallet øges eller fordeles anderledes? Er et hybridjob muligt?",
  ],
  ordinary_hours_discussed: [
    "Er ordinære (lønnede) timer drøftet?",
    "Forventningsafstemning i forhold til ordinære timer – spørg ved hver opfølgning.",
  ],
};

/** Attendance fields. */
export const ATTENDANCE_LABELS = {
  attended_hours: "Fremmødte timer",
  norm_hours: "Normtid (timer)",
  period_start: "Perioden fra",
  period_end: "Perioden til",
};

/** Cabi's writing rules ("Skriftlighed: Hvordan du skal skrive"), short. */
export const WRITING_RULES = [
  "Skriv “X fortæller, at …”: du kan kun gengive det, du får fortalt – ikke hvad andre tænker og føler.",
  "Hav fokus på fakta, ikke fortolkninger. Brug ekspertudtalelser med omhu.",
  "Fremmøde: skriv normtid og periode. “98 procent” siger intet uden timer og periode.",
  "Borgeren kan søge aktindsigt: skriv, så borgeren kan forstå og genkende sig selv.",
];

/** Role suggestions for participants (GameMaster "Rollefordeling"). */
export const ROLE_SUGGESTIONS = [
  "Mødeleder",
  "Referent",
  "Borger",
  "Arbejdsgiver",
  "Kontaktperson",
  "Mentor",
  "Virksomhedskonsulent",
  "Sagsbehandler",
];

const AFTER_PLACEMENT = [
  "Hvad har vi lært ift. borgerens ressourcer?",
  "Hvilke opgaver har fungeret godt?",
  "Har der været udvikling i opgaverne?",
  "Hvor er der potentialer?",
  "Hvordan har det fungeret socialt på arbejdspladsen?",
  "Hvad har vi lært om evt. skånehensyn?",
  "Har der været en udvikling i evt. skånehensyn?",
  "Er der noget, der skal gøres mere eller mindre af næste gang?",
  "Hvad tager vi med videre til et evt. nyt praktikforløb?",
  "Hvad er næste skridt?",
];

/** Agenda prompts per meeting kind from Cabi's "Guide til det gode praktikforløb" (seed 004, T20c, T20e). */
export const AGENDA_PROMPTS = {
  startup: [
    "Tydeliggør mål og delmål: Hvordan er denne praktik første skridt frem mod lønnede timer?",
    "Opstart, mødetid og kontaktperson",
    "Arbejdsopgaver og progression",
    "Håndtering af evt. skånebehov",
    "Kontakt ifm. sygdom",
    "Planen på sigt (lønnede timer)",
    "Næste opfølgning",
    "Skab tryghed: mød kontaktpersonen, og hils på andre ansatte; se, hvor borgeren skal møde første dag",
  ],
  tripartite: AFTER_PLACEMENT,
  closing: AFTER_PLACEMENT,
};
