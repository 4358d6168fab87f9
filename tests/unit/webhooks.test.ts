/** The pure rules of the plugin's webhooks (docs/spec.md §10): backoff, signing, SSRF ranges, data minimisation. */
import { createHmac } from 'crypto';
import { withoutPersonalData, WEBHOOK_PERSONAL_KEYS } from '../../src/plugins/offboarding/server/src/domain/customer-view';
import { nextAttemptAt, shouldDisable, signatureHeader, subscribes } from '../../src/plugins/offboarding/server/src/domain/webhooks';
import { isBlockedAddress } from '../../src/plugins/offboarding/server/src/utils/network';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = new Date('2027-01-11T00:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('backoff', () => {
  it('waits 1 min, 5 min, 30 min, 2 h, then 6 h, and gives up 3 days after the first attempt', () => {
    expect(nextAttemptAt(1, T0, T0)).toEqual(at(MINUTE));
    expect(nextAttemptAt(2, T0, at(MINUTE))).toEqual(at(6 * MINUTE));
    expect(nextAttemptAt(3, T0, at(6 * MINUTE))).toEqual(at(36 * MINUTE));
    expect(nextAttemptAt(4, T0, at(36 * MINUTE))).toEqual(at(36 * MINUTE + 2 * HOUR));
    expect(nextAttemptAt(5, T0, at(3 * HOUR))).toEqual(at(9 * HOUR));
    expect(nextAttemptAt(9, T0, at(70 * HOUR))).toEqual(at(72 * HOUR));
    expect(nextAttemptAt(10, T0, at(72 * HOUR))).toBeNull();
  });

  it('disables an endpoint failing for 3 days in a row', () => {
    expect(shouldDisable(null, at(100 * HOUR))).toBe(false);
    expect(shouldDisable(T0, at(71 * HOUR))).toBe(false);
    expect(shouldDisable(T0, at(72 * HOUR))).toBe(true);
  });
});

describe('signature', () => {
  it('is t=<seconds>,v1=<hex HMAC-SHA256 of "t.body"> for each secret', () => {
    const body = '{"id":1}';
    const header = signatureHeader(['new', 'old'], 1_800_000_000, body);
    const hmac = (secret: string) => createHmac('sha256', secret).update(`1800000000.${body}`).digest('hex');
    expect(header).toBe(`t=1800000000,v1=${hmac('new')},v1=${hmac('old')}`);
  });

  it('subscribes to * or the listed types; a ping always', () => {
    expect(subscribes(['*'], 'entitlement.cancelled')).toBe(true);
    expect(subscribes(['entitlement.cancelled'], 'entitlement.cancelled')).toBe(true);
    expect(subscribes(['entitlement.cancelled'], 'organization.created')).toBe(false);
    expect(subscribes(['entitlement.cancelled'], 'ping')).toBe(true);
  });
});

describe('SSRF ranges', () => {
  it.each([
    '127.0.0.1', '127.8.9.1', '10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.0.10', '169.254.169.254', '0.0.0.0', '100.64.0.1',
    '::1', '::', 'fe80::1', 'fd12:3456::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:169.254.169.254', '[::1]', 'not-an-ip',
    '::7f00:1', '::127.0.0.1', '::a9fe:a9fe', '::ffff:0:7f00:1', '::ffff:0:127.0.0.1', 'fec0::1', 'feff::1', '100::1',
  ])('refuses %s', (address) => expect(isBlockedAddress(address)).toBe(true));

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2a00:1450:4001::1', '101::1'])('lets %s through', (address) =>
    expect(isBlockedAddress(address)).toBe(false)
  );
});

describe('data minimisation', () => {
  it('leaves personal data and internal notes out at any depth, keeps the rest and `changed`', () => {
    const data = {
      documentId: 'org1',
      name: 'Acme',
      status: 'cancelled',
      email: 'a@b.c',
      phone: '1',
      address: 'x',
      taxId: 'T',
      notes: 'n',
      legalHoldReason: 'r',
      archivedBy: 'admin@x',
      cancellationNotes: 'c',
      suspensionNotes: 's',
      somethingNewNotes: 'later field',
      reviewedBy: 'later field',
      entitlements: [{ documentId: 'e1', cancellationNotes: 'deep', cancelRequestedBy: 'admin@x', price: 3 }],
      user: { email: 'u@x', username: 'u' },
      changed: ['email', 'status'],
    };
    expect(withoutPersonalData(data)).toEqual({
      documentId: 'org1',
      name: 'Acme',
      status: 'cancelled',
      entitlements: [{ documentId: 'e1', price: 3 }],
      changed: ['email', 'status'],
    });
    expect(WEBHOOK_PERSONAL_KEYS).toEqual(expect.arrayContaining(['email', 'phone', 'address', 'taxId', 'notes', 'legalHoldReason', 'actorName']));
  });
});
