import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DayOffKind, HolidayRule, NorwegianHoliday, RsvpState, ScheduleOutcome } from '@laerenett/shared-domain';
import { GatheringAudience } from '../entities/gathering-series.entity';
import { GatheringStatus } from '../entities/gathering.entity';

registerEnumType(GatheringAudience, { name: 'GatheringAudience', description: 'Who a gathering is for' });
registerEnumType(GatheringStatus, { name: 'GatheringStatus' });
registerEnumType(RsvpState, { name: 'RsvpState' });
registerEnumType(HolidayRule, { name: 'HolidayRule', description: 'What a schedule does with a date that is no day for a gathering' });
registerEnumType(ScheduleOutcome, { name: 'ScheduleOutcome', description: "What happened to a date the schedule's rule gave" });
registerEnumType(DayOffKind, { name: 'DayOffKind', description: 'Why a date is no day for a gathering' });
registerEnumType(NorwegianHoliday, { name: 'NorwegianHoliday' });

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
  @Field(() => HolidayRule) holidayRule: HolidayRule;
  @Field() paused: boolean;
}

@ObjectType('ScheduledDate', { description: "A date the schedule's rule gave, and whether it was kept, moved or skipped" })
export class ScheduledDateModel {
  @Field({ description: 'The date the rule gave (YYYY-MM-DD)' }) ruleDate: string;
  @Field(() => ScheduleOutcome) outcome: ScheduleOutcome;
  @Field(() => String, { nullable: true, description: 'The date the gathering is held (YYYY-MM-DD); null when skipped' }) date:
    string | null;
  @Field(() => DayOffKind, { nullable: true, description: "Why the rule's date could not be used; null when kept" })
  reason: DayOffKind | null;
  @Field(() => NorwegianHoliday, { nullable: true, description: 'The holiday, when the reason is HOLIDAY' })
  holiday: NorwegianHoliday | null;
  @Field(() => String, { nullable: true, description: 'The reason in bokmål: the holiday, Juleferie, Fellesferie i juli or Helg' })
  reasonLabel: string | null;
  @Field(() => Date, { nullable: true }) startsAt: Date | null;
  @Field(() => Date, { nullable: true }) endsAt: Date | null;
}

@ObjectType('GatheringScheduleCreated', {
  description: 'A new schedule, what happened to each date its rule gave, and the gatherings made',
})
export class GatheringScheduleCreatedModel {
  @Field(() => GatheringSeriesModel) series: GatheringSeriesModel;
  @Field(() => [ScheduledDateModel]) dates: ScheduledDateModel[];
  @Field(() => [GatheringModel]) gatherings: GatheringModel[];
}
