import { useMe, useNetworks } from '@laerenett/portal-data-access';

/** Who plans gatherings in the area: administrators, the ministry coordinator, and the network leads. */
export function usePlanner() {
  const me = useMe().data?.me;
  const networks = useNetworks();
  const isLead = !!networks.data?.networks.some((n) => n.leads.some((l) => l.userId === me?.id));
  return { me, networks, planner: me?.role === 'ADMIN' || me?.role === 'MINISTRY_COORDINATOR' || isLead };
}
