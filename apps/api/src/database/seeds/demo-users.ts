/** The demo logins, printed by the launcher. */
import { Role } from '@laerenett/shared-domain';

export const DEMO_PASSWORD = 'laerenett-demo';

export const DEMO_USERS = [
  { email: 'admin@laerenett.no', name: 'Admin Lærenett', role: Role.ADMIN },
  { email: 'kari.nordmann@kdd.dep.no', name: 'Kari Nordmann', role: Role.MINISTRY_COORDINATOR, area: 'KDD' },
  { email: 'ola.hansen@digdir.no', name: 'Ola Hansen', role: Role.AGENCY_COORDINATOR, agency: 'Digitaliseringsdirektoratet' },
  { email: 'ingrid.berg@statsbygg.no', name: 'Ingrid Berg', role: Role.AGENCY_COORDINATOR, agency: 'Statsbygg' },
  { email: 'emma.larsen@digdir.no', name: 'Emma Larsen', role: Role.APPRENTICE, agency: 'Digitaliseringsdirektoratet' },
  { email: 'per.olsen@fd.dep.no', name: 'Per Olsen', role: Role.MINISTRY_COORDINATOR, area: 'FD' },
] as const;
