import { AppException } from '../../graphql/app.exception';

export class PoolingException extends AppException {}
