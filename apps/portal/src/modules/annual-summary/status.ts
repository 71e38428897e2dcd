/** The colour of each report status, on the board and the report. */
export const REPORT_COLOUR = { NOT_STARTED: 'neutral', DRAFT: 'info', SUBMITTED: 'success', LATE: 'danger' } as const;
