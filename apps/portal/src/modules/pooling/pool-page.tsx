import { Alert, Button, Heading, Paragraph, Select, Spinner, Tag, Textfield } from '@digdir/designsystemet-react';
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
  useWithdrawSignup,
  type PoolEventFieldsFragment,
  type PoolEventKind,
} from '@laerenett/portal-data-access';
import { osloInstant } from '@laerenett/shared-domain';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShort } from '../gatherings/format';
import { ErrorAlert } from '../layout/error-alert';
import { CompetenceSection } from './competence-section';
import { EventSignups } from './event-signups';
import { TableWrap } from '../layout/table-wrap';

const KINDS = ['EVENT', 'SEMINAR', 'COURSE', 'PROJECT', 'ELECTION', 'OTHER'] as PoolEventKind[];
function RegisterEvent() {
  const { t } = useTranslation();
  const register = useRegisterPoolEvent();
  const [form, setForm] = useState({ title: '', kind: 'EVENT' as PoolEventKind, place: '', description: '', deadline: '' });
  const [shifts, setShifts] = useState([{ date: '', start: '09:00', end: '12:00', places: '2', tasks: '' }]);
  const [done, setDone] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const setShift = (i: number, k: keyof (typeof shifts)[number]) => (e: { target: { value: string } }) => setShifts((list) => list.map((s, j) => (j === i ? { ...s, [k]: e.target.value } : s)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const dates = shifts.map((s) => s.date).filter(Boolean).sort();
    try {
      await register.mutateAsync({
        input: {
          title: form.title,
          kind: form.kind,
          place: form.place,
          description: form.description,
          startsOn: dates[0] ?? '',
          endsOn: dates[dates.length - 1] ?? '',
          signupDeadline: form.deadline ? osloInstant(form.deadline, '23:59').toISOString() : '',
          shifts: shifts.map((s) => ({ startsAt: s.date ? osloInstant(s.date, s.start).toISOString() : '', endsAt: s.date ? osloInstant(s.date, s.end).toISOString() : '', places: Number(s.places) || 0, tasks: s.tasks, tradeIds: [], competenceGoals: '' })),
        },
      });
      setDone(true);
      setForm({ title: '', kind: 'EVENT' as PoolEventKind, place: '', description: '', deadline: '' });
      setShifts([{ date: '', start: '09:00', end: '12:00', places: '2', tasks: '' }]);
    } catch {
      /* shown below */
    }
  };
  return (
    <details>
      <summary>{t('pool.register')}</summary>
      <form onSubmit={submit} noValidate className="ln-stack">
        <div className="ln-row">
          <Textfield label={t('pool.eventTitle')} value={form.title} onChange={set('title')} />
          <div>
            <label htmlFor="pool-kind">{t('pool.kind')}</label>
            <Select id="pool-kind" value={form.kind} onChange={set('kind')}>
              {KINDS.map((k) => (
                <Select.Option key={k} value={k}>
                  {t(`pool.kinds.${k}`)}
                </Select.Option>
              ))}
            </Select>
          </div>
          <Textfield label={t('pool.place')} value={form.place} onChange={set('place')} />
          <Textfield label={t('pool.deadline')} type="date" value={form.deadline} onChange={set('deadline')} />
        </div>
        <Textfield label={t('pool.description')} multiline rows={2} value={form.description} onChange={set('description')} />
        {shifts.map((s, i) => (
          <fieldset key={i} className="ln-row ln-fieldset">
            <legend>{t('pool.shift', { n: i + 1 })}</legend>
            <Textfield label={t('pool.date')} type="date" value={s.date} onChange={setShift(i, 'date')} />
            <Textfield label={t('pool.start')} type="time" value={s.start} onChange={setShift(i, 'start')} />
            <Textfield label={t('pool.end')} type="time" value={s.end} onChange={setShift(i, 'end')} />
            <Textfield label={t('pool.places')} type="number" min={1} value={s.places} onChange={setShift(i, 'places')} />
            <Textfield label={t('pool.tasks')} value={s.tasks} onChange={setShift(i, 'tasks')} />
          </fieldset>
        ))}
        <div className="ln-row">
          <Button type="button" variant="secondary" onClick={() => setShifts((l) => [...l, { ...l[l.length - 1] }])}>
            {t('pool.addShift')}
          </Button>
          <Button type="submit">{t('pool.submit')}</Button>
        </div>
        <ErrorAlert error={register.error} />
        {done && (
          <Alert data-color="success" role="status">
            {t('pool.submitted')}
          </Alert>
        )}
      </form>
    </details>
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
        <Tag data-color={e.status === 'APPROVED' ? 'success' : e.status === 'RETURNED' ? 'danger' : 'warning'}>{t(`pool.statuses.${e.status}`)}</Tag>
        <span>
          {t(`pool.kinds.${e.kind}`)} · {e.agencyName}
          {e.place ? ` · ${e.place}` : ''}
        </span>
      </div>
      {e.description && <Paragraph>{e.description}</Paragraph>}
      {e.reviewComment && e.status === 'RETURNED' && <Alert data-color="warning">{e.reviewComment}</Alert>}
      <TableWrap label={e.title}>
        <table className="ds-table">
          <thead>
            <tr>
              <th scope="col">{t('pool.when')}</th>
              <th scope="col">{t('pool.tasks')}</th>
              <th scope="col" className="ln-num">
                {t('pool.placesTaken')}
              </th>
              <th scope="col">{t('pool.trades')}</th>
              {apprentice && <th scope="col">{t('pool.signUp')}</th>}
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </TableWrap>
      <ErrorAlert error={signUp.error ?? withdraw.error} />
      {e.canReview && (e.status === 'SUBMITTED' || e.status === 'RETURNED') && <ReviewControls e={e} />}
      {e.canManage && e.status === 'APPROVED' && <EventSignups eventId={e.id} />}
    </article>
  );
}

function Approvals() {
  const { t, i18n } = useTranslation();
  const pending = usePendingSignupApprovals(true);
  const decide = useDecideSignup();
  const list = pending.data?.pendingSignupApprovals ?? [];
  return (
    <section aria-labelledby="approvals-title">
      <Heading level={2} data-size="sm" id="approvals-title">
        {t('pool.approvals')}
      </Heading>
      <Paragraph data-size="sm">{t('pool.approvalsHint')}</Paragraph>
      {list.length === 0 ? (
        <Paragraph>{t('pool.noApprovals')}</Paragraph>
      ) : (
        <TableWrap label={t('pool.approvals')}>
          <table className="ds-table" data-testid="pool-approvals">
            <thead>
              <tr>
                <th scope="col">{t('pool.apprentice')}</th>
                <th scope="col">{t('pool.event')}</th>
                <th scope="col">{t('pool.when')}</th>
                <th scope="col">
                  <span className="ln-visually-hidden">{t('pool.yes')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  <td>{s.eventTitle}</td>
                  <td>{formatShort(s.startsAt, s.endsAt, i18n.language)}</td>
                  <td>
                    <div className="ln-row">
                      <Button data-size="sm" aria-label={`${t('pool.yes')}: ${s.name}, ${s.eventTitle}`} onClick={() => decide.mutate({ input: { signupId: s.id, approve: true, note: '' } })}>
                        {t('pool.yes')}
                      </Button>
                      <Button data-size="sm" variant="secondary" aria-label={`${t('pool.no')}: ${s.name}, ${s.eventTitle}`} onClick={() => decide.mutate({ input: { signupId: s.id, approve: false, note: '' } })}>
                        {t('pool.no')}
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <ErrorAlert error={decide.error} />
    </section>
  );
}

function Staffing() {
  const { t, i18n } = useTranslation();
  const [asked, setAsked] = useState(false);
  const proposal = useStaffingProposal(asked);
  const accept = useAcceptStaffing();
  const p = proposal.data?.staffingProposal;
  return (
    <section aria-labelledby="staffing-title">
      <Heading level={2} data-size="sm" id="staffing-title">
        {t('pool.staffing')}
      </Heading>
      <Paragraph data-size="sm">{t('pool.staffingHint')}</Paragraph>
      <Button variant="secondary" onClick={() => (asked ? void proposal.refetch() : setAsked(true))}>
        {t('pool.propose')}
      </Button>
      {proposal.isFetching && <Spinner aria-label={t('app.loading')} />}
      <ErrorAlert error={proposal.error ?? accept.error} />
      {p && (
        <>
          <Paragraph>{t('pool.proposalSummary', { filled: p.filled, open: p.open, bound: p.upperBound, max: p.largestLoad.toFixed(1) })}</Paragraph>
          {p.assignments.length > 0 && (
            <>
              <TableWrap label={t('pool.staffing')}>
                <table className="ds-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('pool.apprentice')}</th>
                      <th scope="col">{t('pool.event')}</th>
                      <th scope="col">{t('pool.when')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.assignments.map((a) => (
                      <tr key={`${a.shiftId}-${a.userId}`}>
                        <th scope="row">
                          {a.name} ({a.agencyName})
                        </th>
                        <td>{a.eventTitle}</td>
                        <td>{formatShort(a.startsAt, a.endsAt, i18n.language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <Button onClick={() => accept.mutate({ input: { assignments: p.assignments.map((a) => ({ shiftId: a.shiftId, userId: a.userId })) } })}>{t('pool.accept')}</Button>
            </>
          )}
          {accept.isSuccess && (
            <Alert data-color="success" role="status">
              {t('pool.accepted')}
            </Alert>
          )}
        </>
      )}
    </section>
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
      <section aria-labelledby="pool-list-title" className="ln-stack">
        <Heading level={2} data-size="sm" id="pool-list-title">
          {t('pool.listTitle')}
        </Heading>
        {list.length === 0 && !events.isLoading && <Paragraph>{t('pool.none')}</Paragraph>}
        {list.map((e) => (
          <EventCard key={e.id} e={e} apprentice={apprentice} />
        ))}
      </section>
      {ministry && <Staffing />}
      <CompetenceSection />
    </>
  );
}
