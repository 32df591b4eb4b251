// The one autosave hook of every form that edits a record (meeting, job order, citizen,
// assessment, agreement content). Rules:
// - The user's edits live in a draft of paths (forms/draft.js) on top of the stored record
//   (or, before the first save, on top of `defaults`); the form's model says how a path
//   reads and writes the record.
// - Every edit is written to the local store as it is typed (forms/autosaver.js: one
//   write in flight, the newest draft queued and written after it), and kept meanwhile as
//   a sealed rescue copy (store/rescue.js) until a write covers it.
// - Pending edits are written at once on `flush()` (the forms call it on blur), on
//   `visibilitychange` to hidden, on `pagehide` and when the form goes away.
// - The first write creates the record with `defaults`, once `ready(data)` holds.
// - A pull that changes a text under the user's unsaved edit rebases the edit
//   (ui/textRebase.js); a path leaves the draft once the store shows its value.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { saveRecord } from "../../store/records.js";
import { keepRescue, rescueCovered, rescueSeq } from "../../store/rescue.js";
import { deviceError } from "../labels.js";
import { autosaver } from "./autosaver.js";
import { fieldModel, rebaseDraft, settle, withChanges } from "./draft.js";

const FIELDS = fieldModel();

/**
 * {value(path), current, draft, edit(path, value), flush({create}), saving, savedAt,
 * inputErrors, saveError} for the record `id` of `type` (`record` as useQuery reads it).
 */
export function useAutosave({
  type,
  id,
  record,
  defaults = {},
  model = FIELDS,
  onCreated,
  ready = () => true,
}) {
  const draftRef = useRef({});
  const recordRef = useRef(record);
  const props = useRef(null);
  const shownRef = useRef({ rev: record?.rev, data: record?.data });
  const writtenRef = useRef({});
  const createRef = useRef(false);
  const createdRef = useRef(false);
  const savedRef = useRef(null);
  const problemsRef = useRef({ inputErrors: {}, saveError: "" });
  const [, setVersion] = useState(0);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState(null);
  const [inputErrors, setInputErrors] = useState({});
  const [saveError, setSaveError] = useState("");
  recordRef.current = record;
  props.current = { defaults, model, onCreated, ready };
  const rerender = () => setVersion((v) => v + 1);
  // What the form edits: the stored data; before the store shows a record this form
  // created, what was written (savedRef); before the first write, the defaults.
  const base = () => recordRef.current?.data ?? savedRef.current ?? props.current.defaults;

  /** What a write of `draft` would save: {changes, creating} or null (nothing to save yet). */
  function plan(draft, report) {
    const { defaults, model, ready } = props.current;
    const { changes, errors } = model.changes(base(), draft);
    if (report) {
      problemsRef.current.inputErrors = errors;
      setInputErrors(errors);
    }
    const creating = !recordRef.current && !createdRef.current;
    if (!Object.keys(changes).length && !(creating && createRef.current)) return null;
    const toSave = creating ? withChanges(defaults, changes) : changes;
    return creating && !ready(toSave) ? null : { changes: toSave, creating };
  }

  function trySettle() {
    const stored = recordRef.current?.data;
    const before = shownRef.current;
    shownRef.current = { rev: recordRef.current?.rev, data: stored };
    if (before?.data && stored && before.rev !== shownRef.current.rev) {
      const rebased = rebaseDraft(
        before.data,
        stored,
        draftRef.current,
        props.current.model,
        writtenRef.current,
      );
      if (rebased !== draftRef.current) {
        draftRef.current = rebased;
        rerender();
        saver.request();
      }
    }
    if (!stored || saver.busy()) return;
    const next = settle(stored, draftRef.current, props.current.model);
    if (next !== draftRef.current) {
      draftRef.current = next;
      rerender();
    }
  }

  const saver = useMemo(
    () =>
      autosaver({
        current: () => draftRef.current,
        async write(draft) {
          const seq = rescueSeq(id);
          const planned = plan(draft, true);
          if (!planned) {
            rescueCovered(id, seq);
            return null;
          }
          setSaving(true);
          await saveRecord(type, id, planned.changes);
          savedRef.current = withChanges(planned.creating ? {} : base(), planned.changes);
          writtenRef.current = draft;
          rescueCovered(id, seq);
          if (planned.creating) {
            createdRef.current = true;
            props.current.onCreated?.();
          }
          return Date.now();
        },
        onDone(at) {
          setSaving(false);
          problemsRef.current.saveError = "";
          if (at) {
            setSavedAt(at);
            setSaveError("");
          }
        },
        onError(error) {
          setSaving(false);
          problemsRef.current.saveError = deviceError(error);
          setSaveError(problemsRef.current.saveError);
        },
      }),
    [id],
  );

  useEffect(trySettle, [record]);
  useEffect(() => {
    const hidden = () => {
      if (document.visibilityState === "hidden") saver.flush();
    };
    const leave = () => saver.flush();
    document.addEventListener("visibilitychange", hidden);
    window.addEventListener("pagehide", leave);
    return () => {
      document.removeEventListener("visibilitychange", hidden);
      window.removeEventListener("pagehide", leave);
      saver.flush();
    };
  }, [saver]);

  const data = base();
  return {
    draft: draftRef.current,
    /** The record as the form shows it: the stored data (or defaults) with the draft applied. */
    current: withChanges(data, model.changes(data, draftRef.current).changes),
    saving,
    savedAt,
    inputErrors,
    saveError,
    /** What the input of a path shows: the draft's value when edited, else the stored one. */
    value: (path) => (path in draftRef.current ? draftRef.current[path] : model.shown(data, path)),
    /** Change one path of the form and write it. */
    edit(path, value) {
      draftRef.current = { ...draftRef.current, [path]: value };
      const planned = plan(draftRef.current, false);
      if (planned) keepRescue(type, id, planned.changes);
      rerender();
      saver.request();
    },
    /**
     * Write everything now (`create`: also when nothing was typed yet); resolves when
     * written, to whether all of it was saved (no input error, no failed write).
     */
    async flush({ create = false } = {}) {
      if (create) createRef.current = true;
      await saver.flush();
      const { inputErrors: errors, saveError: error } = problemsRef.current;
      return !error && !Object.keys(errors).length;
    },
  };
}
