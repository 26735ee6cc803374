// `node --import ./test/helpers/record-modules.mjs`: appends the URL of every module the
// process loads to the file named by MODULE_LOG, one a line.
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function load(url, context, next) {
  appendFileSync(log, url + '\\n');
  return next(url, context);
}`;

if (process.env.MODULE_LOG) {
  register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { log: process.env.MODULE_LOG } });
}
