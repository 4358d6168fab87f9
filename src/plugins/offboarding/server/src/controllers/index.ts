import entitlement from './entitlement';
import organization from './organization';
import settings from './settings';

export default { organization, entitlement, settings };
