import { Initial1763780000000 } from './1763780000000-initial';
import { Gatherings1795321269854 } from './1795321269854-gatherings';
import { FeedsActionsMentors1795322609707 } from './1795322609707-feeds-actions-mentors';
import { ActionPlans1795328238006 } from './1795328238006-action-plans';
import { Pooling1795330515650 } from './1795330515650-pooling';
import { AnnualSummary1795334710739 } from './1795334710739-annual-summary';
import { NetworksWithAreas1796000000000 } from './1796000000000-networks-with-areas';
import { OutboxAndEnqueued1796162769786 } from './1796162769786-outbox-and-enqueued';
import { FirstAdmin1796170000000 } from './1796170000000-first-admin';
import { GatheringHolidayRule1796180000000 } from './1796180000000-gathering-holiday-rule';
import { ApprenticeUsers1796190000000 } from './1796190000000-apprentice-users';
import { PlanEnglish1796200000000 } from './1796200000000-plan-english';
import { ModuleReadModels1796210000000 } from './1796210000000-module-read-models';
import { GatheringParticipation1796215000000 } from './1796215000000-gathering-participation';
import { SummaryReadModels1796230000000 } from './1796230000000-summary-read-models';
import { OpenInvitations1796240000000 } from './1796240000000-open-invitations';
import { Apprenticeship1796300000000 } from './1796300000000-apprenticeship';
import { FollowUp1796400000000 } from './1796400000000-follow-up';

/** Every migration in order; listed so a bundled build needs no file globbing. */
export const MIGRATIONS = [
  Initial1763780000000,
  Gatherings1795321269854,
  FeedsActionsMentors1795322609707,
  ActionPlans1795328238006,
  Pooling1795330515650,
  AnnualSummary1795334710739,
  NetworksWithAreas1796000000000,
  OutboxAndEnqueued1796162769786,
  FirstAdmin1796170000000,
  GatheringHolidayRule1796180000000,
  ApprenticeUsers1796190000000,
  PlanEnglish1796200000000,
  ModuleReadModels1796210000000,
  GatheringParticipation1796215000000,
  SummaryReadModels1796230000000,
  OpenInvitations1796240000000,
  Apprenticeship1796300000000,
  FollowUp1796400000000,
];
