import type { Request, Response } from 'express';
import type { Role } from '@laerenett/shared-domain';
import type { Loaders } from './loaders';

/** The signed-in user as the rest of the API sees it. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  areaId: string | null;
  agencyId: string | null;
  language: string;
}

export interface AuthedRequest extends Request {
  actor?: Actor | null;
  sessionTokenHash?: string;
  actorResolved?: Promise<void>;
}

export interface GqlContext {
  req: AuthedRequest;
  res: Response;
  loaders: Loaders;
}
