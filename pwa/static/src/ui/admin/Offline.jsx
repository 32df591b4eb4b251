// What an admin screen shows about the network: the problem of its last call, and when
// offline, the time of the data it still shows.
import { danishDateTime } from "../../dates.js";

/** A notice for a failed admin call (nothing when it succeeded). */
export function CallProblem({ answer }) {
  if (!answer || answer.ok) return null;
  return (
    <p class={answer.offline ? "message info" : "message error"} role="alert">
      {answer.problem}
      {answer.offline &&
        answer.fetchedAt &&
        ` Viser det, der blev hentet ${danishDateTime(answer.fetchedAt.toISOString())}.`}
    </p>
  );
}
