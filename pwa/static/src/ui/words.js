// Danish labels of the record enumerations (docs/domain.md), in the source documents' wording:
// meeting kinds from the visit guide (seed 000), the offer list's placement kinds (seed 000),
// the A/B/C job goals (seed 003, "ABC-jobplan"), signer roles as on the PDF (seed 004).
// Pure: no DOM, storage or network.

/** Meeting kinds (meeting.kind). */
export const MEETING_KINDS = {
  first_visit: "Førstegangsbesøg",
  follow_up: "Opfølgning",
  startup: "Opstartsmøde",
  tripartite: "Trepartsmøde",
  closing: "Afslutning",
  issue: "Konkret problemstilling",
  phone: "Telefonmøde",
};

/** Placement kinds (placement.kind). */
export const PLACEMENT_KINDS = {
  internship: "Virksomhedspraktik",
  wage_subsidy: "Løntilskud",
  flex_job: "Fleksjob",
  igu: "IGU",
  ordinary: "Ordinære timer",
  mentor: "Mentor",
  job_rotation: "Jobrotation",
  adult_apprentice: "Voksenlærling",
  other: "Andet",
};

/** Placement statuses (placement.status). */
export const PLACEMENT_STATUSES = {
  planned: "Planlagt",
  active: "Aktivt",
  ended: "Afsluttet",
  cancelled: "Afbrudt",
};

/** The citizen's A/B/C job goals (placement.job_goals keys). */
export const JOB_GOALS = [
  ["a", "A: Ønskejob"],
  ["b", "B: Det gode og acceptable job"],
  ["c", "C: Nødvendigt job"],
];

/** Who made an assessment (assessment.assessor_role). */
export const ASSESSOR_ROLES = {
  consultant: "Jobkonsulent",
  company: "Virksomhed",
  citizen: "Borger",
  mentor: "Mentor",
};

/** Agreement workflow statuses (agreement.status). */
export const AGREEMENT_STATUSES = {
  draft: "Kladde",
  ready: "Klar til underskrift",
  signed: "Underskrevet",
  void: "Annulleret",
};

/** Signer roles (signature.role), the same words as the PDF. */
export const SIGNER_ROLES = {
  citizen: "Borger",
  company: "Virksomhed",
  consultant: "Virksomhedskonsulent",
  mentor: "Mentor",
  caseworker: "Sagsbehandler",
};

/** Hours the Danish way (7.5 → "7,5"); "" for none. */
export function danishHours(value) {
  return value === undefined || value === null ? "" : String(value).replace(".", ",");
}

/** Target groups (citizen.target_group), as the job centre names the benefit groups. */
export const TARGET_GROUPS = {
  dagpenge: "Dagpenge",
  kontanthjaelp: "Kontanthjælp",
  uddannelseshjaelp: "Uddannelseshjælp",
  ressourceforloeb: "Ressourceforløb",
  jobafklaring: "Jobafklaringsforløb",
  sygedagpenge: "Sygedagpenge",
  ledighedsydelse: "Ledighedsydelse",
  integration: "Integrationsydelse",
  other: "Andet",
};

/** How a placement ended (placement.outcome). */
export const PLACEMENT_OUTCOMES = {
  ordinary_job: "Ordinært job",
  education: "Uddannelse",
  extended: "Forlænget",
  flex_job: "Fleksjob",
  ended_no_job: "Afsluttet uden job",
  other: "Andet",
};
