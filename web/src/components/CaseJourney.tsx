// A victim's journey as a timeline: recruitment → travel legs → exploitation → exit → return
// home, with dates and countries in the reader's language. Cities, platforms and names of sites
// stay as they were written.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';

export interface Place {
  country: string;
  city?: string;
}

export interface Journey {
  id: string;
  recruitment?: {
    channel: string;
    platform?: string;
    promisedJob?: string;
    promisedPay?: string;
    promisedDestination?: Place;
    on?: string;
  };
  legs: { from: Place; to: Place; on?: string; mode: string; transit?: boolean; facilitator?: string }[];
  exploitation?: {
    place: Place & { compound?: string };
    type: string;
    fraudSchemes?: string[];
    months?: number;
    means?: string[];
    from?: string;
  };
  exit?: { kind: string; on?: string; country?: string };
  returnHome?: { on?: string; country: string };
}

/** The countries the journey passes through, in order, without repeats in a row. */
export function journeyPath(journey: Journey): string[] {
  const stops: string[] = [];
  const first = journey.legs[0];
  if (first) stops.push(first.from.country);
  for (const leg of journey.legs) stops.push(leg.to.country);
  if (journey.returnHome) stops.push(journey.returnHome.country);
  return stops.filter((c, i) => c !== stops[i - 1]);
}

export function usePlace() {
  const { t } = useTranslation();
  const format = useFormat();
  return (place: Place) =>
    place.city ? t('cases.place', { city: place.city, country: format.country(place.country) }) : format.country(place.country);
}

function Step({ kind, title, date, children }: { kind: string; title: string; date?: string | undefined; children?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li className={`step step-${kind}`} data-step={kind}>
      <span className="step-dot" aria-hidden="true" />
      <div className="step-body">
        <p className="step-head">
          <span className="step-kind">{t(`cases.step.${kind}`)}</span>
          {date ? <time dateTime={date}>{format.day(date)}</time> : <span className="step-date-unknown">{t('cases.dateUnknown')}</span>}
        </p>
        <p className="step-title">{title}</p>
        {children}
      </div>
    </li>
  );
}

export function CaseJourney({ journey }: { journey: Journey }) {
  const { t } = useTranslation();
  const format = useFormat();
  const place = usePlace();
  const { recruitment: r, exploitation: x, exit, returnHome } = journey;
  const conjunction = new Intl.ListFormat(format.locale, { type: 'conjunction' });
  const list = (items: string[] | undefined, group: string) => conjunction.format((items ?? []).map((i) => t(`cases.${group}.${i}`, i)));
  return (
    <ol className="timeline">
      {r && (
        <Step kind="recruitment" title={t('cases.recruitedVia', { channel: t(`cases.channels.${r.channel}`, r.channel) })} date={r.on}>
          <ul className="step-facts">
            {r.platform && <li>{t('cases.platform', { platform: r.platform })}</li>}
            {r.promisedJob && <li>{t('cases.promisedJob', { job: r.promisedJob })}</li>}
            {r.promisedPay && <li>{t('cases.promisedPay', { pay: r.promisedPay })}</li>}
            {r.promisedDestination && <li>{t('cases.promisedDestination', { place: place(r.promisedDestination) })}</li>}
          </ul>
        </Step>
      )}
      {journey.legs.map((leg, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: legs have no id and never reorder
        <Step key={i} kind="leg" title={t('cases.legRoute', { from: place(leg.from), to: place(leg.to) })} date={leg.on}>
          <ul className="step-facts">
            <li>
              {t('cases.by', { mode: t(`cases.modes.${leg.mode}`, leg.mode) })}
              {leg.transit && <span className="badge badge-quiet">{t('cases.transit')}</span>}
            </li>
            {leg.facilitator && <li>{t('cases.facilitator', { name: leg.facilitator })}</li>}
          </ul>
        </Step>
      ))}
      {x && (
        <Step
          kind="exploitation"
          title={t('cases.exploitedAt', { type: t(`cases.exploitationTypes.${x.type}`, x.type), place: place(x.place) })}
          date={x.from}
        >
          <ul className="step-facts">
            {x.place.compound && <li>{t('cases.compound', { compound: x.place.compound })}</li>}
            {x.months !== undefined && <li>{t('cases.months', { months: format.number(x.months) })}</li>}
            {x.fraudSchemes && x.fraudSchemes.length > 0 && <li>{t('cases.schemes', { list: list(x.fraudSchemes, 'fraudSchemes') })}</li>}
            {x.means && x.means.length > 0 && <li>{t('cases.means', { list: list(x.means, 'controlMeans') })}</li>}
          </ul>
        </Step>
      )}
      {exit && (
        <Step
          kind="exit"
          title={
            exit.country
              ? t('cases.exitIn', { kind: t(`cases.exitKinds.${exit.kind}`, exit.kind), country: format.country(exit.country) })
              : t(`cases.exitKinds.${exit.kind}`, exit.kind)
          }
          date={exit.on}
        />
      )}
      {returnHome && <Step kind="returnHome" title={t('cases.returnedTo', { country: format.country(returnHome.country) })} date={returnHome.on} />}
    </ol>
  );
}
