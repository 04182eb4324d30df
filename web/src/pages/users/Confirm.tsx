// "Are you sure?" in place, under the button that asked: the question gets the focus, the change
// is made only on the explicit button, and cancelling gives the focus back to the asker.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * An inline confirmation.
 * @example <Confirm question={t('users.disable.question', { username })} confirm={t('users.disable.confirm')} onConfirm={…} onCancel={…} />
 */
export function Confirm(props: {
  question: string;
  confirm: string;
  pending: boolean;
  problem: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => question.current?.focus(), []);
  return (
    <div className="users-confirm" data-confirm="true">
      <p ref={question} tabIndex={-1}>
        {props.question}
      </p>
      {props.problem && (
        <p className="form-error" role="alert">
          {props.problem}
        </p>
      )}
      <div className="account-actions">
        <button type="button" className="account-danger" disabled={props.pending} onClick={props.onConfirm}>
          {props.confirm}
        </button>
        <button type="button" className="account-secondary" onClick={props.onCancel}>
          {t('account.cancel')}
        </button>
      </div>
    </div>
  );
}
