import { AppException } from '../../graphql/app.exception';

export class ApprenticesException extends AppException {}
