import { useMe, useNetworks } from '@laerenett/portal-data-access';

/** Who plans gatherings in the area: administrators, the ministry coordinator, and the network leads (the server says). */
export function usePlanner() {
  const me = useMe().data?.me;
  const networks = useNetworks();
  return { me, networks, planner: !!me?.capabilities?.planGatherings };
}
