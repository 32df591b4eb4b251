// Device settings that are not personal and must be known while locked: the idle time
// before the app locks and how long ended placements stay on the device. They live in the
// clear meta row "device-settings" = {idleMinutes, keepDays}.
import { observable } from "../observable.js";
import { db } from "./db.js";

/** The idle times the user can choose, in minutes (default 5). */
export const IDLE_CHOICES = [1, 2, 5, 10, 15];
/** How many days after its end date a placement may stay on the device (default 90). */
export const KEEP_CHOICES = [30, 60, 90, 180];
const DEFAULTS = { idleMinutes: 5, keepDays: 90 };

/** The current device settings {idleMinutes, keepDays}. */
export const deviceSettings = observable(DEFAULTS);

/** Read the stored settings into deviceSettings (at start and after a login). */
export async function loadDeviceSettings() {
  const row = await db.meta.get("device-settings");
  deviceSettings.set({ ...DEFAULTS, ...(row?.value ?? {}) });
}

/** Change settings: only the choices offered are accepted. */
export async function changeDeviceSettings(patch) {
  const next = { ...deviceSettings.get(), ...patch };
  if (!IDLE_CHOICES.includes(next.idleMinutes) || !KEEP_CHOICES.includes(next.keepDays)) {
    throw new RangeError("device setting out of range");
  }
  await db.meta.put({ key: "device-settings", value: next });
  deviceSettings.set(next);
}
