import { describe, expect, it } from 'vitest';
import { isOpen, maintenanceWindowsInput, nextOpening } from '@/lib/changes/windows';

const sat = { days: ['sat' as const], start: '02:00', end: '04:00', timeZone: 'UTC' };

describe('maintenance windows', () => {
  it('no window means any time', () => {
    const at = new Date('2026-12-09T15:00:00Z');
    expect(isOpen([], at)).toBe(true);
    expect(nextOpening([], at)).toEqual(at);
  });

  it('a Saturday 02:00-04:00 UTC window is open inside, closed outside, and opens next Saturday at 02:00', () => {
    expect(isOpen([sat], new Date('2026-12-12T02:30:00Z'))).toBe(true);
    expect(isOpen([sat], new Date('2026-12-12T04:00:00Z'))).toBe(false);
    expect(nextOpening([sat], new Date('2026-12-09T15:00:00Z'))).toEqual(new Date('2026-12-12T02:00:00Z'));
    expect(nextOpening([sat], new Date('2026-12-12T05:00:00Z'))).toEqual(new Date('2026-12-19T02:00:00Z'));
  });

  it('a window in a time zone follows its wall clock, across daylight saving time', () => {
    const ams = { days: ['sun' as const], start: '01:00', end: '03:00', timeZone: 'Europe/Amsterdam' };
    // Winter: UTC+1; summer: UTC+2.
    expect(nextOpening([ams], new Date('2026-12-09T12:00:00Z'))).toEqual(new Date('2026-12-13T00:00:00Z'));
    expect(nextOpening([ams], new Date('2026-07-01T12:00:00Z'))).toEqual(new Date('2026-07-04T23:00:00Z'));
  });

  it('a window past midnight belongs to the day it starts on', () => {
    const night = { days: ['fri' as const], start: '23:00', end: '01:00', timeZone: 'UTC' };
    expect(isOpen([night], new Date('2026-12-11T23:30:00Z'))).toBe(true);
    expect(isOpen([night], new Date('2026-12-12T00:30:00Z'))).toBe(true);
    expect(isOpen([night], new Date('2026-12-13T00:30:00Z'))).toBe(false);
  });

  it('refuses days, times and zones that are not ones', () => {
    const parsed = maintenanceWindowsInput.safeParse([{ days: ['someday'], start: '25:00', end: '04:00', timeZone: 'Mars/Olympus' }]);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['0.days.0', '0.start', '0.timeZone']));
  });
});
