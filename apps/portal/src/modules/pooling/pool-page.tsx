import { Alert, Button, Heading, Paragraph, Spinner, Tag, Textfield } from '@digdir/designsystemet-react';
import {
  useAcceptStaffing,
  useDecideSignup,
  useMe,
  usePendingSignupApprovals,
  usePoolEvents,
  useRegisterPoolEvent,
  useReviewPoolEvent,
  useSignUpForShift,
  useStaffingProposal,
  useUpdatePoolEvent,
  useWithdrawSignup,
  type PoolEventFieldsFragment,
} from '@laerenett/portal-data-access';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShort } from '../gatherings/format';
import { ErrorAlert } from '../layout/error-alert';
import { DataTable } from '../layout/table-wrap';
import { AssignToShift } from './assign-to-shift';
import { CompetenceSection } from './competence-section';
import { Disclosure } from './disclosure';
import { EventFeedback } from './event-feedback';
import { draftFromEvent, emptyDraft, EventForm } from './event-form';
import { EventSignups } from './event-signups';
import { Section } from '../layout/section';

function RegisterEvent() {
  const { t } = useTranslation();
  const register = useRegisterPoolEvent();
  return (
    <details>
      <summary>{t('pool.register')}</summary>
      <EventForm
        initial={emptyDraft()}
        submitLabel={t('pool.submit')}
        doneText={t('pool.submitted')}
        onSubmit={(input) => register.mutateAsync({ input })}
        error={register.error}
        resetAfter
      />
    </details>
  );
}

/** Changing an event that waits for review or was sent back, and sending it in again. */
export function EditEvent({ e }: { e: PoolEventFieldsFragment }) {
  const { t } = useTranslation();
  const update = useUpdatePoolEvent();
  return (
    <Disclosure summary={t(e.status === 'RETURNED' ? 'pool.editReturned' : 'pool.edit')}>
      {() => (
        <EventForm
          initial={draftFromEvent(e)}
          submitLabel={t('pool.resubmit')}
          doneText={t('pool.resubmitted')}
          onSubmit={(input) => update.mutateAsync({ eventId: e.id, input })}
          error={update.error}
        />
      )}
    </Disclosure>
  );
}

function ReviewControls({ e }: { e: PoolEventFieldsFragment }) {
  const { t } = useTranslation();
  const review = useReviewPoolEvent();
  const [comment, setComment] = useState('');
  return (
    <div className="ln-stack">
      <div className="ln-row">
        <Button onClick={() => review.mutate({ input: { eventId: e.id, approve: true, comment: '' } })}>{t('pool.approve')}</Button>
        <Textfield label={t('pool.comment')} value={comment} onChange={(x) => setComment(x.target.value)} />
        <Button variant="secondary" onClick={() => review.mutate({ input: { eventId: e.id, approve: false, comment } })}>
          {t('pool.sendBack')}
        </Button>
      </div>
      <ErrorAlert error={review.error} />
    </div>
  );
}

function EventCard({ e, apprentice }: { e: PoolEventFieldsFragment; apprentice: boolean }) {
  const { t, i18n } = useTranslation();
  const signUp = useSignUpForShift();
  const withdraw = useWithdrawSignup();
  return (
    <article className="ln-card" aria-labelledby={`ev-${e.id}`} data-testid="pool-event">
      <Heading level={3} data-size="sm" id={`ev-${e.id}`}>
        {e.title}
      </Heading>
      <div className="ln-row">
        <Tag data-color={e.status === 'APPROVED' ? 'success' : e.status === 'RETURNED' ? 'danger' : 'warning'}>
          {t(`pool.statuses.${e.status}`)}
        </Tag>
        <span>
          {t(`pool.kinds.${e.kind}`)} · {e.agencyName}
          {e.place ? ` · ${e.place}` : ''}
        </span>
      </div>
      {e.description && <Paragraph>{e.description}</Paragraph>}
      {e.reviewComment && e.status === 'RETURNED' && (
        <Alert data-color="warning">
          <Paragraph>
            <strong>{t('pool.ministryComment')}:</strong> {e.reviewComment}
          </Paragraph>
        </Alert>
      )}
      <DataTable
        label={e.title}
        columns={[
          t('pool.when'),
          t('pool.tasks'),
          { label: t('pool.placesTaken'), numeric: true },
          t('pool.trades'),
          apprentice && t('pool.signUp'),
        ]}
      >
        {e.shifts.map((s) => (
          <tr key={s.id}>
            <td>{formatShort(s.startsAt, s.endsAt, i18n.language)}</td>
            <td>{s.tasks}</td>
            <td className="ln-num">
              {s.taken} / {s.places}
            </td>
            <td>{s.tradeNames.length ? s.tradeNames.join(', ') : t('pool.anyTrade')}</td>
            {apprentice && (
              <td>
                {s.mySignup && (s.mySignup.state === 'PENDING' || s.mySignup.state === 'APPROVED') ? (
                  <div className="ln-row">
                    <span>{t('pool.youAre', { state: t(`pool.signupStates.${s.mySignup.state}`) })}</span>
                    <Button variant="tertiary" data-size="sm" onClick={() => withdraw.mutate({ signupId: s.mySignup!.id })}>
                      {t('pool.withdraw')}
                    </Button>
                  </div>
                ) : s.eligibility === 'OK' ? (
                  <Button data-size="sm" onClick={() => signUp.mutate({ shiftId: s.id })}>
                    {t('pool.signUp')}
                  </Button>
                ) : (
                  <span>{t(`pool.eligibility.${s.eligibility ?? 'DEADLINE'}`)}</span>
                )}
              </td>
            )}
          </tr>
        ))}
      </DataTable>
      <ErrorAlert error={signUp.error ?? withdraw.error} />
      {e.canReview && (e.status === 'SUBMITTED' || e.status === 'RETURNED') && <ReviewControls e={e} />}
      {e.canEdit && <EditEvent e={e} />}
      {e.shifts.some((s) => s.canAssign) && <Disclosure summary={t('pool.assign')}>{() => <AssignToShift e={e} />}</Disclosure>}
      {e.canManage && e.status === 'APPROVED' && <EventSignups eventId={e.id} />}
      <EventFeedback e={e} />
    </article>
  );
}

function Approvals() {
  const { t, i18n } = useTranslation();
  const pending = usePendingSignupApprovals(true);
  const decide = useDecideSignup();
  const list = pending.data?.pendingSignupApprovals ?? [];
  return (
    <Section id="approvals-title" title={t('pool.approvals')}>
      <Paragraph data-size="sm">{t('pool.approvalsHint')}</Paragraph>
      {list.length === 0 ? (
        <Paragraph>{t('pool.noApprovals')}</Paragraph>
      ) : (
        <DataTable
          label={t('pool.approvals')}
          testId="pool-approvals"
          columns={[
            t('pool.apprentice'),
            t('pool.event'),
            t('pool.when'),
            t('pool.origin'),
            <span key="yes" className="ln-visually-hidden">
              {t('pool.yes')}
            </span>,
          ]}
        >
          {list.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.name}</th>
              <td>{s.eventTitle}</td>
              <td>{formatShort(s.startsAt, s.endsAt, i18n.language)}</td>
              <td>{t(`pool.origins.${s.origin}`)}</td>
              <td>
                <div className="ln-row">
                  <Button
                    data-size="sm"
                    aria-label={`${t('pool.yes')}: ${s.name}, ${s.eventTitle}`}
                    onClick={() => decide.mutate({ input: { signupId: s.id, approve: true, note: '' } })}
                  >
                    {t('pool.yes')}
                  </Button>
                  <Button
                    data-size="sm"
                    variant="secondary"
                    aria-label={`${t('pool.no')}: ${s.name}, ${s.eventTitle}`}
                    onClick={() => decide.mutate({ input: { signupId: s.id, approve: false, note: '' } })}
                  >
                    {t('pool.no')}
                  </Button>
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <ErrorAlert error={decide.error} />
    </Section>
  );
}

function Staffing() {
  const { t, i18n } = useTranslation();
  const [asked, setAsked] = useState(false);
  const proposal = useStaffingProposal(asked);
  const accept = useAcceptStaffing();
  const p = proposal.data?.staffingProposal;
  return (
    <Section id="staffing-title" title={t('pool.staffing')}>
      <Paragraph data-size="sm">{t('pool.staffingHint')}</Paragraph>
      <Button variant="secondary" onClick={() => (asked ? void proposal.refetch() : setAsked(true))}>
        {t('pool.propose')}
      </Button>
      {proposal.isFetching && <Spinner aria-label={t('app.loading')} />}
      <ErrorAlert error={proposal.error ?? accept.error} />
      {p && (
        <>
          <Paragraph>
            {t('pool.proposalSummary', { filled: p.filled, open: p.open, bound: p.upperBound, max: p.largestLoad.toFixed(1) })}
          </Paragraph>
          {p.assignments.length > 0 && (
            <>
              <DataTable label={t('pool.staffing')} columns={[t('pool.apprentice'), t('pool.event'), t('pool.when')]}>
                {p.assignments.map((a) => (
                  <tr key={`${a.shiftId}-${a.userId}`}>
                    <th scope="row">
                      {a.name} ({a.agencyName})
                    </th>
                    <td>{a.eventTitle}</td>
                    <td>{formatShort(a.startsAt, a.endsAt, i18n.language)}</td>
                  </tr>
                ))}
              </DataTable>
              <Button
                onClick={() =>
                  accept.mutate({ input: { assignments: p.assignments.map((a) => ({ shiftId: a.shiftId, userId: a.userId })) } })
                }
              >
                {t('pool.accept')}
              </Button>
            </>
          )}
          {accept.isSuccess && (
            <Alert data-color="success" role="status">
              {t('pool.accepted')}
            </Alert>
          )}
        </>
      )}
    </Section>
  );
}

/** Events that have been held (and earlier ones not held), asked for when wanted: attendance, hours and the host's feedback. */
function HeldEvents({ coming, apprentice }: { coming: PoolEventFieldsFragment[]; apprentice: boolean }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const all = usePoolEvents(true, shown);
  const comingIds = new Set(coming.map((e) => e.id));
  const held = (all.data?.poolEvents ?? []).filter((e) => !comingIds.has(e.id)).reverse();
  return (
    <Section id="pool-held-title" className="ln-stack" title={t('pool.held')}>
      <div>
        <Button variant="secondary" aria-expanded={shown} onClick={() => setShown((x) => !x)}>
          {shown ? t('pool.hideHeld') : t('pool.showHeld')}
        </Button>
      </div>
      {shown && all.isLoading && <Spinner aria-label={t('app.loading')} />}
      <ErrorAlert error={all.error} />
      {shown && all.isSuccess && held.length === 0 && <Paragraph>{t('pool.noHeld')}</Paragraph>}
      {shown && held.map((e) => <EventCard key={e.id} e={e} apprentice={apprentice} />)}
    </Section>
  );
}

/** The area's pool: events to help at, registration, review, approvals and staffing. */
export function PoolPage() {
  const { t } = useTranslation();
  const me = useMe().data?.me;
  const events = usePoolEvents();
  const apprentice = !!me?.capabilities?.signUpForShifts;
  const ministry = !!me?.capabilities?.reviewEvents;
  const list = events.data?.poolEvents ?? [];
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('pool.title')}
      </Heading>
      <Paragraph>{t('pool.intro')}</Paragraph>
      {me?.capabilities?.registerEvents && <RegisterEvent />}
      {me?.capabilities?.approveSignups && <Approvals />}
      {events.isLoading && <Spinner aria-label={t('app.loading')} />}
      <ErrorAlert error={events.error} />
      <Section id="pool-list-title" className="ln-stack" title={t('pool.listTitle')}>
        {list.length === 0 && !events.isLoading && <Paragraph>{t('pool.none')}</Paragraph>}
        {list.map((e) => (
          <EventCard key={e.id} e={e} apprentice={apprentice} />
        ))}
      </Section>
      {events.isSuccess && <HeldEvents coming={list} apprentice={apprentice} />}
      {ministry && <Staffing />}
      <CompetenceSection />
    </>
  );
}
