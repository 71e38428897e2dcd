/**
 * nodemailer's pool for SMTP: a few long-lived connections, each carrying many messages (given
 * with the URL as transport options — `createTransport({ url, ...SMTP_POOL })`; as the second
 * argument they would be message defaults, and every mail would open a connection of its own).
 * Shared with the invitation benchmark, whose reference is raw nodemailer with these settings.
 */
export const SMTP_POOL = { pool: true, maxConnections: 4, maxMessages: 1_000 } as const;
