// The companies: search ("Søg"), "Ny virksomhed" and the list, read from the clear sort
// keys (name, city, CVR), so the list needs no decryption.
import { useState } from "preact/hooks";
import { listCompanies, useQuery } from "../store/records.js";
import { navigate } from "./route.js";

/** The company list screen. */
export function Companies() {
  const [search, setSearch] = useState("");
  const found = useQuery(() => listCompanies(search), [search]);
  const companies = found?.companies;
  return (
    <>
      <h1>Virksomheder</h1>
      <div class="toolbar">
        <div class="search">
          <label for="company-search">Søg</label>
          <input id="company-search" type="search" value={search}
            onInput={(e) => setSearch(e.currentTarget.value)} />
        </div>
        <button type="button" onClick={() => navigate("virksomheder", "ny")}>Ny virksomhed</button>
      </div>
      {companies === undefined ? <p>Henter …</p> : companies.length === 0
        ? <p class="empty">{search ? "Ingen virksomheder passer til søgningen." : "Ingen virksomheder endnu."}</p>
        : (
          <ul class="list" aria-label="Virksomheder">
            {companies.map((c) => (
              <li key={c.id}>
                <a href={`#/virksomheder/${c.id}`}>
                  <span class="name">{c.sort.name}</span>
                  {c.sort.city && <span class="meta">{c.sort.city}</span>}
                  {c.pending === 1 && <span class="tag">Ikke sendt</span>}
                </a>
              </li>
            ))}
          </ul>
        )}
      {found?.more && <p>Der er flere virksomheder end dem, der vises. Søg for at finde dem.</p>}
    </>
  );
}
