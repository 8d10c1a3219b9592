// TRUTH-1 at scale (issue 16): the maintained aggregates change by the difference each recomputed
// case makes — its old facts taken out, its new facts put in — at each grain the dashboards read,
// instead of recounting whole months. Pure: the repository writes what this returns.
import { COUNTERS, zeroCounters, type Counters } from './supervision-figures';

/** One case's facts as the rollups count them (a row of supervision_case_fact). */
export type FactForRollup = {
  regionCode: string;
  departmentId: string;
  departmentName: string;
  itemId: string;
  itemName: string;
  channel: string;
  receivedMonth: string | null;
  concludedMonth: string | null;
  online: boolean;
  fullOnline: boolean;
  zeroVisitItem: boolean;
  zeroVisit: boolean;
  instant: boolean;
  onTime: boolean;
  early: boolean;
  overduePromised: boolean;
  overdueLegal: boolean;
  workingDays: number;
  firstTime: boolean;
};

export type Basis = 'received' | 'concluded';
export type FullDelta = {
  regionCode: string;
  month: string;
  basis: Basis;
  departmentId: string;
  itemId: string;
  channel: string;
  departmentName: string;
  itemName: string;
} & Counters;
export type DepartmentDelta = {
  regionCode: string;
  month: string;
  basis: Basis;
  departmentId: string;
  departmentName: string;
} & Counters;
export type ChannelDelta = { regionCode: string; month: string; basis: Basis; channel: string } & Counters;
export type ItemDelta = {
  regionCode: string;
  month: string;
  itemId: string;
  cases: number;
  zeroVisitItem: number;
};
/** The distinct items received by a department (可办率 cut by department or hall). */
export type ItemDepartmentDelta = ItemDelta & { departmentId: string };
/** The distinct items received through a channel (可办率 cut by channel). */
export type ItemChannelDelta = ItemDelta & { channel: string };
export type RollupDeltas = {
  full: FullDelta[];
  department: DepartmentDelta[];
  channel: ChannelDelta[];
  item: ItemDelta[];
  itemDepartment: ItemDepartmentDelta[];
  itemChannel: ItemChannelDelta[];
  /** `region|month` pairs whose aggregates changed. */
  months: Set<string>;
};

/** What one case adds to a counter row (the same counting as truth:verify's). */
export function countersOfFact(f: FactForRollup): Counters {
  const c = zeroCounters();
  c.cases = 1;
  c.online = +f.online;
  c.fullOnline = +f.fullOnline;
  c.zeroVisitItem = +f.zeroVisitItem;
  c.zeroVisit = +(f.zeroVisitItem && f.zeroVisit);
  c.instant = +f.instant;
  c.onTime = +f.onTime;
  c.early = +f.early;
  c.overduePromised = +f.overduePromised;
  c.overdueLegal = +f.overdueLegal;
  c.workingDays = f.workingDays;
  c.firstTime = +f.firstTime;
  return c;
}

function addInto(into: Counters, c: Counters, sign: 1 | -1) {
  for (const k of COUNTERS) into[k] += sign * c[k];
}

/**
 * The difference the cases' new facts make to every grain of the rollups, given their old facts
 * (as stored before). Rows whose every counter nets to zero are left out (nothing to write).
 */
export function rollupDeltas(
  before: readonly FactForRollup[],
  after: readonly FactForRollup[],
): RollupDeltas {
  const full = new Map<string, FullDelta>();
  const department = new Map<string, DepartmentDelta>();
  const channel = new Map<string, ChannelDelta>();
  const item = new Map<string, ItemDelta>();
  const itemDepartment = new Map<string, ItemDepartmentDelta>();
  const itemChannel = new Map<string, ItemChannelDelta>();
  /** Adds the case to its row of one of the item grains (received basis only). */
  const count = <T extends ItemDelta>(
    into: Map<string, T>,
    key: string,
    row: () => T,
    zv: number,
    sign: 1 | -1,
  ) => {
    let i = into.get(key);
    if (!i) into.set(key, (i = row()));
    i.cases += sign;
    i.zeroVisitItem += sign * zv;
  };
  const months = new Set<string>();
  const apply = (f: FactForRollup, sign: 1 | -1) => {
    const c = countersOfFact(f);
    for (const [basis, month] of [
      ['received', f.receivedMonth],
      ['concluded', f.concludedMonth],
    ] as const) {
      if (!month) continue;
      months.add(`${f.regionCode}|${month}`);
      const head = `${f.regionCode}|${month}|${basis}`;
      const fk = `${head}|${f.departmentId}|${f.itemId}|${f.channel}`;
      let r = full.get(fk);
      if (!r)
        full.set(
          fk,
          (r = {
            regionCode: f.regionCode,
            month,
            basis,
            departmentId: f.departmentId,
            itemId: f.itemId,
            channel: f.channel,
            departmentName: f.departmentName,
            itemName: f.itemName,
            ...zeroCounters(),
          }),
        );
      if (sign === 1) Object.assign(r, { departmentName: f.departmentName, itemName: f.itemName });
      addInto(r, c, sign);
      const dk = `${head}|${f.departmentId}`;
      let d = department.get(dk);
      if (!d)
        department.set(
          dk,
          (d = {
            regionCode: f.regionCode,
            month,
            basis,
            departmentId: f.departmentId,
            departmentName: f.departmentName,
            ...zeroCounters(),
          }),
        );
      if (sign === 1) d.departmentName = f.departmentName;
      addInto(d, c, sign);
      const ck = `${head}|${f.channel}`;
      let ch = channel.get(ck);
      if (!ch)
        channel.set(
          ck,
          (ch = { regionCode: f.regionCode, month, basis, channel: f.channel, ...zeroCounters() }),
        );
      addInto(ch, c, sign);
      if (basis === 'received') {
        const base = { regionCode: f.regionCode, month, itemId: f.itemId, cases: 0, zeroVisitItem: 0 };
        const ik = `${f.regionCode}|${month}|${f.itemId}`;
        count(item, ik, () => ({ ...base }), c.zeroVisitItem, sign);
        count(
          itemDepartment,
          `${ik}|${f.departmentId}`,
          () => ({ ...base, departmentId: f.departmentId }),
          c.zeroVisitItem,
          sign,
        );
        count(
          itemChannel,
          `${ik}|${f.channel}`,
          () => ({ ...base, channel: f.channel }),
          c.zeroVisitItem,
          sign,
        );
      }
    }
  };
  for (const f of before) apply(f, -1);
  for (const f of after) apply(f, 1);
  const changed = (r: Counters) => COUNTERS.some((k) => r[k] !== 0);
  const itemChanged = (i: ItemDelta) => i.cases !== 0 || i.zeroVisitItem !== 0;
  return {
    full: [...full.values()].filter(changed),
    department: [...department.values()].filter(changed),
    channel: [...channel.values()].filter(changed),
    item: [...item.values()].filter(itemChanged),
    itemDepartment: [...itemDepartment.values()].filter(itemChanged),
    itemChannel: [...itemChannel.values()].filter(itemChanged),
    months,
  };
}
