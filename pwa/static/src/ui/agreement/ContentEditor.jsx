// The agreement's content, editable with autosave (TemplateForm) or shown read-only.
// Rules:
// - The editor keeps only the user's own edits ([path, value] in order) on top of the
//   stored content, so a pull while editing is not undone by the next save.
// - A change is saved 600 ms after the last keystroke, on leaving the screen, and when the
//   parent asks (flushRef); a value the server would reject stays on screen with a Danish
//   message next to the field and is not saved until it is fixed.
// - Saved edits are dropped once the stored content shows them (no flicker). When a pull
//   changes the content under waiting text edits, they are rebased (template/rebase.js),
//   so the next save never overwrites a colleague's edit.
import { useEffect, useRef, useState } from "preact/hooks";
import { pathKey, setAnswer } from "../template/model.js";
import { rebaseEdits } from "../template/rebase.js";
import { TemplateForm } from "../template/TemplateForm.jsx";
import { deviceError } from "../labels.js";
import { contentErrors } from "./content.js";

const DELAY_MS = 600;

/** Apply edits ([path, value] pairs) to a content object. */
function applyEdits(content, edits) {
  return edits.reduce((next, [path, value]) => setAnswer(next, path, value), content ?? {});
}

/** The content form; `save(content)` stores it; `flushRef.current()` saves pending edits now
 * and resolves to the content shown (null when it could not be saved); `rescue(content)`, when
 * given, keeps a sealed copy of valid unsaved content (store/rescue.js). */
export function ContentEditor({
  definition,
  content,
  readOnly,
  workFunctions,
  save,
  rescue,
  extraErrors,
  flushRef,
}) {
  const [edits, setEdits] = useState([]);
  const [errors, setErrors] = useState({});
  const [state, setState] = useState("");
  const live = useRef({});
  const timer = useRef(null);
  const savedCount = useRef(0);
  const written = useRef(new Map());
  const previous = useRef(content);
  live.current = { edits, content, save, definition };

  useEffect(() => {
    const before = previous.current;
    previous.current = content;
    const done = savedCount.current;
    savedCount.current = 0;
    if (before === content && !done) return;
    setEdits((list) => rebaseEdits(definition, before, content, list.slice(done), written.current));
    if (before !== content && timer.current === null && edits.length > done) schedule();
  }, [content]);

  async function flush() {
    clearTimeout(timer.current);
    timer.current = null;
    const { edits: pending, content: base, save: store, definition: def } = live.current;
    const next = applyEdits(base, pending);
    if (!pending.slice(savedCount.current).length) return next;
    const found = contentErrors(def, next);
    setErrors(found);
    if (Object.keys(found).length) {
      setState("Ikke gemt: ret felterne med fejl");
      return null;
    }
    try {
      await store(next);
      pending.forEach(([path, value]) => written.current.set(pathKey(path), value));
      savedCount.current = pending.length;
      setState("Gemt");
      return next;
    } catch (failure) {
      setState(deviceError(failure));
      return null;
    }
  }

  if (flushRef) flushRef.current = flush;
  useEffect(
    () => () => {
      if (timer.current) flush();
    },
    [],
  );

  function schedule() {
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, DELAY_MS);
  }

  function change(path, value) {
    if (!live.current.edits.some(([p]) => pathKey(p) === pathKey(path)))
      written.current.delete(pathKey(path));
    setEdits((list) => [...list, [path, value]]);
    const next = applyEdits(content, [...live.current.edits, [path, value]]);
    if (rescue && !Object.keys(contentErrors(definition, next)).length) rescue(next);
    setState("");
    schedule();
  }

  const shown = applyEdits(content, edits);
  return (
    <>
      <TemplateForm
        definition={definition}
        values={shown}
        onChange={change}
        readOnly={readOnly}
        context={{ workFunctions }}
        errors={{ ...extraErrors, ...errors }}
        idPrefix="ag"
      />
      {!readOnly && (
        <p
          class={`autosave ${state === "Gemt" ? "message ok" : state ? "message error" : ""}`}
          aria-live="polite"
        >
          {state || "Ændringer gemmes automatisk på enheden."}
        </p>
      )}
    </>
  );
}
