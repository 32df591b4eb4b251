// What makes a device PIN acceptable, as a pure function (node tests: tests/js/pinRules.test.mjs);
// PinSetup.jsx shows the problem and store/session.js setPin() enforces it.
// Rules: digits only, at least PIN_MIN_LENGTH, not one digit repeated and not a run of
// consecutive digits (123456, 987654), and the two entries must match.

/** The shortest device PIN. */
export const PIN_MIN_LENGTH = 6;

/** The Danish problem with a chosen PIN and its repetition, or "" when it is acceptable. */
export function pinProblem(pin, repeat) {
  if (!/^[0-9]*$/.test(pin)) return "PIN-koden må kun indeholde cifre.";
  if (pin.length < PIN_MIN_LENGTH) return `PIN-koden skal have mindst ${PIN_MIN_LENGTH} cifre.`;
  if (isTrivial(pin))
    return "PIN-koden er for let at gætte. Undgå ens cifre og cifre i rækkefølge.";
  if (pin !== repeat) return "De to PIN-koder er ikke ens.";
  return "";
}

function isTrivial(pin) {
  const steps = new Set();
  for (let i = 1; i < pin.length; i += 1)
    steps.add((Number(pin[i]) - Number(pin[i - 1]) + 10) % 10);
  return steps.size === 1 && [0, 1, 9].includes([...steps][0]);
}
