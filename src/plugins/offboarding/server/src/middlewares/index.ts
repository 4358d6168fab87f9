import validIds from './valid-ids';

export default { 'valid-ids': validIds };
