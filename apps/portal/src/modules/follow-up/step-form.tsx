import { Button, Checkbox, Fieldset, Select, Textfield } from '@digdir/designsystemet-react';
import { useRecordFollowUpStep } from '@laerenett/portal-data-access';
import type { FollowUpCaseFields } from '@laerenett/portal-data-access';
import {
  AFTER_TERMINATION_LABELS,
  AfterTermination,
  COUNTY_CONTACT_CHANNEL_LABELS,
  CountyContactChannel,
  EXTERNAL_PARTICIPANT_LABELS,
  ExternalParticipantRole,
  FOLLOW_UP_STEP_LABELS,
  FollowUpParticipantRole,
  FollowUpStepKind,
  TERMINATION_CAUSE_LABELS,
  TERMINATION_MODE_LABELS,
  TerminationCause,
  TerminationMode,
} from '@laerenett/shared-domain';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInOslo } from '../apprenticeship/parts';
import { ErrorAlert } from '../layout/error-alert';
import { Section } from '../layout/section';
import { useLabel } from './parts';

interface External {
  role: ExternalParticipantRole;
  name: string;
  roleText: string;
}
interface Action {
  description: string;
  /** A person of the case, or '' for someone outside named in `ownerName`. */
  owner: string;
  ownerName: string;
  deadline: string;
}

const blank = (kind: FollowUpStepKind) => ({
  kind,
  date: todayInOslo(),
  participants: [] as string[],
  external: [] as External[],
  summary: '',
  actions: [] as Action[],
  nextMeetingOn: '',
  internalNote: '',
  countyOn: '',
  countyHow: CountyContactChannel.PHONE as CountyContactChannel,
  trusted: false,
  interrupt: false,
  interruptionStartsOn: '',
  interruptionCountyNotifiedOn: '',
  agreedOn: '',
  agreedBy: [] as string[],
  mode: TerminationMode.BY_AGREEMENT as TerminationMode,
  terminatedOn: '',
  causes: [] as TerminationCause[],
  causeText: '',
  afterwards: AfterTermination.UNKNOWN as AfterTermination,
  sentToCountyOn: '',
  countyDecidedOn: '',
});
type Draft = ReturnType<typeof blank>;

/** The step offered first: the next one up the ladder (a meeting after the talk, the plan after a meeting), else the first allowed. */
function forward(c: FollowUpCaseFields): FollowUpStepKind {
  const last = c.steps[c.steps.length - 1]?.kind;
  const ending: string[] = [FollowUpStepKind.RESOLUTION, FollowUpStepKind.TERMINATION];
  return (c.nextSteps.find((k) => k !== last && !ending.includes(k)) ?? c.nextSteps[0]) as FollowUpStepKind;
}

/**
 * Documents the next step of a case: what every step records (date, who took part, people from
 * outside by role and name, summary, agreed actions with owner and deadline, the next meeting,
 * the staff's internal note) and what the step's kind adds. The server checks it against the
 * ladder's rules and says what is missing.
 */
export function StepForm({ c }: { c: FollowUpCaseFields }) {
  const { t } = useTranslation();
  const label = useLabel();
  const record = useRecordFollowUpStep();
  const [v, setV] = useState<Draft>(() => blank(forward(c)));
  const set = (patch: Partial<Draft>) => setV((d) => ({ ...d, ...patch }));
  const person = (id: string) => c.people.find((p) => p.id === id);
  const asParticipants = (ids: string[]) =>
    ids.flatMap((id) => {
      const p = person(id);
      return p ? [{ userId: p.id, role: p.role as FollowUpParticipantRole }] : [];
    });
  const toggleIn = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  const kind = (c.nextSteps.includes(v.kind) ? v.kind : c.nextSteps[0]) as FollowUpStepKind;
  const agreement = v.agreedOn ? { agreedOn: v.agreedOn, agreedBy: asParticipants(v.agreedBy) } : null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await record.mutateAsync({
        input: {
          caseId: c.id,
          kind,
          date: v.date,
          participants: asParticipants(v.participants),
          externalParticipants: v.external.map((x) => ({ role: x.role, name: x.name, roleText: x.roleText || null })),
          summary: v.summary,
          actions: v.actions.map((a) => ({
            description: a.description,
            ownerUserId: a.owner || null,
            ownerName: a.owner ? null : a.ownerName,
            deadline: a.deadline,
          })),
          nextMeetingOn: v.nextMeetingOn || null,
          internalNote: v.internalNote || null,
          ...(kind === FollowUpStepKind.FOLLOW_UP_MEETING && {
            countyAdviserInformed: v.countyOn ? { on: v.countyOn, how: v.countyHow } : null,
            trustedPersonInvited: v.trusted,
          }),
          ...(kind === FollowUpStepKind.FOLLOW_UP_PLAN && {
            interruption: v.interrupt
              ? { startsOn: v.interruptionStartsOn, countyNotifiedOn: v.interruptionCountyNotifiedOn || null }
              : null,
            agreement,
          }),
          ...(kind === FollowUpStepKind.TERMINATION && {
            mode: v.mode,
            terminatedOn: v.terminatedOn || null,
            causes: v.causes,
            causeText: v.causeText || null,
            afterwards: v.afterwards,
            sentToCountyOn: v.sentToCountyOn || null,
            countyDecidedOn: v.countyDecidedOn || null,
            agreement,
          }),
        },
      });
      setV(blank(forward(c)));
    } catch {
      /* shown below */
    }
  };
  const agreedFields = (
    <Fieldset>
      <Fieldset.Legend>{t('followUp.agreement')}</Fieldset.Legend>
      <Textfield label={t('followUp.agreedOn')} type="date" value={v.agreedOn} onChange={(e) => set({ agreedOn: e.target.value })} />
      {c.people.map((p) => (
        <Checkbox
          key={p.id}
          label={`${p.name} (${t(`followUp.roles.${p.role}`)})`}
          value={p.id}
          checked={v.agreedBy.includes(p.id)}
          onChange={(e) => set({ agreedBy: toggleIn(v.agreedBy, p.id, e.target.checked) })}
        />
      ))}
    </Fieldset>
  );
  return (
    <Section id="step-form-title" title={t('followUp.recordStep')}>
      <form className="ln-stack" onSubmit={(e) => void submit(e)} noValidate data-testid="step-form">
        <div>
          <label htmlFor="step-kind">{t('followUp.stepKind')}</label>
          <Select id="step-kind" value={kind} onChange={(e) => set({ kind: e.target.value as FollowUpStepKind })}>
            {c.nextSteps.map((k) => (
              <Select.Option key={k} value={k}>
                {label(FOLLOW_UP_STEP_LABELS, k as FollowUpStepKind)}
              </Select.Option>
            ))}
          </Select>
        </div>
        <Textfield label={t('followUp.date')} type="date" value={v.date} onChange={(e) => set({ date: e.target.value })} />
        <Fieldset>
          <Fieldset.Legend>{t('followUp.participants')}</Fieldset.Legend>
          {c.people.map((p) => (
            <Checkbox
              key={p.id}
              label={`${p.name} (${t(`followUp.roles.${p.role}`)})`}
              value={p.id}
              checked={v.participants.includes(p.id)}
              onChange={(e) => set({ participants: toggleIn(v.participants, p.id, e.target.checked) })}
            />
          ))}
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('followUp.externalParticipants')}</Fieldset.Legend>
          {v.external.map((x, i) => {
            const change = (patch: Partial<External>) => set({ external: v.external.map((y, j) => (j === i ? { ...y, ...patch } : y)) });
            return (
              <div className="ln-row" key={i} data-testid={`external-${i}`}>
                <div>
                  <label htmlFor={`external-role-${i}`}>{t('followUp.externalRole')}</label>
                  <Select
                    id={`external-role-${i}`}
                    value={x.role}
                    onChange={(e) => change({ role: e.target.value as ExternalParticipantRole })}
                  >
                    {Object.values(ExternalParticipantRole).map((r) => (
                      <Select.Option key={r} value={r}>
                        {label(EXTERNAL_PARTICIPANT_LABELS, r)}
                      </Select.Option>
                    ))}
                  </Select>
                </div>
                <Textfield label={t('followUp.externalName')} value={x.name} onChange={(e) => change({ name: e.target.value })} />
                {x.role === ExternalParticipantRole.OTHER && (
                  <Textfield
                    label={t('followUp.externalRoleText')}
                    value={x.roleText}
                    onChange={(e) => change({ roleText: e.target.value })}
                  />
                )}
                <Button variant="tertiary" data-size="sm" onClick={() => set({ external: v.external.filter((_, j) => j !== i) })}>
                  {t('followUp.remove')}
                </Button>
              </div>
            );
          })}
          <div>
            <Button
              variant="secondary"
              data-size="sm"
              onClick={() => set({ external: [...v.external, { role: ExternalParticipantRole.COUNTY_ADVISER, name: '', roleText: '' }] })}
            >
              {t('followUp.addExternal')}
            </Button>
          </div>
        </Fieldset>
        <Textfield label={t('followUp.summary')} multiline rows={3} value={v.summary} onChange={(e) => set({ summary: e.target.value })} />
        {kind === FollowUpStepKind.FOLLOW_UP_MEETING && (
          <Fieldset>
            <Fieldset.Legend>{t('followUp.countyInformed')}</Fieldset.Legend>
            <div className="ln-row">
              <Textfield
                label={t('followUp.countyOn')}
                type="date"
                value={v.countyOn}
                onChange={(e) => set({ countyOn: e.target.value })}
              />
              <div>
                <label htmlFor="county-how">{t('followUp.countyHow')}</label>
                <Select id="county-how" value={v.countyHow} onChange={(e) => set({ countyHow: e.target.value as CountyContactChannel })}>
                  {Object.values(CountyContactChannel).map((h) => (
                    <Select.Option key={h} value={h}>
                      {label(COUNTY_CONTACT_CHANNEL_LABELS, h)}
                    </Select.Option>
                  ))}
                </Select>
              </div>
            </div>
            <Checkbox label={t('followUp.trustedPersonInvited')} checked={v.trusted} onChange={(e) => set({ trusted: e.target.checked })} />
          </Fieldset>
        )}
        <Fieldset>
          <Fieldset.Legend>{t('followUp.actions')}</Fieldset.Legend>
          {v.actions.map((a, i) => {
            const change = (patch: Partial<Action>) => set({ actions: v.actions.map((y, j) => (j === i ? { ...y, ...patch } : y)) });
            return (
              <div className="ln-row" key={i} data-testid={`action-${i}`}>
                <Textfield
                  label={t('followUp.actionDescription')}
                  value={a.description}
                  onChange={(e) => change({ description: e.target.value })}
                />
                <div>
                  <label htmlFor={`action-owner-${i}`}>{t('followUp.owner')}</label>
                  <Select id={`action-owner-${i}`} value={a.owner} onChange={(e) => change({ owner: e.target.value })}>
                    {c.people.map((p) => (
                      <Select.Option key={p.id} value={p.id}>
                        {p.name}
                      </Select.Option>
                    ))}
                    <Select.Option value="">{t('followUp.ownerOutside')}</Select.Option>
                  </Select>
                </div>
                {!a.owner && (
                  <Textfield label={t('followUp.ownerName')} value={a.ownerName} onChange={(e) => change({ ownerName: e.target.value })} />
                )}
                <Textfield
                  label={t('followUp.deadline')}
                  type="date"
                  value={a.deadline}
                  onChange={(e) => change({ deadline: e.target.value })}
                />
                <Button variant="tertiary" data-size="sm" onClick={() => set({ actions: v.actions.filter((_, j) => j !== i) })}>
                  {t('followUp.remove')}
                </Button>
              </div>
            );
          })}
          <div>
            <Button
              variant="secondary"
              data-size="sm"
              onClick={() =>
                set({ actions: [...v.actions, { description: '', owner: c.people[0]?.id ?? '', ownerName: '', deadline: '' }] })
              }
            >
              {t('followUp.addAction')}
            </Button>
          </div>
        </Fieldset>
        {kind === FollowUpStepKind.FOLLOW_UP_PLAN && (
          <>
            <Fieldset>
              <Fieldset.Legend>{t('followUp.interruption')}</Fieldset.Legend>
              <Checkbox label={t('followUp.interrupt')} checked={v.interrupt} onChange={(e) => set({ interrupt: e.target.checked })} />
              {v.interrupt && (
                <div className="ln-row">
                  <Textfield
                    label={t('followUp.interruptionStartsOn')}
                    type="date"
                    value={v.interruptionStartsOn}
                    onChange={(e) => set({ interruptionStartsOn: e.target.value })}
                  />
                  <Textfield
                    label={t('followUp.interruptionCountyNotifiedOn')}
                    type="date"
                    value={v.interruptionCountyNotifiedOn}
                    onChange={(e) => set({ interruptionCountyNotifiedOn: e.target.value })}
                  />
                </div>
              )}
            </Fieldset>
            {agreedFields}
          </>
        )}
        {kind === FollowUpStepKind.TERMINATION && (
          <>
            <div>
              <label htmlFor="termination-mode">{t('followUp.mode')}</label>
              <Select id="termination-mode" value={v.mode} onChange={(e) => set({ mode: e.target.value as TerminationMode })}>
                {Object.values(TerminationMode).map((m) => (
                  <Select.Option key={m} value={m}>
                    {label(TERMINATION_MODE_LABELS, m)}
                  </Select.Option>
                ))}
              </Select>
            </div>
            <Textfield
              label={t('followUp.terminatedOn')}
              type="date"
              value={v.terminatedOn}
              onChange={(e) => set({ terminatedOn: e.target.value })}
            />
            <Fieldset>
              <Fieldset.Legend>{t('followUp.causes')}</Fieldset.Legend>
              {Object.values(TerminationCause).map((k) => (
                <Checkbox
                  key={k}
                  label={label(TERMINATION_CAUSE_LABELS, k)}
                  value={k}
                  checked={v.causes.includes(k)}
                  onChange={(e) => set({ causes: e.target.checked ? [...v.causes, k] : v.causes.filter((x) => x !== k) })}
                />
              ))}
            </Fieldset>
            <Textfield label={t('followUp.causeText')} value={v.causeText} onChange={(e) => set({ causeText: e.target.value })} />
            <div>
              <label htmlFor="termination-afterwards">{t('followUp.afterwards')}</label>
              <Select
                id="termination-afterwards"
                value={v.afterwards}
                onChange={(e) => set({ afterwards: e.target.value as AfterTermination })}
              >
                {Object.values(AfterTermination).map((k) => (
                  <Select.Option key={k} value={k}>
                    {label(AFTER_TERMINATION_LABELS, k)}
                  </Select.Option>
                ))}
              </Select>
            </div>
            <Textfield
              label={t('followUp.sentToCountyOn')}
              type="date"
              value={v.sentToCountyOn}
              onChange={(e) => set({ sentToCountyOn: e.target.value })}
            />
            {v.mode === TerminationMode.BY_COUNTY_DECISION ? (
              <Textfield
                label={t('followUp.countyDecidedOn')}
                type="date"
                value={v.countyDecidedOn}
                onChange={(e) => set({ countyDecidedOn: e.target.value })}
              />
            ) : (
              agreedFields
            )}
          </>
        )}
        {kind !== FollowUpStepKind.RESOLUTION && kind !== FollowUpStepKind.TERMINATION && (
          <Textfield
            label={t('followUp.nextMeeting')}
            type="date"
            value={v.nextMeetingOn}
            onChange={(e) => set({ nextMeetingOn: e.target.value })}
          />
        )}
        <Textfield
          label={t('followUp.internalNoteLabel')}
          description={t('followUp.internalNoteHelp')}
          multiline
          rows={2}
          value={v.internalNote}
          onChange={(e) => set({ internalNote: e.target.value })}
        />
        <div>
          <Button type="submit" loading={record.isPending}>
            {t('followUp.save', { step: label(FOLLOW_UP_STEP_LABELS, kind) })}
          </Button>
        </div>
      </form>
      <ErrorAlert error={record.error} />
    </Section>
  );
}
