// The demo's cooperation requests between bureaus, led by the one the reports single out: Dhaka
// asking New Delhi to find a 13-year-old boy, answered within the day.
import type { Insertable } from 'kysely';
import type { CooperationAddresseesTable, CooperationMessagesTable, CooperationRequestsTable } from '../db/schema.ts';
import { demoId } from './generate.ts';

interface DemoRequest {
  key: string;
  from: string;
  to: { country: string; answeredAfterHours: number | null; answer?: string }[];
  caseKey: string;
  subject: string;
  priority: 'normal' | 'urgent';
  sentAt: string;
  dueOn: string;
  message: string;
}

const REQUESTS: DemoRequest[] = [
  {
    key: 'bd-in-boy', from: 'BD', caseKey: 'bd-in-boy', priority: 'urgent', sentAt: '2023-10-16T05:40:00Z', dueOn: '2023-10-17',
    subject: 'Missing boy, 13, believed taken across Benapole–Petrapole to Kolkata',
    message: 'A 13-year-old boy from Jashore was reported missing on 14 October; a broker is believed to have taken him across at Benapole for work in Kolkata. Photo and family contact attached in the case file. Please locate and safeguard him.',
    to: [{ country: 'IN', answeredAfterHours: 3.3, answer: 'West Bengal police have identified the workshop in Kolkata; a team is on its way. We will confirm as soon as the boy is safe.' }],
  },
  {
    key: 'np-in-delhi', from: 'NP', caseKey: 'np-in-delhi', priority: 'urgent', sentAt: '2023-10-16T09:15:00Z', dueOn: '2023-10-18',
    subject: 'Two Nepali women held in New Delhi, one aged 17',
    message: 'Families in Parsa report two women taken to New Delhi with offers of hotel work; one is 17. Location details in the case file. Request rescue and coordination for their return.',
    to: [{ country: 'IN', answeredAfterHours: 20, answer: 'Both women were rescued this morning by Delhi Police with an NGO partner; they are in a shelter awaiting return.' }],
  },
  {
    key: 'ug-th-mm', from: 'UG', caseKey: 'ug-ae-th-mm', priority: 'normal', sentAt: '2023-10-16T07:00:00Z', dueOn: '2023-10-27',
    subject: 'Ugandan nationals held in a compound near Myawaddy',
    message: 'Four Ugandan nationals recruited for jobs in Dubai report being held in a compound near Myawaddy. Request information on their whereabouts and help with their exit via Mae Sot.',
    to: [
      { country: 'TH', answeredAfterHours: 44, answer: 'Royal Thai Police at Mae Sot can receive them at the Friendship Bridge once released; please share passport copies.' },
      { country: 'MM', answeredAfterHours: 118, answer: 'The four were among the workers released on 18 October and are in Myawaddy awaiting transfer.' },
      { country: 'AE', answeredAfterHours: null },
    ],
  },
  {
    key: 'in-th-la', from: 'IN', caseKey: 'in-telangana', priority: 'normal', sentAt: '2023-10-17T04:30:00Z', dueOn: '2023-10-31',
    subject: 'Recruiters of an accountant from Telangana held in the Golden Triangle SEZ',
    message: 'A victim released after a ransom names two recruiters and a payment account. Request any records of the recruiters entering Thailand or Laos.',
    to: [{ country: 'TH', answeredAfterHours: 70, answer: 'One of the two entered through Suvarnabhumi on 2 April; immigration record attached.' }, { country: 'LA', answeredAfterHours: null }],
  },
];

/**
 * The demo's requests, addressees and message threads as table rows.
 * @example const rows = demoCooperation(bureauOf, operationId)
 */
export function demoCooperation(bureauOf: ReadonlyMap<string, string>, operationId: string) {
  const requests: Insertable<CooperationRequestsTable>[] = [];
  const addressees: Insertable<CooperationAddresseesTable>[] = [];
  const messages: Insertable<CooperationMessagesTable>[] = [];
  for (const r of REQUESTS) {
    const id = demoId('cooperation', r.key);
    const sent = new Date(r.sentAt);
    const answered = r.to.some((t) => t.answeredAfterHours !== null);
    requests.push({
      operation_id: operationId, id, from_bureau_id: bureauOf.get(r.from)!, case_id: demoId('case', r.caseKey),
      subject: r.subject, priority: r.priority, due_on: r.dueOn, status: answered ? 'answered' : 'open', created_at: sent,
    });
    messages.push({ operation_id: operationId, id: demoId('message', `${r.key}:0`), request_id: id, bureau_id: bureauOf.get(r.from)!, body: r.message, at: sent });
    r.to.forEach((t, i) => {
      const at = t.answeredAfterHours === null ? null : new Date(sent.getTime() + t.answeredAfterHours * 3_600_000);
      addressees.push({ operation_id: operationId, request_id: id, bureau_id: bureauOf.get(t.country)!, first_answer_at: at });
      if (at && t.answer) {
        messages.push({ operation_id: operationId, id: demoId('message', `${r.key}:${i + 1}`), request_id: id, bureau_id: bureauOf.get(t.country)!, body: t.answer, at });
      }
    });
  }
  return { requests, addressees, messages };
}
