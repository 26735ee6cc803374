import { arrayOf, fields, nullable, oneOf, optional } from './shape.ts';

const ERROR_MESSAGE = fields({
  locale: nullable('string'),
  localeOrigin: nullable(oneOf('DEFAULT', 'REQUEST', null)),
  text: 'string',
});

/** The body of every 400, 403, 404 and 500. */
export const ERROR_RESPONSE = fields({
  detailCode: 'string',
  trackingId: 'string',
  messages: arrayOf(ERROR_MESSAGE),
  causes: optional(arrayOf(ERROR_MESSAGE)),
});

/** The body of a 401. */
export const UNAUTHORIZED = fields({ error: 'string' });
