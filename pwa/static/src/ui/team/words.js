// Danish labels of the team registers (seed 003, Brancheredskab: "Resultatet af kontakten",
// "Jobfunktion", "Antal pladser", "Antal besatte pladser"; Målstyring's indicators).
// Pure: no DOM, storage or network.

/** Contact results (company_contact.result). */
export const CONTACT_RESULTS = {
  no_opening: "Ingen åbning",
  ordinary_opening: "Ordinær åbning",
  internship: "Praktikplads",
  wage_subsidy: "Løntilskud",
  flex_job: "Fleksjob",
  other_opening: "Anden åbning",
};

/** Contact channels (company_contact.channel). */
export const CHANNELS = {
  visit: "Besøg",
  phone: "Telefon",
  email: "E-mail",
  event: "Arrangement",
  other: "Andet",
};

/** The job order offer that carries an opening further ("Opret jobordre"). */
export const OFFER_OF_RESULT = {
  ordinary_opening: "ordinary",
  internship: "internship",
  wage_subsidy: "wage_subsidy",
  flex_job: "flex_job",
};

/** Målstyring indicators (team_goal.indicator) and the report figure each follows. */
export const INDICATORS = {
  meetings_held: "Møder holdt",
  companies_visited: "Virksomheder besøgt",
  company_contacts: "Virksomhedskontakter",
  job_orders_created: "Jobordrer oprettet",
  positions_filled: "Besatte pladser",
  placements_started: "Forløb startet",
  custom: "Egen indikator",
};

/** Placement outcomes (placement.outcome). */
export const OUTCOMES = {
  ordinary_job: "Ordinært job",
  education: "Uddannelse",
  extended: "Forlænget",
  flex_job: "Fleksjob",
  ended_no_job: "Afsluttet uden job",
  other: "Andet",
};
