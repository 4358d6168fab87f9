/**
 * The README's receiver snippet (section "Webhooks") is code users copy: it is run here as written.
 */
import { createHmac } from 'crypto';
import { readFileSync } from 'fs';
import path from 'path';

const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
const snippet = /Verifying in Node:\s*```js\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const verify = new Function('require', `${snippet}\nreturn verify;`)(require) as (raw: string, header: string, secret: string) => boolean;

describe("the README's verification snippet", () => {
  const secret = 'whsec_test';
  const body = '{"id":1}';
  const t = Math.floor(Date.now() / 1000);
  const good = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');

  it('accepts a good signature among others and refuses a wrong one', () => {
    expect(verify(body, `t=${t},v1=${'0'.repeat(64)},v1=${good}`, secret)).toBe(true);
    expect(verify(body, `t=${t},v1=${'0'.repeat(64)}`, secret)).toBe(false);
  });

  it('refuses, without throwing, a forged v1 of 64 characters that are not all single bytes', () => {
    expect(verify(body, `t=${t},v1=${'é'.repeat(64)}`, secret)).toBe(false);
  });
});
