// The rule every autosaving form follows (ui/textRebase.js) and its use by the template forms
// (ui/template/rebase.js, ui/template/draftModel.js): a colleague's pulled edit of a text is never overwritten by the
// user's next autosave; only free-text items are merged.
import assert from "node:assert/strict";
import { test } from "node:test";

import { rebaseDraft, settle } from "../../pwa/static/src/ui/forms/draft.js";
import { agreementModel } from "../../pwa/static/src/ui/agreement/content.js";
import { answerPath, templateModel } from "../../pwa/static/src/ui/template/draftModel.js";
import { isTextPath } from "../../pwa/static/src/ui/template/rebase.js";
import { COLLEAGUE_TEXT, rebaseText } from "../../pwa/static/src/ui/textRebase.js";

const DEFINITION = {
  sections: [
    {
      id: "s",
      title: "S",
      items: [
        { id: "notes", type: "longtext", label: "Noter" },
        { id: "start_time", type: "time", label: "Mødetid" },
        {
          id: "kind",
          type: "choice",
          label: "Type",
          options: [
            { value: "a", label: "A" },
            { value: "b", label: "B" },
          ],
        },
        {
          id: "tasks",
          type: "repeat",
          label: "Opgaver",
          items: [{ id: "task", type: "text", label: "Opgave" }],
        },
      ],
    },
  ],
};

test("a colleague’s edit of other lines is merged into the text the user is typing", () => {
  const base = "Linje 1\nLinje 2\nLinje 3\n";
  const theirs = "Linje 1 (kollega)\nLinje 2\nLinje 3\n";
  const mine = "Linje 1\nLinje 2\nLinje 3\nMin nye linje\n";
  assert.equal(
    rebaseText(base, theirs, mine),
    "Linje 1 (kollega)\nLinje 2\nLinje 3\nMin nye linje\n",
  );
});

test("when both edited the same line, the colleague’s text is kept below the user’s, marked", () => {
  assert.equal(rebaseText("A\n", "B\n", "C\n"), `C\n\n${COLLEAGUE_TEXT}\nB\n`);
});

test("nothing to rebase: same stored text, the user already shows it, or not text", () => {
  assert.equal(rebaseText("x", "x", "mit"), "mit");
  assert.equal(rebaseText("x", "mit", "mit"), "mit");
  assert.equal(rebaseText(3, 4, 5), 5);
  assert.equal(
    rebaseText("gammel", undefined, "gammel"),
    "",
    "a cleared text the user did not touch stays cleared",
  );
});

test("only free-text items of a template are merged, also inside repeat groups", () => {
  const isText = isTextPath(DEFINITION);
  assert.equal(isText(["notes"]), true);
  assert.equal(isText(["tasks", "row-1", "task"]), true);
  assert.equal(isText(["start_time"]), false);
  assert.equal(isText(["kind"]), false);
});

test("a template record's draft: answers saved whole with the edited paths, fields as typed", () => {
  const model = templateModel(DEFINITION, "answers");
  const stored = { answers: { kind: "a", tasks: { r: { task: "Pluk" } } }, comment: "x" };
  const draft = {
    [answerPath("answers", ["tasks", "r", "task"])]: "Pak",
    [answerPath("answers", ["notes"])]: "Noter",
    comment: "",
  };
  assert.deepEqual(model.changes(stored, draft), {
    changes: {
      comment: null,
      answers: { kind: "a", tasks: { r: { task: "Pak" } }, notes: "Noter" },
    },
    errors: {},
  });
  assert.deepEqual(model.changes(stored, { comment: "x" }).changes, {}, "answers untouched");
  const cleared = {
    [answerPath("answers", ["kind"])]: "",
    [answerPath("answers", ["tasks"])]: null,
  };
  assert.deepEqual(model.changes(stored, cleared).changes, { answers: null });
  assert.equal(model.shown(stored, answerPath("answers", ["tasks", "r", "task"])), "Pluk");
  assert.equal(model.shown(stored, answerPath("answers", ["notes"])), "");
  assert.deepEqual(settle(stored, { [answerPath("answers", ["kind"])]: "a" }, model), {});
});

test("a pulled edit of a template text is merged into the user's draft; a choice stays the user's", () => {
  const model = templateModel(DEFINITION, "content");
  const notes = answerPath("content", ["notes"]);
  const kind = answerPath("content", ["kind"]);
  const before = { content: { notes: "Aftale 1\nAftale 2\n", kind: "a" } };
  const after = { content: { notes: "Aftale 1\nAftale 2 (rettet af kollega)\n", kind: "b" } };
  const draft = { [kind]: "a", [notes]: "Aftale 0\nAftale 1\nAftale 2\n" };
  assert.deepEqual(rebaseDraft(before, after, draft, model), {
    [kind]: "a",
    [notes]: "Aftale 0\nAftale 1\nAftale 2 (rettet af kollega)\n",
  });
  assert.equal(rebaseDraft(before, before, draft, model), draft);
});

test("the user's own last write is the base of a template text's rebase", () => {
  const model = templateModel(DEFINITION, "content");
  const notes = answerPath("content", ["notes"]);
  const written = { [notes]: "Min tekst\n" };
  const after = { content: { notes: "Min tekst\nKollegas linje\n" } };
  const rebased = rebaseDraft(
    { content: { notes: "Gammel\n" } },
    after,
    { [notes]: "Min tekst\n" },
    model,
    written,
  );
  assert.equal(rebased[notes], "Min tekst\nKollegas linje\n");
});

test("an agreement value the server would reject stays out of the changes, with its message", () => {
  const model = agreementModel(DEFINITION);
  const draft = {
    [answerPath("content", ["start_time"])]: "25:00",
    [answerPath("content", ["notes"])]: "Noter",
  };
  assert.deepEqual(model.changes({ content: { kind: "a" } }, draft), {
    changes: { content: { kind: "a", notes: "Noter" } },
    errors: { start_time: "Skriv et klokkeslæt som TT:MM" },
  });
});
