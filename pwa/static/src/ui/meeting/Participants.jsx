// Participants and the division of roles (GameMaster "Rollefordeling"): the company's
// contacts or free names, each with a role.
import { ROLE_SUGGESTIONS, MEETING_LABELS } from "./labels.js";

/** The participant list; `contacts` are the company's contact records. */
export function Participants({ participants, contacts, onChange }) {
  const used = new Set(participants.map((p) => p.contact_id).filter(Boolean));
  const free = contacts.filter((c) => !used.has(c.id));
  const update = (id, patch) =>
    onChange(participants.map((p) => (p.id === id ? { ...p, ...patch } : p)));
  const add = (item) => onChange([...participants, { id: crypto.randomUUID(), ...item }]);

  function addContact(event) {
    const contact = contacts.find((c) => c.id === event.currentTarget.value);
    if (contact)
      add({ contact_id: contact.id, name: contact.data.name, role: contact.data.title || "" });
    event.currentTarget.value = "";
  }

  return (
    <section class="card" aria-labelledby="meeting-participants-title">
      <h2 id="meeting-participants-title">{MEETING_LABELS.participants}</h2>
      <datalist id="meeting-roles">
        {ROLE_SUGGESTIONS.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      {participants.length === 0 && <p class="empty">Ingen deltagere endnu.</p>}
      <ul class="rows">
        {participants.map((p, index) => (
          <li key={p.id} class="row">
            <div>
              <label for={`participant-${p.id}-name`}>Deltager {index + 1}</label>
              <input
                id={`participant-${p.id}-name`}
                value={p.name ?? ""}
                readOnly={Boolean(p.contact_id)}
                onInput={(e) => update(p.id, { name: e.currentTarget.value })}
              />
            </div>
            <div>
              <label for={`participant-${p.id}-role`}>Rolle</label>
              <input
                id={`participant-${p.id}-role`}
                list="meeting-roles"
                value={p.role ?? ""}
                onInput={(e) => update(p.id, { role: e.currentTarget.value })}
              />
            </div>
            <button
              type="button"
              class="danger"
              aria-label={`Fjern deltager ${index + 1}: ${p.name || ""}`}
              onClick={() => onChange(participants.filter((other) => other.id !== p.id))}
            >
              Fjern
            </button>
          </li>
        ))}
      </ul>
      <div class="actions">
        {free.length > 0 && (
          <div>
            <label for="meeting-add-contact">Tilføj kontaktperson</label>
            <select id="meeting-add-contact" onChange={addContact}>
              <option value="">Vælg …</option>
              {free.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.data.name}
                  {c.data.title ? `, ${c.data.title}` : ""}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="button" class="secondary" onClick={() => add({ name: "", role: "" })}>
          Tilføj anden deltager
        </button>
      </div>
    </section>
  );
}
