// Journalising: which records wait, when an edit clears the mark, and the template notes.
import assert from "node:assert/strict";
import { test } from "node:test";

import { awaitsJournal, keepMarkHonest, noteChanged } from "../../pwa/static/src/journal-rules.js";
import { agreementNote, assessmentNote } from "../../pwa/static/src/ui/journal/templateNote.js";

const MARK = { journalized_at: "2026-11-23T10:00:00Z", journalized_by: "u1" };

test("final meetings and assessments and signed agreements wait until marked", () => {
  const table = [
    ["meeting", { status: "final" }, true],
    ["meeting", { status: "draft" }, false],
    ["meeting", { status: "final", ...MARK }, false],
    ["assessment", { status: "final" }, true],
    ["agreement", { status: "ready" }, false],
    ["agreement", { status: "signed" }, true],
    ["placement", { status: "final" }, false],
  ];
  for (const [type, data, waits] of table)
    assert.equal(awaitsJournal(type, data), waits, `${type} ${JSON.stringify(data)}`);
  assert.equal(awaitsJournal("meeting", { status: "final" }, true), false);
});

test("an edit that changes the note clears the mark; status, references and the mark itself do not", () => {
  const before = { status: "final", notes_citizen: "A", company_id: "c", ...MARK };
  const table = [
    [{ ...before, notes_citizen: "B" }, false],
    [{ ...before, follow_up: { tasks: "x" } }, false],
    [{ ...before, status: "draft" }, true],
    [{ ...before, company_id: "d" }, true],
    [{ ...before, notes_citizen: "B", journalized_at: "2026-11-24T10:00:00Z" }, true],
    [{ ...before }, true],
  ];
  for (const [after, kept] of table) {
    const result = keepMarkHonest("meeting", before, after);
    assert.equal(Boolean(result.journalized_at), kept, JSON.stringify(after));
    if (!kept) assert.equal(result.journalized_by, undefined);
  }
  assert.equal(noteChanged("assessment", { answers: { a: 1 } }, { answers: { a: 2 } }), true);
  assert.equal(noteChanged("agreement", { status: "ready" }, { status: "signed" }), false);
});

const TEMPLATE = {
  title: "Progression mod job",
  definition: {
    sections: [
      { id: "s1", title: "Ramme", items: [{ id: "dialogue", type: "longtext", label: "Dialog" }] },
      {
        id: "s2",
        title: "Opgaver",
        items: [
          {
            id: "tasks",
            type: "repeat",
            over: "rows",
            label: "De mest centrale opgaver",
            items: [
              { id: "task", type: "text", label: "Opgave" },
              {
                id: "employer_rating",
                type: "rating",
                min: 1,
                max: 10,
                label: "Virksomhedens vurdering",
              },
            ],
          },
        ],
      },
      { id: "s3", title: "Tom", items: [{ id: "empty", type: "text", label: "Aldrig besvaret" }] },
    ],
  },
};

test("an assessment note has the title, date, assessor, answered items by section and the comment", () => {
  const text = assessmentNote(
    TEMPLATE,
    {
      assessed_on: "2026-11-20",
      assessor_role: "company",
      comment: "Godt",
      answers: {
        dialogue: "Vi talte om timer",
        tasks: { r1: { task: "Kasse", employer_rating: 6 } },
      },
    },
    { citizenName: "Sara", companyName: "Bageriet", assessorName: "Ole Hansen" },
  );
  assert.equal(
    text,
    "Progression mod job – Sara\nVirksomhed: Bageriet\nVurderingsdato: 20.11.2026\n" +
      "Vurderingen udført af: Virksomhed\nRegistreret af: Ole Hansen\n\nRamme:\nDialog: Vi talte om timer\n\n" +
      "Opgaver:\nDe mest centrale opgaver:\n- Række 1:\n  Opgave: Kasse\n  Virksomhedens vurdering: 6 af 10\n\n" +
      "Kommentar:\nGodt\n",
  );
  assert.ok(!text.includes("Aldrig besvaret"));
});

test("an agreement note lists its signers", () => {
  const text = agreementNote(
    { title: "Opstartsaftale", definition: { sections: [] } },
    { content: {} },
    { signatures: [{ role: "citizen", signer_name: "Sara", signed_at: "2026-11-20T09:00:00Z" }] },
  );
  assert.equal(text, "Opstartsaftale\n\nUnderskrevet af:\n- Borger: Sara, 20.11.2026\n");
});
