import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@laerenett/shared-domain';
import { NetworkKind } from '../entities/network.entity';
import { MentorKind } from '../entities/mentor-pair.entity';

registerEnumType(MentorKind, { name: 'MentorKind' });

registerEnumType(NetworkKind, { name: 'NetworkKind' });

@ObjectType('NetworkPerson')
export class NetworkPersonModel {
  @Field(() => ID) userId: string;
  @Field() name: string;
  @Field(() => ID, { nullable: true }) agencyId: string | null;
  @Field(() => String, { nullable: true }) agencyName: string | null;
}

@ObjectType('Network', { description: 'Nettverk: the staff network or the apprentice network of a ministry area' })
export class NetworkModel {
  @Field(() => ID) id: string;
  @Field(() => ID) areaId: string;
  @Field(() => NetworkKind) kind: NetworkKind;
  @Field(() => Int, { description: 'Days before a gathering that those who said yes are reminded' }) reminderDays: number;
  @Field(() => [NetworkPersonModel], { description: 'Up to two network leads' }) leads: NetworkPersonModel[];
  @Field(() => Int) memberCount: number;
}

@ObjectType('MentorPair', { description: 'Fadderordning: a mentor paired with a newcomer' })
export class MentorPairModel {
  @Field(() => ID) id: string;
  @Field(() => MentorKind) kind: MentorKind;
  @Field() mentorName: string;
  @Field(() => String, { nullable: true }) mentorAgency: string | null;
  @Field() menteeName: string;
  @Field(() => String, { nullable: true }) menteeAgency: string | null;
  @Field() createdAt: Date;
}

@ObjectType('NetworkInvitationResult')
export class NetworkInvitationResultModel {
  @Field(() => Int, { description: 'Mails queued now (people already invited this year are not mailed again)' }) queued: number;
  @Field(() => [String], { description: 'Agencies with no coordinator in Lærenett to receive it' }) agenciesWithoutCoordinator: string[];
}

@ObjectType('NetworkCandidate', { description: 'A person who can be placed in the networks' })
export class NetworkCandidateModel {
  @Field(() => ID) userId: string;
  @Field() name: string;
  @Field(() => Role) role: Role;
  @Field(() => String, { nullable: true }) agencyName: string | null;
  @Field({ description: 'Already a member of the staff network' }) staffMember: boolean;
  @Field({ description: 'Whether you may add this person to a network or take them out' }) canPlace: boolean;
}
