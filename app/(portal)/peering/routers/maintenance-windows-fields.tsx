'use client';

import { useSyncExternalStore } from 'react';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import type { Weekday } from '@/db/schema';
import { Button } from '@/components/ui/button';
import { TextInput } from '@/components/ui/field';
import { describeWindow } from '@/lib/changes/windows';
import type { RouterValues } from './router-form';

// In the order a coordinator reads a week; the checkboxes give the days back in this order.
const week: [Weekday, string][] = [
  ['mon', 'Mon'],
  ['tue', 'Tue'],
  ['wed', 'Wed'],
  ['thu', 'Thu'],
  ['fri', 'Fri'],
  ['sat', 'Sat'],
  ['sun', 'Sun'],
];

let zones: string[] | undefined;
/** The browser's list, made once (useSyncExternalStore wants the same array back each time); none on the server. */
const browserTimeZones = () => (zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone')]);
const none: string[] = [];
const noChanges = () => () => undefined;

const ownZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * Weekly windows in which approved and scheduled changes run. The time zones offered are the browser's
 * (the server checks each one again), listed after hydration: some 430 names in every router page's HTML
 * and RSC payload cost the page a third of its size, and computed during render they could differ from the server's.
 */
export function MaintenanceWindowsFields({ form }: { form: UseFormReturn<RouterValues> }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'maintenanceWindows' });
  const timeZones = useSyncExternalStore(noChanges, browserTimeZones, () => none);
  const errors = form.formState.errors.maintenanceWindows;
  return (
    <div className="flex flex-col gap-2 sm:col-span-2" data-testid="maintenance-windows">
      <p className="text-sm font-medium text-slate-700">Maintenance windows</p>
      <p className="text-xs text-slate-500">
        Approved and scheduled changes wait for the next window; Push now outside one needs an emergency reason.
        No window: changes may run any time. A window that ends before it starts runs past midnight.
      </p>
      {fields.map((field, i) => {
        const error = errors?.[i];
        const id = `window-${i}`;
        return (
          <fieldset key={field.id} className="rounded border border-slate-200 p-3" aria-label={`Maintenance window ${i + 1}`}>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1" role="group" aria-label="Days">
              {week.map(([day, label]) => (
                <label key={day} className="flex items-center gap-1 text-sm">
                  <input type="checkbox" value={day} {...form.register(`maintenanceWindows.${i}.days`)} />
                  {label}
                </label>
              ))}
            </div>
            {error?.days && <Problem id={`${id}-days`} message={error.days.message} />}
            <div className="mt-2 flex flex-wrap items-start gap-3">
              <TimeField label="From" id={`${id}-start`} error={error?.start?.message} {...form.register(`maintenanceWindows.${i}.start`)} />
              <TimeField label="Until" id={`${id}-end`} error={error?.end?.message} {...form.register(`maintenanceWindows.${i}.end`)} />
              <div className="flex flex-col gap-1">
                <label htmlFor={`${id}-zone`} className="text-xs text-slate-600">
                  Time zone
                </label>
                <TextInput id={`${id}-zone`} list="router-time-zones" aria-invalid={!!error?.timeZone} {...form.register(`maintenanceWindows.${i}.timeZone`)} />
                {error?.timeZone && <Problem id={`${id}-zone`} message={error.timeZone.message} />}
              </div>
              <Button variant="link" className="mt-6 text-xs text-rose-700" onClick={() => remove(i)}>
                Remove window
              </Button>
            </div>
          </fieldset>
        );
      })}
      {errors?.message && <Problem id="windows" message={errors.message} />}
      {errors?.root?.message && <Problem id="windows" message={errors.root.message} />}
      <div>
        <Button variant="secondary" onClick={() => append({ days: ['sat'], start: '02:00', end: '04:00', timeZone: ownZone() })}>
          Add window
        </Button>
      </div>
      {fields.length > 0 && (
        <datalist id="router-time-zones">
          {timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      )}
    </div>
  );
}

function TimeField({ label, id, error, ...input }: { label: string; id: string; error?: string } & ReturnType<UseFormReturn<RouterValues>['register']>) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs text-slate-600">
        {label}
      </label>
      <input id={id} type="time" className="rounded border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-rose-600" aria-invalid={!!error} {...input} />
      {error && <Problem id={id} message={error} />}
    </div>
  );
}

function Problem({ id, message }: { id: string; message?: string }) {
  return (
    <p role="alert" id={`${id}-error`} className="text-xs font-medium text-rose-700">
      {message}
    </p>
  );
}

/** For those who may not move windows: what applies, read-only. */
export function MaintenanceWindowsList({ windows }: { windows: NonNullable<RouterValues['maintenanceWindows']> }) {
  return (
    <div className="text-sm sm:col-span-2" data-testid="maintenance-windows">
      <p className="font-medium text-slate-700">Maintenance windows</p>
      <p className="text-slate-600">{windows.length ? windows.map((w) => describeWindow({ ...w, timeZone: w.timeZone ?? 'UTC' })).join('; ') : 'None: changes may run any time.'}</p>
      <p className="text-xs text-slate-500">Only those who approve changes may set them.</p>
    </div>
  );
}
