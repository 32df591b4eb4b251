// Client-side validation before a save, with Danish messages (DOMAIN.md "Values" and the
// record types). Pure: no DOM, storage or network. The server validates again; this only
// spares the user a rejected change. Rules:
// - CVR: 8 digits, weights 2,7,6,5,4,3,2,1, weighted sum divisible by 11.
// - Postcode: 4 digits. Names and titles ≤ 200 characters, short strings ≤ 500.
// - An empty value means "no value" and is valid unless the field is required.

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];

const MESSAGES = {
  required: "Skal udfyldes",
  cvr: "CVR-nummeret skal være 8 cifre med gyldigt kontrolciffer",
  postcode: "Postnummeret skal være 4 cifre",
  email: "E-mailadressen ser ikke rigtig ud",
  tooLong: (max) => `Højst ${max} tegn`,
};

/** Whether a CVR number is 8 digits with a valid modulus-11 check digit. */
export function validCvr(value) {
  if (!/^\d{8}$/.test(value)) return false;
  const sum = CVR_WEIGHTS.reduce((total, weight, i) => total + weight * Number(value[i]), 0);
  return sum % 11 === 0;
}

const COMPANY_RULES = {
  name: { required: true, max: 200 },
  cvr: { check: validCvr, message: MESSAGES.cvr },
  postcode: { check: (v) => /^\d{4}$/.test(v), message: MESSAGES.postcode },
  email: { check: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), message: MESSAGES.email, max: 500 },
  address: { max: 500 }, city: { max: 500 }, industry: { max: 500 }, phone: { max: 500 },
  website: { max: 500 },
};

const RULES = { company: COMPANY_RULES };

/** The errors of a record's data as {field: Danish message}; {} when it may be saved. */
export function validateRecord(type, data) {
  const errors = {};
  for (const [field, rule] of Object.entries(RULES[type] || {})) {
    const value = data[field];
    if (value === undefined || value === null || value === "") {
      if (rule.required) errors[field] = MESSAGES.required;
    } else if (typeof value === "string" && rule.max && value.length > rule.max) {
      errors[field] = MESSAGES.tooLong(rule.max);
    } else if (rule.check && !rule.check(value)) {
      errors[field] = rule.message;
    }
  }
  return errors;
}
