import { Button, Tag } from '@digdir/designsystemet-react';
import type { FollowUpCaseFields } from '@laerenett/portal-data-access';
import {
  AFTER_TERMINATION_LABELS,
  Bilingual,
  COUNTY_CONTACT_CHANNEL_LABELS,
  EXTERNAL_PARTICIPANT_LABELS,
  FOLLOW_UP_STEP_LABELS,
  TERMINATION_CAUSE_LABELS,
  TERMINATION_MODE_LABELS,
} from '@laerenett/shared-domain';
import { useTranslation } from 'react-i18next';
import { useDay } from '../apprenticeship/parts';

/** A text of the domain's vocabularies (concerns, steps, causes …) in the reader's language. */
export function useLabel() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  return (labels: Record<string, Bilingual>, key: string | null | undefined) => (key ? (labels[key]?.[lang] ?? key) : '–');
}

type Step = FollowUpCaseFields['steps'][number];

/** A step's facts read term above value, so that long terms leave the value the full width of a phone. */
const TERM = { fontWeight: 600 } as const;
const VALUE = { margin: '0 0 var(--ds-size-2) 0', overflowWrap: 'anywhere' } as const;

/** A case's status as a tag. */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const color = status === 'OPEN' ? 'warning' : status === 'RESOLVED' ? 'success' : 'neutral';
  return (
    <Tag data-color={color} data-size="sm">
      {t(`followUp.statuses.${status}`)}
    </Tag>
  );
}

/**
 * The steps of a case, each with who took part, the summary, the agreed actions and the kind's
 * own facts. The staff's internal note is shown only where the server sent it (never to the
 * apprentice), marked as internal.
 */
export function StepList({ steps, onDone }: { steps: Step[]; onDone?: (actionId: string, done: boolean) => void }) {
  const { t } = useTranslation();
  const day = useDay();
  const label = useLabel();
  if (!steps.length) return <p>{t('followUp.noSteps')}</p>;
  return (
    <ol className="ln-stack ln-follow-up-steps" data-testid="follow-up-steps">
      {steps.map((s) => (
        <li key={s.id} className="ln-card" data-testid={`step-${s.kind}`}>
          <strong>
            {label(FOLLOW_UP_STEP_LABELS, s.kind)} · {day(s.date)}
          </strong>
          <dl style={{ margin: 0 }}>
            <div>
              <dt style={TERM}>{t('followUp.participants')}</dt>
              <dd style={VALUE}>{s.participants.map((p) => `${p.name} (${t(`followUp.roles.${p.role}`)})`).join(', ') || '–'}</dd>
            </div>
            {s.externalParticipants.length > 0 && (
              <div>
                <dt style={TERM}>{t('followUp.externalParticipants')}</dt>
                <dd style={VALUE}>
                  {s.externalParticipants.map((x) => `${x.name} (${x.roleText || label(EXTERNAL_PARTICIPANT_LABELS, x.role)})`).join(', ')}
                </dd>
              </div>
            )}
            <div>
              <dt style={TERM}>{t('followUp.summary')}</dt>
              <dd style={VALUE}>{s.summary}</dd>
            </div>
            {s.countyAdviserInformedOn && (
              <div>
                <dt style={TERM}>{t('followUp.countyInformed')}</dt>
                <dd style={VALUE}>
                  {day(s.countyAdviserInformedOn)} ({label(COUNTY_CONTACT_CHANNEL_LABELS, s.countyAdviserInformedHow)})
                </dd>
              </div>
            )}
            {s.trustedPersonInvited && (
              <div>
                <dt style={TERM}>{t('followUp.trustedPerson')}</dt>
                <dd style={VALUE}>{t('followUp.yes')}</dd>
              </div>
            )}
            {s.interruptionStartsOn && (
              <div>
                <dt style={TERM}>{t('followUp.interruption')}</dt>
                <dd style={VALUE}>
                  {t('followUp.interruptionFrom', { from: day(s.interruptionStartsOn), told: day(s.interruptionCountyNotifiedOn) })}
                </dd>
              </div>
            )}
            {s.agreedOn && (
              <div>
                <dt style={TERM}>{t('followUp.agreed')}</dt>
                <dd style={VALUE}>
                  {day(s.agreedOn)}: {s.agreedBy.map((p) => p.name).join(', ')}
                </dd>
              </div>
            )}
            {s.mode && (
              <div>
                <dt style={TERM}>{label(TERMINATION_MODE_LABELS, s.mode)}</dt>
                <dd style={VALUE}>{t('followUp.lastDay', { day: day(s.terminatedOn) })}</dd>
              </div>
            )}
            {s.causes.length > 0 && (
              <div>
                <dt style={TERM}>{t('followUp.causes')}</dt>
                <dd style={VALUE}>
                  {[...s.causes.map((c) => label(TERMINATION_CAUSE_LABELS, c)), s.causeText].filter(Boolean).join(', ')}
                </dd>
              </div>
            )}
            {s.afterwards && (
              <div>
                <dt style={TERM}>{t('followUp.afterwards')}</dt>
                <dd style={VALUE}>{label(AFTER_TERMINATION_LABELS, s.afterwards)}</dd>
              </div>
            )}
            {s.nextMeetingOn && (
              <div>
                <dt style={TERM}>{t('followUp.nextMeeting')}</dt>
                <dd style={VALUE}>{day(s.nextMeetingOn)}</dd>
              </div>
            )}
          </dl>
          {s.actions.length > 0 && (
            <div>
              <strong>{t('followUp.actions')}</strong>
              <ul className="ln-follow-up-actions">
                {s.actions.map((a) => (
                  <li key={a.id}>
                    {a.description} — {a.ownerName}, {t('followUp.due', { day: day(a.deadline) })}
                    {a.doneOn ? ` · ${t('followUp.doneOn', { day: day(a.doneOn) })}` : a.overdue ? ` · ${t('followUp.overdue')}` : ''}
                    {onDone && (
                      <>
                        {' '}
                        <Button variant="tertiary" data-size="sm" onClick={() => onDone(a.id, !a.doneOn)}>
                          {a.doneOn ? t('followUp.markNotDone') : t('followUp.markDone')}
                        </Button>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {s.internalNote && (
            <p className="ln-internal-note" data-testid="internal-note">
              <strong>{t('followUp.internalNote')}:</strong> {s.internalNote}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
