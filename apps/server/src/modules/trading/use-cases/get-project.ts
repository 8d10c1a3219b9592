import type { ProjectDetail, ProjectList, ProjectListQuery, PublicProject } from '@tongban/contracts';
import { assertAccess, checkAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import type { Executor } from '../../../platform/db';
import { allowedActions, bidValidUntil, checkPanel, complaintOpen, complaintsUntil } from '../trading.policy';
import { collusionSignals, toBidder, toSummary } from '../trading.read-model';
import { TradingError } from '../trading.errors';
import * as repo from '../trading.repository';
import { getProjectOrThrow, regionCalendar, shanghaiDay } from './common';
import { toComplaint } from './complaints';

export async function listProjects(deps: Deps, actor: Actor, q: ProjectListQuery): Promise<ProjectList> {
  assertAccess(actor, 'trading.read');
  const [rows, { n }] = await repo.listProjects(deps.db, actor.regionCode, q, q.limit, q.offset);
  return { items: rows.map(toSummary), total: Number(n) };
}

/** BID-1: the panel may sit once its sealed list is open and its composition is lawful. */
export async function isPanelReady(db: Executor, regionCode: string, projectId: string): Promise<boolean> {
  const draw = await repo.findDrawOfProject(db, regionCode, projectId);
  if (!draw?.openedAt || !draw.drawnAt) return false;
  const members = await repo.listMembers(db, regionCode, draw.id);
  const seated = members.filter((m) => (!m.isReserve && !m.recused) || m.substituteFor).length;
  return (
    seated === draw.panelSize - draw.ownerReps &&
    checkPanel({ ...draw, requests: draw.requests as { count: number }[] }).length === 0
  );
}

export async function getProject(deps: Deps, actor: Actor, id: string): Promise<ProjectDetail> {
  assertAccess(actor, 'trading.read');
  const db = deps.db;
  const p = await getProjectOrThrow(db, actor.regionCode, id);
  const [entries, bidders, deposits, draw, panelReady, complaintRows] = await Promise.all([
    repo.listEntries(db, p.regionCode, id),
    repo.listBidders(db, p.regionCode, id),
    repo.listProjectDeposits(db, p.regionCode, id),
    repo.findDrawOfProject(db, p.regionCode, id),
    isPanelReady(db, p.regionCode, id),
    repo.listComplaints(db, p.regionCode, id),
  ]);
  const now = deps.clock.now();
  const today = shanghaiDay(now);
  const validUntil =
    p.bidDeadline && p.bidValidityDays ? bidValidUntil(p.bidDeadline, p.bidValidityDays) : null;
  const facts = {
    ...p,
    status: toSummary(p).status,
    panelReady,
    activeBidders: bidders.filter((b) => !b.withdrawnAt).length,
    openComplaints: complaintRows.filter(complaintOpen).length,
    bidValidUntil: validUntil,
  };
  let until: string | null = null;
  if (p.publicityStart && !['cancelled', 'unsuccessful'].includes(p.status)) {
    const cal = await regionCalendar(deps, p.regionCode, db);
    until = complaintsUntil(cal, p.publicityStart);
    if (today > until) until = null;
  }
  return {
    ...toSummary(p),
    bidValidityDays: p.bidValidityDays,
    bidValidUntil: validUntil,
    complaints: complaintRows.map((c) => toComplaint(c, today, actor)),
    complaintsUntil: until,
    canFileComplaint: until !== null && checkAccess(actor, 'trading.complaint.write'),
    openedAt: p.openedAt?.toISOString() ?? null,
    evaluationReportAt: p.evaluationReportAt?.toISOString() ?? null,
    publicityStart: p.publicityStart?.toISOString() ?? null,
    awardedAt: p.awardedAt?.toISOString() ?? null,
    winnerBidderId: p.winnerBidderId,
    contractSignedAt: p.contractSignedAt?.toISOString() ?? null,
    acceptedAt: p.acceptedAt?.toISOString() ?? null,
    acceptanceEvidence: p.acceptanceEvidence,
    entries: entries.map((e) => ({
      ...e,
      kind: e.kind as 'announcement',
      createdAt: e.createdAt.toISOString(),
    })),
    bidders: bidders.map(toBidder),
    actions: allowedActions(facts, now),
    drawId: draw?.id ?? null,
    signals: collusionSignals(bidders, deposits),
  };
}

/** The public page of a project: its announcements and results, by project number (SEC-2 uniform 404). */
export async function getPublicProject(deps: Deps, projectNo: string): Promise<PublicProject> {
  const p = await repo.findProjectByNo(deps.db, projectNo);
  if (!p || p.status === 'draft') throw new TradingError('TRADING_PROJECT_NOT_FOUND');
  const [entries, bidders] = await Promise.all([
    repo.listEntries(deps.db, p.regionCode, p.id),
    repo.listBidders(deps.db, p.regionCode, p.id),
  ]);
  const s = toSummary(p);
  return {
    projectNo: p.projectNo,
    name: p.name,
    kind: s.kind,
    method: s.method,
    tendererName: p.tendererName,
    agencyName: p.agencyName,
    status: s.status,
    bidDeadline: s.bidDeadline,
    publicityStart: p.publicityStart?.toISOString() ?? null,
    publicityEnd: s.publicityEnd,
    winnerName: p.awardedAt ? (bidders.find((b) => b.id === p.winnerBidderId)?.name ?? null) : null,
    announcements: entries
      .filter((e) => e.isPublic)
      .map((e) => ({ title: e.title, body: e.body, createdAt: e.createdAt.toISOString() })),
  };
}
