// A campaign as the screens hold it: the list's filters read from the address, and the form's
// draft with what it sends (the whole campaign to record one, only what changed to change one).
import {
  CAMPAIGN_CHANNELS,
  CampaignCreate,
  type CampaignT,
  CampaignUpdate,
} from '../../../../src/modules/campaigns/schema.ts';
import type { Sharing } from '../../components/Sharing.tsx';
import { type FormLayout, fieldOfPath, keyedByField } from '../../components/FormFields.tsx';
import { type FieldErrors, fieldErrors } from '../../validate.ts';

export type Campaign = CampaignT;

export const FILTERS = ['country', 'channel', 'from', 'to'] as const;
export const SHARINGS: readonly Sharing[] = ['owner', 'listed', 'operation'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters of the address the API accepts; anything else typed into it is left out. */
export function filterOf(params: URLSearchParams): URLSearchParams {
  const filter = new URLSearchParams();
  const country = params.get('country') ?? '';
  const channel = params.get('channel') ?? '';
  if (/^[A-Z]{2}$/.test(country)) filter.set('country', country);
  if ((CAMPAIGN_CHANNELS as readonly string[]).includes(channel)) filter.set('channel', channel);
  for (const day of ['from', 'to'] as const) {
    const value = params.get(day) ?? '';
    if (DAY.test(value)) filter.set(day, value);
  }
  return filter;
}

export interface Draft {
  title: string;
  channel: string;
  country: string;
  places: string[];
  audience: string;
  startsOn: string;
  endsOn: string;
  reach: string;
  notes: string;
  sharing: Sharing;
  sharedWith: string[];
}

/** The form's fields in the order they appear, for the summary and for focusing the first wrong one. */
export const CAMPAIGN_FORM: FormLayout = {
  prefix: 'campaign',
  order: ['title', 'channel', 'country', 'places', 'audience', 'startsOn', 'endsOn', 'reach', 'notes', 'sharing', 'sharedWith'],
};

export function draftOf(campaign: Campaign | undefined, defaultCountry: string): Draft {
  if (!campaign) {
    return { title: '', channel: '', country: defaultCountry, places: [''], audience: '', startsOn: '', endsOn: '', reach: '', notes: '', sharing: 'operation', sharedWith: [] };
  }
  return {
    title: campaign.title,
    channel: campaign.channel,
    country: campaign.country,
    places: campaign.places.length > 0 ? [...campaign.places] : [''],
    audience: campaign.audience,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    reach: campaign.reach === null ? '' : String(campaign.reach),
    notes: campaign.notes,
    sharing: campaign.sharing,
    sharedWith: [...campaign.sharedWith],
  };
}

/** The places that are filled in, and where each sits among the inputs (for errors naming `places.N`). */
function filledPlaces(draft: Draft): { places: string[]; inputOf: number[] } {
  const places: string[] = [];
  const inputOf: number[] = [];
  draft.places.forEach((p, i) => {
    if (p.trim()) {
      places.push(p.trim());
      inputOf.push(i);
    }
  });
  return { places, inputOf };
}

/** The whole campaign as POST takes it; blank optional fields are left out. */
function createBody(draft: Draft): Record<string, unknown> {
  const { places } = filledPlaces(draft);
  return {
    title: draft.title.trim(),
    ...(draft.channel ? { channel: draft.channel } : {}),
    ...(draft.country ? { country: draft.country } : {}),
    places,
    ...(draft.audience.trim() ? { audience: draft.audience.trim() } : {}),
    ...(draft.startsOn ? { startsOn: draft.startsOn } : {}),
    ...(draft.endsOn ? { endsOn: draft.endsOn } : {}),
    ...(draft.reach.trim() ? { reach: Number(draft.reach) } : {}),
    ...(draft.notes ? { notes: draft.notes } : {}),
    sharing: draft.sharing,
    ...(draft.sharing === 'listed' ? { sharedWith: draft.sharedWith } : {}),
  };
}

/** Only what differs from the campaign as last read, as PATCH takes it; an emptied reach is `null`. */
function changedBody(draft: Draft, campaign: Campaign): Record<string, unknown> {
  const whole = createBody(draft);
  const body: Record<string, unknown> = {};
  const before = draftOf(campaign, '');
  for (const field of ['title', 'channel', 'country', 'startsOn', 'endsOn'] as const) {
    if (draft[field].trim() !== before[field]) body[field] = whole[field] ?? '';
  }
  if (JSON.stringify(whole.places) !== JSON.stringify(campaign.places)) body.places = whole.places;
  if (draft.audience.trim() !== campaign.audience) body.audience = draft.audience.trim();
  if (draft.notes !== campaign.notes) body.notes = draft.notes;
  if (draft.reach.trim() !== before.reach) body.reach = draft.reach.trim() ? Number(draft.reach) : null;
  const sameCountries = JSON.stringify([...draft.sharedWith].sort()) === JSON.stringify([...campaign.sharedWith].sort());
  if (draft.sharing !== campaign.sharing || (draft.sharing === 'listed' && !sameCountries)) {
    body.sharing = draft.sharing;
    if (draft.sharing === 'listed') body.sharedWith = draft.sharedWith;
  }
  return body;
}

/**
 * The form's own field for an API error path: `places.1` of the sent list is the input it came
 * from (blank inputs are not sent); `sharedWith.3` is the one country select.
 */
export function formField(path: string, draft: Draft): string | undefined {
  const [head, index] = path.split('.');
  if (head === 'places' && index !== undefined) return `places.${filledPlaces(draft).inputOf[Number(index)] ?? 0}`;
  return fieldOfPath(CAMPAIGN_FORM, path);
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * Checks a draft as the API will, plus what its schema cannot say (dates in order, a country to
 * share with); returns the body to send or what is wrong, keyed by the form's own fields.
 */
export function checkDraft(draft: Draft, campaign: Campaign | undefined, t: Translate): { body: Record<string, unknown>; errors: FieldErrors } {
  const body = campaign ? changedBody(draft, campaign) : createBody(draft);
  if (campaign && Object.keys(body).length === 0) return { body, errors: {} };
  const errors = keyedByField(fieldErrors(campaign ? CampaignUpdate : CampaignCreate, body, t), (path) => formField(path, draft));
  if (DAY.test(draft.startsOn) && DAY.test(draft.endsOn) && draft.endsOn < draft.startsOn) errors.endsOn ??= t('campaigns.errors.endBeforeStart');
  if (draft.sharing === 'listed' && draft.sharedWith.length === 0) errors.sharedWith ??= t('campaigns.errors.listedNeedsCountries');
  return { body, errors };
}
