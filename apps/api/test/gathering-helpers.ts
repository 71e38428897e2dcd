import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { Client } from './harness';

/** Adds `n` apprentice users to the KDD area's agencies (they are apprentice-network members). */
export async function addApprenticeUsers(ds: DataSource, n: number, prefix: string): Promise<string[]> {
  const agencies: { id: string; area_id: string }[] = await ds.query(
    `SELECT a.id, a.area_id FROM agency a JOIN ministry_area m ON m.id = a.area_id WHERE m.code = 'KDD' ORDER BY a.name`,
  );
  const emails = Array.from({ length: n }, (_, i) => `${prefix}${i + 1}@example.no`);
  await ds.query(
    `INSERT INTO app_user (email, name, role, area_id, agency_id, language)
     SELECT e, 'Lærling ' || i, 'APPRENTICE', ($2::uuid[])[(1 + i % array_length($2::uuid[], 1))::int], ($3::uuid[])[(1 + i % array_length($3::uuid[], 1))::int], CASE WHEN i % 5 = 0 THEN 'en' ELSE 'nb' END
       FROM unnest($1::text[]) WITH ORDINALITY AS t(e, i)`,
    [emails, agencies.map((a) => a.area_id), agencies.map((a) => a.id)],
  );
  return emails;
}

export function parseIcs(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  const vevent = comp.getFirstSubcomponent('vevent')!;
  const ev = new ICAL.Event(vevent);
  return {
    method: comp.getFirstPropertyValue('method'),
    uid: ev.uid,
    sequence: ev.sequence,
    status: vevent.getFirstPropertyValue('status'),
    tzid: ev.startDate.zone?.tzid,
    localStart: ev.startDate.toString(),
    utcStart: ev.startDate.toJSDate().toISOString(),
    hasTimezone: !!comp.getFirstSubcomponent('vtimezone'),
    dtstamp: String(vevent.getFirstPropertyValue('dtstamp')),
  };
}

/** The calendar part of a received mail (nodemailer's icalEvent or an attachment). */
export function icsOf(mail: { attachments: { mimeType: string; content: ArrayBuffer | string }[] }): string {
  const part = mail.attachments.find((a) => a.mimeType.startsWith('text/calendar'));
  if (!part) throw new Error('no calendar part');
  return typeof part.content === 'string' ? part.content : Buffer.from(part.content).toString('utf8');
}

export const tokenFrom = (text: string) => decodeURIComponent(/\/svar\/([^?\s]+)\?svar=ja/.exec(text)![1]);

export async function gqlOk<T = any>(c: Client, q: string, v: Record<string, unknown> = {}): Promise<T> {
  const r = await c.gql<T>(q, v);
  if (r.errors) throw new Error(`${r.errors[0].extensions?.code}: ${r.errors[0].message}`);
  return r.data as T;
}
