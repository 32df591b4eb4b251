// "Opgaver": every task of the team, open ones first by due date (overdue said in words),
// a done checkbox per task, and a form to make one by hand (title, due date, assignee).
// Tasks made from a meeting's agreements and next follow-up appear here too.
import { useState } from "preact/hooks";
import { useObservable } from "../observable.js";
import { readTasks } from "../store/agenda.js";
import { StorageFull } from "../store/outbox.js";
import { saveRecord } from "../store/records.js";
import { useSettledQuery } from "./useQuery.js";
import { sessionState } from "../store/session.js";
import { userName, useUsers } from "../net/users.js";
import { validateRecord } from "../validate.js";
import { danishDate, todayIso } from "../dates.js";
import { dueWords, orderTasks } from "./today-model.js";
import { paths } from "./routes.js";
import "./day.css";

const RELATED_PATHS = {
  meeting: paths.meeting,
  company: paths.company,
  placement: paths.placement,
  job_order: paths.jobOrder,
  agreement: paths.agreement,
};

/** The task screen. */
export function Tasks() {
  const { user } = useObservable(sessionState);
  const users = useUsers();
  const tasks = useSettledQuery(() => readTasks(), []);
  const [mineOnly, setMineOnly] = useState(false);
  const today = todayIso();
  if (tasks === undefined) return <p>Henter …</p>;
  const shown = orderTasks(tasks, today).filter(
    (t) =>
      !mineOnly ||
      t.data.assignee_id === user?.id ||
      (!t.data.assignee_id && (t.createdBy === user?.id || !t.createdBy)),
  );
  return (
    <>
      <h1>Opgaver</h1>
      <NewTask userId={user?.id} users={users} />
      <label class="check">
        <input
          type="checkbox"
          checked={mineOnly}
          onChange={(e) => setMineOnly(e.currentTarget.checked)}
        />
        Kun mine opgaver
      </label>
      {shown.length === 0 ? (
        <p class="empty">Ingen opgaver.</p>
      ) : (
        <ul class="tasks" aria-label="Opgaver">
          {shown.map((t) => (
            <TaskRow key={t.id} task={t} users={users} today={today} />
          ))}
        </ul>
      )}
    </>
  );
}

function TaskRow({ task, users, today }) {
  const { data } = task;
  const [problem, setProblem] = useState("");
  async function toggle(done) {
    try {
      await saveRecord("task", task.id, { done: done ? true : null });
    } catch (failure) {
      if (!(failure instanceof StorageFull)) throw failure;
      setProblem(failure.message);
    }
  }
  const related = RELATED_PATHS[data.related_type];
  return (
    <li class={`${data.done ? "done" : ""} ${task.overdue ? "overdue" : ""}`}>
      <label class="check">
        <input
          type="checkbox"
          checked={Boolean(data.done)}
          onChange={(e) => toggle(e.currentTarget.checked)}
        />
        <span class="name">{data.title}</span>
      </label>
      <span class="meta">
        {data.done ? (
          "Udført"
        ) : data.due_date ? (
          <strong class={task.overdue ? "late" : ""}>
            {dueWords(data.due_date, today)} ({danishDate(data.due_date)})
          </strong>
        ) : (
          "Ingen frist"
        )}
        {data.assignee_id && ` · ${userName(users, data.assignee_id)}`}
        {task.pending && " · Ikke sendt"}
        {related && data.related_id && (
          <>
            {" "}
            ·{" "}
            <a href={related(data.related_id)}>
              Åbn {data.related_type === "meeting" ? "mødet" : "posten"}
            </a>
          </>
        )}
      </span>
      {problem && (
        <span class="message error" role="alert">
          {problem}
        </span>
      )}
    </li>
  );
}

function NewTask({ userId, users }) {
  const [draft, setDraft] = useState({ title: "", due_date: "", assignee_id: userId ?? "" });
  const [errors, setErrors] = useState({});
  const [message, setMessage] = useState("");
  const edit = (field, value) => {
    setDraft({ ...draft, [field]: value });
    setMessage("");
  };
  async function submit(event) {
    event.preventDefault();
    const data = Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== ""));
    const found = validateRecord("task", data);
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await saveRecord("task", crypto.randomUUID(), data);
      setDraft({ title: "", due_date: "", assignee_id: draft.assignee_id });
      setMessage("Opgaven er oprettet");
    } catch (failure) {
      if (!(failure instanceof StorageFull)) throw failure;
      setMessage(failure.message);
    }
  }
  const invalid = (field) =>
    errors[field] ? { "aria-invalid": "true", "aria-describedby": `task-${field}-error` } : {};
  const error = (field) =>
    errors[field] && (
      <p class="field-error" id={`task-${field}-error`}>
        {errors[field]}
      </p>
    );
  return (
    <form class="card new-task" onSubmit={submit} noValidate aria-labelledby="new-task">
      <h2 id="new-task">Ny opgave</h2>
      <div class="form-grid three">
        <div>
          <label for="task-title">Opgave</label>
          <input
            id="task-title"
            value={draft.title}
            {...invalid("title")}
            onInput={(e) => edit("title", e.currentTarget.value)}
          />
          {error("title")}
        </div>
        <div>
          <label for="task-due_date">Frist</label>
          <input
            id="task-due_date"
            type="date"
            value={draft.due_date}
            {...invalid("due_date")}
            onInput={(e) => edit("due_date", e.currentTarget.value)}
          />
          {error("due_date")}
        </div>
        <div>
          <label for="task-assignee_id">Ansvarlig</label>
          <select
            id="task-assignee_id"
            value={draft.assignee_id}
            onChange={(e) => edit("assignee_id", e.currentTarget.value)}
          >
            <option value="">Ingen</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.display_name || u.username}
              </option>
            ))}
            {userId && !users.some((u) => u.id === userId) && <option value={userId}>Mig</option>}
          </select>
        </div>
      </div>
      <div class="actions">
        <button type="submit">Opret opgave</button>
        <span
          aria-live="polite"
          class={message === "Opgaven er oprettet" ? "message ok" : message ? "message error" : ""}
        >
          {message}
        </span>
      </div>
    </form>
  );
}
