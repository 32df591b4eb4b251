// How the meeting and job-order inputs convert to record values (forms/draft.js codecs):
// times typed in datetime-local inputs, minutes and hours typed as Danish text, and the
// follow-up's attendance typed as hours, norm hours and a period.
import { choiceCodec, dateTime, fieldModel, integerCodec } from "../forms/draft.js";
import { danishHours } from "../words.js";
import { attendanceFromRaw, attendanceToRaw, parseHours } from "./model.js";

/** Hours typed the Danish way ("37,5"); `field` names the error. */
export function hoursCodec(field) {
  return {
    show: (v) => danishHours(v),
    parse(v) {
      const parsed = parseHours(v);
      return parsed.error ? { errors: { [field]: parsed.error } } : { value: parsed.value };
    },
  };
}

/** The meeting form's codecs. */
export const MEETING_CODECS = {
  scheduled_at: dateTime,
  held_at: dateTime,
  kind: choiceCodec,
  status: choiceCodec,
  placement_id: choiceCodec,
  next_follow_up: choiceCodec,
  "follow_up.ordinary_hours_discussed": choiceCodec,
  duration_minutes: integerCodec("duration_minutes", "Skriv antal minutter som et helt tal"),
  "follow_up.attendance": {
    show: (v) => attendanceToRaw(v),
    parse(raw) {
      const { value, errors } = attendanceFromRaw(raw);
      return Object.keys(errors).length ? { errors } : { value };
    },
  },
};

/** The meeting form's model (forms/draft.js). */
export const MEETING_MODEL = fieldModel(MEETING_CODECS);
