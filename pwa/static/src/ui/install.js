// Whether the app runs installed, and what to tell the user when it runs in a browser tab.
// Safari on iPad deletes a website's stored data after 7 days without use (unsent changes
// included) unless the app is added to the home screen, so an iPad tab gets the steps
// ("Del → Føj til hjemmeskærm") and the reason; other browsers get their menu's words.
// Pure: the browser's facts come in as arguments (browserFacts reads them).

/** Advice for a tab, or null when the app runs installed: {ipad, steps, why}. */
export function installAdvice({ standalone, userAgent = "", maxTouchPoints = 0 }) {
  if (standalone) return null;
  const ipad =
    /iPad|iPhone|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
  if (ipad) {
    return {
      ipad,
      steps:
        "Tryk på Del (firkanten med pilen op) → Føj til hjemmeskærm, og åbn derefter Feltmappe fra hjemmeskærmen.",
      why: "Safari sletter en hjemmesides gemte data, når den ikke har været brugt i 7 dage – også ændringer, der ikke er sendt. Som app på hjemmeskærmen beholder iPad dataene.",
    };
  }
  return {
    ipad,
    steps: "Vælg “Installér Feltmappe” (eller “Føj til startskærm”) i browserens menu.",
    why: "Installeret åbner Feltmappe i sit eget vindue, og browseren rydder ikke så let appens data.",
  };
}

/** The facts installAdvice needs, read from this browser. */
export function browserFacts() {
  const standalone =
    window.matchMedia?.("(display-mode: standalone)").matches || navigator.standalone === true;
  return {
    standalone,
    userAgent: navigator.userAgent,
    maxTouchPoints: navigator.maxTouchPoints ?? 0,
  };
}
