import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RsvpState } from '@laerenett/shared-domain';
import { GatheringAudience } from '../entities/gathering-series.entity';
import { GatheringStatus } from '../entities/gathering.entity';

registerEnumType(GatheringAudience, { name: 'GatheringAudience', description: 'Who a gathering is for' });
registerEnumType(GatheringStatus, { name: 'GatheringStatus' });
registerEnumType(RsvpState, { name: 'RsvpState' });

@ObjectType('Gathering', { description: 'Nettverkssamling' })
export class GatheringModel {
  @Field(() => ID) id: string;
  @Field(() => ID) areaId: string;
  @Field(() => ID, { nullable: true }) seriesId: string | null;
  @Field(() => GatheringAudience) audience: GatheringAudience;
  @Field() title: string;
  @Field() theme: string;
  @Field() agenda: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field() place: string;
  @Field() videoUrl: string;
  @Field(() => ID, { nullable: true }) hostAgencyId: string | null;
  @Field(() => Int, { nullable: true }) capacity: number | null;
  @Field(() => Int, { nullable: true }) seatsPerAgency: number | null;
  @Field(() => GatheringStatus) status: GatheringStatus;
  @Field(() => Int, { description: 'iCalendar SEQUENCE: raised with every change sent out' }) sequence: number;
  @Field() minutes: string;
  @Field({ description: 'Changed by hand: the series leaves it alone' }) detached: boolean;
}

@ObjectType('RsvpCounts')
export class RsvpCountsModel {
  @Field(() => Int) yes: number;
  @Field(() => Int) no: number;
  @Field(() => Int) waitlist: number;
  @Field(() => Int) checkedIn: number;
}

@ObjectType('Rsvp', { description: "A member's answer to a gathering" })
export class RsvpModel {
  @Field(() => ID) userId: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) agencyName: string | null;
  @Field(() => RsvpState) state: RsvpState;
  @Field() answeredAt: Date;
  @Field(() => Date, { nullable: true }) checkedInAt: Date | null;
}

@ObjectType('MyRsvp')
export class MyRsvpModel {
  @Field(() => RsvpState) state: RsvpState;
  @Field() accessibilityNeeds: string;
  @Field() dietaryNeeds: string;
}

@ObjectType('InvitationGathering', { description: 'What an answer link shows before the person answers' })
export class InvitationGatheringModel {
  @Field(() => ID) gatheringId: string;
  @Field() title: string;
  @Field() theme: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field() place: string;
  @Field() videoUrl: string;
  @Field() personName: string;
  @Field(() => GatheringStatus) status: GatheringStatus;
  @Field(() => RsvpState, { nullable: true }) state: RsvpState | null;
}

@ObjectType('GatheringCriterion', { description: "A follow-up criterion of the action plan's network measure" })
export class GatheringCriterionModel {
  @Field() key: string;
  @Field() met: boolean;
  @Field(() => Int) value: number;
  @Field(() => Int) required: number;
  @Field(() => [String]) missing: string[];
}

@ObjectType('GatheringAction', { description: "A follow-up point from the gathering's minutes" })
export class GatheringActionModel {
  @Field(() => ID) id: string;
  @Field() text: string;
  @Field() owner: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dueDate: string | null;
  @Field() done: boolean;
}

@ObjectType('CalendarFeed', { description: 'Your private calendar address (shown in full only when made)' })
export class CalendarFeedModel {
  @Field(() => String, { nullable: true, description: 'Only returned when the address is made' }) url: string | null;
  @Field() createdAt: Date;
}

@ObjectType('GatheringSeries', { description: 'A schedule of gatherings (RFC 5545 RRULE, times in Europe/Oslo)' })
export class GatheringSeriesModel {
  @Field(() => ID) id: string;
  @Field(() => GatheringAudience) audience: GatheringAudience;
  @Field() title: string;
  @Field() rrule: string;
  @Field() firstDate: string;
  @Field() startTime: string;
  @Field() endTime: string;
  @Field() paused: boolean;
}
