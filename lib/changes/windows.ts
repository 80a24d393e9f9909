import { z } from 'zod';
import type { MaintenanceWindow, Weekday } from '@/db/schema';

const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

const validZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const maintenanceWindowInput = z
  .object({
    days: z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], { message: 'Days are mon, tue, wed, thu, fri, sat, sun' })).min(1, 'Pick at least one day'),
    start: z.string().max(5).regex(HHMM, 'A time as HH:MM, e.g. 02:00'),
    end: z.string().max(5).regex(HHMM, 'A time as HH:MM, e.g. 04:00'),
    timeZone: z.string().trim().max(64).default('UTC').refine(validZone, 'An IANA time zone, e.g. Europe/Amsterdam or UTC'),
  })
  .refine((w) => w.start !== w.end, { message: 'The window must not end when it starts', path: ['end'] });
export const maintenanceWindowsInput = z.array(maintenanceWindowInput).max(20, 'At most 20 windows');

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The wall clock in a time zone: calendar date, weekday and minute of the day. */
function wallClock(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const [y, m, d] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  return { y, m, d, weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay(), minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** The instant when the wall clock in the zone shows this date and minute (DST-correct to the minute). */
function instantOf(y: number, m: number, d: number, minute: number, timeZone: string) {
  const guess = Date.UTC(y, m - 1, d, 0, minute);
  let at = guess;
  for (let i = 0; i < 2; i++) {
    const w = wallClock(new Date(at), timeZone);
    at += guess - Date.UTC(w.y, w.m - 1, w.d, 0, w.minute);
  }
  return new Date(at);
}

function inside(w: MaintenanceWindow, at: Date) {
  const now = wallClock(at, w.timeZone);
  const [start, end] = [minutes(w.start), minutes(w.end)];
  const on = (weekday: number) => w.days.includes(WEEKDAYS[(weekday + 7) % 7]);
  if (start < end) return on(now.weekday) && now.minute >= start && now.minute < end;
  // A window past midnight belongs to the day it starts on.
  return (on(now.weekday) && now.minute >= start) || (on(now.weekday - 1) && now.minute < end);
}

/** Whether a change may run at this instant: no windows means any time. */
export function isOpen(windows: MaintenanceWindow[], at = new Date()) {
  return !windows.length || windows.some((w) => inside(w, at));
}

/** The first instant at or after `from` when a window is open. */
export function nextOpening(windows: MaintenanceWindow[], from = new Date()): Date {
  if (isOpen(windows, from)) return from;
  let best: Date | null = null;
  for (const w of windows) {
    const today = wallClock(from, w.timeZone);
    for (let offset = 0; offset <= 7; offset++) {
      const day = new Date(Date.UTC(today.y, today.m - 1, today.d + offset));
      if (!w.days.includes(WEEKDAYS[day.getUTCDay()])) continue;
      const start = instantOf(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), minutes(w.start), w.timeZone);
      if (start > from && (!best || start < best)) best = start;
    }
  }
  return best ?? from;
}

export const describeWindow = (w: MaintenanceWindow) => `${w.days.join(', ')} ${w.start}–${w.end} ${w.timeZone}`;
