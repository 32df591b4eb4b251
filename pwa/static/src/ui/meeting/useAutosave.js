// The meeting form's autosave hook: the user's edits live in a draft (meeting/draft.js)
// and are written to the local store as they are typed (meeting/autosave.js: one write in
// flight, the newest state queued), flushed on `visibilitychange` to hidden, `pagehide`
// and leaving the form. The first write creates the record with `defaults`.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { saveRecord } from "../../store/records.js";
import { deviceError } from "../labels.js";
import { autosaver } from "./autosave.js";
import { MEETING_CODECS, changesFor, rebaseDraft, settle } from "./draft.js";
import { keepRescue, rescueCovered, rescueSeq } from "../../store/rescue.js";

/**
 * {draft, edit(path, value), flush({create}), savedAt, inputErrors, saveError} for one
 * record; `codecs` convert the inputs (meeting/draft.js); a new record is created only
 * once `ready(data)` holds for the data it would have.
 */
export function useAutosave({
  type,
  id,
  record,
  defaults,
  onCreated,
  codecs = MEETING_CODECS,
  ready = () => true,
}) {
  const draftRef = useRef({});
  const recordRef = useRef(record);
  const shownRef = useRef({ rev: record?.rev, data: record?.data });
  const writtenRef = useRef({});
  const createRef = useRef(false);
  const createdRef = useRef(false);
  const [, setVersion] = useState(0);
  const [savedAt, setSavedAt] = useState(null);
  const [inputErrors, setInputErrors] = useState({});
  const [saveError, setSaveError] = useState("");
  recordRef.current = record;
  const rerender = () => setVersion((v) => v + 1);

  /** What a write of `draft` would save: {changes, creating} or null (nothing to save yet). */
  function plan(draft, report) {
    const stored = recordRef.current?.data ?? {};
    const { changes, errors } = changesFor(stored, draft, codecs);
    if (report) setInputErrors(errors);
    const creating = !recordRef.current && !createdRef.current;
    if (!Object.keys(changes).length && !(creating && createRef.current)) return null;
    const toSave = creating ? { ...defaults, ...changes } : changes;
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
        codecs,
        writtenRef.current,
      );
      if (rebased !== draftRef.current) {
        draftRef.current = rebased;
        rerender();
        saver.request();
      }
    }
    if (!stored || saver.busy()) return;
    const next = settle(stored, draftRef.current, codecs);
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
          await saveRecord(type, id, planned.changes);
          writtenRef.current = draft;
          rescueCovered(id, seq);
          if (planned.creating) {
            createdRef.current = true;
            onCreated?.();
          }
          return Date.now();
        },
        onDone(at) {
          if (at) {
            setSavedAt(at);
            setSaveError("");
          }
        },
        onError(error) {
          setSaveError(deviceError(error));
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

  return {
    draft: draftRef.current,
    savedAt,
    inputErrors,
    saveError,
    /** Change one path of the form and write it. */
    edit(path, value) {
      draftRef.current = { ...draftRef.current, [path]: value };
      const planned = plan(draftRef.current, false);
      if (planned) keepRescue(type, id, planned.changes);
      rerender();
      saver.request();
    },
    /** Write everything now (`create`: also when nothing was typed yet); resolves when written. */
    flush({ create = false } = {}) {
      if (create) createRef.current = true;
      return saver.flush();
    },
  };
}
