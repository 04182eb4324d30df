// The ad screener for officers, the public job-offer checker, the offers the public reports and
// the helplines the checker shows. Screening itself is pure (src/screening); this module adds who
// may call what, and the two writes: a reported offer and an operation's helplines.
import type { Actor } from '../../access/actor.ts';
import { appendAudit } from '../../access/audit.ts';
import { canReadPublicReport, canReviewPublicReport, canScreenAds, canSetHelplines, readsPublicReports } from '../../access/screening.ts';
import type { Database } from '../../db/connection.ts';
import { Forbidden, Invalid, NotFound } from '../../errors.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import { FLAG_CATALOGUE } from '../../screening/flags/catalogue.ts';
import { screenAd } from '../../screening/screen.ts';
import type { Ad } from '../../screening/types.ts';
import { isCountryCode } from '../countries.ts';
import { requireOperation } from '../operations/service.ts';
import { presentPublicReport, reportReference } from './present.ts';
import * as repo from './repo.ts';
import type { AdBodyT, HelplineT, HelplinesBodyT, PublicReportBodyT, PublicReportListQueryT } from './schema.ts';

/**
 * The ad as sent: fields kept as written, so that evidence offsets index what the caller has (a
 * blank field is left out); a NUL, which PostgreSQL's jsonb refuses, becomes U+FFFD in place.
 */
function adOf(body: AdBodyT): Ad {
  const ad: Ad = { text: withoutNul(body.text) };
  for (const field of ['title', 'pay', 'location', 'contact', 'url', 'company'] as const) {
    const value = body[field];
    if (value && value.trim() !== '') ad[field] = withoutNul(value);
  }
  return ad;
}

function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;
}

/** The officers' screener: the verdict with each flag's weight and the model's probability. */
export function screenForOfficer(actor: Actor, body: AdBodyT) {
  if (!canScreenAds(actor)) throw new Forbidden('screening ads is for the staff of police bureaus');
  const verdict = screenAd(adOf(body));
  return {
    ...verdict,
    flags: verdict.flags.map((f) => ({ flag: f.flag, label: FLAG_CATALOGUE[f.flag].label, weight: f.weight, language: f.language, evidence: f.evidence })),
  };
}

/** The public checker: the same verdict without the model's internals. Stores nothing. */
export function checkForPublic(body: AdBodyT) {
  const verdict = screenAd(adOf(body));
  return {
    score: verdict.score,
    level: verdict.level,
    language: verdict.language,
    flags: verdict.flags.map((f) => ({ flag: f.flag, language: f.language, evidence: f.evidence })),
  };
}

async function requirePublicOperation(database: Database, configured: string | undefined) {
  const operation = await repo.publicOperation(database.db, configured);
  if (!operation) throw new NotFound('operation for the public checker');
  return operation;
}

/** One bureau per country takes the public's reports: a national bureau, else a border agency, else the coordinator. */
async function receivingBureaus(database: Database, operationId: string) {
  const rank = { national_bureau: 0, border_agency: 1, coordinator: 2 } as Record<string, number>;
  const byCountry = new Map<string, { id: string; rank: number }>();
  for (const b of await repo.reportingBureaus(database.db, operationId)) {
    const known = byCountry.get(b.country);
    const r = rank[b.kind] ?? 9;
    if (!known || r < known.rank) byCountry.set(b.country, { id: b.id, rank: r });
  }
  return byCountry;
}

function helplineOut(row: { name: string; phone: string | null; url: string | null; hours: string | null }): HelplineT {
  return {
    name: row.name,
    ...(row.phone ? { phone: row.phone } : {}),
    ...(row.url ? { url: row.url } : {}),
    ...(row.hours ? { hours: row.hours } : {}),
  };
}

/** What the public page needs: the countries it offers, each with its helplines (maybe none) and whether it takes reports. */
export async function checkSetup(database: Database, configured: string | undefined) {
  const operation = await requirePublicOperation(database, configured);
  const bureaus = await receivingBureaus(database, operation.id);
  const lines = await repo.helplines(database.db, operation.id);
  const countries = new Set([...bureaus.keys(), ...lines.map((l) => l.country)]);
  return {
    countries: [...countries].sort().map((country) => ({
      country,
      helplines: lines.filter((l) => l.country === country).map(helplineOut),
      takesReports: bureaus.has(country),
    })),
  };
}

/**
 * "Report this offer": the one write the public can make. The verdict is worked out again here
 * (never taken from the page), and the report belongs to the bureau of the country picked.
 */
export async function reportOffer(database: Database, configured: string | undefined, body: PublicReportBodyT) {
  const operation = await requirePublicOperation(database, configured);
  const bureau = (await receivingBureaus(database, operation.id)).get(body.country);
  if (!bureau) throw new Invalid(`no bureau of ${body.country} takes reports in this operation`, 'country');
  const ad = adOf(body.ad);
  const verdict = screenAd(ad);
  const contact = body.contact ? withoutNul(body.contact).trim() || null : null;
  const id = await database.db.transaction().execute(async (tx) => {
    const reportId = await repo.insertReport(tx, {
      operation_id: operation.id,
      owner_bureau_id: bureau.id,
      sharing: 'owner',
      shared_with: [],
      country: body.country,
      language: body.language,
      ad: JSON.stringify(ad),
      score: verdict.score,
      level: verdict.level,
      flags: verdict.flags.map((f) => f.flag),
      reporter_contact: contact,
      reviewed_by: null,
    });
    await appendAudit(tx, null, {
      action: 'create',
      entity: 'public_report',
      entityId: reportId,
      operationId: operation.id,
      detail: { country: body.country, level: verdict.level, withContact: contact !== null },
    });
    return reportId;
  });
  return { reference: reportReference(id) };
}

export async function listPublicReports(database: Database, actor: Actor, operationId: string, query: PublicReportListQueryT) {
  await requireOperation(database.db, actor, operationId);
  if (!readsPublicReports(actor)) {
    throw new Forbidden('reported offers are read by officers, analysts and coordinators');
  }
  const limit = query.limit ?? 50;
  const rows = await repo.listReports(database.db, actor, operationId, query.status, decodeCursor(query.cursor, ['time', 'uuid']), limit);
  const visible = rows.filter((r) => canReadPublicReport(actor, r));
  const page = pageOf(visible, limit, (r) => [r.created_at.toISOString(), r.id]);
  if (page.items.some((r) => r.reporter_contact)) {
    await database.db.transaction().execute((tx) =>
      appendAudit(tx, actor, { action: 'list', entity: 'public_report', operationId, detail: { ids: page.items.filter((r) => r.reporter_contact).map((r) => r.id) } }),
    );
  }
  return { items: page.items.map((r) => presentPublicReport(actor, r)), next: page.next };
}

export async function reviewPublicReport(database: Database, actor: Actor, id: string, status: 'new' | 'reviewed' | 'dismissed') {
  const report = await repo.findReport(database.db, id);
  if (!report || !canReadPublicReport(actor, report)) throw new NotFound('reported offer');
  if (!canReviewPublicReport(actor, report)) throw new Forbidden("only the receiving bureau's officers review a reported offer");
  await database.db.transaction().execute(async (tx) => {
    await repo.setReportStatus(tx, id, status, actor.userId);
    await appendAudit(tx, actor, { action: 'update', entity: 'public_report', entityId: id, operationId: report.operation_id, detail: { status } });
  });
  return presentPublicReport(actor, { ...report, status });
}

export async function getHelplines(database: Database, actor: Actor, operationId: string) {
  await requireOperation(database.db, actor, operationId);
  return { countries: groupHelplines(await repo.helplines(database.db, operationId)) };
}

function groupHelplines(rows: Awaited<ReturnType<typeof repo.helplines>>) {
  const countries = new Map<string, HelplineT[]>();
  for (const row of rows) countries.set(row.country, [...(countries.get(row.country) ?? []), helplineOut(row)]);
  return [...countries].map(([country, helplines]) => ({ country, helplines }));
}

/** Replaces the operation's helplines as a whole (the coordinating bureau keeps one list). */
export async function setHelplines(database: Database, actor: Actor, operationId: string, body: HelplinesBodyT) {
  const operation = await requireOperation(database.db, actor, operationId);
  if (!canSetHelplines(actor, operation)) throw new Forbidden("helplines are set by the coordinating bureau's coordinators");
  const seen = new Set<string>();
  const rows = body.countries.flatMap((entry, index) => {
    if (!isCountryCode(entry.country)) throw new Invalid(`"${entry.country}" is not a country code`, `countries[${index}].country`);
    if (seen.has(entry.country)) throw new Invalid(`${entry.country} is listed twice`, `countries[${index}].country`);
    seen.add(entry.country);
    return entry.helplines.map((line, position) => {
      if (!line.phone?.trim() && !line.url?.trim()) throw new Invalid('a helpline needs a phone number or a web address', `countries[${index}].helplines[${position}]`);
      return {
        operation_id: operationId,
        country: entry.country,
        position,
        name: line.name.trim(),
        phone: line.phone?.trim() || null,
        url: line.url?.trim() || null,
        hours: line.hours?.trim() || null,
        updated_by: actor.userId,
      };
    });
  });
  await database.db.transaction().execute(async (tx) => {
    await repo.replaceHelplines(tx, operationId, rows);
    await appendAudit(tx, actor, { action: 'update', entity: 'helplines', operationId, detail: { countries: [...seen] } });
  });
  return getHelplines(database, actor, operationId);
}
