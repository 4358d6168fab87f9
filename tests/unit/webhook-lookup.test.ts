/** A name resolving to several addresses, one of them private, is refused on save and at send time. */
import dns from 'dns';
import { guardedLookup, resolveHost, isBlockedAddress } from '../../src/plugins/offboarding/server/src/utils/network';

const answers = [
  { address: '93.184.216.34', family: 4 },
  { address: '10.0.0.5', family: 4 },
  { address: '2606:4700::1', family: 6 },
];

beforeEach(() => {
  jest.spyOn(dns, 'lookup').mockImplementation(((_host: string, _options: unknown, callback: (e: null, a: typeof answers) => void) => callback(null, answers)) as never);
});
afterEach(() => jest.restoreAllMocks());

it('resolveHost returns every address, so the save-time check sees the private one', async () => {
  const addresses = await resolveHost('mixed.example.com');
  expect(addresses).toEqual(answers.map((a) => a.address));
  expect(addresses.some(isBlockedAddress)).toBe(true);
});

it.each([{ all: true }, { all: false }, {}])('guardedLookup refuses the name at send time (%p)', (options) =>
  new Promise<void>((resolve) => {
    guardedLookup('mixed.example.com', options as never, (error) => {
      expect(error).toMatchObject({ code: 'EBLOCKED' });
      resolve();
    });
  })
);
