import { Field, ObjectType } from '@nestjs/graphql';
import { Role } from '@laerenett/shared-domain';
import { NetworkKind } from '../entities/network.entity';

@ObjectType('Capabilities', {
  description: 'What the signed-in user may do, from the rules the API applies; the portal shows only these controls',
})
export class CapabilitiesModel {
  @Field({ description: "The area's targets dashboard and its CSV/XLSX exports" }) areaDashboard: boolean;
  @Field() readActionPlan: boolean;
  @Field() manageActionPlan: boolean;
  @Field({ description: "Opens reporting, compiles and sends the area's December summary" }) compileSummary: boolean;
  @Field({ description: "Writes and submits the own agency's December report" }) writeAgencyReport: boolean;
  @Field({ description: "Sets the own agency's target, lists its apprentices, invites its people" }) manageOwnAgency: boolean;
  @Field({ description: 'Plans and sends gatherings (for the networks in runNetworks)' }) planGatherings: boolean;
  @Field(() => [NetworkKind], { description: 'The networks whose gatherings, settings and mentor pairs the user runs' })
  runNetworks: NetworkKind[];
  @Field() manageNetworkLeads: boolean;
  @Field() registerEvents: boolean;
  @Field({ description: 'Approves events into the pool, proposes staffing' }) reviewEvents: boolean;
  @Field({ description: "Approves the own agency's apprentices' sign-ups" }) approveSignups: boolean;
  @Field() signUpForShifts: boolean;
  @Field({ description: "Asks a subject's competence apprentices for help" }) askCompetenceHelp: boolean;
  @Field(() => [Role]) inviteRoles: Role[];
}
