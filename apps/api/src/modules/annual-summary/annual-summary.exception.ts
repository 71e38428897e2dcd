import { AppException } from '../../graphql/app.exception';

export class AnnualSummaryException extends AppException {}
