import { type CompiledCalendar } from '@tongban/calendar';
import { type CatalogVersion } from '@tongban/contracts';
import { type Compilable } from 'kysely';
import { type Tx } from '../../platform/db';
import { Holder } from './case-documents';
import { NewCaseEvent } from './case-state';
import { type CaseState } from './cases.policy';
import { type LockedCaseRow, type MaterialRow } from './cases.repository';

export type CaseCtx = {
  tx: Tx;
  calendar: CompiledCalendar;
  row: LockedCaseRow;
  state: CaseState;
  item: CatalogVersion;
  steps: string[];
  now: Date;
  today: string;
  holder: Holder;
  /** The case's materials, when the transition asked for them in its opening round trip. */
  materials: MaterialRow[] | undefined;
  /** The transition's writes, sent as one statement at its end (executeWrites). */
  writes: Compilable[];
  /**
   * Numbers of gap-free sequences taken in the opening round trip (transition's `numbers`), by
   * sequence name, for allocate to hand out; any left at the end are given back before COMMIT.
   */
  numbers?: Map<string, number>;
};

export type Outcome = { events: NewCaseEvent[]; audit: string; summary?: Record<string, unknown> };

/**
 * How a bundle (issue 20) runs a branch's transition: inside the bundle's transaction (`tx`, not
 * committed here), and on whatever version the case has reached (`anyVersion`).
 */
export type BranchOptions = { tx?: Tx; anyVersion?: boolean };
