import { AppException } from '../../graphql/app.exception';

export class AgenciesException extends AppException {}
