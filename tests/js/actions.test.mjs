// The pure rules of the screens' action modules (ui/actions/): the end of a placement, the
// job order a registered opening becomes, and an agreement's next version. Their writes run
// in the browser tests (tests/e2e/test_placement_lifecycle.py, test_visit.py, test_agreement.py).
import assert from "node:assert/strict";
import { test } from "node:test";

import { nextVersion } from "../../pwa/static/src/ui/actions/agreement.js";
import { jobOrderFromContact } from "../../pwa/static/src/ui/actions/contacts.js";
import { endPlacementErrors } from "../../pwa/static/src/ui/placement/checks.js";
import { validateRecord } from "../../pwa/static/src/validate.js";

const CO = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const PL = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";
const AG = "dddddddd-dddd-4ddd-8ddd-dddddddddddd";

test("ending a placement needs a date not before its start and an outcome", () => {
  const started = { start_date: "2026-03-01" };
  const table = [
    [{ endDate: "2026-04-01", outcome: "ordinary_job" }, {}],
    [{ endDate: "2026-03-01", outcome: "ordinary_job" }, {}],
    [
      { endDate: "2026-02-28", outcome: "ordinary_job" },
      { end_date: "Slutdatoen ligger før startdatoen" },
    ],
    [{ endDate: "", outcome: "ordinary_job" }, { end_date: "Vælg slutdatoen" }],
    [{ endDate: "1.4.2026", outcome: "ordinary_job" }, { end_date: "Vælg slutdatoen" }],
    [{ endDate: "2026-04-01", outcome: "" }, { outcome: "Vælg, hvordan forløbet endte" }],
  ];
  for (const [input, errors] of table)
    assert.deepEqual(endPlacementErrors(started, input), errors, JSON.stringify(input));
  assert.deepEqual(endPlacementErrors({}, { endDate: "2020-01-01", outcome: "other" }), {});
});

test("a registered opening becomes a valid open job order with the offer of its result", () => {
  const contact = {
    company_id: CO,
    contacted_on: "2026-05-04",
    result: "wage_subsidy",
    positions: 3,
  };
  const order = jobOrderFromContact(contact, "Lagermedarbejder");
  assert.deepEqual(validateRecord("job_order", order), {});
  assert.equal(order.title, "Lagermedarbejder");
  assert.deepEqual(order.offers, ["wage_subsidy"]);
  assert.deepEqual([order.positions, order.filled, order.status], [3, 0, "open"]);
  assert.equal(order.log[0].date, "2026-05-04");

  const other = jobOrderFromContact({ ...contact, result: "other_opening", positions: undefined });
  assert.equal(other.title, "Anden åbning");
  assert.equal(other.offers, null);
  assert.equal(other.positions, 1);
});

test("an agreement's next version is a draft with its content that names the one it replaces", () => {
  const data = {
    placement_id: PL,
    template_key: "praktikaftale",
    template_version: 2,
    content: { formaal: "Afklaring" },
    status: "signed",
    journalized_at: "2026-05-04T10:00:00Z",
  };
  assert.deepEqual(nextVersion(AG, data), {
    placement_id: PL,
    template_key: "praktikaftale",
    template_version: 2,
    content: { formaal: "Afklaring" },
    status: "draft",
    replaces_id: AG,
  });
  assert.deepEqual(nextVersion(AG, { ...data, content: undefined }).content, {});
});
