import { AppException } from '../../graphql/app.exception';

export class ActionPlansException extends AppException {}
