import type { HolidayNoticeApplied, HolidayNoticeInput } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { CalendarModuleError } from '../calendar.errors';
import * as repo from '../calendar.repository';
import { compareWithHeld, readNotice } from './preview-holiday-notice';

/**
 * CAL-2: loads a year's days off and make-up working days from the State Council notice, replacing
 * what was held for that year, in one audited transaction. The text is parsed again here: the
 * preview is for the person, never trusted as input.
 */
export async function applyHolidayNotice(
  deps: Deps,
  actor: Actor,
  input: HolidayNoticeInput,
): Promise<HolidayNoticeApplied> {
  assertAccess(actor, 'calendar.national.write');
  const parsed = readNotice(deps, input.text);
  if (parsed.warnings.length > 0 && !input.acceptWarnings) {
    throw new CalendarModuleError('CALENDAR_NOTICE_WARNINGS', '通知中有需要核对的地方，请先在预览中确认', {
      warnings: parsed.warnings,
    });
  }
  // Every server process sees the new days at its next read: the national revision is bumped.
  return runCommand(deps, actor, async ({ tx }) => {
    await repo.lockNationalLoad(tx);
    const change = await compareWithHeld(tx, parsed);
    await repo.deleteNationalDaysOfYear(tx, parsed.year);
    await repo.insertNationalDays(
      tx,
      parsed.days.map((d) => ({
        date: d.date,
        kind: d.kind === 'workday' ? 'workday' : 'holiday',
        name: d.name ?? '',
      })),
    );
    await repo.bumpRevision(tx, repo.NATIONAL_SCOPE);
    const holidays = parsed.days.filter((d) => d.kind === 'holiday').length;
    const workdays = parsed.days.length - holidays;
    return {
      result: { year: parsed.year, holidays, workdays, replaced: change.yearLoaded },
      audit: {
        action: 'calendar.national.load_notice',
        entityType: 'national_year',
        entityId: String(parsed.year),
        regionCode: '',
        summary: {
          year: parsed.year,
          holidays,
          workdays,
          replaced: change.yearLoaded,
          added: change.added.length,
          removed: change.removed.length,
          changed: change.changed.length,
          warningsAccepted: parsed.warnings.length,
        },
      },
    };
  });
}
