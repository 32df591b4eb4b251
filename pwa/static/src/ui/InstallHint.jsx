// How to install the app, when it runs in a browser tab (ui/install.js): the whole advice
// under Indstillinger; on I dag only on an iPad, where a tab's data is deleted after 7 days.
import { browserFacts, installAdvice } from "./install.js";

/** The install steps and why (`always`: also outside iPad), or nothing when installed. */
export function InstallHint({ always = false }) {
  const advice = installAdvice(browserFacts());
  if (!advice || !(always || advice.ipad)) return null;
  return (
    <section class="card install-hint" aria-labelledby="install-title">
      <h2 id="install-title">Installér Feltmappe på enheden</h2>
      <p>{advice.steps}</p>
      <p>{advice.why}</p>
    </section>
  );
}
