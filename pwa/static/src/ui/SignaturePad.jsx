// A drawing pad for one signature (signature_pad on a canvas). Rules:
// - The canvas backing store is its CSS size × devicePixelRatio, so ink is crisp on
//   high-density screens; points stay in CSS pixels (signature/strokes.js).
// - The drawing is kept as stroke vectors: after a resize or rotation the canvas is
//   resized and redrawn from them, scaled to fit, and the vectors are re-expressed in the
//   new size, so what is stored always matches what is shown.
// - "Ryd" clears; the parent gets onChange({strokes, width, height}) or onChange(null).
import SignaturePadLib from "signature_pad";
import { useEffect, useRef } from "preact/hooks";
import { hasInk, toPointGroups, toStrokes } from "../signature/strokes.js";

const PEN = { penColor: "#14215a", minWidth: 0.8, maxWidth: 2.6 };

/** The pad; `label` names the canvas (e.g. "Underskriftsfelt for Borger"). */
export function SignaturePad({ label, value, onChange, describedBy }) {
  const canvasRef = useRef(null);
  const padRef = useRef(null);
  const valueRef = useRef(value);
  const changeRef = useRef(onChange);
  valueRef.current = value;
  changeRef.current = onChange;

  useEffect(() => {
    const canvas = canvasRef.current;
    const pad = new SignaturePadLib(canvas, { ...PEN, backgroundColor: "rgba(0,0,0,0)" });
    padRef.current = pad;
    const size = () => ({ width: canvas.offsetWidth, height: canvas.offsetHeight });
    const emit = () => {
      const strokes = toStrokes(pad.toData());
      changeRef.current(hasInk(strokes) ? { strokes, ...size() } : null);
    };
    const fit = () => {
      const { width, height } = size();
      if (!width || !height) return;
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.getContext("2d").scale(ratio, ratio);
      const current = valueRef.current;
      pad.clear();
      if (current && hasInk(current.strokes)) {
        pad.fromData(toPointGroups(current.strokes, current, { width, height }, PEN));
        if (current.width !== width || current.height !== height) emit();
      }
    };
    pad.addEventListener("endStroke", emit);
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    fit();
    return () => {
      observer.disconnect();
      pad.removeEventListener("endStroke", emit);
      pad.off();
    };
  }, []);

  function clear() {
    padRef.current?.clear();
    onChange(null);
  }

  return (
    <div class="sigpad">
      <canvas
        ref={canvasRef}
        class="sigpad-canvas"
        role="img"
        aria-label={label}
        aria-describedby={describedBy}
      />
      <div class="sigpad-line" aria-hidden="true">
        ✕
      </div>
      <button type="button" class="secondary" onClick={clear} disabled={!value}>
        Ryd<span class="visually-hidden">: {label}</span>
      </button>
    </div>
  );
}
