import { AppException } from '../../graphql/app.exception';

export class GatheringsException extends AppException {}
