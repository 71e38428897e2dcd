import { AppException } from '../../graphql/app.exception';

export class NetworksException extends AppException {}
