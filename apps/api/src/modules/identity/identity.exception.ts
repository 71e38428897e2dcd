import { AppException } from '../../graphql/app.exception';

export class IdentityException extends AppException {}
