// One possible match: the two persons side by side (stacked on a phone), how sure the model is,
// field by field why, and the analyst's decision.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../format.ts';
import { MatchDecision } from './MatchDecision.tsx';
import {
  agreementOf,
  fieldText,
  levelText,
  type MatchPerson,
  type PersonMatchT,
  scoreLevel,
} from './matches.ts';

/**
 * A match as a card in the review list.
 * @example <MatchCard match={match} operationId={operation.id} />
 */
export function MatchCard({ match, operationId }: { match: PersonMatchT; operationId: string }) {
  const { t } = useTranslation();
  const headingId = `match-${match.id}`;
  return (
    <li className="match" data-match={match.id} data-status={match.status}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="visually-hidden">
          {t('matches.cardTitle', { left: match.left.name, right: match.right.name })}
        </h3>
        <div className="match-head">
          <Score score={match.score} />
          <span className={`badge match-status-${match.status}`}>
            {t(`matches.statuses.${match.status}`)}
          </span>
        </div>
        <div className="match-persons">
          <Person person={match.left} side="left" />
          <Person person={match.right} side="right" />
        </div>
        <Explanation match={match} />
        <MatchDecision match={match} operationId={operationId} />
      </article>
    </li>
  );
}

function Score({ score }: { score: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percentOf = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 1 });
  // Never "100 %": the model is never certain, however close it comes.
  const percent = score < 1 && score >= 0.9995 ? `≥ ${percentOf.format(0.999)}` : percentOf.format(score);
  const level = scoreLevel(score);
  return (
    <p className={`match-score match-score-${level}`} data-score={score}>
      <span className="match-score-value">{percent}</span>{' '}
      <span className="match-score-word">{t(`matches.scoreLevels.${level}`)}</span>
      <span className="match-meter" aria-hidden="true">
        <span style={{ width: `${Math.round(score * 100)}%` }} />
      </span>
    </p>
  );
}

function Person({ person, side }: { person: MatchPerson; side: 'left' | 'right' }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="match-person" data-person={person.id} data-side={side}>
      <p className="match-person-name">
        <bdi dir="auto" translate="no">
          {person.name}
        </bdi>
        <span className="badge badge-quiet">
          {t(`cases.roles.${person.role}`, { defaultValue: person.role })}
        </span>
      </p>
      <dl className="match-facts">
        <div>
          <dt>{t('matches.person.case')}</dt>
          <dd>
            <Link to={`/cases/${person.caseId}`}>
              <bdi dir="auto">{person.caseTitle}</bdi>
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('matches.person.owner')}</dt>
          <dd>{format.country(person.ownerCountry)}</dd>
        </div>
        <div>
          <dt>{t('matches.person.born')}</dt>
          <dd>
            {person.birthDate ? (
              <time dateTime={person.birthDate}>{format.day(person.birthDate)}</time>
            ) : (
              <span className="muted">{t('matches.person.unknown')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('matches.person.nationalities')}</dt>
          <dd>
            {person.nationalities.length > 0 ? (
              person.nationalities.map((c) => format.country(c)).join(', ')
            ) : (
              <span className="muted">{t('matches.person.unknown')}</span>
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
}

/** Field by field, what spoke for the match and what against it: a mark and a word, not colour alone. */
function Explanation({ match }: { match: PersonMatchT }) {
  const { t } = useTranslation();
  const format = useFormat();
  const weight = new Intl.NumberFormat(format.locale, {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const id = `match-why-${match.id}`;
  if (match.explanation.length === 0) return null;
  return (
    <div className="match-why">
      <h4 id={id}>{t('matches.why')}</h4>
      <ul aria-labelledby={id}>
        {match.explanation.map((e) => {
          const agreement = agreementOf(e);
          return (
            <li
              key={e.field}
              className={`match-evidence match-${agreement}`}
              data-field={e.field}
              data-agreement={agreement}
            >
              <span className="match-mark" aria-hidden="true">
                {agreement === 'agrees' ? '✓' : agreement === 'differs' ? '✗' : '–'}
              </span>
              <span className="match-agreement">{t(`matches.agreement.${agreement}`)}</span>
              <span className="match-evidence-text">
                {t('matches.evidence', {
                  field: fieldText(e.field, t),
                  level: levelText(e.level, t),
                  weight: weight.format(e.weight),
                })}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
