// The companies: search ("Søg": name, CVR, city, industry), filters (status, "Har aktive
// forløb"), "Ny virksomhed" and the list. The list reads the clear sort keys, so it needs
// no decryption; the placements are decrypted once per change to count active ones.
import { useState } from "preact/hooks";
import { companyRows, readPlacements } from "../store/agenda.js";
import { useQuery, useSettledQuery } from "./useQuery.js";
import { activeCounts, COMPANY_STATUS, filterCompanies } from "./company-model.js";
import { todayIso } from "../dates.js";
import { navigate, paths } from "./routes.js";
import "./day.css";

const SHOWN = 200;

/** The company list screen. */
export function Companies() {
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState("");
  const [activeOnly, setActiveOnly] = useState(false);
  const rows = useQuery(() => companyRows(), []);
  const placements = useSettledQuery(() => readPlacements(), []);
  const counts = activeCounts(placements ?? [], todayIso());
  const found = rows && filterCompanies(rows, { search, status, activeOnly }, counts);
  const filtered = search || status || activeOnly;
  return (
    <>
      <h1>Virksomheder</h1>
      <div class="toolbar">
        <div class="search">
          <label for="company-search">Søg</label>
          <input
            id="company-search"
            type="search"
            value={search}
            placeholder="Navn, CVR, by eller branche"
            onInput={(e) => setSearch(e.currentTarget.value)}
          />
        </div>
        <div>
          <label for="company-status">Status</label>
          <select
            id="company-status"
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
          >
            <option value="">Alle</option>
            {Object.entries(COMPANY_STATUS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <label class="check">
          <input
            type="checkbox"
            checked={activeOnly}
            onChange={(e) => setActiveOnly(e.currentTarget.checked)}
          />
          Har aktive forløb
        </label>
        <button type="button" onClick={() => navigate(paths.newCompany())}>
          Ny virksomhed
        </button>
      </div>
      {found === undefined ? (
        <p>Henter …</p>
      ) : found.length === 0 ? (
        <p class="empty">
          {filtered ? "Ingen virksomheder passer til søgningen." : "Ingen virksomheder endnu."}
        </p>
      ) : (
        <>
          <p class="companies-count" aria-live="polite">
            {found.length === 1 ? "1 virksomhed" : `${found.length} virksomheder`}
          </p>
          <ul class="list companies" aria-label="Virksomheder">
            {found.slice(0, SHOWN).map((c) => {
              const active = counts.get(c.id) ?? 0;
              return (
                <li key={c.id}>
                  <a href={paths.company(c.id)}>
                    <span class="name">{c.sort.name}</span>
                    {c.sort.city && <span class="meta">{c.sort.city}</span>}
                    {c.sort.industry && <span class="meta">{c.sort.industry}</span>}
                    {c.sort.status && (
                      <span class="meta">{COMPANY_STATUS[c.sort.status] ?? c.sort.status}</span>
                    )}
                    {active > 0 && (
                      <span class="meta strong">
                        {active === 1 ? "1 aktivt forløb" : `${active} aktive forløb`}
                      </span>
                    )}
                    {c.pending && <span class="tag">Ikke sendt</span>}
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {found && found.length > SHOWN && (
        <p>Der er flere virksomheder end dem, der vises. Søg for at finde dem.</p>
      )}
    </>
  );
}
