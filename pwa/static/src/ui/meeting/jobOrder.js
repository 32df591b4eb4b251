// The job order (jobordre) in the words of the job centres' order form (seed 000, 2.C
// "Ordreblanket") and "Den gode jobordre" (2.J), and its age (docs/domain.md: a job order ages
// from the newest of its creation and its newest log entry; yellow from 7 days, red
// from 14, as in Åbne pladser; computed when shown, never stored). Pure: no DOM.
import { choiceCodec, fieldModel, integerCodec, linesCodec } from "../forms/draft.js";
import { hoursCodec } from "./codecs.js";
import { ageOf } from "../team/positions.js";

/** Field labels. */
export const JOB_ORDER_LABELS = {
  title: "Stillingsbetegnelse",
  offers: "Tilbyder",
  hours_type: "Timetal",
  hours_per_week: "Timer pr. uge",
  start_date: "Ansættelsesdato",
  deadline: "Frist",
  description: "Arbejdets art/indhold",
  professional_qualifications: "Faglige kvalifikationer",
  personal_qualifications: "Personlige kvalifikationer",
  requirements_must: "Ufravigelige krav (ét pr. linje)",
  requirements_nice: "Knap så vigtige krav (ét pr. linje)",
  candidate_delivery: "Kontaktform",
  contact_id: "Kontaktperson",
  positions: "Antal stillinger",
  filled: "Heraf besat",
  status: "Status",
  log: "Kontakter med virksomheden",
};

/** Hints from "Den gode jobordre" (seed 000, 2.J). */
export const JOB_ORDER_HINTS = {
  personal_qualifications:
    "Fx at kunne arbejde selvstændigt, indgå i et team eller trives i en udadvendt funktion; krav til fysik; kulturen på virksomheden.",
  requirements_must:
    "Krav til uddannelse, erfaring fra branchen, certifikater, kørekort og straffeattest: hvilke er ufravigelige?",
};

/** Options of the enumerations and word lists. */
export const JOB_ORDER_OPTIONS = {
  offers: {
    ordinary: "Ordinær beskæftigelse",
    internship: "Praktik",
    wage_subsidy: "Job m. løntilskud",
    flex_job: "Fleksjob",
  },
  hours_type: { full_time: "Fuld tid", part_time: "Deltid", shift: "Skiftehold", temp: "Vikar" },
  candidate_delivery: {
    cv: "Tilsendt CV'er",
    via_jobcentre: "Jobcentret formidler kontakten",
    direct: "Ledige kontakter virksomheden direkte",
  },
  status: { open: "Åben", filled: "Besat", closed: "Lukket" },
};

/** How the job order form's inputs become record values. */
export const JOB_ORDER_CODECS = {
  hours_per_week: hoursCodec("hours_per_week"),
  positions: integerCodec("positions"),
  filled: integerCodec("filled"),
  requirements_must: linesCodec,
  requirements_nice: linesCodec,
  hours_type: choiceCodec,
  start_date: choiceCodec,
  deadline: choiceCodec,
  candidate_delivery: choiceCodec,
  contact_id: choiceCodec,
  status: choiceCodec,
};

/** The job order form's model (forms/draft.js). */
export const JOB_ORDER_MODEL = fieldModel(JOB_ORDER_CODECS);

/**
 * The age of an open job order on `today`: Åbne pladser's {days, level, word, icon}
 * (ui/team/positions.js ageOf: yellow from 7 days, red from 14) and a `text`, counted from the
 * newest of `createdOn` and its log entries' dates; null when neither is known or the order is
 * not open.
 */
export function jobOrderAge(order, today, createdOn = "") {
  if ((order.status ?? "open") !== "open") return null;
  const dates = [createdOn, ...(order.log ?? []).map((entry) => entry.date)].filter(Boolean).sort();
  const newest = dates[dates.length - 1];
  if (!newest) return null;
  const age = ageOf(newest, today);
  const since =
    age.days === 0 ? "i dag" : age.days === 1 ? "for 1 dag siden" : `for ${age.days} dage siden`;
  const words = { new: "Seneste", yellow: "Ældes: seneste", red: "Haster: seneste" }[age.level];
  return { ...age, text: `${words} kontakt ${since}` };
}
