import { AppException } from '../../graphql/app.exception';

export class TargetsException extends AppException {}
