import boundedInput from './bounded-input';
import redactTokens from './redact-tokens';
import validIds from './valid-ids';

export default { 'bounded-input': boundedInput, 'redact-tokens': redactTokens, 'valid-ids': validIds };
