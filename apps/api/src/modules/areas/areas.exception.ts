import { AppException } from '../../graphql/app.exception';

export class AreasException extends AppException {}
