import { useMutation, useQuery, useQueryClient, UseQueryOptions } from '@tanstack/react-query';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { GqlError, request } from './client';
import * as G from './generated/graphql';

const nameOf = (doc: TypedDocumentNode<unknown, unknown>) => (doc.definitions[0] as { name?: { value: string } }).name?.value ?? 'op';

/** A typed query hook for any generated document. */
export function useGqlQuery<R, V>(
  doc: TypedDocumentNode<R, V>,
  variables: V,
  options: Omit<UseQueryOptions<R, GqlError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<R, GqlError>({
    queryKey: [nameOf(doc as TypedDocumentNode<unknown, unknown>), variables],
    queryFn: () => request(doc, variables),
    retry: false,
    ...options,
  });
}

/** A typed mutation hook; on success, the listed queries are fetched again. */
export function useGqlMutation<R, V>(doc: TypedDocumentNode<R, V>, invalidates: string[] = []) {
  const qc = useQueryClient();
  return useMutation<R, GqlError, V>({
    mutationFn: (v) => request(doc, v),
    onSuccess: async () => {
      await Promise.all(invalidates.map((k) => qc.invalidateQueries({ queryKey: [k] })));
    },
  });
}

// Feature hooks: what the portal's modules use.
export const useMe = () => useGqlQuery(G.MeDocument, {}, { staleTime: 60_000 });
export const useSignIn = () => useGqlMutation(G.SignInDocument, ['Me']);
export const useSignOut = () => useGqlMutation(G.SignOutDocument, ['Me']);
export const useInvitationPreview = (token: string) => useGqlQuery(G.InvitationPreviewDocument, { token });
export const useAcceptInvitation = () => useGqlMutation(G.AcceptInvitationDocument, ['Me']);
export const useInviteUser = () => useGqlMutation(G.InviteUserDocument, ['AgencyApprentices']);
export const useDashboard = (vars: G.DashboardQueryVariables) => useGqlQuery(G.DashboardDocument, vars);
/** An agency's page; the targets of earlier years (`history`) are for coordinators. */
export const useAgencyPage = (id: string, year: number | undefined, history: boolean, enabled = true) =>
  useGqlQuery(G.AgencyPageDocument, { id, year, history }, { enabled });
export const useAgencyApprentices = (id: string, enabled = true) => useGqlQuery(G.AgencyApprenticesDocument, { id }, { enabled });
export const useTrades = () => useGqlQuery(G.TradesDocument, {}, { staleTime: 10 * 60_000 });
export const useSetTarget = () => useGqlMutation(G.SetTargetDocument, ['Dashboard', 'AgencyPage']);
export const useCreateApprentice = () => useGqlMutation(G.CreateApprenticeDocument, ['Dashboard', 'AgencyPage', 'AgencyApprentices']);
export const useMinistryAreas = (enabled = true) => useGqlQuery(G.MinistryAreasDocument, {}, { enabled, staleTime: 10 * 60_000 });
export const useGatherings = (areaId?: string) => useGqlQuery(G.GatheringsDocument, { areaId });
export const useGatheringCriteria = (year?: number) => useGqlQuery(G.GatheringCriteriaDocument, { year });
export const useGatheringAnswers = (id: string, enabled: boolean) => useGqlQuery(G.GatheringAnswersDocument, { id }, { enabled });
export type { HolidayRule, ScheduledDateFieldsFragment as ScheduledDate } from './generated/graphql';
export const useGatheringSchedulePreview = (input: G.GatheringScheduleInput, enabled: boolean) =>
  useGqlQuery(G.GatheringSchedulePreviewDocument, { input }, { enabled, staleTime: 60_000, placeholderData: (previous) => previous });
export const useCreateGatheringSchedule = () =>
  useGqlMutation(G.CreateGatheringScheduleDocument, ['Gatherings', 'GatheringCriteria', 'GatheringSeries']);
export const usePublishGathering = () => useGqlMutation(G.PublishGatheringDocument, ['Gatherings', 'GatheringCriteria']);
export const useCancelGathering = () => useGqlMutation(G.CancelGatheringDocument, ['Gatherings', 'GatheringCriteria', 'GatheringDetail']);
/** How many people a cancellation would tell, asked when the planner is about to cancel. */
export const useGatheringCancelReach = (id: string, enabled: boolean) =>
  useGqlQuery(G.GatheringCancelReachDocument, { id }, { enabled, staleTime: 0 });
export const useAnswerGathering = () => useGqlMutation(G.AnswerGatheringDocument, ['Gatherings', 'GatheringAnswers']);
export const useGatheringInvitation = (token: string) => useGqlQuery(G.GatheringInvitationDocument, { token });
export const useAnswerGatheringByLink = () => useGqlMutation(G.AnswerGatheringByLinkDocument, ['GatheringInvitation']);
export const useNetworks = (areaId?: string) => useGqlQuery(G.NetworksDocument, { areaId });
export const useGatheringDetail = (id: string) => useGqlQuery(G.GatheringDetailDocument, { id });
export const useUpdateGathering = () => useGqlMutation(G.UpdateGatheringDocument, ['GatheringDetail', 'Gatherings']);
export const useCheckIn = () => useGqlMutation(G.CheckInDocument, ['GatheringAnswers', 'GatheringDetail']);
export const useCheckInWithCode = () => useGqlMutation(G.CheckInWithCodeDocument);
export const useAddGatheringAction = () => useGqlMutation(G.AddGatheringActionDocument, ['GatheringDetail']);
export const useSetGatheringActionDone = () => useGqlMutation(G.SetGatheringActionDoneDocument, ['GatheringDetail']);
export const useMentorPairs = () => useGqlQuery(G.MentorPairsDocument, {});
export const useCalendarFeed = () => useGqlQuery(G.CalendarFeedDocument, {});
export const useCreateCalendarFeed = () => useGqlMutation(G.CreateCalendarFeedDocument, ['CalendarFeed']);
export const useRevokeCalendarFeed = () => useGqlMutation(G.RevokeCalendarFeedDocument, ['CalendarFeed']);
export const useSendNetworkInvitations = () => useGqlMutation(G.SendNetworkInvitationsDocument);
export const useGatheringSeries = () => useGqlQuery(G.GatheringSeriesDocument, {});
export const useSetGatheringSeriesPaused = () =>
  useGqlMutation(G.SetGatheringSeriesPausedDocument, ['GatheringSeries', 'Gatherings', 'GatheringCriteria']);
export const useNetworkCandidates = (enabled: boolean) => useGqlQuery(G.NetworkCandidatesDocument, {}, { enabled });
export const useAddNetworkMember = () => useGqlMutation(G.AddNetworkMemberDocument, ['Networks', 'NetworkCandidates']);
export const useRemoveNetworkMember = () => useGqlMutation(G.RemoveNetworkMemberDocument, ['Networks', 'NetworkCandidates']);
export const usePairMentor = () => useGqlMutation(G.PairMentorDocument, ['MentorPairs']);
export const useAreaAgencies = () => useGqlQuery(G.AreaAgenciesDocument, {}, { staleTime: 5 * 60_000 });

const PLAN = ['ActionPlan'];
export const useActionPlan = (year: number, areaId?: string) => useGqlQuery(G.ActionPlanDocument, { year, areaId });
export const usePlanOwnerCandidates = (enabled: boolean) => useGqlQuery(G.PlanOwnerCandidatesDocument, {}, { enabled, staleTime: 60_000 });
export const useCreateActionPlan = () => useGqlMutation(G.CreateActionPlanDocument, PLAN);
export const useUpdateActionPlan = () => useGqlMutation(G.UpdateActionPlanDocument, PLAN);
export const useAddPlanMeasure = () => useGqlMutation(G.AddPlanMeasureDocument, PLAN);
export const useUpdatePlanMeasure = () => useGqlMutation(G.UpdatePlanMeasureDocument, PLAN);
export const useDeletePlanMeasure = () => useGqlMutation(G.DeletePlanMeasureDocument, PLAN);
export const useAddPlanMilestone = () => useGqlMutation(G.AddPlanMilestoneDocument, PLAN);
export const useUpdatePlanMilestone = () => useGqlMutation(G.UpdatePlanMilestoneDocument, PLAN);
export const useAddPlanCriterion = () => useGqlMutation(G.AddPlanCriterionDocument, PLAN);
export const useCheckPlanCriterion = () => useGqlMutation(G.CheckPlanCriterionDocument, PLAN);
export const useRecordBilateralMeeting = () => useGqlMutation(G.RecordBilateralMeetingDocument, PLAN);

const POOL = ['PoolEvents', 'PendingSignupApprovals', 'MyPool', 'StaffingProposal'];
/** The area's coming events, or with includePast also those held. */
export const usePoolEvents = (includePast = false, enabled = true) => useGqlQuery(G.PoolEventsDocument, { includePast }, { enabled });
export const usePoolAssignees = (enabled: boolean) => useGqlQuery(G.PoolAssigneesDocument, {}, { enabled, staleTime: 60_000 });
export const useUpdatePoolEvent = () => useGqlMutation(G.UpdatePoolEventDocument, POOL);
export const useSetPoolEventFeedback = () => useGqlMutation(G.SetPoolEventFeedbackDocument, ['PoolEvents']);
export const useAssignToShift = () => useGqlMutation(G.AssignToShiftDocument, [...POOL, 'PoolEventSignups']);
export const usePendingSignupApprovals = (enabled: boolean) => useGqlQuery(G.PendingSignupApprovalsDocument, {}, { enabled });
export const useMyPool = () => useGqlQuery(G.MyPoolDocument, {});
export const useStaffingProposal = (enabled: boolean) => useGqlQuery(G.StaffingProposalDocument, {}, { enabled });
export const useCompetenceSubjects = () => useGqlQuery(G.CompetenceSubjectsDocument, {});
export const useRegisterPoolEvent = () => useGqlMutation(G.RegisterPoolEventDocument, POOL);
export const useReviewPoolEvent = () => useGqlMutation(G.ReviewPoolEventDocument, POOL);
export const useSignUpForShift = () => useGqlMutation(G.SignUpForShiftDocument, POOL);
export const useWithdrawSignup = () => useGqlMutation(G.WithdrawSignupDocument, POOL);
export const useDecideSignup = () => useGqlMutation(G.DecideSignupDocument, POOL);
export const useAcceptStaffing = () => useGqlMutation(G.AcceptStaffingDocument, POOL);
export const useSetPoolHelper = () => useGqlMutation(G.SetPoolHelperDocument, ['MyPool']);
export const usePoolEventSignups = (eventId: string, enabled: boolean) => useGqlQuery(G.PoolEventSignupsDocument, { eventId }, { enabled });
export const useRecordAttendance = () => useGqlMutation(G.RecordAttendanceDocument, ['PoolEventSignups', 'MyPool']);
export const useHelpRequests = () => useGqlQuery(G.HelpRequestsDocument, {});
export const useRequestCompetenceHelp = () => useGqlMutation(G.RequestCompetenceHelpDocument, ['HelpRequests']);
export const useTakeHelpRequest = () => useGqlMutation(G.TakeHelpRequestDocument, ['HelpRequests']);
export const useCloseHelpRequest = () => useGqlMutation(G.CloseHelpRequestDocument, ['HelpRequests']);

// The December summary.
const REPORT = ['AgencyReport', 'SummaryOverview'];
const SUMMARY = ['SummaryOverview', 'LatestSummaryCompilation', 'SummaryVersion'];
export const useAgencyReport = (year: number, agencyId?: string) => useGqlQuery(G.AgencyReportDocument, { year, agencyId });
export const useSaveAgencyReport = () => useGqlMutation(G.SaveAgencyReportDocument, REPORT);
export const useSubmitAgencyReport = () => useGqlMutation(G.SubmitAgencyReportDocument, REPORT);
export const useReopenAgencyReport = () => useGqlMutation(G.ReopenAgencyReportDocument, REPORT);
export const useSummaryOverview = (year: number, areaId?: string) => useGqlQuery(G.SummaryOverviewDocument, { year, areaId });
/** Polls every second while a compilation is waiting or running. */
export const useLatestSummaryCompilation = (year: number, areaId?: string) =>
  useGqlQuery(
    G.LatestSummaryCompilationDocument,
    { year, areaId },
    {
      refetchInterval: (q) => {
        const s = q.state.data?.latestSummaryCompilation?.status;
        return s === 'QUEUED' || s === 'RUNNING' ? 1000 : false;
      },
    },
  );
export const useUpdateSummaryCycle = () => useGqlMutation(G.UpdateSummaryCycleDocument, SUMMARY);
export const useCompileSummary = () => useGqlMutation(G.CompileSummaryDocument, ['LatestSummaryCompilation']);
export const useSummaryVersion = (id: string) => useGqlQuery(G.SummaryVersionDocument, { id });
export const useSendSummary = () => useGqlMutation(G.SendSummaryDocument, SUMMARY);
/** Fetches a query again by name (e.g. the versions once a compilation has finished). */
export function useRefetch() {
  const qc = useQueryClient();
  return (name: string) => qc.invalidateQueries({ queryKey: [name] });
}

// The apprenticeship.
const APPRENTICESHIP = ['Apprenticeship', 'Apprenticeships', 'MyApprenticeship', 'ApprenticeshipFigures'];
export type { ApprenticeshipFieldsFragment as ApprenticeshipFields } from './generated/graphql';
export const useMyApprenticeship = (enabled = true) => useGqlQuery(G.MyApprenticeshipDocument, {}, { enabled });
export const useApprenticeships = (agencyId: string, enabled = true) => useGqlQuery(G.ApprenticeshipsDocument, { agencyId }, { enabled });
export const useApprenticeship = (apprenticeId: string) => useGqlQuery(G.ApprenticeshipDocument, { apprenticeId });
export const useApprenticeshipStaff = (agencyId: string, enabled = true) =>
  useGqlQuery(G.ApprenticeshipStaffDocument, { agencyId }, { enabled });
export const useApprenticeshipFigures = (enabled = true) => useGqlQuery(G.ApprenticeshipFiguresDocument, {}, { enabled });
export const useSaveApprenticeshipContract = () => useGqlMutation(G.SaveApprenticeshipContractDocument, APPRENTICESHIP);
export const useRecordApprenticeshipTalk = () => useGqlMutation(G.RecordApprenticeshipTalkDocument, APPRENTICESHIP);
export const useRecordInterruption = () => useGqlMutation(G.RecordInterruptionDocument, APPRENTICESHIP);
export const useUpdateInterruption = () => useGqlMutation(G.UpdateInterruptionDocument, APPRENTICESHIP);
export const useRegisterTradeTest = () => useGqlMutation(G.RegisterTradeTestDocument, APPRENTICESHIP);
export const useRecordTradeTestResult = () => useGqlMutation(G.RecordTradeTestResultDocument, APPRENTICESHIP);
export const usePreviewApprenticeImport = () => useGqlMutation(G.PreviewApprenticeImportDocument);
export const useApplyApprenticeImport = () => useGqlMutation(G.ApplyApprenticeImportDocument, [...APPRENTICESHIP, 'AgencyApprentices']);

// Follow-up cases.
const FOLLOW_UP = ['FollowUpCase', 'FollowUpCases', 'MyFollowUpCases', 'FollowUpReadLog', 'MyFollowUpDeadlines'];
export type {
  FollowUpCaseFieldsFragment as FollowUpCaseFields,
  FigureTableFieldsFragment as FigureTableFields,
  FollowUpFiguresFieldsFragment as FollowUpFiguresFields,
  ApprenticeshipFiguresFieldsFragment as ApprenticeshipFiguresFields,
} from './generated/graphql';
export const useFollowUpCases = (agencyId: string, enabled = true) => useGqlQuery(G.FollowUpCasesDocument, { agencyId }, { enabled });
export const useFollowUpCase = (id: string) => useGqlQuery(G.FollowUpCaseDocument, { id });
export const useMyFollowUpCases = () => useGqlQuery(G.MyFollowUpCasesDocument, {});
/** The signed-in staff member's own deadlines and next meetings in the cases they keep (for the early-warning list). */
export const useMyFollowUpDeadlines = (enabled = true) => useGqlQuery(G.MyFollowUpDeadlinesDocument, {}, { enabled });
export const useFollowUpReadLog = (agencyId: string, enabled = true) => useGqlQuery(G.FollowUpReadLogDocument, { agencyId }, { enabled });
/** The area's follow-up counts (the signed-in ministry's own area unless `areaId` names one), as published. */
export const useFollowUpFigures = (vars: G.FollowUpFiguresQueryVariables = {}, enabled = true) =>
  useGqlQuery(G.FollowUpFiguresDocument, vars, { enabled });
export const useOpenFollowUpCase = () => useGqlMutation(G.OpenFollowUpCaseDocument, FOLLOW_UP);
export const useRecordFollowUpStep = () => useGqlMutation(G.RecordFollowUpStepDocument, FOLLOW_UP);
export const useSetFollowUpActionDone = () => useGqlMutation(G.SetFollowUpActionDoneDocument, FOLLOW_UP);
export const useFollowUpSettings = (agencyId: string, enabled = true) => useGqlQuery(G.FollowUpSettingsDocument, { agencyId }, { enabled });
export const useSetFollowUpSettings = () => useGqlMutation(G.SetFollowUpSettingsDocument, ['FollowUpSettings', 'FollowUpCase']);
