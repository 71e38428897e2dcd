import { Alert, Button, Checkbox, Heading, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { FormEvent, useState } from 'react';
import {
  useAddNetworkMember,
  useCalendarFeed,
  useCreateCalendarFeed,
  useMentorPairs,
  useNetworkCandidates,
  usePairMentor,
  useRemoveNetworkMember,
  useRevokeCalendarFeed,
  useSendNetworkInvitations,
} from '@laerenett/portal-data-access';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../layout/error-alert';
import { usePlanner } from './use-planner';
import { DataTable } from '../layout/table-wrap';
import { Section } from '../layout/section';

type Candidate = { userId: string; name: string; role: string; agencyName: string | null; staffMember: boolean; canPlace: boolean };

function StaffMembers({ networkId, people }: { networkId: string; people: Candidate[] }) {
  const { t } = useTranslation();
  const add = useAddNetworkMember();
  const remove = useRemoveNetworkMember();
  const staff = people.filter((p) => p.role !== 'APPRENTICE' && p.canPlace);
  if (staff.length === 0) return null;
  return (
    <Section id="people-title" title={t('network.people')}>
      <Paragraph data-size="sm">{t('network.peopleHint')}</Paragraph>
      <ul className="ln-plain-list">
        {staff.map((p) => (
          <li key={p.userId}>
            <Checkbox
              label={`${p.name}${p.agencyName ? ` (${p.agencyName})` : ''}`}
              checked={p.staffMember}
              onChange={(e) => (e.target.checked ? add : remove).mutate({ input: { networkId, userId: p.userId } })}
            />
          </li>
        ))}
      </ul>
      <ErrorAlert error={add.error ?? remove.error} />
    </Section>
  );
}

/** Mentor kinds by the network that runs them: apprentice mentors in the apprentice network, leader mentors in the staff network. */
const MENTOR_NETWORK = { APPRENTICE: 'APPRENTICE', LEADER: 'STAFF' } as const;

function PairForm({ people, networks }: { people: Candidate[]; networks: string[] }) {
  const { t } = useTranslation();
  const pair = usePairMentor();
  const kinds = (['APPRENTICE', 'LEADER'] as const).filter((k) => networks.includes(MENTOR_NETWORK[k]));
  const [kind, setKind] = useState<'APPRENTICE' | 'LEADER'>(kinds[0] ?? 'APPRENTICE');
  const [mentor, setMentor] = useState('');
  const [mentee, setMentee] = useState('');
  const eligible = people.filter((p) =>
    kind === 'APPRENTICE' ? p.role === 'APPRENTICE' : p.role === 'AGENCY_COORDINATOR' || p.role === 'MINISTRY_COORDINATOR',
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await pair.mutateAsync({ input: { kind, mentorUserId: mentor, menteeUserId: mentee } });
      setMentor('');
      setMentee('');
    } catch {
      /* shown below */
    }
  };
  const options = (
    <>
      <Select.Option value="">{t('network.choose')}</Select.Option>
      {eligible.map((p) => (
        <Select.Option key={p.userId} value={p.userId}>
          {p.name}
          {p.agencyName ? ` (${p.agencyName})` : ''}
        </Select.Option>
      ))}
    </>
  );
  return (
    <form onSubmit={submit} noValidate className="ln-row" aria-label={t('network.pair')}>
      <div>
        <label htmlFor="pair-kind">{t('network.pairKind')}</label>
        <Select id="pair-kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          {kinds.map((k) => (
            <Select.Option key={k} value={k}>
              {t(`network.mentorKinds.${k}`)}
            </Select.Option>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor="pair-mentor">{t('network.mentor')}</label>
        <Select id="pair-mentor" value={mentor} onChange={(e) => setMentor(e.target.value)}>
          {options}
        </Select>
      </div>
      <div>
        <label htmlFor="pair-mentee">{t('network.mentee')}</label>
        <Select id="pair-mentee" value={mentee} onChange={(e) => setMentee(e.target.value)}>
          {options}
        </Select>
      </div>
      <Button type="submit" variant="secondary" loading={pair.isPending} disabled={!mentor || !mentee}>
        {t('network.pairSubmit')}
      </Button>
      <ErrorAlert error={pair.error} />
      {pair.isSuccess && (
        <Alert data-color="success" role="status">
          {t('network.paired')}
        </Alert>
      )}
    </form>
  );
}

export function NetworkPage() {
  const { t, i18n } = useTranslation();
  const { me, networks, planner } = usePlanner();
  const pairs = useMentorPairs();
  const feed = useCalendarFeed();
  const createFeed = useCreateCalendarFeed();
  const revokeFeed = useRevokeCalendarFeed();
  const invite = useSendNetworkInvitations();
  const can = me?.capabilities;
  const coordinator = !!can && (can.manageNetworkLeads || can.manageOwnAgency || can.planGatherings);
  const people = useNetworkCandidates(coordinator);
  const staffNetwork = networks.data?.networks.find((n) => n.kind === 'STAFF');
  const fmt = (iso: string) => new Date(iso).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'nb-NO');

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('network.title')}
      </Heading>
      <ErrorAlert error={networks.error} />
      <div className="ln-grid-2">
        {networks.data?.networks.map((n) => (
          <section key={n.id} className="ln-stat" aria-labelledby={`net-${n.id}`}>
            <Heading level={2} data-size="sm" id={`net-${n.id}`}>
              {t(`network.kinds.${n.kind}`)}
            </Heading>
            <Paragraph>{t('network.members', { count: n.memberCount })}</Paragraph>
            <Paragraph>
              {t('network.leads')}:{' '}
              {n.leads.length
                ? n.leads.map((l) => `${l.name}${l.agencyName ? ` (${l.agencyName})` : ''}`).join(', ')
                : t('network.noLeads')}
            </Paragraph>
          </section>
        ))}
      </div>
      {coordinator && staffNetwork && people.data && <StaffMembers networkId={staffNetwork.id} people={people.data.networkCandidates} />}
      <Section id="mentors-title" title={t('network.mentors')}>
        {planner && people.data && <PairForm people={people.data.networkCandidates} networks={can?.runNetworks ?? []} />}
        {pairs.data && pairs.data.mentorPairs.length === 0 && <Paragraph>{t('network.noPairs')}</Paragraph>}
        {pairs.data && pairs.data.mentorPairs.length > 0 && (
          <DataTable label={t('network.mentors')} columns={[t('network.mentor'), t('network.mentee'), t('gatherings.audience')]}>
            {pairs.data.mentorPairs.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.mentorName}
                  {p.mentorAgency ? ` (${p.mentorAgency})` : ''}
                </th>
                <td>
                  {p.menteeName}
                  {p.menteeAgency ? ` (${p.menteeAgency})` : ''}
                </td>
                <td>{t(`network.mentorKinds.${p.kind}`)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>
      <Section id="feed-title" title={t('network.feed')}>
        <Paragraph>{t('network.feedIntro')}</Paragraph>
        {feed.data?.calendarFeed && <Paragraph>{t('network.feedActive', { date: fmt(feed.data.calendarFeed.createdAt) })}</Paragraph>}
        {createFeed.data && <Textfield label={t('network.feedUrl')} readOnly value={createFeed.data.createCalendarFeed.url ?? ''} />}
        <div className="ln-row">
          <Button variant="secondary" onClick={() => createFeed.mutate({})}>
            {t('network.makeFeed')}
          </Button>
          {feed.data?.calendarFeed && (
            <Button variant="tertiary" onClick={() => revokeFeed.mutate({})}>
              {t('network.revokeFeed')}
            </Button>
          )}
        </div>
      </Section>
      {can?.manageNetworkLeads && (
        <Section id="invite-network-title" title={t('network.invite')}>
          <Paragraph>{t('network.inviteIntro')}</Paragraph>
          <Button variant="secondary" onClick={() => invite.mutate({})} loading={invite.isPending}>
            {t('network.sendInvites')}
          </Button>
          <ErrorAlert error={invite.error} />
          {invite.data && (
            <Alert data-color="success" role="status">
              {t('network.invitesSent', { count: invite.data.sendNetworkInvitations.queued })}
              {invite.data.sendNetworkInvitations.agenciesWithoutCoordinator.length > 0 &&
                ` ${t('network.noCoordinator', { list: invite.data.sendNetworkInvitations.agenciesWithoutCoordinator.join(', ') })}`}
            </Alert>
          )}
        </Section>
      )}
    </>
  );
}
