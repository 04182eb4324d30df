// The analyst's decision on a match: confirm or reject with an optional note; once decided, who
// decided and when, and a way to change it. The card updates in place and keeps the focus.
import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useFormat } from '../../format.ts';
import { type MatchPage, type PersonMatchT, writeProblem } from './matches.ts';

type Decision = 'confirmed' | 'rejected';

/** Puts the decided match in every cached page in place; the lists are refetched when next shown. */
function useDecide(match: PersonMatchT, operationId: string, onDecided: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { decision: Decision; note: string }) =>
      api<PersonMatchT>(`/api/person-matches/${match.id}/decision`, { method: 'POST', body }),
    onSuccess: async (decided) => {
      const key = ['person-matches', operationId];
      queryClient.setQueriesData<InfiniteData<MatchPage>>(
        { queryKey: key },
        (data) =>
          data && {
            ...data,
            pages: data.pages.map((p) => ({
              ...p,
              items: p.items.map((m) => (m.id === decided.id ? decided : m)),
            })),
          },
      );
      // The card stays where it is; the other statuses' lists (and this one, next time) are read again.
      await queryClient.invalidateQueries({ queryKey: key, refetchType: 'none' });
      onDecided();
    },
  });
}

/**
 * The decision part of a match card.
 * @example <MatchDecision match={match} operationId={operation.id} />
 */
export function MatchDecision({ match, operationId }: { match: PersonMatchT; operationId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [changing, setChanging] = useState(false);
  const [justDecided, setJustDecided] = useState(false);
  const summary = useRef<HTMLParagraphElement>(null);
  const change = useRef<HTMLButtonElement>(null);
  // The buttons that had the focus are gone: the focus goes to what the decision now says.
  useEffect(() => {
    if (justDecided) summary.current?.focus();
  }, [justDecided]);

  if (match.status === 'proposed' || changing) {
    return (
      <DecisionForm
        match={match}
        operationId={operationId}
        onDecided={() => {
          setChanging(false);
          setJustDecided(true);
        }}
        onCancel={
          changing
            ? () => {
                setChanging(false);
                setTimeout(() => change.current?.focus());
              }
            : undefined
        }
      />
    );
  }
  return (
    <div className="match-decided">
      <p ref={summary} tabIndex={-1} role={justDecided ? 'status' : undefined} className="match-decided-by">
        <span className="match-mark" aria-hidden="true">
          {match.status === 'confirmed' ? '✓' : '✗'}
        </span>{' '}
        {t(`matches.decidedBy.${match.status === 'confirmed' ? 'confirmed' : 'rejected'}`, {
          user: match.decidedBy ?? t('matches.someone'),
          date: match.decidedAt ? format.dateTime(match.decidedAt) : '',
        })}
      </p>
      {match.note && (
        <p className="match-note">
          <span className="match-note-label">{t('matches.noteShown')}</span>{' '}
          <span dir="auto">{match.note}</span>
        </p>
      )}
      <button
        ref={change}
        type="button"
        className="match-secondary"
        onClick={() => {
          setJustDecided(false);
          setChanging(true);
        }}
      >
        {t('matches.change')}
      </button>
    </div>
  );
}

function DecisionForm({
  match,
  operationId,
  onDecided,
  onCancel,
}: {
  match: PersonMatchT;
  operationId: string;
  onDecided: () => void;
  onCancel: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const [noteOpen, setNoteOpen] = useState(match.note !== '');
  const [note, setNote] = useState(match.note);
  const noteId = useId();
  const first = useRef<HTMLButtonElement>(null);
  const noteBox = useRef<HTMLTextAreaElement>(null);
  const [noteAsked, setNoteAsked] = useState(false);
  useEffect(() => {
    if (noteAsked) noteBox.current?.focus();
  }, [noteAsked]);
  const decide = useDecide(match, operationId, onDecided);
  // Changing a decision: the focus goes to the choices that appeared (once, when they appear).
  const changing = useRef(onCancel !== undefined);
  useEffect(() => {
    if (changing.current) first.current?.focus();
  }, []);
  const send = (decision: Decision) => decide.mutate({ decision, note: noteOpen ? note : match.note });
  return (
    <fieldset className="match-decide">
      <legend className="visually-hidden">{t('matches.decide')}</legend>
      {noteOpen ? (
        <div className="form-field match-note-field">
          <label htmlFor={noteId}>{t('matches.note')}</label>
          <textarea
            ref={noteBox}
            id={noteId}
            name="note"
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
      ) : (
        <button
          type="button"
          className="link match-add-note"
          onClick={() => {
            setNoteOpen(true);
            setNoteAsked(true);
          }}
        >
          {t('matches.addNote')}
        </button>
      )}
      <div className="match-actions">
        <button
          ref={first}
          type="button"
          className="primary"
          disabled={decide.isPending}
          onClick={() => send('confirmed')}
        >
          {t('matches.confirm')}
        </button>
        <button
          type="button"
          className="match-secondary"
          disabled={decide.isPending}
          onClick={() => send('rejected')}
        >
          {t('matches.reject')}
        </button>
        {onCancel && (
          <button type="button" className="link" onClick={onCancel}>
            {t('matches.cancel')}
          </button>
        )}
      </div>
      {decide.isError && (
        <p className="match-error" role="alert">
          {writeProblem(decide.error, t)}
        </p>
      )}
    </fieldset>
  );
}
